package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;

/** Element-wise operations as arithmetic rows (one per element), ReLU by the sign bit. */
final class Elementwise {
  private Elementwise() {}

  /**
   * ReLU(x) = x·b with b the sign bit of x + 2^(t−1) ∈ [0, 2^t) (b = 1 iff x ≥ 0), t the ReLU table's
   * input width (the interpreter accepts no x outside it); the bits come for
   * free when x was just rescaled, else x gets its own signed range check.
   */
  static AssignedCell[] relu(Synth s, QuantizedGraph q, QNode qn) {
    String xName = qn.node().inputs().get(0);
    AssignedCell[] x = Lowering.in(s, qn, 0);
    long[] xv = Lowering.inValues(s, q, qn, 0);
    long[] y = Lowering.outValues(s, q, qn);
    AssignedCell[] sign = s.signs.get(xName);
    if (sign == null) {
      sign = new AssignedCell[x.length];
      int bits = ((io.kubz.lookup.table.FunctionTable) qn.table()).inputBits();
      for (int i = 0; i < x.length; i++) {
        if (!s.needs(qn.node().output(), i)) {
          continue;
        }
        sign[i] = s.range().check(Lowering.cell(x, i, qn), xv[i], bits, 1L << (bits - 1));
      }
      s.signs.put(xName, sign);
    }
    Fr[] coeff = {null, null, Fr.ONE.neg()};
    AssignedCell[] out = new AssignedCell[x.length];
    for (int i = 0; i < x.length; i++) {
      if (!s.needs(qn.node().output(), i)) {
        continue;
      }
      out[i] = s.arith.row("relu", coeff, Fr.ONE, null, new AssignedCell[] {Lowering.cell(x, i, qn), sign[i]},
          new Fr[] {null, null, Fr.of(y[i])})[2];
    }
    return out;
  }

  /** Add, Sub (exact), Mul and Div by a constant (product, then rescale). */
  static AssignedCell[] binary(Synth s, QuantizedGraph q, QNode qn) {
    Node n = qn.node();
    Op.BinaryKind kind = ((Op.Binary) n.op()).kind();
    int[] outShape = q.graph().shape(n.output());
    int[] ia = Shapes.broadcastIndex(q.graph().shape(n.inputs().get(0)), outShape);
    int[] ib = Shapes.broadcastIndex(q.graph().shape(n.inputs().get(1)), outShape);
    boolean pa = qn.isParam(0);
    boolean pb = qn.isParam(1);
    if (pa && pb) {
      throw Lowering.unsupported(n);
    }
    AssignedCell[] a = pa ? null : Lowering.in(s, qn, 0);
    AssignedCell[] b = pb ? null : Lowering.in(s, qn, 1);
    long[] av = pa ? qn.params()[0] : Lowering.inValues(s, q, qn, 0);
    long[] bv = pb ? qn.params()[1] : Lowering.inValues(s, q, qn, 1);
    long[] y = Lowering.outValues(s, q, qn);
    boolean product = kind == Op.BinaryKind.MUL || kind == Op.BinaryKind.DIV;
    if (!product && kind != Op.BinaryKind.ADD && kind != Op.BinaryKind.SUB) {
      throw Lowering.unsupported(n);
    }
    Fr sb = kind == Op.BinaryKind.SUB ? Fr.ONE.neg() : Fr.ONE;
    AssignedCell[] out = new AssignedCell[y.length];
    long[] outV = new long[y.length];
    for (int o = 0; o < y.length; o++) {
      if (!s.needs(n.output(), o)) {
        continue;
      }
      long x1 = av[ia[o]];
      long x2 = bv[ib[o]];
      Fr[] coeff = new Fr[Arith.WIDTH];
      AssignedCell[] src = new AssignedCell[Arith.WIDTH];
      Fr mul = null;
      Fr k = null;
      coeff[2] = Fr.ONE.neg();
      if (product) {
        outV[o] = x1 * x2;
        if (pa) {
          coeff[1] = Fr.of(x1);
          src[1] = Lowering.cell(b, ib[o], qn);
        } else if (pb) {
          coeff[0] = Fr.of(x2);
          src[0] = Lowering.cell(a, ia[o], qn);
        } else {
          mul = Fr.ONE;
          src[0] = Lowering.cell(a, ia[o], qn);
          src[1] = Lowering.cell(b, ib[o], qn);
        }
      } else {
        outV[o] = kind == Op.BinaryKind.SUB ? x1 - x2 : x1 + x2;
        if (pa) {
          k = Fr.of(x1);
        } else {
          coeff[0] = Fr.ONE;
          src[0] = Lowering.cell(a, ia[o], qn);
        }
        if (pb) {
          k = Fr.of(x2).mul(sb);
        } else {
          coeff[1] = sb;
          src[1] = Lowering.cell(b, ib[o], qn);
        }
      }
      Fr[] val = new Fr[Arith.WIDTH];
      val[2] = Fr.of(product ? outV[o] : y[o]);
      out[o] = s.arith.row(n.name(), coeff, mul, k, src, val)[2];
    }
    return product ? Lowering.rescale(s, n.output(), out, outV, qn.shift(), y) : out;
  }

  /** Unfolded batch norm: y = rescale(x·a_c + b_c). */
  static AssignedCell[] batchNorm(Synth s, QuantizedGraph q, QNode qn) {
    Node n = qn.node();
    int[] xs = q.graph().shape(n.inputs().get(0));
    AssignedCell[] x = Lowering.in(s, qn, 0);
    long[] xv = Lowering.inValues(s, q, qn, 0);
    long[] a = qn.params()[1];
    long[] b = qn.params()[2];
    int channels = xs[1];
    int inner = (int) (Shapes.size(xs) / ((long) xs[0] * channels));
    AssignedCell[] acc = new AssignedCell[x.length];
    long[] accV = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      if (!s.needs(n.output(), i)) {
        continue;
      }
      int c = (i / inner) % channels;
      accV[i] = xv[i] * a[c] + b[c];
      acc[i] = s.arith.row(n.name(), new Fr[] {Fr.of(a[c]), null, Fr.ONE.neg()}, null, Fr.of(b[c]),
          new AssignedCell[] {Lowering.cell(x, i, qn)}, new Fr[] {null, null, Fr.of(accV[i])})[2];
    }
    return Lowering.rescale(s, n.output(), acc, accV, qn.shift(), Lowering.outValues(s, q, qn));
  }
}
