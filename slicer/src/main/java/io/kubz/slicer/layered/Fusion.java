package io.kubz.slicer.layered;

import io.kubz.gkr.model.Layer;
import io.kubz.gkr.model.LayeredModel;
import io.kubz.gkr.model.SparseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Merges a linear layer into the one linear layer that reads it, when that costs no entries:
 * B·(Σ A_s·x_s + a) + … = Σ (B·A_s)·x_s + B·a + …, kept only when nnz(B·A) ≤ nnz(B) + nnz(A) (a
 * re-indexing after an addition, a padding before a convolution, the negations around a minimum).
 * The merged layer computes the same integers (the intermediate tensor is no longer materialised);
 * layers nothing reads any more are dropped and the ids renumbered.
 */
final class Fusion {
  private Fusion() {}

  static LayeredModel fuse(LayeredModel model) {
    List<Layer> layers = new ArrayList<>(model.layers());
    int n = layers.size();
    int[] readers = new int[n];
    boolean[] output = new boolean[n];
    for (int o : model.outputs()) {
      output[o] = true;
    }
    for (Layer l : layers) {
      for (int in : l.inputs()) {
        readers[in]++;
      }
    }
    for (int j = 0; j < n; j++) {
      if (!(layers.get(j) instanceof Layer.Linear outer)) {
        continue;
      }
      List<Layer.Term> terms = new ArrayList<>();
      long[] bias = outer.bias() == null ? null : outer.bias().clone();
      boolean changed = false;
      for (Layer.Term term : outer.terms()) {
        int t = term.tensor();
        if (layers.get(t) instanceof Layer.Linear inner && readers[t] == 1 && !output[t] && cheap(term.matrix(), inner)) {
          for (Layer.Term it : inner.terms()) {
            terms.add(new Layer.Term(it.tensor(), multiply(term.matrix(), it.matrix())));
            readers[it.tensor()]++;
          }
          if (inner.bias() != null) {
            long[] add = term.matrix().apply(inner.bias());
            bias = bias == null ? add : sum(bias, add);
          }
          readers[t]--;
          changed = true;
        } else {
          terms.add(term);
        }
      }
      if (changed) {
        layers.set(j, new Layer.Linear(outer.size(), terms, bias));
      }
    }
    return prune(layers, model, readers, output);
  }

  private static boolean cheap(SparseMatrix b, Layer.Linear inner) {
    long nnzA = 0;
    long product = 0;
    for (Layer.Term t : inner.terms()) {
      nnzA += t.matrix().nnz();
      SparseMatrix a = t.matrix();
      for (int k = 0; k < b.nnz(); k++) {
        int c = b.col()[k];
        product += a.rowStart()[c + 1] - a.rowStart()[c];
      }
    }
    return product <= b.nnz() + nnzA;
  }

  /** B·A, exact. */
  static SparseMatrix multiply(SparseMatrix b, SparseMatrix a) {
    SparseMatrix.Builder mb = new SparseMatrix.Builder(b.rows(), a.cols());
    for (int i = 0; i < b.rows(); i++) {
      for (int k = b.rowStart()[i]; k < b.rowStart()[i + 1]; k++) {
        int c = b.col()[k];
        for (int q = a.rowStart()[c]; q < a.rowStart()[c + 1]; q++) {
          mb.add(i, a.col()[q], Math.multiplyExact(b.val()[k], a.val()[q]));
        }
      }
    }
    return mb.build();
  }

  private static long[] sum(long[] x, long[] y) {
    long[] r = new long[x.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = Math.addExact(x[i], y[i]);
    }
    return r;
  }

  /** Drops layers nothing reads (inputs and outputs stay) and renumbers the rest. */
  private static LayeredModel prune(List<Layer> layers, LayeredModel model, int[] readers, boolean[] output) {
    int n = layers.size();
    boolean[] keep = new boolean[n];
    for (int t = n - 1; t >= 0; t--) {
      keep[t] = output[t] || layers.get(t) instanceof Layer.Input || readers[t] > 0;
      if (!keep[t]) {
        for (int in : layers.get(t).inputs()) {
          readers[in]--;
        }
      }
    }
    int[] id = new int[n];
    List<Layer> kept = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      id[t] = kept.size();
      if (keep[t]) {
        kept.add(renumber(layers.get(t), id));
      }
    }
    int[] outputs = Arrays.stream(model.outputs()).map(o -> id[o]).toArray();
    return new LayeredModel(kept, outputs, model.tables());
  }

  private static Layer renumber(Layer l, int[] id) {
    if (l instanceof Layer.Linear lin) {
      List<Layer.Term> terms = new ArrayList<>();
      for (Layer.Term t : lin.terms()) {
        terms.add(new Layer.Term(id[t.tensor()], t.matrix()));
      }
      return new Layer.Linear(lin.size(), terms, lin.bias());
    } else if (l instanceof Layer.Product p) {
      return new Layer.Product(p.size(), id[p.a()], id[p.b()]);
    } else if (l instanceof Layer.MatMul m) {
      return new Layer.MatMul(m.batch(), m.m(), m.n(), m.p(), id[m.a()], id[m.b()]);
    } else if (l instanceof Layer.Rescale r) {
      return new Layer.Rescale(r.size(), id[r.input()], r.shift(), r.outBits());
    } else if (l instanceof Layer.Lookup k) {
      return new Layer.Lookup(k.size(), id[k.input()], k.table());
    } else if (l instanceof Layer.Max mx) {
      return new Layer.Max(mx.size(), Arrays.stream(mx.inputs()).map(i -> id[i]).toArray(), mx.diffBits());
    } else if (l instanceof Layer.Conv c) {
      return new Layer.Conv(id[c.input()], c.batch(), c.channels(), c.outChannels(), c.group(), c.in(), c.out(),
          c.kernel(), c.strides(), c.pads(), c.dilations(), c.weights(), c.bias());
    }
    return l;
  }
}
