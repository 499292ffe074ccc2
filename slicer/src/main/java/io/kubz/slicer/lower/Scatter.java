package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.Arrays;

/**
 * ScatterElements and ScatterND by an activation index, as one-hot selections ({@link
 * Selection#oneHot}). Each update j gets a one-hot h^j over the positions it may write (its
 * index's range is proved by the one-hot itself, per component for ScatterND). Every output
 * element p then starts from data and takes the updates that may write it in row-major order:
 * <pre>  d = u_j − v,   v' = v + h^j_p·d  </pre>
 * (two rows), so v' = u_j where update j writes p and v elsewhere; the last write wins, which is
 * how kubz defines duplicate indices (ONNX leaves them undefined). The last v' of p is assigned the
 * interpreter's output value, which the rows then check.
 */
final class Scatter {
  private Scatter() {}

  /** ScatterElements: update j writes only its own line (j's coordinates off the axis). */
  static AssignedCell[] elements(Synth s, QuantizedGraph q, QNode qn) {
    int axis = ((Op.ScatterElements) qn.node().op()).axis();
    int[] xs = q.graph().shape(qn.node().inputs().get(0));
    int[] is = q.graph().shape(qn.node().inputs().get(1));
    int dim = xs[axis];
    int[] xStr = Shapes.strides(xs);
    int[] iStr = Shapes.strides(is);
    Operands o = new Operands(s, q, qn);
    AssignedCell[] result = new AssignedCell[o.y.length];
    int m = is[axis];
    // the lines: index coordinates with the axis coordinate 0; their updates are j + a·iStr[axis]
    for (int j0 = 0; j0 < o.uv.length; j0++) {
      if (j0 / iStr[axis] % m != 0) {
        continue;
      }
      int base = 0;
      for (int d = 0; d < xs.length; d++) {
        base += d == axis ? 0 : (j0 / iStr[d] % is[d]) * xStr[d];
      }
      AssignedCell[][] h = new AssignedCell[m][];
      Fr[][] hv = new Fr[m][dim];
      for (int a = 0; a < m; a++) {
        int j = j0 + a * iStr[axis];
        h[a] = o.oneHot(s, j, hv[a]);
      }
      for (int c = 0; c < dim; c++) {
        int p = base + c * xStr[axis];
        AssignedCell v = o.data(s, p);
        long vv = o.xv[p];
        for (int a = 0; a < m; a++) {
          int j = j0 + a * iStr[axis];
          long nv = a == m - 1 ? o.y[p] : hv[a][c].isZero() ? vv : o.updv[j];
          v = write(s, v, vv, h[a][c], o.update(s, j), o.updv[j], nv);
          vv = nv;
        }
        result[p] = v;
      }
    }
    for (int p = 0; p < result.length; p++) {
      if (result[p] == null) {
        result[p] = o.data(s, p); // on no update's line: data unchanged
      }
    }
    return result;
  }

  /** ScatterND: tuple t writes the inner block of the flat position Σ stride_j·i_j of its k axes. */
  static AssignedCell[] nd(Synth s, QuantizedGraph q, QNode qn) {
    int[] xs = q.graph().shape(qn.node().inputs().get(0));
    int[] is = q.graph().shape(qn.node().inputs().get(1));
    int k = is[is.length - 1];
    int inner = (int) Shapes.size(Arrays.copyOfRange(xs, k, xs.length));
    int n = (int) (Shapes.size(xs) / inner);
    long[] stride = new long[k];
    for (int j = k - 1, w = 1; j >= 0; w *= xs[j], j--) {
      stride[j] = w;
    }
    Operands o = new Operands(s, q, qn);
    int tuples = o.uv.length / k;
    AssignedCell[][] h = new AssignedCell[tuples][];
    Fr[][] hv = new Fr[tuples][n];
    for (int t = 0; t < tuples; t++) {
      AssignedCell[] us = new AssignedCell[k];
      long[] uvs = new long[k];
      for (int j = 0; j < k; j++) {
        us[j] = Lowering.cell(o.u, t * k + j, qn);
        uvs[j] = o.uv[t * k + j];
        h[t] = Selection.oneHot(s, new AssignedCell[] {us[j]}, new long[] {uvs[j]}, new long[] {1},
            o.t, k == 1 ? hv[t] : new Fr[xs[j]]); // i_j in [0, extent)
      }
      if (k > 1) {
        h[t] = Selection.oneHot(s, us, uvs, stride, o.t, hv[t]);
      }
    }
    AssignedCell[] result = new AssignedCell[o.y.length];
    for (int c = 0; c < n; c++) {
      for (int e = 0; e < inner; e++) {
        int p = c * inner + e;
        AssignedCell v = o.data(s, p);
        long vv = o.xv[p];
        for (int t = 0; t < tuples; t++) {
          int j = t * inner + e;
          long nv = t == tuples - 1 ? o.y[p] : hv[t][c].isZero() ? vv : o.updv[j];
          v = write(s, v, vv, h[t][c], o.update(s, j), o.updv[j], nv);
          vv = nv;
        }
        result[p] = v;
      }
    }
    return result;
  }

