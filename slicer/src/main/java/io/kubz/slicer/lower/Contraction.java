package io.kubz.slicer.lower;

import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.plan.Partial;
import io.kubz.slicer.plan.Split;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * A product whose contraction is split across slices ({@link Split#partial()}). For output o of a
 * Gemm/MatMul with dot product Σ_{t&lt;K} x_t·w_t, ranges [k_0, k_1), …, [k_{p−1}, k_p) tiling
 * [0, K) and bias β:
 * <pre>
 *   partial slice j:  s_j[o] = Σ_{t∈[k_j, k_{j+1})} x_t·w_t        (multiply-accumulate rows, acc starts at 0)
 *   combining slice:  acc[o] = β + Σ_j s_j[o]                      (multiply-accumulate rows with weights 1)
 *                     y[o]   = ⌊(acc[o] + 2^(k−1)) / 2^k⌋           (the rescale of {@link Lowering#rescale})
 * </pre>
 * Each s_j leaves its slice committed, TensorCommitment(salt, s_j[from..to)), and the combining
 * slice proves that the cells it adds hash to the same public commitment, like any cut tensor.
 *
 * <p><b>Soundness.</b> The partial sums are unrescaled field elements and are not range checked:
 * none is needed. A partial slice's constraints force s_j[o] = Σ_t x_t·w_t in F_r exactly (the
 * accumulator gate is a field identity over copied cells of committed inputs and fixed weights);
 * the binding of the Poseidon commitment makes the combining slice's cells those very elements; and
 * its gates force acc[o] = β + Σ_j s_j[o] in F_r. By associativity of addition in F_r, acc[o] is
 * the same field element β + Σ_{t&lt;K} x_t·w_t that one unsplit multiply-accumulate computes, so the
 * rescale that follows (whose range checks on r and y are what bound the quotient, unchanged) proves
 * exactly what it proves for the unsplit node. No step compares or divides a partial sum, so its
 * wrapping modulo r (were it ever wider than r) could not be exploited.
 */
public final class Contraction {
  private Contraction() {}

  /**
   * Rows (the {@link RowEstimator#nodeRows} vector) of the partial sums over {@code length}
   * contraction indices of the outputs {@code needed} (null: all) of product node n.
   */
  public static long[] partialRows(QuantizedGraph q, QNode n, int lanes, BitSet needed, int length) {
    long[] g = new long[RowEstimator.WIDTH];
    g[2] = count(q, n, needed) * Mac.rows(length, lanes);
    return g;
  }

  /** Rows of adding {@code parts} partial sums and the bias for the outputs {@code needed}, then rescaling. */
  public static long[] combineRows(QuantizedGraph q, QNode n, int lanes, BitSet needed, int parts, int outBits) {
    long[] g = new long[RowEstimator.WIDTH];
    long out = count(q, n, needed);
    g[2] = out * Mac.rows(parts, lanes);
    RowEstimator.rescale(g, out, n.shift(), outBits);
    return g;
  }

  private static long count(QuantizedGraph q, QNode n, BitSet needed) {
    return Linear.count(Shapes.size(q.graph().shape(n.node().output())), needed);
  }

  /**
   * The values of a partial-sum tensor, computed from the product's activation input in
   * {@code tensors} (a slice's job holds it for every slice that holds the node).
   */
  static long[] values(QuantizedGraph q, Partial p, Map<String, long[]> tensors) {
    QNode qn = q.node(q.graph().producer(p.tensor()).name());
    Linear.Dots d = Linear.matmulDots(q, qn);
    String x = qn.node().inputs().get(qn.isParam(0) ? 1 : 0);
    long[] xv = tensors.get(x);
    if (xv == null) {
      throw new IllegalArgumentException("no values for '" + x + "', whose partial sums " + p.name() + " are needed");
    }
    long[] s = new long[d.outputs()];
    int len = d.length();
    for (int o = 0; o < s.length; o++) {
      long t = 0;
      for (int j = p.kFrom(); j < p.kTo(); j++) {
        t += xv[d.act()[o * len + j]] * d.weight()[o * len + j];
      }
      s[o] = t;
    }
    return s;
  }

  /** The partial sums of a contraction split slice's node: one accumulator per needed output. */
  static AssignedCell[] partial(Synth s, QuantizedGraph q, QNode qn, Split split) {
    Linear.Dots d = Linear.matmulDots(q, qn);
    int xi = qn.isParam(0) ? 1 : 0;
    AssignedCell[] x = Lowering.in(s, qn, xi);
    long[] xv = Lowering.inValues(s, q, qn, xi);
    int len = d.length();
    int k = split.kTo() - split.kFrom();
    AssignedCell[] xs = new AssignedCell[k];
    long[] vs = new long[k];
    long[] ws = new long[k];
    AssignedCell[] out = new AssignedCell[d.outputs()];
    for (int o = 0; o < out.length; o++) {
      if (!s.needs(qn.node().output(), o)) {
        continue;
      }
      for (int j = 0; j < k; j++) {
        int a = d.act()[o * len + split.kFrom() + j];
        xs[j] = Lowering.cell(x, a, qn);
        vs[j] = xv[a];
        ws[j] = d.weight()[o * len + split.kFrom() + j];
      }
      out[o] = s.mac().dot(qn.name() + " partial", xs, vs, ws, 0);
    }
    return out;
  }

  /**
   * The node's output from the partial sums it reads ({@code sums}, whose cells the slice loaded):
   * β + Σ_j s_j by a multiply-accumulate with weights 1, then the rescale.
   */
  static AssignedCell[] combine(Synth s, QuantizedGraph q, QNode qn, List<Partial> sums) {
    Linear.Dots d = Linear.matmulDots(q, qn);
    int n = d.outputs();
    int m = sums.size();
    AssignedCell[] x = new AssignedCell[m * n];
    long[] xv = new long[m * n];
    for (int j = 0; j < m; j++) {
      AssignedCell[] cells = s.wires.get(sums.get(j).name());
      System.arraycopy(cells, 0, x, j * n, n);
      System.arraycopy(s.values(sums.get(j).name(), n), 0, xv, j * n, n);
    }
    int[] act = new int[n * m];
    long[] ones = new long[n * m];
    for (int o = 0; o < n; o++) {
      for (int j = 0; j < m; j++) {
        act[o * m + j] = j * n + o;
        ones[o * m + j] = 1;
      }
    }
    return Linear.finish(s, q, qn, new Linear.Dots(n, m, act, ones, d.bias()), x, xv);
  }
}
