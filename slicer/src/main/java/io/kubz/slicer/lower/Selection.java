package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;

/**
 * Gather by an activation index as a one-hot selection. For each index cell u (holding i·2^t,
 * t its scale) over an axis of extent n, fresh cells h_0 … h_{n−1} with
 * <pre>  h_k·h_k − h_k = 0,   Σ h_k = 1,   Σ (k·2^t)·h_k = u,   y = Σ h_k·x_k  </pre>
 * so exactly one h_k is 1 and it is the one with k·2^t = u: y = x_u. With constant data x the last
 * sum is a linear combination (three terms per row), with activation data one product per row.
 * Sums run as chains acc' = acc + terms whose last accumulator is the target cell.
 */
final class Selection {
  private Selection() {}

  /**
   * Whether the slice needs any output element that index j selects: output (o·count + j)·inner + e
   * for every outer o and inner e (elements no slice reads are not proved here).
   */
  static boolean anyNeeded(Synth s, String out, int j, int outer, int count, int inner) {
    for (int o = 0; o < outer; o++) {
      for (int e = 0; e < inner; e++) {
        if (s.needs(out, (o * count + j) * inner + e)) {
          return true;
        }
      }
    }
    return false;
  }

  static AssignedCell[] gather(Synth s, QuantizedGraph q, QNode qn) {
    if (qn.isParam(0)) {
      return TableGather.gather(s, q, qn); // a constant table: digit one-hots, shared
    }
    int axis = ((Op.DynamicGather) qn.node().op()).axis();
    int[] xs = q.graph().shape(qn.node().inputs().get(0));
    int dim = xs[axis];
    int outer = 1;
    for (int d = 0; d < axis; d++) {
      outer *= xs[d];
    }
    int inner = 1;
    for (int d = axis + 1; d < xs.length; d++) {
      inner *= xs[d];
    }
    AssignedCell[] x = qn.isParam(0) ? null : Lowering.in(s, qn, 0);
    long[] xv = qn.isParam(0) ? qn.params()[0] : Lowering.inValues(s, q, qn, 0);
    AssignedCell[] u = Lowering.in(s, qn, 1);
    long[] uv = Lowering.inValues(s, q, qn, 1);
    long[] y = Lowering.outValues(s, q, qn);
    int t = qn.inScales()[1];
    String out = qn.node().output();
    AssignedCell[] result = new AssignedCell[y.length];
    for (int j = 0; j < uv.length; j++) {
      if (!anyNeeded(s, out, j, outer, uv.length, inner)) {
        continue;
      }
      Fr[] hv = new Fr[dim];
      AssignedCell[] h = oneHot(s, Lowering.cell(u, j, qn), uv[j], t, hv);
      for (int o = 0; o < outer; o++) {
        for (int e = 0; e < inner; e++) {
          int yo = (o * uv.length + j) * inner + e;
          if (s.needs(out, yo)) {
            result[yo] = value(s, qn, h, hv, x, xv, o * dim * inner + e, inner, y[yo]);
          }
        }
      }
    }
    return result;
  }

  /**
   * GatherElements by an activation index tensor u (output shape = u's): y_j = x at j's
   * coordinates with the axis coordinate replaced by u_j, one one-hot per output element.
   */
  static AssignedCell[] gatherElements(Synth s, QuantizedGraph q, QNode qn) {
    int axis = ((Op.DynamicGatherElements) qn.node().op()).axis();
    int[] xs = q.graph().shape(qn.node().inputs().get(0));
    int[] us = q.graph().shape(qn.node().inputs().get(1));
    int dim = xs[axis];
    int[] xStr = io.kubz.slicer.ir.Shapes.strides(xs);
    int[] uStr = io.kubz.slicer.ir.Shapes.strides(us);
    AssignedCell[] x = qn.isParam(0) ? null : Lowering.in(s, qn, 0);
    long[] xv = qn.isParam(0) ? qn.params()[0] : Lowering.inValues(s, q, qn, 0);
    AssignedCell[] u = Lowering.in(s, qn, 1);
    long[] uv = Lowering.inValues(s, q, qn, 1);
    long[] y = Lowering.outValues(s, q, qn);
    int t = qn.inScales()[1];
    AssignedCell[] result = new AssignedCell[y.length];
    for (int j = 0; j < y.length; j++) {
      if (!s.needs(qn.node().output(), j)) {
        continue;
      }
      int base = 0;
      for (int d = 0; d < us.length; d++) {
        base += d == axis ? 0 : (j / uStr[d] % us[d]) * xStr[d];
      }
      Fr[] hv = new Fr[dim];
      AssignedCell[] h = oneHot(s, Lowering.cell(u, j, qn), uv[j], t, hv);
      result[j] = value(s, qn, h, hv, x, xv, base, xStr[axis], y[j]);
    }
    return result;
  }