  /** Arith rows of the lowering of a DynamicGatherND, ScatterElements or ScatterND node. */
  static long rows(QuantizedGraph q, QNode qn) {
    Op op = qn.node().op();
    int[] xs = q.graph().shape(qn.node().inputs().get(0));
    int[] is = q.graph().shape(qn.node().inputs().get(1));
    long count = Shapes.size(is);
    if (op instanceof Op.ScatterElements se) {
      return count * (oneHotRows(xs[se.axis()]) + 2L * xs[se.axis()]);
    }
    int bd = op instanceof Op.DynamicGatherND g ? g.batchDims() : 0;
    int k = is[is.length - 1];
    long tuples = count / k;
    long n = Shapes.size(Arrays.copyOfRange(xs, bd, bd + k));
    long inner = Shapes.size(Arrays.copyOfRange(xs, bd + k, xs.length));
    long per = k > 1 ? oneHotRows(n) : 0;
    for (int j = 0; j < k; j++) {
      per += oneHotRows(xs[bd + j]);
    }
    if (op instanceof Op.ScatterND) {
      return tuples * per + 2 * tuples * n * inner;
    }
    return tuples * (per + inner * (qn.isParam(0) ? (n + 2) / 3 : n));
  }

  /** Σh (three terms a row), the bits, and the index sum. */
  private static long oneHotRows(long dim) {
    return dim + 2 * ((dim + 4) / 3);
  }

  /** v' = v + h·(u − v): rows (u, v, d) with u − v − d = 0 and (h, d, v, v') with h·d + v − v' = 0. */
  private static AssignedCell write(Synth s, AssignedCell v, long vv, AssignedCell h, AssignedCell u,
      long uv, long next) {
    AssignedCell d = s.arith.row("scatter u−v", new Fr[] {Fr.ONE, Fr.ONE.neg(), Fr.ONE.neg()}, null,
        null, new AssignedCell[] {u, v}, new Fr[] {null, null, Fr.of(uv - vv)})[2];
    return s.arith.row("scatter write", new Fr[] {null, null, Fr.ONE, Fr.ONE.neg()}, Fr.ONE, null,
        new AssignedCell[] {h, d, v}, new Fr[] {null, null, null, Fr.of(next)})[3];
  }

  /** The cells and values of data, indices and updates (constant data or updates: constant cells). */
  private static final class Operands {
    final AssignedCell[] x;
    final long[] xv;
    final AssignedCell[] u;
    final long[] uv;
    final AssignedCell[] upd;
    final long[] updv;
    final long[] y;
    final int t;
    final QNode qn;

    Operands(Synth s, QuantizedGraph q, QNode qn) {
      this.qn = qn;
      x = qn.isParam(0) ? null : Lowering.in(s, qn, 0);
      xv = qn.isParam(0) ? qn.params()[0] : Lowering.inValues(s, q, qn, 0);
      u = Lowering.in(s, qn, 1);
      uv = Lowering.inValues(s, q, qn, 1);
      upd = qn.isParam(2) ? null : Lowering.in(s, qn, 2);
      updv = qn.isParam(2) ? qn.params()[2] : Lowering.inValues(s, q, qn, 2);
      y = Lowering.outValues(s, q, qn);
      t = qn.inScales()[1];
    }

    AssignedCell data(Synth s, int p) {
      return x == null ? s.arith.constant(xv[p]) : Lowering.cell(x, p, qn);
    }

    AssignedCell update(Synth s, int j) {
      return upd == null ? s.arith.constant(updv[j]) : Lowering.cell(upd, j, qn);
    }

    AssignedCell[] oneHot(Synth s, int j, Fr[] hv) {
      return Selection.oneHot(s, new AssignedCell[] {Lowering.cell(u, j, qn)}, new long[] {uv[j]},
          new long[] {1}, t, hv);
    }
  }
}
