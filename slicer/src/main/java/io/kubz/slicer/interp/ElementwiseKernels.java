package io.kubz.slicer.interp;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.Tensor;

/** Element-wise operations with numpy broadcasting. */
final class ElementwiseKernels {
  private ElementwiseKernels() {}

  static Tensor binary(Op.BinaryKind kind, Tensor a, Tensor b, String what) {
    int[] shape = Shapes.broadcast(a.shape(), b.shape(), what);
    int[] ai = Shapes.broadcastIndex(a.shape(), shape);
    int[] bi = Shapes.broadcastIndex(b.shape(), shape);
    double[] ad = a.data();
    double[] bd = b.data();
    DType t = a.dtype();
    boolean integer = !t.isFloating();
    double[] y = new double[ai.length];
    for (int i = 0; i < y.length; i++) {
      double x = ad[ai[i]];
      double z = bd[bi[i]];
      double r;
      switch (kind) {
        case ADD:
          r = x + z;
          break;
        case SUB:
          r = x - z;
          break;
        case MUL:
          r = x * z;
          break;
        case DIV:
          // Integer division truncates toward zero, as ONNX Runtime's does.
          if (integer && (long) z == 0) {
            throw new BadInputException(what + ": integer division by zero at element " + i);
          }
          r = integer ? (double) ((long) x / (long) z) : x / z;
          break;
        case POW:
          r = Math.pow(x, z);
          break;
        case MAX:
          r = Math.max(x, z);
          break;
        case MIN:
          r = Math.min(x, z);
          break;
        case LESS:
          r = x < z ? 1 : 0;
          break;
        case LESS_OR_EQUAL:
          r = x <= z ? 1 : 0;
          break;
        case GREATER:
          r = x > z ? 1 : 0;
          break;
        case GREATER_OR_EQUAL:
          r = x >= z ? 1 : 0;
          break;
        case EQUAL:
          r = x == z ? 1 : 0;
          break;
        case AND:
          r = x != 0 && z != 0 ? 1 : 0;
          break;
        case OR:
          r = x != 0 || z != 0 ? 1 : 0;
          break;
        case XOR:
          r = (x != 0) != (z != 0) ? 1 : 0;
          break;
        default:
          throw new AssertionError(kind);
      }
      y[i] = integer && !kind.isPredicate() ? t.convert(r) : r;
    }
    return Tensor.of(kind.isPredicate() ? DType.BOOL : t, shape, y);
  }

  static Tensor where(Tensor c, Tensor x, Tensor y, String what) {
    int[] shape = Shapes.broadcast(Shapes.broadcast(c.shape(), x.shape(), what), y.shape(), what);
    int[] ci = Shapes.broadcastIndex(c.shape(), shape);
    int[] xi = Shapes.broadcastIndex(x.shape(), shape);
    int[] yi = Shapes.broadcastIndex(y.shape(), shape);
    double[] r = new double[ci.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = c.get(ci[i]) != 0 ? x.get(xi[i]) : y.get(yi[i]);
    }
    return Tensor.of(x.dtype(), shape, r);
  }

  static Tensor unary(Op.Unary op, Tensor x) {
    double[] xd = x.data();
    double[] y = new double[xd.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = op.apply(xd[i]);
    }
    return Tensor.of(x.dtype(), x.shape(), y);
  }

  static Tensor prelu(Tensor x, Tensor slope, String what) {
    int[] shape = x.shape();
    Shapes.broadcast(slope.shape(), shape, what);
    int[] si = Shapes.broadcastIndex(slope.shape(), shape);
    double[] xd = x.data();
    double[] sd = slope.data();
    double[] y = new double[xd.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = xd[i] >= 0 ? xd[i] : sd[si[i]] * xd[i];
    }
    return Tensor.of(x.dtype(), shape, y);
  }

  static Tensor clip(Op.Clip op, Tensor x) {
    double[] xd = x.data();
    double[] y = new double[xd.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = Math.min(Math.max(xd[i], op.min()), op.max());
    }
    return Tensor.of(x.dtype(), x.shape(), y);
  }
}
