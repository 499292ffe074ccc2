package io.kubz.slicer.interp;

import io.kubz.slicer.ir.Shapes;

/**
 * Sliding-window geometry shared by convolution and pooling: for every output position o and
 * kernel position k of the spatial axes, the input position o·stride − padBegin + k·dilation, as a
 * flat spatial offset, or −1 where it falls into the padding.
 */
public final class Windows {
  private Windows() {}

  /** Output extent per axis: floor or ceil of (in + pads − ((k−1)·dil + 1)) / stride, plus 1. */
  public static int[] outShape(
      int[] in, int[] kernel, int[] strides, int[] pads, int[] dilations, boolean ceil) {
    int r = in.length;
    int[] out = new int[r];
    for (int d = 0; d < r; d++) {
      int span = in[d] + pads[d] + pads[d + r] - ((kernel[d] - 1) * dilations[d] + 1);
      int o = ceil ? Math.floorDiv(span + strides[d] - 1, strides[d]) : Math.floorDiv(span, strides[d]);
      if (ceil && o * strides[d] >= in[d] + pads[d]) {
        // ONNX (like PyTorch) drops a last window that would start inside the end padding.
        o--;
      }
      out[d] = o + 1;
    }
    return out;
  }

  /** table[o·K + k] = flat input offset of window o, kernel position k, or −1 if padded. */
  public static int[] table(int[] in, int[] out, int[] kernel, int[] strides, int[] pads, int[] dilations) {
    int r = in.length;
    int no = (int) Shapes.size(out);
    int nk = (int) Shapes.size(kernel);
    int[] inStr = Shapes.strides(in);
    int[] t = new int[no * nk];
    int[] o = new int[r];
    int[] k = new int[r];
    for (int oi = 0; oi < no; oi++) {
      unravel(oi, out, o);
      for (int ki = 0; ki < nk; ki++) {
        unravel(ki, kernel, k);
        int off = 0;
        for (int d = 0; d < r; d++) {
          int p = o[d] * strides[d] - pads[d] + k[d] * dilations[d];
          if (p < 0 || p >= in[d]) {
            off = -1;
            break;
          }
          off += p * inStr[d];
        }
        t[oi * nk + ki] = off;
      }
    }
    return t;
  }

  /** How many kernel positions of window oi lie inside the padded extent [−padBegin, in + padEnd). */
  public static int paddedCount(int[] in, int[] out, int[] kernel, int[] strides, int[] pads,
      int[] dilations, int oi) {
    int r = in.length;
    int[] o = new int[r];
    unravel(oi, out, o);
    int count = 1;
    for (int d = 0; d < r; d++) {
      int c = 0;
      for (int kk = 0; kk < kernel[d]; kk++) {
        int p = o[d] * strides[d] - pads[d] + kk * dilations[d];
        if (p >= -pads[d] && p < in[d] + pads[d + r]) {
          c++;
        }
      }
      count *= c;
    }
    return count;
  }

  static void unravel(int flat, int[] shape, int[] idx) {
    for (int d = shape.length - 1; d >= 0; d--) {
      idx[d] = flat % shape[d];
      flat /= shape[d];
    }
  }
}
