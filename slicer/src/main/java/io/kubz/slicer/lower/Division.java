package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;

/**
 * Division by an activation, y = a / b, as a product with a looked-up inverse: per element of b a
 * lookup (b, v) ∈ T with T(b) = round(2^(s+t)/b) at scale t (the node's table; T(0) = 0), per output
 * an arithmetic row acc = a·v (a may be a constant: then acc = a·v with a as the coefficient), and
 * the rescale acc + 2^(t−1) = y·2^t + r, 0 ≤ r &lt; 2^t, with y bounded as every rescale is
 * ({@link Lowering#rescale}). Each step forces the interpreter's value, so y is exactly
 * ⌊(a·T(b) + 2^(t−1)) / 2^t⌋.
 *
 * <p>Accuracy: T(b) is 2^t/b' rounded (b' = b·2^(−s) the real divisor), off by at most 2^(−t−1) in
 * real terms; with t = s + p that is below 2^(−17) at the default scales, far under the error
 * of b itself (2^(−s−1)), which dominates: the relative error of a/b is about 2^(−s−1)/|b'|, large
 * only for divisors near 0.
 */
final class Division {
  private Division() {}

  static AssignedCell[] byActivation(Synth s, QuantizedGraph q, QNode qn) {
    Node n = qn.node();
    if (qn.isParam(1) || qn.table() == null) {
      throw Lowering.unsupported(n);
    }
    int[] outShape = q.graph().shape(n.output());
    int[] ia = Shapes.broadcastIndex(q.graph().shape(n.inputs().get(0)), outShape);
    int[] ib = Shapes.broadcastIndex(q.graph().shape(n.inputs().get(1)), outShape);
    boolean pa = qn.isParam(0);
    AssignedCell[] a = pa ? null : Lowering.in(s, qn, 0);
    AssignedCell[] b = Lowering.in(s, qn, 1);
    long[] av = pa ? qn.params()[0] : Lowering.inValues(s, q, qn, 0);
    long[] bv = Lowering.inValues(s, q, qn, 1);
    long[] y = Lowering.outValues(s, q, qn);
    AssignedCell[] inv = new AssignedCell[bv.length];
    long[] invV = new long[bv.length];
    AssignedCell[] acc = new AssignedCell[y.length];
    long[] accV = new long[y.length];
    for (int o = 0; o < y.length; o++) {
      if (!s.needs(n.output(), o)) {
        continue;
      }
      int j = ib[o];
      if (inv[j] == null) {
        invV[j] = qn.table().contains(bv[j]) ? qn.table().output(bv[j]) : 0; // outside: the lookup fails
        inv[j] = s.tables().apply(n.name() + " inverse", qn.table(), Lowering.cell(b, j, qn), invV[j]);
      }
      long x = av[ia[o]];
      accV[o] = x * invV[j];
      Fr[] coeff = new Fr[Arith.WIDTH];
      AssignedCell[] src = new AssignedCell[Arith.WIDTH];
      Fr mul = null;
      coeff[2] = Fr.ONE.neg();
      if (pa) {
        coeff[1] = Fr.of(x);
        src[1] = inv[j];
      } else {
        mul = Fr.ONE;
        src[0] = Lowering.cell(a, ia[o], qn);
        src[1] = inv[j];
      }
      Fr[] val = new Fr[Arith.WIDTH];
      val[2] = Fr.of(accV[o]);
      acc[o] = s.arith.row(n.name(), coeff, mul, null, src, val)[2];
    }
    return Lowering.rescale(s, n.output(), acc, accV, qn.shift(), y);
  }
}
