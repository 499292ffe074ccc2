package io.kubz.slicer.layered;

import io.kubz.gkr.model.SparseMatrix;
import io.kubz.lookup.table.FixedPoint;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.UnaryKind;
import io.kubz.slicer.quant.QNode;

/**
 * Element-wise operations: Add and Sub as linear layers, Mul and Div by constants as a linear layer
 * and a rescale, Mul of activations (and Div by an activation, a·T(b)) as a product and a rescale,
 * table functions as lookups, Neg as a linear layer, and the exact order operations as maxima:
 * max(a, b), min(a, b) = −max(−a, −b), |x| = max(x, −x), Clip = min(max(x, lo), hi), and PRelu with
 * a slope σ ∈ [0, 1] as max(x, rescale(x·σ)) (for x ≥ 0 the rescaled product is ≤ x, for x &lt; 0 it is
 * ≥ x, so the maximum picks the interpreter's branch).
 */
final class Elementwise {
  private static final long HUGE = 1L << 62;

  private Elementwise() {}

  static int binary(Lowering l, QNode qn, Op.BinaryKind kind) {
    Node n = qn.node();
    int[] out = l.shape(n.output());
    int size = (int) Shapes.size(out);
    switch (kind) {
      case ADD, SUB -> {
        long[] bias = new long[size];
        boolean anyBias = false;
        int terms = (qn.isParam(0) ? 0 : 1) + (qn.isParam(1) ? 0 : 1);
        if (terms == 0) {
          throw Lowering.unsupported(n);
        }
        int[] tensors = new int[terms];
        SparseMatrix[] mats = new SparseMatrix[terms];
        int j = 0;
        for (int i = 0; i < 2; i++) {
          long sign = i == 1 && kind == Op.BinaryKind.SUB ? -1 : 1;
          if (qn.isParam(i)) {
            int[] idx = Shapes.broadcastIndex(l.shape(n.inputs().get(i)), out);
            for (int o = 0; o < size; o++) {
              bias[o] += sign * qn.params()[i][idx[o]];
              anyBias |= bias[o] != 0;
            }
          } else {
            tensors[j] = l.tensor(n.inputs().get(i));
            mats[j++] = l.broadcastMatrix(qn, i, out, sign);
          }
        }
        return l.b.linear(size, tensors, mats, anyBias ? bias : null);
      }
      case MUL, DIV -> {
        if (kind == Op.BinaryKind.DIV && qn.table() != null) {
          // a / b = rescale(a·T(b)): T(b) = round(2^t / b) looked up per element of b
          if (qn.isParam(1)) {
            throw Lowering.unsupported(n);
          }
          int inv = l.lookup(l.tensor(n.inputs().get(1)), qn.table());
          int invOut = l.b.gather(inv, Shapes.broadcastIndex(l.shape(n.inputs().get(1)), out));
          return l.rescaled(qn, l.b.product(l.broadcast(qn, 0, out), invOut));
        }
        if (qn.isParam(0) && qn.isParam(1)) {
          throw Lowering.unsupported(n);
        }
        if (!qn.isParam(0) && !qn.isParam(1)) {
          return l.rescaled(qn, l.b.product(l.broadcast(qn, 0, out), l.broadcast(qn, 1, out)));
        }
        int x = qn.isParam(0) ? 1 : 0;
        int[] ix = Shapes.broadcastIndex(l.shape(n.inputs().get(x)), out);
        int[] ic = Shapes.broadcastIndex(l.shape(n.inputs().get(1 - x)), out);
        long[] c = qn.params()[1 - x];
        int xt = l.tensor(n.inputs().get(x));
        SparseMatrix.Builder mb = new SparseMatrix.Builder(size, l.b.size(xt));
        for (int o = 0; o < size; o++) {
          mb.add(o, ix[o], c[ic[o]]);
        }
        return l.rescaled(qn, l.b.linear(xt, mb.build(), null));
      }
      case POW -> {
        return l.lookup(l.tensor(n.inputs().get(qn.isParam(0) ? 1 : 0)), qn.table());
      }
      case MAX -> {
        return l.b.max(l.broadcast(qn, 0, out), l.broadcast(qn, 1, out));
      }
      case MIN -> {
        return negate(l, l.b.max(negate(l, l.broadcast(qn, 0, out)), negate(l, l.broadcast(qn, 1, out))));
      }
      default -> throw Lowering.unsupported(n);
    }
  }

  static int unary(Lowering l, QNode qn) {
    Node n = qn.node();
    if (qn.isParam(0)) {
      throw Lowering.unsupported(n);
    }
    int x = l.tensor(n.inputs().get(0));
    UnaryKind kind = ((Op.Unary) n.op()).kind();
    if (kind == UnaryKind.NEG) {
      return negate(l, x);
    }
    if (kind == UnaryKind.ABS) {
      return l.b.max(x, negate(l, x));
    }
    if (qn.table() == null) {
      throw Lowering.unsupported(n);
    }
    return l.lookup(x, qn.table());
  }

  /** min(max(x, lo), hi); a side at ±2^62 or beyond clips nothing a long can hold and is left out. */
  static int clip(Lowering l, QNode qn) {
    Node n = qn.node();
    if (qn.isParam(0)) {
      throw Lowering.unsupported(n);
    }
    Op.Clip c = (Op.Clip) n.op();
    long lo = FixedPoint.toFixed(c.min(), qn.outScale());
    long hi = FixedPoint.toFixed(c.max(), qn.outScale());
    int y = l.tensor(n.inputs().get(0));
    int size = l.b.size(y);
    if (lo > -HUGE) {
      y = l.b.max(y, l.b.constant(filled(size, lo)));
    }
    if (hi < HUGE) {
      y = negate(l, l.b.max(negate(l, y), l.b.constant(filled(size, -hi))));
    }
    return y;
  }

  static int prelu(Lowering l, QNode qn) {
    Node n = qn.node();
    int[] out = l.shape(n.output());
    if (qn.isParam(0) || !qn.isParam(1) || !java.util.Arrays.equals(l.shape(n.inputs().get(0)), out)) {
      throw Lowering.unsupported(n);
    }
    int k = qn.shift();
    long[] slope = qn.params()[1];
    for (long s : slope) {
      if (s < 0 || k > 62 || s > 1L << k) {
        throw Lowering.unsupported(n);
      }
    }
    int x = l.tensor(n.inputs().get(0));
    int[] is = Shapes.broadcastIndex(l.shape(n.inputs().get(1)), out);
    SparseMatrix.Builder mb = new SparseMatrix.Builder(is.length, is.length);
    for (int o = 0; o < is.length; o++) {
      mb.add(o, o, slope[is[o]]);
    }
    int z = l.b.rescale(l.b.linear(x, mb.build(), null), k, Math.min(LayerBuilder.MAX_BITS,
        LayerBuilder.signedBits(l.b.bound(x))));
    return l.b.max(x, z);
  }

  static int negate(Lowering l, int x) {
    int size = l.b.size(x);
    SparseMatrix.Builder mb = new SparseMatrix.Builder(size, size);
    for (int i = 0; i < size; i++) {
      mb.add(i, i, -1);
    }
    return l.b.linear(x, mb.build(), null);
  }

  private static long[] filled(int size, long v) {
    long[] r = new long[size];
    java.util.Arrays.fill(r, v);
    return r;
  }
}
