package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.lookup.table.FixedPoint;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;
import java.math.BigInteger;

/**
 * Element-wise non-linearities, each forcing exactly the integer interpreter's output:
 * <ul>
 *   <li>table functions (sigmoid, tanh, erf, GELU, exp, leaky ReLU, reciprocal, log, √, softplus,
 *       softsign, mish, ELU, CELU, SELU, hard sigmoid, hard swish, floor, ceil, round, sign, and Pow
 *       with a constant exponent): y = T(x) by a lookup into the node's own table ({@link Tables});
 *       division by an activation is in {@link Division};
 *   <li>Neg: x + y = 0. Abs: y = x·(2b − 1) with b = [x ≥ 0] the sign bit of a signed 64-bit check;
 *   <li>Clip to [lo, hi]: b₁ = [x ≥ lo] is bit 63 of x − lo + 2^63 ∈ [0, 2^64), a = lo + b₁·(x − lo);
 *       b₂ = [a ≥ hi + 1] likewise, y = a − b₂·(a − hi). Both differences stay in (−2^63, 2^63)
 *       because every value is below 2^62 in magnitude;
 *   <li>PRelu with a constant slope σ: z = ⌊(x·σ + 2^(k−1))/2^k⌋ (a rescale, z ∈ [−2^63, 2^63)),
 *       y = b·x + (1 − b)·z with b the sign bit of x.
 * </ul>
 */
final class Nonlinear {
  private static final long HALF = 1L << 63; // 2^63 as an unsigned long offset

  private Nonlinear() {}

  /** y_i = T(x_i), one lookup row per element; x is the one activation input (Pow: either side). */
  static AssignedCell[] table(Synth s, QuantizedGraph q, QNode qn) {
    int xi = qn.params().length > 1 && qn.isParam(0) ? 1 : 0;
    if (qn.isParam(xi) || qn.table() == null) {
      throw Lowering.unsupported(qn.node());
    }
    AssignedCell[] x = Lowering.in(s, qn, xi);
    long[] y = Lowering.outValues(s, q, qn);
    Tables t = s.tables();
    AssignedCell[] out = new AssignedCell[x.length];
    for (int i = 0; i < x.length; i++) {
      if (s.needs(qn.node().output(), i)) {
        out[i] = t.apply(qn.name(), qn.table(), Lowering.cell(x, i, qn), y[i]);
      }
    }
    return out;
  }

  static AssignedCell[] neg(Synth s, QuantizedGraph q, QNode qn) {
    AssignedCell[] x = Lowering.in(s, qn, 0);
    long[] y = Lowering.outValues(s, q, qn);
    AssignedCell[] out = new AssignedCell[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = s.arith.row("neg", new Fr[] {Fr.ONE, Fr.ONE}, null, null, new AssignedCell[] {x[i]},
          new Fr[] {null, Fr.of(y[i])})[1];
    }
    return out;
  }

  /** |x| = x·(2b − 1): −x + 2·x·b − y = 0. */
  static AssignedCell[] abs(Synth s, QuantizedGraph q, QNode qn) {
    AssignedCell[] x = Lowering.in(s, qn, 0);
    AssignedCell[] sign = signs(s, q, qn);
    long[] y = Lowering.outValues(s, q, qn);
    Fr[] coeff = {Fr.ONE.neg(), null, Fr.ONE.neg()};
    AssignedCell[] out = new AssignedCell[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = s.arith.row("abs", coeff, Fr.of(2), null, new AssignedCell[] {x[i], sign[i]},
          new Fr[] {null, null, Fr.of(y[i])})[2];
    }
    return out;
  }

  static AssignedCell[] clip(Synth s, QuantizedGraph q, QNode qn) {
    Op.Clip c = (Op.Clip) qn.node().op();
    long lo = FixedPoint.toFixed(c.min(), qn.outScale());
    long hi = FixedPoint.toFixed(c.max(), qn.outScale());
    AssignedCell[] x = Lowering.in(s, qn, 0);
    long[] xv = Lowering.inValues(s, q, qn, 0);
    long[] y = Lowering.outValues(s, q, qn);
    Range range = s.range();
    // a = x·b − lo·b + lo;   y = a − a·b₂ + hi·b₂
    Fr[] first = {null, Fr.of(lo).neg(), Fr.ONE.neg()};
    Fr[] second = {Fr.ONE, Fr.of(hi), Fr.ONE.neg()};
    AssignedCell[] out = new AssignedCell[x.length];
    for (int i = 0; i < x.length; i++) {
      long a = Math.max(xv[i], lo);
      AssignedCell b1 = range.check(x[i], xv[i], 64, HALF - lo);
      AssignedCell ac = s.arith.row("clip min", first, Fr.ONE, Fr.of(lo), new AssignedCell[] {x[i], b1},
          new Fr[] {null, null, Fr.of(a)})[2];
      AssignedCell b2 = range.check(ac, a, 64, HALF - (hi + 1));
      out[i] = s.arith.row("clip max", second, Fr.ONE.neg(), null, new AssignedCell[] {ac, b2},
          new Fr[] {null, null, Fr.of(y[i])})[2];
    }
    return out;
  }

