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
   * GatherND by an activation index tensor [b…, i…, k]: the one-hot of each tuple's flat position
   * over the k addressed axes ({@link #tupleOneHot}), then a linear layer (constant data) or a
   * batched {@code MatMul} of the one-hot rows [batch, tuples, n] by the data [batch, n, inner].
   */
  static int gatherNd(Lowering l, QNode qn) {
    Node n = qn.node();
    if (qn.isParam(1)) {
      throw Lowering.unsupported(n);
    }
    int bd = ((Op.DynamicGatherND) n.op()).batchDims();
    int[] xs = l.shape(n.inputs().get(0));
    int[] is = l.shape(n.inputs().get(1));
    int k = is[is.length - 1];
    int[] ext = java.util.Arrays.copyOfRange(xs, bd, bd + k);
    int batch = (int) Shapes.size(java.util.Arrays.copyOf(xs, bd));
    int inner = (int) Shapes.size(java.util.Arrays.copyOfRange(xs, bd + k, xs.length));
    int dim = (int) Shapes.size(ext);
    int rows = (int) (Shapes.size(is) / k);
    int tuples = rows / batch;
    int h = tupleOneHot(l, qn, l.tensor(n.inputs().get(1)), rows, ext);
    int y;
    double bound = 0;
    if (qn.isParam(0)) {
      long[] w = qn.params()[0];
      SparseMatrix.Builder mb = new SparseMatrix.Builder(rows * inner, rows * dim);
      for (int r = 0; r < rows; r++) {
        for (int e = 0; e < inner; e++) {
          for (int f = 0; f < dim; f++) {
            long v = w[((r / tuples) * dim + f) * inner + e];
            mb.add(r * inner + e, r * dim + f, v);
            bound = Math.max(bound, Math.abs((double) v));
          }
        }
      }
      y = l.b.linear(h, mb.build(), null);
    } else {
      int x = l.tensor(n.inputs().get(0));
      y = l.b.matmul(batch, tuples, dim, inner, h, x);
      bound = l.b.bound(x);
    }
    l.b.tighten(y, bound);
    return y;
  }

  /**
   * The one-hot of each index tuple's flat position: row r·n + f (n = Π ext) is 1 iff tuple r
   * (components u[r·k + j]) addresses f = Σ_j i_j·Π_{j′>j} ext_j′. Each component gets its own
   * one-hot (whose lookups refuse any index outside [0, ext_j)); the flat one is their product.
   */
  static int tupleOneHot(Lowering l, QNode qn, int u, int rows, int[] ext) {
    int k = ext.length;
    int cur = -1;
    int n = 1;
    for (int j = 0; j < k; j++) {
      int[] src = new int[rows * ext[j]];
      for (int r = 0; r < rows; r++) {
        java.util.Arrays.fill(src, r * ext[j], (r + 1) * ext[j], r * k + j);
      }
      int hj = oneHot(l, qn, l.b.gather(u, src), ext[j]);
      if (j == 0) {
        cur = hj;
        n = ext[0];
        continue;
      }
      int m = n * ext[j];
      int[] a = new int[rows * m];
      int[] b = new int[rows * m];
      for (int r = 0; r < rows; r++) {
        for (int f = 0; f < m; f++) {
          a[r * m + f] = r * n + f / ext[j];
          b[r * m + f] = r * ext[j] + f % ext[j];
        }
      }
      cur = l.b.product(l.b.gather(cur, a), l.b.gather(hj, b));
      l.b.tighten(cur, 1);
      n = m;
    }
    return cur;
  }

  /**
   * ScatterElements and ScatterND by an activation index: h = the one-hot of each update's
   * position (per update over its axis, or per tuple over the flat position), then for each
   * candidate write (update j may write position p) the weight w = h·[no later update of p is hot]
   * (a suffix count, zero-tested by a lookup) and
   * <pre>  y_p = x_p + Σ_candidates w·(u_j − x_p)  </pre>
   * so the last write wins (kubz's choice for duplicates; ONNX leaves them undefined).
   */
  static int scatter(Lowering l, QNode qn) {
    Node n = qn.node();
    if (qn.isParam(1)) {
      throw Lowering.unsupported(n);
    }
    int[] xs = l.shape(n.inputs().get(0));
    int[] is = l.shape(n.inputs().get(1));
    int u = l.tensor(n.inputs().get(1));
    int h;
    int[] hPos; // the output position a hot row of h writes (its class for the suffix count)
    int[] cRow; // per candidate: the row of h, the position and the update element
    int[] cPos;
    int[] cUpd;
    if (n.op() instanceof Op.ScatterElements se) {
      int axis = se.axis();
      int dim = xs[axis];
      int[] xStr = Shapes.strides(xs);
      int[] iStr = Shapes.strides(is);
      int count = (int) Shapes.size(is);
      int[] src = new int[count * dim];
      hPos = new int[count * dim];
      for (int j = 0; j < count; j++) {
        int base = 0;
        for (int d = 0; d < is.length; d++) {
          base += d == axis ? 0 : (j / iStr[d] % is[d]) * xStr[d];
        }
        for (int c = 0; c < dim; c++) {
          src[j * dim + c] = j;
          hPos[j * dim + c] = base + c * xStr[axis];
        }
      }
      h = oneHot(l, qn, l.b.gather(u, src), dim);
      cRow = new int[count * dim];
      cUpd = new int[count * dim];
      for (int r = 0; r < cRow.length; r++) {
        cRow[r] = r;
        cUpd[r] = r / dim;
      }
      cPos = hPos;
    } else {
      int k = is[is.length - 1];
      int[] ext = java.util.Arrays.copyOf(xs, k);
      int dim = (int) Shapes.size(ext);
      int inner = (int) (Shapes.size(xs) / dim);
      int tuples = (int) (Shapes.size(is) / k);
      h = tupleOneHot(l, qn, u, tuples, ext);
      hPos = new int[tuples * dim];
      cRow = new int[tuples * dim * inner];
      cPos = new int[cRow.length];
      cUpd = new int[cRow.length];
      for (int t = 0; t < tuples; t++) {
        for (int f = 0; f < dim; f++) {
          hPos[t * dim + f] = f;
          for (int e = 0; e < inner; e++) {
            int c = (t * dim + f) * inner + e;
            cRow[c] = t * dim + f;
            cPos[c] = f * inner + e;
            cUpd[c] = t * inner + e;
          }
        }
      }
    }
    int x = qn.isParam(0) ? l.b.constant(qn.params()[0]) : l.tensor(n.inputs().get(0));
    int upd = qn.isParam(2) ? l.b.constant(qn.params()[2]) : l.tensor(n.inputs().get(2));
    int w = lastWrites(l, h, hPos);
    int size = l.b.size(x);
    int diff = l.b.linear(cRow.length, new int[] {upd, x}, new SparseMatrix[] {
        SparseMatrix.gather(l.b.size(upd), cUpd), negated(cPos, size)}, null);
    int p = l.b.product(l.b.gather(w, cRow), diff);
    SparseMatrix.Builder sum = new SparseMatrix.Builder(size, cRow.length);
    int[][] at = byPosition(cPos, size);
    for (int q = 0; q < size; q++) {
      for (int c : at[q]) {
        sum.add(q, c, 1);
      }
    }
    int y = l.b.linear(size, new int[] {x, p}, new SparseMatrix[] {Logic.identity(size, 1), sum.build()}, null);
    l.b.tighten(y, Math.max(l.b.bound(x), l.b.bound(upd)));
    return y;
  }

  /** The indices c with pos[c] = p, ascending, for each p &lt; size. */
  private static int[][] byPosition(int[] pos, int size) {
    int[] count = new int[size];
    for (int p : pos) {
      count[p]++;
    }
    int[][] at = new int[size][];
    for (int p = 0; p < size; p++) {
      at[p] = new int[count[p]];
      count[p] = 0;
    }
    for (int c = 0; c < pos.length; c++) {
      at[pos[c]][count[pos[c]]++] = c;
    }
    return at;
  }

  /** −gather: row c reads −x[pos[c]]. */
  private static SparseMatrix negated(int[] pos, int size) {
    SparseMatrix.Builder mb = new SparseMatrix.Builder(pos.length, size);
    for (int c = 0; c < pos.length; c++) {
      mb.add(c, pos[c], -1);
    }
    return mb.build();
  }

  /**
   * w_r = h_r·[Σ_{r′ &gt; r, pos r′ = pos r} h_r′ = 0]: a hot row that no later hot row of the same
   * position overwrites. The suffix count lies in [0, m) (m rows per position), zero-tested by a
   * lookup that also pins it to that range.
   */
  private static int lastWrites(Lowering l, int h, int[] pos) {
    int positions = 0;
    for (int p : pos) {
      positions = Math.max(positions, p + 1);
    }
    int[][] at = byPosition(pos, positions);
    int most = 1;
    int[] rank = new int[pos.length];
    for (int[] rs : at) {
      most = Math.max(most, rs.length);
      for (int a = 0; a < rs.length; a++) {
        rank[rs[a]] = a;
      }
    }
    SparseMatrix.Builder mb = new SparseMatrix.Builder(pos.length, pos.length);
    for (int r = 0; r < pos.length; r++) {
      int[] rs = at[pos[r]];
      for (int b = rank[r] + 1; b < rs.length; b++) {
        mb.add(r, rs[b], 1);
      }
    }
    if (most == 1) {
      return h;
    }
    long[] in = new long[most];
    long[] out = new long[most];
    for (int v = 0; v < most; v++) {
      in[v] = v;
      out[v] = v == 0 ? 1 : 0;
    }
    int later = l.b.linear(h, mb.build(), null);
    int none = l.b.lookup(later, new TableDef("kubz/is-zero/" + most, in, out));
    int w = l.b.product(h, none);
    l.b.tighten(w, 1);
    return w;
  }

  /**
   * h[j·dim + k] = [u_j = k·2^t] from {@code rows}, the index repeated dim times (row j·dim + k holds
   * u_j): one lookup of u_j − k·2^t into the equality table, which also refuses every invalid index.
   */
  static int oneHot(Lowering l, QNode qn, int rows, int dim) {
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
