package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;

/**
 * ArgMax/ArgMin along an axis as a running comparison over x_0 … x_(L−1), with one = 2^s (index i
 * is held as i·one): m_0 = x_0, i_0 = 0, then for j ≥ 1
 * <pre>
 *   ArgMax: d = x_j − m, b = [d ≥ c],  m' = m + b·d;   ArgMin: d = m − x_j, b = [d ≥ c],  m' = m − b·d
 *   i' = i + b·(j·one − i)       (−b·i + j·one·b + i − i' = 0)
 * </pre>
 * with the bit b from the 64-bit range check of d + 2^63 − c ({@link Compare}). c = 1 (strict)
 * keeps the earlier index among equal values, which is ONNX's default (the first index); c = 0 for
 * select_last_index. So the prefix extremum m_j and its index i_j are forced at every step, and
 * i_(L−1) is the first (or last) index of the extremum of the quantized values. Values that differ
 * in float but quantize equal count as ties.
 */
final class Argmax {
  private static final long HALF = 1L << 63;

  private Argmax() {}

  static AssignedCell[] lower(Synth s, QuantizedGraph q, QNode qn) {
    Node n = qn.node();
    Op.ArgExtreme op = (Op.ArgExtreme) n.op();
    int[] xs = q.graph().shape(n.inputs().get(0));
    int[] g = groups(xs, op.axis());
    int len = g[1];
    int inner = g[2];
    AssignedCell[] x = Lowering.in(s, qn, 0);
    long[] xv = Lowering.inValues(s, q, qn, 0);
    Fr one = Synth.pow2(qn.outScale());
    int c = op.selectLast() ? 0 : 1;
    AssignedCell[] out = new AssignedCell[g[0] * inner];
    for (int o = 0; o < g[0]; o++) {
      for (int in = 0; in < inner; in++) {
        int base = o * len * inner + in;
        AssignedCell m = Lowering.cell(x, base, qn);
        long mv = xv[base];
        AssignedCell idx = s.arith.constant(0);
        long iv = 0;
        for (int j = 1; j < len; j++) {
          int e = base + j * inner;
          AssignedCell xj = Lowering.cell(x, e, qn);
          long dv = op.max() ? xv[e] - mv : mv - xv[e];
          AssignedCell d = op.max() ? Compare.difference(s, n.name(), xj, m, dv)
              : Compare.difference(s, n.name(), m, xj, dv);
          AssignedCell bit = s.range().check(d, dv, 64, HALF - c);
          long bv = dv >= c ? 1 : 0;
          mv = op.max() ? mv + bv * dv : mv - bv * dv;
          m = s.arith.row(n.name() + " extremum", new Fr[] {null, null, Fr.ONE, Fr.ONE.neg()},
              op.max() ? Fr.ONE : Fr.ONE.neg(), null, new AssignedCell[] {bit, d, m},
              new Fr[] {null, null, null, Fr.of(mv)})[3];
          iv = bv == 1 ? (long) j << qn.outScale() : iv;
          idx = s.arith.row(n.name() + " index", new Fr[] {Fr.of(j).mul(one), null, Fr.ONE, Fr.ONE.neg()},
              Fr.ONE.neg(), null, new AssignedCell[] {bit, idx, idx}, new Fr[] {null, null, null, Fr.of(iv)})[3];
        }
        out[o * inner + in] = idx;
      }
    }
    return out;
  }

  /** (outer, length, inner) of the axis. */
  static int[] groups(int[] xs, int axis) {
    int outer = (int) Shapes.size(java.util.Arrays.copyOfRange(xs, 0, axis));
    int inner = (int) Shapes.size(java.util.Arrays.copyOfRange(xs, axis + 1, xs.length));
    return new int[] {outer, xs[axis], inner};
  }

  /** Rows per output: (L − 1) steps of three arithmetic rows and one 64-bit range check. */
  static void rows(long[] g, QuantizedGraph q, QNode n) {
    int[] xs = q.graph().shape(n.node().inputs().get(0));
    int[] gr = groups(xs, ((Op.ArgExtreme) n.node().op()).axis());
    long steps = (long) gr[0] * gr[2] * (gr[1] - 1);
    g[0] += 3 * steps + 1;
    RowEstimator.range(g, steps, 64);
  }
}
