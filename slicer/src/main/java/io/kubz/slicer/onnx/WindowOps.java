package io.kubz.slicer.onnx;

import io.kubz.slicer.ir.Op;
import io.kubz.slicer.onnx.DecodeContext.Decoded;
import java.util.Arrays;

/**
 * Convolution and pooling: kernel shape, strides, dilations and explicit pads, with ONNX's
 * auto_pad (SAME_UPPER, SAME_LOWER, VALID) resolved against the static input shape.
 */
final class WindowOps {
  private WindowOps() {}

  static Decoded decode(DecodeContext c) {
    String t = c.node.getOpType();
    int[] xs = c.shape(0);
    int r = xs.length - 2;
    if (r < 1) {
      throw c.error("input must be [N, C, spatial…], got " + Arrays.toString(xs));
    }
    if (t.equals("GlobalAveragePool")) {
      return c.of(new Op.GlobalAveragePool(), c.inputs(1));
    }
    int[] in = Arrays.copyOfRange(xs, 2, xs.length);
    Attrs a = c.attrs;
    int[] kernel;
    if (t.equals("Conv") || t.equals("ConvTranspose")) {
      int[] ws = c.shape(1);
      if (ws.length != xs.length) {
        throw c.error("weights " + Arrays.toString(ws) + " do not match input "
            + Arrays.toString(xs));
      }
      kernel = Arrays.copyOfRange(ws, 2, ws.length);
      long[] ks = a.ints("kernel_shape");
      if (ks != null && !Arrays.equals(DecodeContext.toInts(ks), kernel)) {
        throw c.error("kernel_shape " + Arrays.toString(ks) + " disagrees with the weights "
            + Arrays.toString(ws));
      }
    } else {
      long[] ks = a.ints("kernel_shape");
      if (ks == null || ks.length != r) {
        throw c.error("kernel_shape must list " + r + " extents");
      }
      kernel = DecodeContext.toInts(ks);
    }
    int[] strides = ints(a.ints("strides"), r, 1, c, "strides");
    int[] dilations = ints(a.ints("dilations"), r, 1, c, "dilations");
    int[] pads = ints(a.ints("pads"), 2 * r, 0, c, "pads");
    String autoPad = a.s("auto_pad", "NOTSET");
    if (t.equals("ConvTranspose")) {
      return convTranspose(c, in, kernel, strides, dilations, pads, autoPad);
    }
    if (autoPad.equals("VALID")) {
      Arrays.fill(pads, 0);
    } else if (autoPad.startsWith("SAME")) {
      for (int d = 0; d < r; d++) {
        int out = (in[d] + strides[d] - 1) / strides[d];
        int total = Math.max(0, (out - 1) * strides[d] + (kernel[d] - 1) * dilations[d] + 1 - in[d]);
        int small = total / 2;
        pads[d] = autoPad.equals("SAME_UPPER") ? small : total - small;
        pads[d + r] = total - pads[d];
      }
    } else if (!autoPad.equals("NOTSET")) {
      throw c.error("unknown auto_pad '" + autoPad + "'");
    }
    switch (t) {
      case "Conv":
        return c.of(new Op.Conv(strides, pads, dilations, (int) a.i("group", 1)),
            c.optionalInputs(2, 3));
      case "MaxPool":
        if (c.node.getOutputCount() > 1 && !c.node.getOutput(1).isEmpty()) {
          throw c.error("the Indices output of MaxPool is not supported");
        }
        if (a.i("storage_order", 0) != 0) {
          throw c.error("storage_order=1 is not supported");
        }
        return c.of(new Op.Pool(Op.PoolKind.MAX, kernel, strides, pads, dilations,
            a.i("ceil_mode", 0) != 0, false), c.inputs(1));
      default:
        return c.of(new Op.Pool(Op.PoolKind.AVERAGE, kernel, strides, pads, dilations,
            a.i("ceil_mode", 0) != 0, a.i("count_include_pad", 0) != 0), c.inputs(1));
    }
  }

  /**
   * ONNX ConvTranspose: with output_shape (or SAME auto_pad, whose output is in·stride) the pads
   * are derived from total = stride·(in−1) + output_padding + (k−1)·dilation + 1 − out, split with
   * the larger half at the end for SAME_UPPER and at the beginning otherwise.
   */
  private static Decoded convTranspose(DecodeContext c, int[] in, int[] kernel, int[] strides,
      int[] dilations, int[] pads, String autoPad) {
    int r = in.length;
    Attrs a = c.attrs;
    int[] outPad = ints(a.ints("output_padding"), r, 0, c, "output_padding");
    long[] outShape = a.ints("output_shape");
    if (outShape != null || autoPad.startsWith("SAME")) {
      for (int d = 0; d < r; d++) {
        long out = outShape != null ? outShape[outShape.length - r + d] : (long) in[d] * strides[d];
        int total = (int) (strides[d] * (in[d] - 1) + outPad[d]
            + (kernel[d] - 1) * dilations[d] + 1 - out);
        if (total < 0) {
          throw c.error("output_shape " + Arrays.toString(outShape) + " is too large");
        }
        if (autoPad.equals("SAME_UPPER")) {
          pads[d] = total / 2;
          pads[d + r] = total - total / 2;
        } else {
          pads[d] = total - total / 2;
          pads[d + r] = total / 2;
        }
      }
    } else if (autoPad.equals("VALID")) {
      Arrays.fill(pads, 0);
    }
    return c.of(new Op.ConvTranspose(strides, pads, dilations, (int) a.i("group", 1), outPad),
        c.optionalInputs(2, 3));
  }

  private static int[] ints(long[] v, int n, int dflt, DecodeContext c, String name) {
    int[] r = new int[n];
    if (v == null) {
      Arrays.fill(r, dflt);
      return r;
    }
    if (v.length != n) {
      throw c.error(name + " must list " + n + " values, got " + Arrays.toString(v));
    }
    return DecodeContext.toInts(v);
  }
}
