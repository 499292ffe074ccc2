package io.kubz.slicer.interp;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.Tensor;
import java.util.Arrays;

/** Max and average pooling, global average pooling. */
final class PoolKernels {
  private PoolKernels() {}

  /**
   * Max: the largest input in the window (padding never wins). Average: the window's sum divided
   * by the number of real inputs, or with countIncludePad by the positions inside the padded
   * extent.
   */
  static Tensor pool(Op.Pool op, Tensor x, String what) {
    int[] xs = x.shape();
    int r = xs.length - 2;
    if (r < 1 || op.kernel().length != r) {
      throw new BadInputException(what + ": pooling needs [N, C, spatial…] with " + op.kernel().length
          + " spatial axes, got " + Shapes.str(xs));
    }
    int[] in = Arrays.copyOfRange(xs, 2, xs.length);
    int[] out = Windows.outShape(in, op.kernel(), op.strides(), op.pads(), op.dilations(), op.ceilMode());
    int[] table = Windows.table(in, out, op.kernel(), op.strides(), op.pads(), op.dilations());
    int nc = xs[0] * xs[1];
    int ni = (int) Shapes.size(in);
    int no = (int) Shapes.size(out);
    int nk = (int) Shapes.size(op.kernel());
    int[] padded = new int[no];
    if (op.kind() == Op.PoolKind.AVERAGE && op.countIncludePad()) {
      for (int o = 0; o < no; o++) {
        padded[o] =
            Windows.paddedCount(in, out, op.kernel(), op.strides(), op.pads(), op.dilations(), o);
      }
    }
    double[] xd = x.data();
    double[] y = new double[nc * no];
    for (int p = 0; p < nc; p++) {
      int xo = p * ni;
      for (int o = 0; o < no; o++) {
        double acc = op.kind() == Op.PoolKind.MAX ? Double.NEGATIVE_INFINITY : 0;
        int count = 0;
        for (int k = 0; k < nk; k++) {
          int off = table[o * nk + k];
          if (off >= 0) {
            double v = xd[xo + off];
            acc = op.kind() == Op.PoolKind.MAX ? Math.max(acc, v) : acc + v;
            count++;
          }
        }
        if (op.kind() == Op.PoolKind.AVERAGE) {
          acc /= op.countIncludePad() ? padded[o] : count;
        }
        y[p * no + o] = acc;
      }
    }
    int[] shape = xs.clone();
    System.arraycopy(out, 0, shape, 2, r);
    return Tensor.of(DType.FLOAT, shape, y);
  }

  static Tensor globalAveragePool(Tensor x) {
    int[] xs = x.shape();
    int nc = xs[0] * xs[1];
    int ni = x.size() / nc;
    double[] xd = x.data();
    double[] y = new double[nc];
    for (int p = 0; p < nc; p++) {
      double s = 0;
      for (int i = 0; i < ni; i++) {
        s += xd[p * ni + i];
      }
      y[p] = s / ni;
    }
    int[] shape = xs.clone();
    Arrays.fill(shape, 2, shape.length, 1);
    return Tensor.of(DType.FLOAT, shape, y);
  }
}