  /** PRelu with a constant slope: y = b·x + (1 − b)·z, z the rescaled x·σ. */
  static AssignedCell[] prelu(Synth s, QuantizedGraph q, QNode qn) {
    Node n = qn.node();
    if (qn.isParam(0) || !qn.isParam(1)) {
      throw Lowering.unsupported(n);
    }
    int[] outShape = q.graph().shape(n.output());
    int[] is = Shapes.broadcastIndex(q.graph().shape(n.inputs().get(1)), outShape);
    if (!java.util.Arrays.equals(q.graph().shape(n.inputs().get(0)), outShape)) {
      throw Lowering.unsupported(n);
    }
    long[] slope = qn.params()[1];
    AssignedCell[] x = Lowering.in(s, qn, 0);
    long[] xv = Lowering.inValues(s, q, qn, 0);
    long[] y = Lowering.outValues(s, q, qn);
    AssignedCell[] sign = signs(s, q, qn);
    int k = qn.shift();
    AssignedCell[] out = new AssignedCell[x.length];
    for (int i = 0; i < x.length; i++) {
      long sl = slope[is[i]];
      long acc = xv[i] * sl;
      long zv = FixedPoint.rescale(acc, k);
      AssignedCell accCell = s.arith.row("prelu product", new Fr[] {Fr.of(sl), null, Fr.ONE.neg()}, null, null,
          new AssignedCell[] {x[i]}, new Fr[] {null, null, Fr.of(acc)})[2];
      AssignedCell z = rescale(s, accCell, acc, k, zv);
      long bv = xv[i] >= 0 ? 1 : 0;
      AssignedCell t = s.arith.row("prelu positive", new Fr[] {null, null, Fr.ONE.neg()}, Fr.ONE, null,
          new AssignedCell[] {sign[i], x[i]}, new Fr[] {null, null, Fr.of(bv * xv[i])})[2];
      // −b·z + z + t − y = 0
      out[i] = s.arith.row("prelu select", new Fr[] {null, Fr.ONE, Fr.ONE, Fr.ONE.neg()}, Fr.ONE.neg(), null,
          new AssignedCell[] {sign[i], z, t}, new Fr[] {null, null, null, Fr.of(y[i])})[3];
    }
    return out;
  }

  /** Sign bits [x ≥ 0] of the node's input: reused if a signed check covers it, else a 64-bit one. */
  private static AssignedCell[] signs(Synth s, QuantizedGraph q, QNode qn) {
    String name = qn.node().inputs().get(0);
    AssignedCell[] sign = s.signs.get(name);
    if (sign == null) {
      AssignedCell[] x = Lowering.in(s, qn, 0);
      long[] xv = Lowering.inValues(s, q, qn, 0);
      sign = new AssignedCell[x.length];
      for (int i = 0; i < x.length; i++) {
        sign[i] = s.range().check(x[i], xv[i], 64, HALF);
      }
      s.signs.put(name, sign);
    }
    return sign;
  }

  /** acc + 2^(k−1) = z·2^k + r, r ∈ [0, 2^k), z ∈ [−2^63, 2^63): nothing wraps modulo the field. */
  static AssignedCell rescale(Synth s, AssignedCell acc, long accV, int k, long z) {
    if (k == 0) {
      return acc;
    }
    long r = accV + (1L << (k - 1)) - (z << k);
    AssignedCell[] row = s.arith.row("rescale", new Fr[] {Fr.ONE, Fr.of(BigInteger.ONE.shiftLeft(k)).neg(),
        Fr.ONE.neg()}, null, Synth.pow2(k - 1), new AssignedCell[] {acc}, new Fr[] {null, Fr.of(z), Fr.of(r)});
    s.range().check(row[2], r, k, 0);
    s.range().check(row[1], z, 64, HALF);
    return row[1];
  }
}
