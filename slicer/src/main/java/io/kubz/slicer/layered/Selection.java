package io.kubz.slicer.layered;

import io.kubz.gkr.model.SparseMatrix;
import io.kubz.gkr.model.TableDef;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.quant.QNode;

/**
 * ArgMax/ArgMin and gathers by an activation index, with the interpreter's semantics.
 *
 * <p>ArgMax over a group x_0 … x_{n−1}: m = max_j x_j (a {@code Max}, so x_j − m ≤ 0 is forced),
 * e_j = [x_j − m ≥ 0] = [x_j = m] ({@link Logic#nonNegative}). With prefix counts c_j = Σ_{i≤j} e_i
 * (≥ 0), the first maximal index is #{j &lt; n − 1 : c_j = 0} = Σ_j [−c_j ≥ 0]; with suffix counts
 * s_j = Σ_{i≥j} e_i, the last (selectLast) is n − 1 − #{j ≥ 1 : s_j = 0}. ArgMin is ArgMax of −x.
 * The output is index·2^s.
 *
 * <p>Gather by an index u over an axis of extent d (u = i·2^t, t the index's scale): the one-hot
 * h_k = E(u − k·2^t) for k &lt; d, with E the table {m·2^t ↦ [m = 0] : |m| &lt; d}. Its lookups accept
 * exactly the interpreter's indices: k = 0 needs u = m·2^t with |m| &lt; d, k = d − 1 needs
 * m − d + 1 &gt; −d, so 0 ≤ m &lt; d; then h is the one-hot of m. The selection Σ_k h_k·x_k is a linear
 * layer when x is constant, a {@code MatMul} (Gather: one-hot rows times x's axis) or a product and a
 * sum (GatherElements) when x is an activation. No rescale: h is 0/1.
 */
final class Selection {
  private Selection() {}

