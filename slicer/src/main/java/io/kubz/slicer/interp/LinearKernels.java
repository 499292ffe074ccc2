package io.kubz.slicer.interp;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.Tensor;
import java.util.Arrays;

/** Gemm and MatMul, accumulated in double. */
final class LinearKernels {
  private LinearKernels() {}

  static Tensor gemm(Op.Gemm op, Tensor a, Tensor b, Tensor c, String what) {
    if (a.rank() != 2 || b.rank() != 2) {
      throw new BadInputException(what + ": Gemm needs matrices, got shapes "
          + Shapes.str(a.shape()) + " and " + Shapes.str(b.shape()));
    }
    int m = op.transA() ? a.dim(1) : a.dim(0);
    int k = op.transA() ? a.dim(0) : a.dim(1);
    int kb = op.transB() ? b.dim(1) : b.dim(0);
    int n = op.transB() ? b.dim(0) : b.dim(1);
    if (k != kb) {
      throw new BadInputException(what + ": inner dimensions differ (" + k + " vs " + kb + ")");
    }
    double[] ad = a.data();
    double[] bd = b.data();
    int as0 = op.transA() ? 1 : k;
    int as1 = op.transA() ? m : 1;
    int bs0 = op.transB() ? 1 : n;
    int bs1 = op.transB() ? k : 1;
    double[] y = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int t = 0; t < k; t++) {
          s += ad[i * as0 + t * as1] * bd[t * bs0 + j * bs1];
        }
        y[i * n + j] = op.alpha() * s;
      }
    }
    int[] shape = {m, n};
    if (c != null && op.beta() != 0) {
      int[] cs = c.shape();
      Shapes.broadcast(cs, shape, what);
      int[] idx = Shapes.broadcastIndex(cs, shape);
      double[] cd = c.data();
      for (int i = 0; i < y.length; i++) {
        y[i] += op.beta() * cd[idx[i]];
      }
    }
    return Tensor.of(DType.FLOAT, shape, y);
  }

  /** numpy matmul semantics: rank-1 operands are promoted and the promoted axis removed after. */
  static Tensor matmul(Tensor a, Tensor b, String what) {
    int[] as = a.shape();
    int[] bs = b.shape();
    boolean aVec = as.length == 1;
    boolean bVec = bs.length == 1;
    Shapes.MatMul mm = Shapes.matMul(as, bs, what);
    int m = mm.m();
    int k = mm.k();
    int n = mm.n();
    int[] batch = mm.batch();
    int[] ai = mm.aIndex();
    int[] bi = mm.bIndex();
    int nb = mm.batches();
    double[] ad = a.data();
    double[] bd = b.data();
    double[] y = new double[nb * m * n];
    for (int p = 0; p < nb; p++) {
      int ao = ai[p] * m * k;
      int bo = bi[p] * k * n;
      int yo = p * m * n;
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          for (int t = 0; t < k; t++) {
            s += ad[ao + i * k + t] * bd[bo + t * n + j];
          }
          y[yo + i * n + j] = s;
        }
      }
    }
    int[] shape = Arrays.copyOf(batch, batch.length + 2);
    shape[batch.length] = m;
    shape[batch.length + 1] = n;
    if (aVec || bVec) {
      int[] s2 = new int[shape.length - (aVec ? 1 : 0) - (bVec ? 1 : 0)];
      int w = 0;
      for (int i = 0; i < shape.length; i++) {
        if ((aVec && i == shape.length - 2) || (bVec && i == shape.length - 1)) {
          continue;
        }
        s2[w++] = shape[i];
      }
      shape = s2;
    }
    return Tensor.of(DType.FLOAT, shape, y);
  }
}
