package io.kubz.slicer.layered;

import io.kubz.gkr.model.SparseMatrix;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.quant.QNode;

/**
 * Softmax with the interpreter's integers: per group, m = max_j x_j (a {@code Max}), e_j = T(x_j − m)
 * (a {@code Lookup} into the node's exp table), E = Σ_j e_j and y_j = ⌊(e_j·2^s + ⌊E/2⌋) / E⌋.
 *
 * <p>The division by the activation E has no layer of its own: with N = e_j·2^s it equals
 * ⌊(2N + E) / (2E)⌋ (for even E the same fraction; for odd E no multiple of E lies between
 * N + (E−1)/2 and N + E/2, since that needs 2(mE − N) = E), and is proved by long division in
 * binary. y ≤ 2^s (e_j ≤ E), so with R = 2N + E and b = s, s−1, …, 0:
 * <pre>  t_b = [R − 2^b·2E ≥ 0],   R ← R − t_b·2^b·2E,   y = Σ_b 2^b·t_b  </pre>
 * each t_b a sign test ({@link Logic#nonNegative}, forced) and t_b·E a product. Before step b,
 * 0 ≤ R &lt; 2^(b+1)·2E (initially since the quotient is at most 2^s), and step b keeps it below 2^b·2E,
 * so y is the quotient ⌊(2N + E) / (2E)⌋. Cost: s + 1 sign tests and
 * products over the tensor, in sequence.
 */
final class Softmax {
  private Softmax() {}

  static int lower(Lowering l, QNode qn) {
    Node n = qn.node();
    Op.Softmax op = (Op.Softmax) n.op();
    if (qn.isParam(0) || qn.table() == null) {
      throw Lowering.unsupported(n);
    }
    int[] xs = l.shape(n.inputs().get(0));
    int outer = 1;
    for (int a = 0; a < op.axis(); a++) {
      outer *= xs[a];
    }
    int size = (int) Shapes.size(xs);
    int len = op.coerce2d() ? size / outer : xs[op.axis()];
    int inner = size / (outer * len);
    int groups = outer * inner;
    int s = qn.outScale();
    int x = l.tensor(n.inputs().get(0));
    // position of (j, g) in x: row j·groups + g of every stacked tensor below
    int[] pos = new int[len * groups];
    int[][] at = new int[len][groups];
    for (int j = 0; j < len; j++) {
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < inner; i++) {
          int g = o * inner + i;
          at[j][g] = (o * len + j) * inner + i;
          pos[j * groups + g] = at[j][g];
        }
      }
    }
    int[] gathered = new int[len];
    for (int j = 0; j < len; j++) {
      gathered[j] = l.b.gather(x, at[j]);
    }
    int m = l.b.max(gathered);
    // x_j − m, stacked
    SparseMatrix.Builder mx = new SparseMatrix.Builder(len * groups, size);
    SparseMatrix.Builder mm = new SparseMatrix.Builder(len * groups, groups);
    for (int r = 0; r < len * groups; r++) {
      mx.add(r, pos[r], 1);
      mm.add(r, r % groups, -1);
    }
    int e = l.lookup(l.b.linear(len * groups, new int[] {x, m}, new SparseMatrix[] {mx.build(), mm.build()}, null),
        qn.table());
    // x_j − m ≤ 0 (the Max proves m ≥ x_j): e only takes the table's outputs at inputs ≤ 0, not the
    // huge exp(positive) rows of a symmetric table, which would widen every sign test below to 2^48
    double eBound = nonPositiveOutputBound(qn.table());
    boolean nonNegative = eBound >= 0;
    if (nonNegative) {
      l.b.tighten(e, eBound);
    }
    // E per group (len·groups entries), then broadcast to every row (len·groups more): not one
    // matrix of len²·groups entries, which the prover and verifier would walk
    SparseMatrix.Builder ms = new SparseMatrix.Builder(groups, len * groups);
    for (int g = 0; g < groups; g++) {
      for (int j = 0; j < len; j++) {
        ms.add(g, j * groups + g, 1);
      }
    }
    int[] group = new int[len * groups];
    for (int r = 0; r < len * groups; r++) {
      group[r] = r % groups;
    }
    int sum = l.b.gather(l.b.linear(e, ms.build(), null), group);
    // R = 2N + E = 2^(s+1)·e + E
    int rem = l.b.linear(len * groups, new int[] {e, sum},
        new SparseMatrix[] {Logic.identity(len * groups, 1L << (s + 1)), Logic.identity(len * groups, 1)}, null);
    double remBound = l.b.bound(rem);
    int[] bits = new int[s + 1];
    SparseMatrix[] weights = new SparseMatrix[s + 1];
    for (int b = s; b >= 0; b--) {
      long step = 1L << (b + 1); // 2^b·2
      int test = l.b.linear(len * groups, new int[] {rem, sum},
          new SparseMatrix[] {Logic.identity(len * groups, 1), Logic.identity(len * groups, -step)}, null);
      if (nonNegative) {
        // 0 ≤ R < 2^(b+1)·2E before step b, so |R − 2^(b+1)·E| ≤ 2^(b+1)·E: the sign test of bit b
        // needs a remainder of about b + 1 + log E bits, not the interval bound of R and step·E
        l.b.tighten(test, step * l.b.bound(sum));
      }
      int t = Logic.nonNegative(l.b, test);
      bits[b] = t;
      if (b > 0) {
        rem = l.b.linear(len * groups, new int[] {rem, l.b.product(t, sum)},
            new SparseMatrix[] {Logic.identity(len * groups, 1), Logic.identity(len * groups, -step)}, null);
        l.b.tighten(rem, remBound);
      }
      SparseMatrix.Builder mw = new SparseMatrix.Builder(size, len * groups);
      int[] back = new int[size];
      for (int r = 0; r < len * groups; r++) {
        back[pos[r]] = r;
      }
      for (int p = 0; p < size; p++) {
        mw.add(p, back[p], 1L << b);
      }
      weights[b] = mw.build();
    }
    int y = l.b.linear(size, bits, weights, null);
    l.b.tighten(y, Math.scalb(1.0, s));
    return y;
  }

  /**
   * max |T(v)| over the table's rows with v ≤ 0 when every such output is ≥ 0 (an exp table: then
   * 0 ≤ e_j ≤ E, which the long division's bounds rely on); −1 otherwise.
   */
  static double nonPositiveOutputBound(io.kubz.lookup.table.TableSpec t) {
    long[] in = t.column(0);
    long[] out = t.column(1);
    double max = 0;
    for (int i = 0; i < in.length; i++) {
      if (in[i] <= 0) {
        if (out[i] < 0) {
          return -1;
        }
        max = Math.max(max, (double) out[i]);
      }
    }
    return max;
  }
}
