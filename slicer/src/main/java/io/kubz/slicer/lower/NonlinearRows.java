package io.kubz.slicer.lower;

import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.UnaryKind;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;

/**
 * The cost model of {@link Nonlinear}, {@link Reduce} and {@link Softmax} (entries as
 * {@link RowEstimator#nodeRows}), per element of the output, R(b) a range check of b bits:
 * <pre>
 *   table function (Pow with a constant exponent too): lookup 1; the table needs ⌈|T|/8⌉ usable rows
 *   Div by an activation b: lookup |b| (once per divisor element), arith 1 + rescale(t, b_y)
 *   Neg: arith 1;  Abs: arith 1 (+ R(64) unless the input's sign bits exist)
 *   Clip: arith 2 + 2·R(64);  PRelu: arith 3 + rescale(k, 64) (+ R(64) unless sign bits exist)
 *   ReduceSum over w: mac ⌈w/m⌉ + 1;  ReduceMean: that + arith 1, B(w), R(b_y)
 *   ReduceMax/Min over w: arith 2w, w·R(63)
 *   Softmax, per group of L: arith 2w + L + 2, w·R(63), lookup L, mac ⌈L/m⌉ + 1, R(B);
 *                            per element arith 2, 2·R(B) + R(s + 2)
 * </pre>
 */
final class NonlinearRows {
  private NonlinearRows() {}

  static void add(long[] g, QuantizedGraph q, QNode n, int lanes, boolean signs, int outBits) {
    add(g, q, n, lanes, signs, outBits, null);
  }

  /** As above, for the output elements {@code needed} of a split slice (null: all of them). */
  static void add(long[] g, QuantizedGraph q, QNode n, int lanes, boolean signs, int outBits,
      java.util.BitSet needed) {
    Op op = n.node().op();
    long out = Shapes.size(q.graph().shape(n.node().output()));
    if (needed != null && !(op instanceof Op.Softmax)) {
      out = needed.cardinality();
    }
    if (op instanceof Op.Unary u && u.kind() == UnaryKind.NEG) {
      g[0] += out;
    } else if (op instanceof Op.Unary u && u.kind() == UnaryKind.ABS) {
      g[0] += out;
      if (!signs) {
        RowEstimator.range(g, out, 64);
      }
    } else if (op instanceof Op.Binary b && b.kind() == Op.BinaryKind.DIV) {
      g[6] += Shapes.size(q.graph().shape(n.node().inputs().get(1)));
      g[0] += out;
      RowEstimator.rescale(g, out, n.shift(), outBits);
      g[RowEstimator.TABLE] = Math.max(g[RowEstimator.TABLE], Tables.minRows(n.table()));
    } else if (op instanceof Op.Unary || op instanceof Op.Binary || op instanceof Op.Cast) {
      g[6] += out;
      g[RowEstimator.TABLE] = Math.max(g[RowEstimator.TABLE], Tables.minRows(n.table()));
    } else if (op instanceof Op.Clip) {
      g[0] += 2 * out;
      RowEstimator.range(g, 2 * out, 64);
    } else if (op instanceof Op.PRelu) {
      g[0] += 3 * out;
      RowEstimator.rescale(g, out, n.shift(), 64);
      if (!signs) {
        RowEstimator.range(g, out, 64);
      }
    } else if (op instanceof Op.Reduce r) {
      int w = (int) (Shapes.size(q.graph().shape(n.node().inputs().get(0))) / out);
      switch (r.kind()) {
        case SUM -> g[2] += out * Mac.rows(w, lanes);
        case MEAN -> RowEstimator.average(g, out, w, true, lanes, outBits);
        default -> {
          g[0] += out * 2L * w + 1;
          RowEstimator.range(g, out * w, 63);
        }
      }
    } else if (op instanceof Op.Softmax sm) {
      int[] gr = sm.groups(q.graph().shape(n.node().inputs().get(0)));
      long groups = io.kubz.slicer.plan.Fields.softmaxGroupsTouched(gr, needed);
      int len = gr[1];
      out = groups * len; // every element of a computed group
      int bits = Softmax.sumBits(n.table(), len);
      g[0] += groups * (3L * len + 2) + 1 + 2 * out;
      RowEstimator.range(g, groups * len, 63);
      RowEstimator.range(g, groups, bits);
      RowEstimator.range(g, 2 * out, bits);
      RowEstimator.range(g, out, n.outScale() + 2);
      g[6] += out;
      g[2] += groups * Mac.rows(len, lanes);
      g[RowEstimator.TABLE] = Math.max(g[RowEstimator.TABLE], Tables.minRows(n.table()));
    }
  }
}
