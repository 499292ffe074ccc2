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
        default:
          throw new AssertionError(kind);
      }
      y[i] = integer ? t.convert(r) : r;
    }
    return Tensor.of(t, shape, y);
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
