package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.slicer.interp.Windows;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.Arrays;

/**
 * Pooling. Max: m − x_i = d_i with every d_i ∈ [0, 2^63) and Π d_i = 0 (m is one of the x_i).
 * Average: the window sum by a MAC row with weights 1, then y = ⌊(x + ⌊d/2⌋) / d⌋ by
 * y·d + r = x + ⌊d/2⌋, 0 ≤ r &lt; d, y ∈ [−2^(b−1), 2^(b−1)) (b from {@link Bounds}).
 */
final class Pooling {
  private Pooling() {}

  static AssignedCell[] pool(Synth s, QuantizedGraph q, QNode qn, Op.Pool p) {
    int[] xs = q.graph().shape(qn.node().inputs().get(0));
    int[] ys = q.graph().shape(qn.node().output());
    int nc = xs[0] * xs[1];
    int[] in = Arrays.copyOfRange(xs, 2, xs.length);
    int[] out = Arrays.copyOfRange(ys, 2, ys.length);
    int[] table = Windows.table(in, out, p.kernel(), p.strides(), p.pads(), p.dilations());
    int nIn = (int) Shapes.size(in);
    int nOut = (int) Shapes.size(out);
    int nk = (int) Shapes.size(p.kernel());
    AssignedCell[] x = Lowering.in(s, qn, 0);
    long[] xv = Lowering.inValues(s, q, qn, 0);
    long[] y = Lowering.outValues(s, q, qn);
    AssignedCell[] res = new AssignedCell[nc * nOut];
    int bits = s.bound(qn.node().output());
    for (int c = 0; c < nc; c++) {
      for (int o = 0; o < nOut; o++) {
        if (!s.needs(qn.node().output(), c * nOut + o)) {
          continue;
        }
        int count = 0;
        AssignedCell[] win = new AssignedCell[nk];
        long[] wv = new long[nk];
        for (int k = 0; k < nk; k++) {
          int off = table[o * nk + k];
          if (off >= 0) {
            win[count] = Lowering.cell(x, c * nIn + off, qn);
            wv[count] = xv[c * nIn + off];
            count++;
          }
        }
        int yi = c * nOut + o;
        if (count == 0) {
          res[yi] = s.arith.constant(0);
        } else if (p.kind() == Op.PoolKind.MAX) {
          res[yi] = max(s, Arrays.copyOf(win, count), wv, y[yi]);
        } else {
          int d = p.countIncludePad()
              ? Windows.paddedCount(in, out, p.kernel(), p.strides(), p.pads(), p.dilations(), o) : count;
          res[yi] = average(s, Arrays.copyOf(win, count), wv, d, y[yi], bits);
        }
      }
    }
    return res;
  }

  static AssignedCell[] globalAverage(Synth s, QuantizedGraph q, QNode qn) {
    AssignedCell[] x = Lowering.in(s, qn, 0);
    long[] xv = Lowering.inValues(s, q, qn, 0);
    long[] y = Lowering.outValues(s, q, qn);
    int ni = x.length / y.length;
    AssignedCell[] res = new AssignedCell[y.length];
    for (int p = 0; p < y.length; p++) {
      if (!s.needs(qn.node().output(), p)) {
        continue;
      }
      res[p] = average(s, Arrays.copyOfRange(x, p * ni, (p + 1) * ni), Arrays.copyOfRange(xv, p * ni, (p + 1) * ni),
          ni, y[p], s.bound(qn.node().output()));
    }
    return res;
  }

  /** The window's maximum m: every m − x is range-checked non-negative and their product is zero. */
  private static AssignedCell max(Synth s, AssignedCell[] win, long[] wv, long m) {
    return Reduce.extremum(s, win, wv, m, true);
  }

  private static AssignedCell average(Synth s, AssignedCell[] win, long[] wv, int d, long y, int bits) {
    long[] ones = new long[win.length];
    Arrays.fill(ones, 1);
    long sum = 0;
    for (long v : wv) {
      sum += v;
    }
    AssignedCell total = s.mac().dot("average", win, wv, ones, 0);
    long r = sum + d / 2 - y * d;
    AssignedCell[] row = s.arith.row("divide", new Fr[] {Fr.ONE, Fr.of(d).neg(), Fr.ONE.neg()}, null,
        Fr.of(d / 2), new AssignedCell[] {total}, new Fr[] {null, Fr.of(y), Fr.of(r)});
    s.range().below(row[2], r, d);
    if (bits != Bounds.LOOKED_UP) {
      s.range().check(row[1], y, bits, 1L << (bits - 1));
    }
    return row[1];
  }
}