  /** Cells h_0 … h_{n−1} (values into hv) with booleans, Σ h = 1 and Σ (k·2^t)·h_k = u. */
  private static AssignedCell[] oneHot(Synth s, AssignedCell u, long uv, int t, Fr[] hv) {
    return oneHot(s, new AssignedCell[] {u}, new long[] {uv}, new long[] {1}, t, hv);
  }

  /**
   * The one-hot of a mixed-radix index: booleans h_k, Σ h = 1 and Σ (k·2^t)·h_k = Σ_j c_j·u_j
   * (u_j = i_j·2^t, c_j its stride). With one component of stride 1 the index sum ends in u itself,
   * else in the constant 0. Alone this forces only the combination into [0, n): callers prove each
   * i_j in its own range first (a one-hot of it), so that the combination is the true position.
   */
  static AssignedCell[] oneHot(Synth s, AssignedCell[] u, long[] uv, long[] c, int t, Fr[] hv) {
    int dim = hv.length;
    long sel = 0;
    for (int j = 0; j < u.length; j++) {
      sel += (uv[j] >> t) * c[j]; // the integer interpreter checked uv = i·2^t, 0 ≤ i < extent
    }
    Fr[] codes = new Fr[dim];
    Fr[] ones = new Fr[dim];
    for (int k = 0; k < dim; k++) {
      codes[k] = Fr.of((long) k << t);
      ones[k] = Fr.ONE;
      hv[k] = k == sel ? Fr.ONE : Fr.ZERO;
    }
    AssignedCell[] h = new AssignedCell[dim];
    linear(s, "one-hot Σh", h, hv, ones, s.arith.constant(1), null);
    for (int k = 0; k < dim; k++) {
      s.arith.row("one-hot bit", new Fr[] {Fr.ONE.neg()}, Fr.ONE, null,
          new AssignedCell[] {h[k], h[k]}, null);
    }
    if (u.length == 1 && c[0] == 1) {
      linear(s, "one-hot index", h, hv, codes, u[0], null);
      return h;
    }
    AssignedCell[] cells = java.util.Arrays.copyOf(h, dim + u.length);
    Fr[] vals = java.util.Arrays.copyOf(hv, dim + u.length);
    Fr[] coeff = java.util.Arrays.copyOf(codes, dim + u.length);
    for (int j = 0; j < u.length; j++) {
      cells[dim + j] = u[j];
      vals[dim + j] = Fr.of(uv[j]);
      coeff[dim + j] = Fr.of(-c[j]);
    }
    linear(s, "one-hot index", cells, vals, coeff, s.arith.constant(0), null);
    System.arraycopy(cells, 0, h, 0, dim);
    return h;
  }

  /**
   * GatherND by an activation index tensor [b…, i…, k]: per tuple, a one-hot of each component over
   * its axis (range), then the one-hot of the flat position Σ_j stride_j·i_j over the k addressed
   * axes, which selects each inner element as in {@link #gather}.
   */
  static AssignedCell[] gatherNd(Synth s, QuantizedGraph q, QNode qn) {
    int bd = ((Op.DynamicGatherND) qn.node().op()).batchDims();
    int[] xs = q.graph().shape(qn.node().inputs().get(0));
    int[] is = q.graph().shape(qn.node().inputs().get(1));
    int k = is[is.length - 1];
    int batch = (int) io.kubz.slicer.ir.Shapes.size(java.util.Arrays.copyOf(xs, bd));
    int inner = (int) io.kubz.slicer.ir.Shapes.size(java.util.Arrays.copyOfRange(xs, bd + k, xs.length));
    int per = (int) (io.kubz.slicer.ir.Shapes.size(xs) / batch);
    int n = per / inner;
    long[] stride = new long[k];
    for (int j = k - 1, m = 1; j >= 0; m *= xs[bd + j], j--) {
      stride[j] = m;
    }
    AssignedCell[] x = qn.isParam(0) ? null : Lowering.in(s, qn, 0);
    long[] xv = qn.isParam(0) ? qn.params()[0] : Lowering.inValues(s, q, qn, 0);
    AssignedCell[] u = Lowering.in(s, qn, 1);
    long[] uv = Lowering.inValues(s, q, qn, 1);
    long[] y = Lowering.outValues(s, q, qn);
    int t = qn.inScales()[1];
    String out = qn.node().output();
    int tuples = uv.length / (batch * k);
    AssignedCell[] result = new AssignedCell[y.length];
    for (int b = 0; b < batch; b++) {
      for (int p = 0; p < tuples; p++) {
        int row = b * tuples + p;
        boolean needed = false;
        for (int e = 0; e < inner && !needed; e++) {
          needed = s.needs(out, row * inner + e);
        }
        if (!needed) {
          continue;
        }
        AssignedCell[] us = new AssignedCell[k];
        long[] uvs = new long[k];
        Fr[] hv = new Fr[n];
        AssignedCell[] h = null;
        for (int j = 0; j < k; j++) {
          us[j] = Lowering.cell(u, row * k + j, qn);
          uvs[j] = uv[row * k + j];
          // i_j in [0, extent); with one component this is already the selecting one-hot
          h = oneHot(s, us[j], uvs[j], t, k == 1 ? hv : new Fr[xs[bd + j]]);
        }
        if (k > 1) {
          h = oneHot(s, us, uvs, stride, t, hv);
        }
        for (int e = 0; e < inner; e++) {
          if (s.needs(out, row * inner + e)) {
            result[row * inner + e] = value(s, qn, h, hv, x, xv, b * per + e, inner, y[row * inner + e]);
          }
        }
      }
    }
    return result;
  }

