package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.Arrays;

/**
 * Reductions over axes, as the integer interpreter computes them. Sum: a multiply-accumulate with
 * weights 1 (exact). Mean over d elements: y·d + r = Σx + ⌊d/2⌋ with 0 ≤ r &lt; d and y a signed
 * range-checked value, so y = ⌊(Σx + ⌊d/2⌋)/d⌋. Max (min): m − x_i (x_i − m) ∈ [0, 2^63) for every
 * element and Π of these differences = 0, so m is the extremum.
 */
final class Reduce {
  /** Largest count a mean divides by (its remainder is checked against one 16-bit limb). */
  static final int MAX_COUNT = 1 << 16;

  private Reduce() {}

  /** Input positions of each output, in input order (the interpreter's accumulation order). */
  static int[][] groups(Op.Reduce r, int[] xs) {
    return Shapes.reduceWindows(r.axes(), xs);
  }

  static AssignedCell[] reduce(Synth s, QuantizedGraph q, QNode qn) {
    Op.Reduce r = (Op.Reduce) qn.node().op();
    int[][] g = groups(r, q.graph().shape(qn.node().inputs().get(0)));
    AssignedCell[] x = Lowering.in(s, qn, 0);
    long[] xv = Lowering.inValues(s, q, qn, 0);
    long[] y = Lowering.outValues(s, q, qn);
    AssignedCell[] out = new AssignedCell[g.length];
    int bits = s.bound(qn.node().output());
    for (int o = 0; o < g.length; o++) {
      AssignedCell[] win = new AssignedCell[g[o].length];
      long[] wv = new long[win.length];
      for (int j = 0; j < win.length; j++) {
        win[j] = x[g[o][j]];
        wv[j] = xv[g[o][j]];
      }
      switch (r.kind()) {
        case SUM -> out[o] = sum(s, win, wv);
        case MEAN -> out[o] = mean(s, win, wv, y[o], bits);
        case MAX -> out[o] = extremum(s, win, wv, y[o], true);
        case MIN -> out[o] = extremum(s, win, wv, y[o], false);
        default -> throw Lowering.unsupported(qn.node());
      }
    }
    return out;
  }

  private static AssignedCell sum(Synth s, AssignedCell[] win, long[] wv) {
    long[] ones = new long[win.length];
    Arrays.fill(ones, 1);
    return s.mac().dot("sum", win, wv, ones, 0);
  }

  private static AssignedCell mean(Synth s, AssignedCell[] win, long[] wv, long y, int bits) {
    int d = win.length;
    if (d > MAX_COUNT) {
      throw new io.kubz.field.BadInputException("a mean over " + d + " elements (at most " + MAX_COUNT
          + " are lowered); reduce in stages");
    }
    long total = 0;
    for (long v : wv) {
      total += v;
    }
    AssignedCell t = sum(s, win, wv);
    long r = total + d / 2 - y * d;
    AssignedCell[] row = s.arith.row("mean", new Fr[] {Fr.ONE, Fr.of(d).neg(), Fr.ONE.neg()}, null,
        Fr.of(d / 2), new AssignedCell[] {t}, new Fr[] {null, Fr.of(y), Fr.of(r)});
    s.range().below(row[2], r, d);
    if (bits != Bounds.LOOKED_UP) {
      s.range().check(row[1], y, bits, 1L << (bits - 1));
    }
    return row[1];
  }

  /** m with d_i = ±(m − x_i) ∈ [0, 2^63) and Π d_i = 0. */
  static AssignedCell extremum(Synth s, AssignedCell[] win, long[] wv, long m, boolean max) {
    Fr sg = max ? Fr.ONE : Fr.ONE.neg();
    Fr[] diff = {sg, sg.neg(), Fr.ONE.neg()};
    Fr[] prod = {null, null, Fr.ONE.neg()};
    AssignedCell mc = null;
    AssignedCell p = null;
    Fr pv = Fr.ONE;
    for (int i = 0; i < win.length; i++) {
      long d = max ? m - wv[i] : wv[i] - m;
      AssignedCell[] row = s.arith.row(max ? "max" : "min", diff, null, null, new AssignedCell[] {mc, win[i]},
          new Fr[] {Fr.of(m), null, Fr.of(d)});
      if (mc == null) {
        mc = row[0];
      }
      s.range().check(row[2], d, 63, 0);
      if (p == null) {
        p = row[2];
        pv = Fr.of(d);
      } else {
        pv = pv.mul(Fr.of(d));
        p = s.arith.row("extremum product", prod, Fr.ONE, null, new AssignedCell[] {p, row[2]},
            new Fr[] {null, null, pv})[2];
      }
    }
    s.cb.copy(p, s.arith.constant(0));
    return mc;
  }
}