  static int argExtreme(Lowering l, QNode qn) {
    Node n = qn.node();
    Op.ArgExtreme op = (Op.ArgExtreme) n.op();
    if (qn.isParam(0)) {
      throw Lowering.unsupported(n);
    }
    int[] xs = l.shape(n.inputs().get(0));
    int outer = 1;
    for (int d = 0; d < op.axis(); d++) {
      outer *= xs[d];
    }
    int len = xs[op.axis()];
    int groups = (int) (Shapes.size(xs) / len);
    int inner = groups / outer;
    long one = 1L << qn.outScale();
    if (len == 1) {
      return l.b.constant(new long[groups]);
    }
    int x = l.tensor(n.inputs().get(0));
    if (!op.max()) {
      x = Elementwise.negate(l, x);
    }
    int[] at = new int[len];
    for (int j = 0; j < len; j++) {
      int[] src = new int[groups];
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < inner; i++) {
          src[o * inner + i] = (o * len + j) * inner + i;
        }
      }
      at[j] = l.b.gather(x, src);
    }
    int m = l.b.max(at);
    // x_j − m for every j, stacked: row j·groups + g
    int[] terms = new int[len + 1];
    SparseMatrix[] mats = new SparseMatrix[len + 1];
    SparseMatrix.Builder mm = new SparseMatrix.Builder(len * groups, groups);
    for (int j = 0; j < len; j++) {
      terms[j] = at[j];
      SparseMatrix.Builder mj = new SparseMatrix.Builder(len * groups, groups);
      for (int g = 0; g < groups; g++) {
        mj.add(j * groups + g, g, 1);
        mm.add(j * groups + g, g, -1);
      }
      mats[j] = mj.build();
    }
    terms[len] = m;
    mats[len] = mm.build();
    int e = Logic.nonNegative(l.b, l.b.linear(len * groups, terms, mats, null));
    // −c_j for j < len − 1 (first), or −s_j for j ≥ 1 (last): row (j′)·groups + g, j′ = 0 … len − 2
    SparseMatrix.Builder mc = new SparseMatrix.Builder((len - 1) * groups, len * groups);
    for (int jp = 0; jp < len - 1; jp++) {
      int from = op.selectLast() ? jp + 1 : 0;
      int to = op.selectLast() ? len - 1 : jp;
      for (int g = 0; g < groups; g++) {
        for (int i = from; i <= to; i++) {
          mc.add(jp * groups + g, i * groups + g, -1);
        }
      }
    }
    int counts = l.b.linear(e, mc.build(), null);
    l.b.tighten(counts, len);
    int zero = Logic.nonNegative(l.b, counts);
    SparseMatrix.Builder ms = new SparseMatrix.Builder(groups, (len - 1) * groups);
    for (int g = 0; g < groups; g++) {
      for (int jp = 0; jp < len - 1; jp++) {
        ms.add(g, jp * groups + g, op.selectLast() ? -one : one);
      }
    }
    int idx = l.b.linear(zero, ms.build(), op.selectLast() ? Logic.filled(groups, (len - 1) * one) : null);
    l.b.tighten(idx, (len - 1) * (double) one);
    return idx;
  }

  /** Gather along an axis by an activation index tensor u: y[o, j, e] = x[o, u_j, e]. */
  static int gather(Lowering l, QNode qn) {
    Node n = qn.node();
    if (qn.isParam(1)) {
      throw Lowering.unsupported(n);
    }
    int axis = ((Op.DynamicGather) n.op()).axis();
    int[] xs = l.shape(n.inputs().get(0));
    int dim = xs[axis];
    int outer = 1;
    for (int d = 0; d < axis; d++) {
      outer *= xs[d];
    }
    int inner = (int) (Shapes.size(xs) / ((long) outer * dim));
    int u = l.tensor(n.inputs().get(1));
    int count = l.b.size(u);
    int[] src = new int[count * dim];
    for (int j = 0; j < count; j++) {
      java.util.Arrays.fill(src, j * dim, (j + 1) * dim, j);
    }
    int h = oneHot(l, qn, l.b.gather(u, src), dim);
    int y;
    double bound;
    if (qn.isParam(0)) {
      long[] w = qn.params()[0];
      SparseMatrix.Builder mb = new SparseMatrix.Builder(outer * count * inner, count * dim);
      bound = 0;
      for (int o = 0; o < outer; o++) {
        for (int j = 0; j < count; j++) {
          for (int i = 0; i < inner; i++) {
            for (int k = 0; k < dim; k++) {
              long v = w[(o * dim + k) * inner + i];
              mb.add((o * count + j) * inner + i, j * dim + k, v);
              bound = Math.max(bound, Math.abs((double) v));
            }
          }
        }
      }
      y = l.b.linear(h, mb.build(), null);
    } else {
      int x = l.tensor(n.inputs().get(0));
      int a = h;
      if (outer > 1) {
        int[] rep = new int[outer * count * dim];
        for (int r = 0; r < rep.length; r++) {
          rep[r] = r % (count * dim);
        }
        a = l.b.gather(h, rep);
      }
      y = l.b.matmul(outer, count, dim, inner, a, x);
      bound = l.b.bound(x);
    }
    l.b.tighten(y, bound);
    return y;
  }

  /** GatherElements by an activation index tensor u of the output's shape. */
  static int gatherElements(Lowering l, QNode qn) {
    Node n = qn.node();
    if (qn.isParam(1)) {
      throw Lowering.unsupported(n);
    }
    int axis = ((Op.DynamicGatherElements) n.op()).axis();
    int[] xs = l.shape(n.inputs().get(0));
    int[] us = l.shape(n.inputs().get(1));
    int dim = xs[axis];
    int[] xStr = Shapes.strides(xs);
    int[] uStr = Shapes.strides(us);
    int u = l.tensor(n.inputs().get(1));
    int count = l.b.size(u);
    int[] src = new int[count * dim];
    int[] from = new int[count * dim];
    for (int j = 0; j < count; j++) {
      int base = 0;
      for (int d = 0; d < us.length; d++) {
        base += d == axis ? 0 : (j / uStr[d] % us[d]) * xStr[d];
      }
      for (int k = 0; k < dim; k++) {
        src[j * dim + k] = j;
        from[j * dim + k] = base + k * xStr[axis];
      }
    }
    int h = oneHot(l, qn, l.b.gather(u, src), dim);
    SparseMatrix.Builder mb = new SparseMatrix.Builder(count, count * dim);
    double bound = 0;
    int y;
    if (qn.isParam(0)) {
      long[] w = qn.params()[0];
      for (int r = 0; r < from.length; r++) {
        mb.add(r / dim, r, w[from[r]]);
        bound = Math.max(bound, Math.abs((double) w[from[r]]));
      }
      y = l.b.linear(h, mb.build(), null);
    } else {
      int x = l.tensor(n.inputs().get(0));
      for (int r = 0; r < from.length; r++) {
        mb.add(r / dim, r, 1);
      }
      y = l.b.linear(l.b.product(h, l.b.gather(x, from)), mb.build(), null);
      bound = l.b.bound(x);
    }
    l.b.tighten(y, bound);
    return y;
  }

  /**
   * h[j·dim + k] = [u_j = k·2^t] from {@code rows}, the index repeated dim times (row j·dim + k holds
   * u_j): one lookup of u_j − k·2^t into the equality table, which also refuses every invalid index.
   */
  private static int oneHot(Lowering l, QNode qn, int rows, int dim) {
    int t = qn.inScales()[1];
    int size = l.b.size(rows);
    long[] bias = new long[size];
    for (int r = 0; r < size; r++) {
      bias[r] = -Math.multiplyExact((long) (r % dim), 1L << t);
    }
    int diff = l.b.linear(rows, Logic.identity(size, 1), bias);
    long[] in = new long[2 * dim - 1];
    long[] out = new long[in.length];
    for (int m = -(dim - 1); m < dim; m++) {
      in[m + dim - 1] = Math.multiplyExact((long) m, 1L << t);
      out[m + dim - 1] = m == 0 ? 1 : 0;
    }
    return l.b.lookup(diff, new TableDef("kubz/index-equals/" + dim + "/" + t, in, out));
  }
}
