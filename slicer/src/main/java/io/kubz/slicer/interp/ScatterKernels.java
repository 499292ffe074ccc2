package io.kubz.slicer.interp;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.Tensor;
import java.util.Arrays;

/**
 * GatherND, ScatterElements and ScatterND with indices read from a tensor, ONNX semantics:
 * negative indices count from the end, an index outside [−dim, dim) is refused naming the node,
 * and for duplicate scatter indices the last write (row-major order) wins.
 */
final class ScatterKernels {
  private ScatterKernels() {}

  /** y[b, t, e] = x[b, idx[b, t, 0..k), e] over B batch axes, k indexed axes, inner axes e. */
  static Tensor gatherNd(Op.DynamicGatherND op, Tensor x, Tensor indices, String what) {
    int[] s = x.shape();
    int[] is = indices.shape();
    int bd = op.batchDims();
    int k = is[is.length - 1];
    if (k < 1 || bd + k > s.length || !Arrays.equals(Arrays.copyOf(is, bd), Arrays.copyOf(s, bd))) {
      throw new BadInputException(what + ": indices " + Shapes.str(is) + " do not address data "
          + Shapes.str(s) + " with batch_dims " + bd);
    }
    int batch = (int) Shapes.size(Arrays.copyOf(s, bd));
    int tuples = (int) (Shapes.size(is) / ((long) batch * k));
    int inner = (int) Shapes.size(Arrays.copyOfRange(s, bd + k, s.length));
    int per = (int) (Shapes.size(s) / batch);
    int[] str = Shapes.strides(s);
    double[] y = new double[batch * tuples * inner];
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < tuples; t++) {
        int off = b * per;
        for (int j = 0; j < k; j++) {
          off += index(indices.get((b * tuples + t) * k + j), s, bd + j, what) * str[bd + j];
        }
        System.arraycopy(x.data(), off, y, (b * tuples + t) * inner, inner);
      }
    }
    int[] out = new int[is.length - 1 + s.length - bd - k];
    System.arraycopy(is, 0, out, 0, is.length - 1);
    System.arraycopy(s, bd + k, out, is.length - 1, s.length - bd - k);
    return Tensor.of(x.dtype(), out, y);
  }

  /** y = x; y[j with axis coordinate idx[j]] = u[j] for j in row-major order. */
  static Tensor scatterElements(int axis, Tensor x, Tensor indices, Tensor updates, String what) {
    int[] s = x.shape();
    int[] is = indices.shape();
    if (is.length != s.length || !Arrays.equals(is, updates.shape())) {
      throw new BadInputException(what + ": indices " + Shapes.str(is) + " and updates "
          + Shapes.str(updates.shape()) + " must have one shape, of the rank of data " + Shapes.str(s));
    }
    int[] str = Shapes.strides(s);
    int[] iStr = Shapes.strides(is);
    double[] y = x.data().clone();
    for (int j = 0; j < indices.size(); j++) {
      int off = 0;
      for (int d = 0; d < s.length; d++) {
        int c = d == axis ? index(indices.get(j), s, d, what) : j / iStr[d] % is[d];
        if (c >= s[d]) {
          throw new BadInputException(what + ": indices " + Shapes.str(is) + " exceed " + Shapes.str(s));
        }
        off += c * str[d];
      }
      y[off] = updates.get(j);
    }
    return Tensor.of(x.dtype(), s, y);
  }

  /** y = x; y[idx[t], e] = u[t, e] for the tuples t (length k) in row-major order. */
  static Tensor scatterNd(Tensor x, Tensor indices, Tensor updates, String what) {
    int[] s = x.shape();
    int[] is = indices.shape();
    int k = is[is.length - 1];
    if (k < 1 || k > s.length) {
      throw new BadInputException(what + ": indices " + Shapes.str(is) + " do not address data "
          + Shapes.str(s));
    }
    int inner = (int) Shapes.size(Arrays.copyOfRange(s, k, s.length));
    int tuples = indices.size() / k;
    if (updates.size() != tuples * inner) {
      throw new BadInputException(what + ": updates " + Shapes.str(updates.shape())
          + " do not match indices " + Shapes.str(is) + " and data " + Shapes.str(s));
    }
    int[] str = Shapes.strides(s);
    double[] y = x.data().clone();
    for (int t = 0; t < tuples; t++) {
      int off = 0;
      for (int j = 0; j < k; j++) {
        off += index(indices.get(t * k + j), s, j, what) * str[j];
      }
      System.arraycopy(updates.data(), t * inner, y, off, inner);
    }
    return Tensor.of(x.dtype(), s, y);
  }

  private static int index(double v, int[] s, int axis, String what) {
    int dim = s[axis];
    if (v != Math.rint(v) || v < -dim || v >= dim) {
      throw new BadInputException(what + ": index " + v + " is outside [" + -dim + ", " + dim
          + ") (axis " + axis + " of " + Shapes.str(s) + "); check the input");
    }
    return (int) (v < 0 ? v + dim : v);
  }
}
