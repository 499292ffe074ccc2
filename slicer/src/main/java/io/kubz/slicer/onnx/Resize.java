package io.kubz.slicer.onnx;

import io.kubz.slicer.ir.Shapes;
import java.util.List;

/**
 * Nearest-neighbour Resize (opsets 10 to 19) and Upsample (7 to 9) as a static re-indexing: per
 * axis, output coordinate j reads input coordinate a(j) = clamp(nearest(t(j))) where t is the
 * coordinate transformation (half_pixel: (j + ½)/scale − ½, asymmetric: j/scale, align_corners:
 * j·(in − 1)/(out − 1), pytorch_half_pixel, tf_half_pixel_for_nn) and nearest the rounding mode
 * (round_prefer_floor, round_prefer_ceil, floor, ceil). Before opset 11 the transformation is
 * asymmetric and the rounding floor, as Upsample defines it. Linear and cubic modes mix elements
 * with weights, so they are refused naming the node.
 */
final class Resize {
  private Resize() {}

  static List<Expansion.Step> expand(DecodeContext c) {
    int[] s = c.shape(0);
    int r = s.length;
    boolean upsample = c.node.getOpType().equals("Upsample");
    boolean legacy = upsample || c.opset < 11;
    String mode = c.attrs.s("mode", "nearest");
    if (!mode.equals("nearest")) {
      throw new UnsupportedOpException(c.node.getOpType(), c.name, "mode '" + mode
          + "' interpolates between elements; kubz proves only mode 'nearest' (re-export the "
          + "model with nearest upsampling)");
    }
    double[] scales = new double[r];
    int[] out = new int[r];
    long[] sizes = null;
    float[] sc = null;
    if (upsample && c.opset < 9) {
      sc = c.attrs.floats("scales");
    } else if (legacy) {
      sc = floats(c.constant(1, "scales").data());
    } else {
      if (c.hasInput(3)) {
        sizes = c.constant(3, "sizes").toLongs();
      } else if (c.hasInput(2) && c.constant(2, "scales").size() > 0) {
        sc = floats(c.constant(2, "scales").data());
      }
      if (sizes != null && sizes.length == 0) {
        sizes = null;
        sc = floats(c.constant(2, "scales").data());
      }
    }
    int[] axes = new int[r];
    long[] given = c.attrs.ints("axes");
    for (int d = 0; d < r; d++) {
      axes[d] = d;
    }
    int n = sizes != null ? sizes.length : sc == null ? -1 : sc.length;
    if (given != null) {
      if (given.length != n) {
        throw c.error("axes " + java.util.Arrays.toString(given) + " do not match the scales");
      }
      axes = new int[n];
      for (int k = 0; k < n; k++) {
        axes[k] = Shapes.axis(given[k], r, c.what);
      }
    } else if (n != r) {
      throw c.error("scales or sizes must give one value per axis of " + Shapes.str(s));
    }
    if (sizes != null && !c.attrs.s("keep_aspect_ratio_policy", "stretch").equals("stretch")) {
      throw new UnsupportedOpException(c.node.getOpType(), c.name,
          "keep_aspect_ratio_policy other than 'stretch' is not supported");
    }
    for (int d = 0; d < r; d++) {
      out[d] = s[d];
      scales[d] = 1;
    }
    for (int k = 0; k < n; k++) {
      int d = axes[k];
      if (sizes != null) {
        out[d] = Math.toIntExact(sizes[k]);
        scales[d] = (double) (float) ((float) out[d] / (float) s[d]);
      } else {
        scales[d] = sc[k];
        out[d] = (int) Math.floor(s[d] * (double) sc[k]);
      }
      if (out[d] <= 0 || !(scales[d] > 0)) {
        throw c.error("scale " + scales[d] + " gives an empty axis " + d);
      }
    }
    String ctm = legacy ? "asymmetric" : c.attrs.s("coordinate_transformation_mode", "half_pixel");
    String nearest = legacy ? "floor" : c.attrs.s("nearest_mode", "round_prefer_floor");
    int[][] map = new int[r][];
    for (int d = 0; d < r; d++) {
      map[d] = new int[out[d]];
      for (int j = 0; j < out[d]; j++) {
        double t = transform(c, ctm, j, scales[d], s[d], out[d]);
        map[d][j] = Math.max(0, Math.min(s[d] - 1, round(c, nearest, t)));
      }
    }
    return Expansion.remap(c, Expansion.separable(s, out, map), out);
  }

  /** ONNX computes in float: the transformation is evaluated in float too. */
  private static double transform(DecodeContext c, String mode, int j, double scale, int in,
      int out) {
    float x = j;
    float sf = (float) scale;
    switch (mode) {
      case "half_pixel":
        return (x + 0.5f) / sf - 0.5f;
      case "pytorch_half_pixel":
        return out > 1 ? (x + 0.5f) / sf - 0.5f : 0;
      case "align_corners":
        return out == 1 ? 0 : x * (float) (in - 1) / (float) (out - 1);
      case "asymmetric":
        return x / sf;
      case "tf_half_pixel_for_nn":
        return (x + 0.5f) / sf;
      default:
        throw new UnsupportedOpException(c.node.getOpType(), c.name,
            "coordinate_transformation_mode '" + mode + "' is not supported");
    }
  }

  private static int round(DecodeContext c, String mode, double t) {
    switch (mode) {
      case "round_prefer_floor":
        return t == Math.floor(t) + 0.5 ? (int) Math.floor(t) : (int) Math.round(t);
      case "round_prefer_ceil":
        return (int) Math.round(t);
      case "floor":
        return (int) Math.floor(t);
      case "ceil":
        return (int) Math.ceil(t);
      default:
        throw c.error("unknown nearest_mode '" + mode + "'");
    }
  }

  private static float[] floats(double[] d) {
    float[] f = new float[d.length];
    for (int k = 0; k < d.length; k++) {
      f[k] = (float) d[k];
    }
    return f;
  }
}
