package io.kubz.slicer.quant;

import io.kubz.slicer.ir.Shapes;
import java.util.Arrays;

/**
 * GatherND, ScatterElements and ScatterND on quantized tensors: the index input holds i·2^t (t its
 * scale) and must be an integer in [0, dim) ({@link IntKernels#index}, which names the node
 * otherwise; a negative index, valid in ONNX, is refused as the circuits select only [0, dim));
 * data and updates share the activation scale, so values move unchanged. Duplicate scatter
 * indices: the last write in row-major order wins.
 */
final class ScatterIntKernels {
  private ScatterIntKernels() {}

  static long[] gatherNd(QNode qn, int bd, long[] x, int[] s, long[] idx, int[] is) {
    int t = qn.inScales()[1];
    int k = is[is.length - 1];
    int batch = (int) Shapes.size(Arrays.copyOf(s, bd));
    int tuples = idx.length / (batch * k);
    int inner = (int) Shapes.size(Arrays.copyOfRange(s, bd + k, s.length));
    int per = x.length / batch;
    int[] str = Shapes.strides(s);
    long[] y = new long[batch * tuples * inner];
    for (int b = 0; b < batch; b++) {
      for (int u = 0; u < tuples; u++) {
        int off = b * per;
        for (int j = 0; j < k; j++) {
          off += IntKernels.index(qn, idx[(b * tuples + u) * k + j], t, s[bd + j]) * str[bd + j];
        }
        System.arraycopy(x, off, y, (b * tuples + u) * inner, inner);
      }
    }
    return y;
  }

  static long[] scatterElements(QNode qn, int axis, long[] x, int[] s, long[] idx, int[] is,
      long[] upd) {
    int t = qn.inScales()[1];
    int[] str = Shapes.strides(s);
    int[] iStr = Shapes.strides(is);
    long[] y = x.clone();
    for (int j = 0; j < idx.length; j++) {
      int off = 0;
      for (int d = 0; d < s.length; d++) {
        off += (d == axis ? IntKernels.index(qn, idx[j], t, s[d]) : j / iStr[d] % is[d]) * str[d];
      }
      y[off] = upd[j];
    }
    return y;
  }

  static long[] scatterNd(QNode qn, long[] x, int[] s, long[] idx, int[] is, long[] upd) {
    int t = qn.inScales()[1];
    int k = is[is.length - 1];
    int inner = (int) Shapes.size(Arrays.copyOfRange(s, k, s.length));
    int[] str = Shapes.strides(s);
    long[] y = x.clone();
    for (int u = 0; u < idx.length / k; u++) {
      int off = 0;
      for (int j = 0; j < k; j++) {
        off += IntKernels.index(qn, idx[u * k + j], t, s[j]) * str[j];
      }
      System.arraycopy(upd, u * inner, y, off, inner);
    }
    return y;
  }
}
