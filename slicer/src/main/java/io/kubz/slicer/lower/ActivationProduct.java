package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;

/**
 * Gemm and MatMul of two activations (attention's Q·Kᵀ and A·V, mLSTM's C·q): both factors are
 * witness cells, so each output is a chain of arithmetic rows, one product per row:
 * <pre>
 *   acc_0 = a_0·b_0 + β (+ 2^k·c),   acc_t = acc_(t−1) + a_t·b_t   (q_m·a_0·a_1 + a_2 + q_4·a_4 + q_k − a_3 = 0)
 * </pre>
 * then the rescale by k = s_A + s_B − s ({@link Lowering#rescale}). β is a constant bias at scale
 * s_A + s_B, c an activation bias at scale s (the interpreter shifts it left by k). The sums are exact
 * in F_r (the interpreter bounds every accumulator by 2^52), so the rescale forces the interpreter's
 * value. Batched MatMul broadcasts the leading axes as numpy does; a transposed second factor
 * (Q·Kᵀ as Transpose + MatMul) is a layout node before it and costs no rows.
 */
final class ActivationProduct {
  private ActivationProduct() {}

  /** Index pairs of each output's dot product: a[o·k + t], b[o·k + t]. */
  record Pairs(int outputs, int k, int[] a, int[] b) {}

  static AssignedCell[] matmul(Synth s, QuantizedGraph q, QNode qn) {
    Node n = qn.node();
    Pairs p = pairs(q, n);
    AssignedCell[] a = Lowering.in(s, qn, 0);
    AssignedCell[] b = Lowering.in(s, qn, 1);
    long[] av = Lowering.inValues(s, q, qn, 0);
    long[] bv = Lowering.inValues(s, q, qn, 1);
    boolean hasBias = n.inputs().size() > 2;
    boolean paramBias = hasBias && qn.isParam(2);
    int[] ci = hasBias ? Shapes.broadcastIndex(q.graph().shape(n.inputs().get(2)), q.graph().shape(n.output())) : null;
    AssignedCell[] c = hasBias && !paramBias ? Lowering.in(s, qn, 2) : null;
    long[] cv = !hasBias ? null : paramBias ? qn.params()[2] : Lowering.inValues(s, q, qn, 2);
    int k = qn.shift();
    Fr cShift = Synth.pow2(k);
    AssignedCell[] acc = new AssignedCell[p.outputs()];
    long[] accV = new long[p.outputs()];
    for (int o = 0; o < p.outputs(); o++) {
      if (!s.needs(n.output(), o)) {
        continue;
      }
      long total = 0;
      AssignedCell prev = null;
      for (int t = 0; t < p.k(); t++) {
        int ia = p.a()[o * p.k() + t];
        int ib = p.b()[o * p.k() + t];
        Fr[] coeff = new Fr[Arith.WIDTH];
        AssignedCell[] src = new AssignedCell[Arith.WIDTH];
        Fr[] val = new Fr[Arith.WIDTH];
        Fr constant = null;
        src[0] = Lowering.cell(a, ia, qn);
        src[1] = Lowering.cell(b, ib, qn);
        coeff[3] = Fr.ONE.neg();
        if (prev != null) {
          coeff[2] = Fr.ONE;
          src[2] = prev;
        } else if (paramBias) {
          total = cv[ci[o]];
          constant = Fr.of(total);
        } else if (c != null) {
          total = cv[ci[o]] << k;
          coeff[4] = cShift;
          src[4] = Lowering.cell(c, ci[o], qn);
        }
        total += av[ia] * bv[ib];
        val[3] = Fr.of(total);
        prev = s.arith.row(n.name(), coeff, Fr.ONE, constant, src, val)[3];
      }
      acc[o] = prev;
      accV[o] = total;
    }
    return Lowering.rescale(s, n.output(), acc, accV, k, Lowering.outValues(s, q, qn));
  }

  /** Rows of one output: a product row per term of the dot product (the rescale is counted apart). */
  static int rows(QuantizedGraph q, Node n) {
    return pairs(q, n).k();
  }

  /** Which elements of A and B each output multiplies: Gemm with its transpositions, numpy matmul. */
  static Pairs pairs(QuantizedGraph q, Node n) {
    int[] as = q.graph().shape(n.inputs().get(0));
    int[] bs = q.graph().shape(n.inputs().get(1));
    if (n.op() instanceof Op.Gemm g) {
      int m = g.transA() ? as[1] : as[0];
      int k = g.transA() ? as[0] : as[1];
      int cols = g.transB() ? bs[0] : bs[1];
      int[] ai = new int[m * cols * k];
      int[] bi = new int[m * cols * k];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < cols; j++) {
          for (int t = 0; t < k; t++) {
            int o = (i * cols + j) * k + t;
            ai[o] = g.transA() ? t * m + i : i * k + t;
            bi[o] = g.transB() ? j * k + t : t * cols + j;
          }
        }
      }
      return new Pairs(m * cols, k, ai, bi);
    }
    Shapes.MatMul mm = Shapes.matMul(as, bs, n.label());
    int m = mm.m();
    int k = mm.k();
    int cols = mm.n();
    int[] pa = mm.aIndex();
    int[] pb = mm.bIndex();
    int outputs = pa.length * m * cols;
    int[] ai = new int[outputs * k];
    int[] bi = new int[outputs * k];
    for (int p = 0; p < pa.length; p++) {
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < cols; j++) {
          int o = (p * m + i) * cols + j;
          for (int t = 0; t < k; t++) {
            ai[o * k + t] = pa[p] * m * k + i * k + t;
            bi[o * k + t] = pb[p] * k * cols + t * cols + j;
          }
        }
      }
    }
    return new Pairs(outputs, k, ai, bi);
  }
}