  /** y = Σ h_k·x[base + k·stride]: a linear sum over a constant x, else products. */
  private static AssignedCell value(Synth s, QNode qn, AssignedCell[] h, Fr[] hv, AssignedCell[] x,
      long[] xv, int base, int stride, long y) {
    if (x == null) {
      Fr[] w = new Fr[h.length];
      for (int k = 0; k < h.length; k++) {
        w[k] = Fr.of(xv[base + k * stride]);
      }
      return linear(s, "select", h.clone(), hv, w, null, Fr.of(y));
    }
    return products(s, h, hv, x, xv, base, stride, Fr.of(y), qn);
  }

  /**
   * Σ c_k·v_k = target over rows (acc, v, v, v, acc'): v_k is copied from cells[k], or assigned
   * from vals[k] when cells[k] is null (and stored back). The last accumulator is a copy of
   * {@code target}, or a new cell of value {@code targetVal}, which is returned.
   */
  static AssignedCell linear(Synth s, String name, AssignedCell[] cells, Fr[] vals, Fr[] coeff,
      AssignedCell target, Fr targetVal) {
    int n = cells.length;
    AssignedCell acc = null;
    Fr accV = Fr.ZERO;
    for (int k = 0; k < n; k += 3) {
      boolean last = k + 3 >= n;
      Fr[] cf = new Fr[Arith.WIDTH];
      AssignedCell[] src = new AssignedCell[Arith.WIDTH];
      Fr[] val = new Fr[Arith.WIDTH];
      if (acc != null) {
        cf[0] = Fr.ONE;
        src[0] = acc;
      }
      for (int m = 0; m < 3 && k + m < n; m++) {
        cf[1 + m] = coeff[k + m];
        src[1 + m] = cells[k + m];
        val[1 + m] = vals[k + m];
        accV = accV.add(coeff[k + m].mul(vals[k + m]));
      }
      cf[4] = Fr.ONE.neg();
      if (last && target != null) {
        src[4] = target;
      } else {
        val[4] = last ? targetVal : accV;
      }
      AssignedCell[] row = s.arith.row(name, cf, null, null, src, val);
      for (int m = 0; m < 3 && k + m < n; m++) {
        cells[k + m] = row[1 + m];
      }
      acc = row[4];
    }
    return acc;
  }

  /** y = Σ h_k·x_k, one product per row: (h, x, acc, acc'). */
  private static AssignedCell products(Synth s, AssignedCell[] h, Fr[] hv, AssignedCell[] x,
      long[] xv, int base, int stride, Fr y, QNode qn) {
    AssignedCell acc = null;
    Fr sum = Fr.ZERO;
    for (int k = 0; k < h.length; k++) {
      int xi = base + k * stride;
      Fr[] cf = {null, null, acc == null ? null : Fr.ONE, Fr.ONE.neg(), null};
      AssignedCell[] src = {h[k], Lowering.cell(x, xi, qn), acc, null, null};
      sum = sum.add(hv[k].mul(Fr.of(xv[xi])));
      Fr next = k == h.length - 1 ? y : sum;
      acc = s.arith.row("select", cf, Fr.ONE, null, src, new Fr[] {null, null, null, next})[3];
    }
    return acc;
  }
}
