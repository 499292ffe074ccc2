package io.kubz.slicer.layered;

import io.kubz.gkr.model.Layer;
import io.kubz.gkr.model.LayeredModel;
import io.kubz.gkr.model.SparseMatrix;
import io.kubz.gkr.model.TableDef;
import io.kubz.lookup.table.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends layers to a model under construction and tracks, per tensor, a bound B with |v| ≤ B for
 * every value the tensor can take (a double: bounds only steer range widths, never correctness).
 * The bound of a rescale, lookup or max output is enforced by the layer itself; of a model input it
 * is the lowering's assumption ({@link LayeredLowering#inputBound}); of a linear layer or a product
 * it follows from its inputs' bounds.
 */
final class LayerBuilder {
  /** Largest width a rescale or a max's difference may have ({@link Layer.Rescale}). */
  static final int MAX_BITS = 48;

  private final List<Layer> layers = new ArrayList<>();
  private final List<Double> bounds = new ArrayList<>();
  private final Map<String, Integer> tableIds = new LinkedHashMap<>();
  private final List<TableDef> tables = new ArrayList<>();

  int size(int t) {
    return layers.get(t).size();
  }

  /** The layer that defines tensor t. */
  Layer layer(int t) {
    return layers.get(t);
  }

  double bound(int t) {
    return bounds.get(t);
  }

  int count() {
    return layers.size();
  }

  private int add(Layer l, double bound) {
    layers.add(l);
    bounds.add(bound);
    return layers.size() - 1;
  }

  int input(int size, double bound) {
    return add(new Layer.Input(size), bound);
  }

  /** out = bias + Σ matrices[i]·tensors[i]; bias may be null. */
  int linear(int size, int[] tensors, SparseMatrix[] matrices, long[] bias) {
    List<Layer.Term> terms = new ArrayList<>();
    double[] rowBound = new double[size];
    for (int i = 0; i < tensors.length; i++) {
      SparseMatrix m = matrices[i];
      terms.add(new Layer.Term(tensors[i], m));
      double b = bound(tensors[i]);
      for (int r = 0; r < size; r++) {
        for (int k = m.rowStart()[r]; k < m.rowStart()[r + 1]; k++) {
          rowBound[r] += Math.abs((double) m.val()[k]) * b;
        }
      }
    }
    double max = 0;
    for (int r = 0; r < size; r++) {
      max = Math.max(max, rowBound[r] + (bias == null ? 0 : Math.abs((double) bias[r])));
    }
    return add(new Layer.Linear(size, terms, bias), max);
  }

  int linear(int tensor, SparseMatrix m, long[] bias) {
    return linear(m.rows(), new int[] {tensor}, new SparseMatrix[] {m}, bias);
  }

  /** out[i] = src[source[i]] (0 where source[i] &lt; 0); src itself when that is the identity. */
  int gather(int src, int[] source) {
    if (source.length == size(src)) {
      boolean identity = true;
      for (int i = 0; i < source.length && identity; i++) {
        identity = source[i] == i;
      }
      if (identity) {
        return src;
      }
    }
    return linear(src, SparseMatrix.gather(size(src), source), null);
  }

  /** A tensor of constant values (a linear layer of no weight on tensor 0, whose bias they are). */
  int constant(long[] values) {
    return linear(0, new SparseMatrix.Builder(values.length, size(0)).build(), values.clone());
  }

  /** A convolution with its weights stored once; its bound is max_m |bias[m]| + Σ_(c,u) |w[m,c,u]|·B(x). */
  int conv(Layer.Conv c) {
    int per = c.weights().length / c.outChannels();
    double max = 0;
    for (int m = 0; m < c.outChannels(); m++) {
      double s = c.bias() == null ? 0 : Math.abs((double) c.bias()[m]);
      for (int k = m * per; k < (m + 1) * per; k++) {
        s += Math.abs((double) c.weights()[k]) * bound(c.input());
      }
      max = Math.max(max, s);
    }
    return add(c, max);
  }

  int product(int a, int b) {
    return add(new Layer.Product(size(a), a, b), bound(a) * bound(b));
  }

  int matmul(int batch, int m, int n, int p, int a, int b) {
    return add(new Layer.MatMul(batch, m, n, p, a, b), n * bound(a) * bound(b));
  }

  /** ⌊(in + 2^(shift−1)) / 2^shift⌋ checked to outBits signed bits; the input itself when shift = 0. */
  int rescale(int in, int shift, int outBits) {
    if (shift == 0) {
      return in;
    }
    return add(new Layer.Rescale(size(in), in, shift, outBits), Math.scalb(1.0, outBits - 1));
  }

  int lookup(int in, TableSpec spec) {
    Integer id = tableIds.get(spec.id());
    return lookup(in, id != null ? tables.get(id) : new TableDef(spec.id(), spec.column(0), spec.column(1)));
  }

  /** A lookup into a table the lowering builds itself (one per id: the same id must mean the same pairs). */
  int lookup(int in, TableDef def) {
    Integer id = tableIds.get(def.id());
    if (id == null) {
      id = tables.size();
      tables.add(def);
      tableIds.put(def.id(), id);
    }
    double b = 0;
    for (long v : tables.get(id).outputs()) {
      b = Math.max(b, Math.abs((double) v));
    }
    return add(new Layer.Lookup(size(in), in, id), b);
  }

  /**
   * Element-wise maximum; its differences are checked to the width the inputs' bounds need
   * (max − x ≤ 2·B), at most {@link #MAX_BITS}.
   */
  int max(int... ins) {
    if (ins.length == 1) {
      return ins[0];
    }
    double b = 0;
    for (int t : ins) {
      b = Math.max(b, bound(t));
    }
    return add(new Layer.Max(size(ins[0]), ins, Math.min(MAX_BITS, bitsAbove(2 * b))), b);
  }

  /**
   * max(ins…, 0) with differences checked to {@code diffBits} bits, for inputs the caller knows to lie
   * in [−2^(diffBits−1), 2^(diffBits−1)) (a rescale checked to that width): every difference is then
   * in [0, 2^diffBits), one bit fewer than {@link #max(int...)}'s bound-derived width.
   */
  int maxWithZero(int diffBits, int... ins) {
    int[] all = java.util.Arrays.copyOf(ins, ins.length + 1);
    all[ins.length] = constant(new long[size(ins[0])]);
    return add(new Layer.Max(size(ins[0]), all, diffBits), Math.scalb(1.0, diffBits - 1));
  }

  /**
   * Lowers the bound of tensor t to {@code bound} when a construction knows better than interval
   * arithmetic (a one-hot selection's value is one of the selected values, not their sum).
   */
  void tighten(int t, double bound) {
    bounds.set(t, Math.min(bounds.get(t), bound));
  }

  /** The least n ≥ 1 with 2^n &gt; b. */
  static int bitsAbove(double b) {
    int n = 1;
    while (n < 62 && Math.scalb(1.0, n) <= b) {
      n++;
    }
    return n;
  }

  /** The signed width of a value bounded by b: the least w with 2^(w−1) &gt; b. */
  static int signedBits(double b) {
    return bitsAbove(b) + 1;
  }

  LayeredModel build(int[] outputs) {
    return new LayeredModel(layers, outputs, tables);
  }
}
