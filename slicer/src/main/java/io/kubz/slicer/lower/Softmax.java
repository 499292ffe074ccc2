package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.lookup.table.TableSpec;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.Arrays;

/**
 * Softmax as the integer interpreter computes it, per group x_1..x_L at scale s:
 * <pre>
 *   m = max x_j                       (m − x_j ∈ [0, 2^63), Π (m − x_j) = 0)
 *   e_j = Exp(x_j − m)                (lookup in the node's exp table; x_j − m ≤ 0, so e_j ≤ Exp(0))
 *   E = Σ e_j,  E = 2h + t, t ∈ {0, 1}, h ∈ [0, 2^B)               (h = ⌊E/2⌋)
 *   y_j·E + r_j = e_j·2^s + h,  r_j ∈ [0, 2^B),  E − 1 − r_j ∈ [0, 2^B),  y_j ∈ [0, 2^(s+2))
 * </pre>
 * with 2^B &gt; L·Exp(0) ≥ E ≥ Exp(0) = 2^s ≥ 1. Every side stays far below the field size, so the
 * equations hold over the integers and force y_j = ⌊(e_j·2^s + ⌊E/2⌋)/E⌋, the interpreter's value.
 */
final class Softmax {
  private Softmax() {}

  /** B: bits of L·Exp(0), a bound on E and on every remainder. */
  static int sumBits(TableSpec exp, int len) {
    long top = Math.max(1, exp.output(0));
    return 64 - Long.numberOfLeadingZeros(Math.multiplyExact(top, (long) len));
  }

  static AssignedCell[] softmax(Synth s, QuantizedGraph q, QNode qn) {
    Op.Softmax op = (Op.Softmax) qn.node().op();
    int[] gr = op.groups(q.graph().shape(qn.node().inputs().get(0)));
    int len = gr[1];
    int inner = gr[2];
    AssignedCell[] x = Lowering.in(s, qn, 0);
    long[] xv = Lowering.inValues(s, q, qn, 0);
    long[] y = Lowering.outValues(s, q, qn);
    TableSpec exp = qn.table();
    int bits = sumBits(exp, len);
    int sc = qn.outScale();
    AssignedCell[] out = new AssignedCell[x.length];
    long[] ones = new long[len];
    Arrays.fill(ones, 1);
    for (int o = 0; o < gr[0]; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * len * inner + i;
        if (!anyNeeded(s, qn, base, len, inner)) {
          continue; // a split slice computes only the groups of its needed outputs (Fields)
        }
        AssignedCell[] g = new AssignedCell[len];
        long[] gv = new long[len];
        long m = Long.MIN_VALUE;
        for (int j = 0; j < len; j++) {
          g[j] = Lowering.cell(x, base + j * inner, qn);
          gv[j] = xv[base + j * inner];
          m = Math.max(m, gv[j]);
        }
        AssignedCell mc = Reduce.extremum(s, g, gv, m, true);
        AssignedCell[] e = new AssignedCell[len];
        long[] ev = new long[len];
        long total = 0;
        for (int j = 0; j < len; j++) {
          long d = gv[j] - m;
          ev[j] = exp.output(d);
          total += ev[j];
          AssignedCell dc = s.arith.row("softmax shift", new Fr[] {Fr.ONE, Fr.ONE.neg(), Fr.ONE.neg()}, null, null,
              new AssignedCell[] {g[j], mc}, new Fr[] {null, null, Fr.of(d)})[2];
          e[j] = s.tables().apply(qn.name(), exp, dc, ev[j]);
        }
        AssignedCell sum = s.mac().dot("softmax sum", e, ev, ones, 0);
        long h = total / 2;
        long t = total - 2 * h;
        // t·t − t = 0, then E − 2h − t = 0
        AssignedCell[] tb = s.arith.row("softmax parity", new Fr[] {Fr.ONE.neg()}, Fr.ONE, null, null,
            new Fr[] {Fr.of(t), Fr.of(t)});
        s.cb.copy(tb[0], tb[1]);
        AssignedCell[] half = s.arith.row("softmax half", new Fr[] {Fr.ONE, Fr.of(-2), Fr.ONE.neg()}, null, null,
            new AssignedCell[] {sum, null, tb[0]}, new Fr[] {null, Fr.of(h)});
        s.range().check(half[1], h, bits, 0);
        for (int j = 0; j < len; j++) {
          int at = base + j * inner;
          long r = (ev[j] << sc) + h - y[at] * total;
          AssignedCell[] row = s.arith.row("softmax divide",
              new Fr[] {null, null, Fr.ONE, Synth.pow2(sc).neg(), Fr.ONE.neg()}, Fr.ONE, null,
              new AssignedCell[] {null, sum, null, e[j], half[1]}, new Fr[] {Fr.of(y[at]), null, Fr.of(r)});
          s.range().check(row[2], r, bits, 0);
          AssignedCell c = s.arith.row("softmax remainder", new Fr[] {Fr.ONE, Fr.ONE.neg(), Fr.ONE.neg()}, null,
              Fr.ONE.neg(), new AssignedCell[] {sum, row[2]}, new Fr[] {null, null, Fr.of(total - 1 - r)})[2];
          s.range().check(c, total - 1 - r, bits, 0);
          s.range().check(row[0], y[at], sc + 2, 0);
          if (s.needs(qn.node().output(), at)) {
            out[at] = row[0];
          }
        }
      }
    }
    return out;
  }

  private static boolean anyNeeded(Synth s, QNode qn, int base, int len, int inner) {
    for (int j = 0; j < len; j++) {
      if (s.needs(qn.node().output(), base + j * inner)) {
        return true;
      }
    }
    return false;
  }
}
