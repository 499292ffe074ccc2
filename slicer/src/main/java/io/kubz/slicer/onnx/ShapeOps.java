package io.kubz.slicer.onnx;

import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.DecodeContext.Decoded;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * Operators whose parameters are shapes, axes, bounds or indices. Each opset variant (attribute
 * before an opset, constant input from it) is normalised into one IR record with static values.
 */
final class ShapeOps {
  private ShapeOps() {}

  static Decoded decode(DecodeContext c) {
    int[] s = c.shape(0);
    int r = s.length;
    Attrs a = c.attrs;
    switch (c.node.getOpType()) {
      case "Identity":
        return reshape(c, s);
      case "Dropout":
        // Inference: the identity. Training mode (attribute before opset 12, input after) is not.
        if ((c.opset < 12 && c.attrs.has("is_test") && c.attrs.i("is_test", 1) == 0)
            || (c.hasInput(2) && c.constant(2, "training_mode").get(0) != 0)) {
          throw c.error("Dropout in training mode is not supported: export in inference mode");
        }
        return reshape(c, s);
      case "Flatten": {
        int axis = (int) a.i("axis", 1);
        axis = axis < 0 ? axis + r : axis;
        if (axis < 0 || axis > r) {
          throw c.error("axis " + a.i("axis", 1) + " is out of range for rank " + r);
        }
        long outer = Shapes.size(Arrays.copyOfRange(s, 0, axis));
        return reshape(c, new int[] {(int) outer, (int) (Shapes.size(s) / Math.max(outer, 1))});
      }
      case "Reshape":
        return reshape(c, reshapeTarget(c, s, c.constant(1, "shape").toLongs(),
            a.i("allowzero", 0) != 0));
      case "Squeeze": {
        long[] axes = c.opset < 13 ? a.ints("axes") : c.hasInput(1) ? c.constant(1, "axes").toLongs() : null;
        boolean[] drop = new boolean[r];
        if (axes == null || axes.length == 0) {
          for (int d = 0; d < r; d++) {
            drop[d] = s[d] == 1;
          }
        } else {
          for (long ax : axes) {
            int d = Shapes.axis(ax, r, c.what);
            if (s[d] != 1) {
              throw c.error("cannot squeeze axis " + ax + " of extent " + s[d]);
            }
            drop[d] = true;
          }
        }
        int[] out = new int[r];
        int w = 0;
        for (int d = 0; d < r; d++) {
          if (!drop[d]) {
            out[w++] = s[d];
          }
        }
        return reshape(c, Arrays.copyOf(out, w));
      }
      case "Unsqueeze": {
        long[] axes = c.opset < 13 ? a.ints("axes") : c.constant(1, "axes").toLongs();
        if (axes == null) {
          throw c.error("axes are required");
        }
        int ro = r + axes.length;
        boolean[] added = new boolean[ro];
        for (long ax : axes) {
          int d = Shapes.axis(ax, ro, c.what);
          if (added[d]) {
            throw c.error("axis " + ax + " is repeated");
          }
          added[d] = true;
        }
        int[] out = new int[ro];
        int k = 0;
        for (int d = 0; d < ro; d++) {
          out[d] = added[d] ? 1 : s[k++];
        }
        return reshape(c, out);
      }
      case "Transpose": {
        long[] p = a.ints("perm");
        int[] perm = new int[r];
        for (int d = 0; d < r; d++) {
          perm[d] = p == null ? r - 1 - d : Shapes.axis(p[d], r, c.what);
        }
        if (p != null && (p.length != r || new TreeSet<>(Arrays.asList(box(perm))).size() != r)) {
          throw c.error("perm " + Arrays.toString(p) + " is not a permutation of " + r + " axes");
        }
        return c.of(new Op.Transpose(perm), c.inputs(1));
      }
      case "Concat":
        return c.of(new Op.Concat(Shapes.axis(a.i("axis", 0), r, c.what)),
            c.inputs(c.node.getInputCount()));
      case "Slice":
        return slice(c, s);
      case "Gather":
        return gather(c, s);
      case "Pad":
        return pad(c, s);
      case "ReduceMean":
      case "ReduceSum":
      case "ReduceMax":
      case "ReduceMin":
      case "ReduceL1":
      case "ReduceL2":
      case "ReduceLogSumExp":
        return reduce(c, s);
      default:
        throw new AssertionError(c.node.getOpType());
    }
  }

  private static Decoded reshape(DecodeContext c, int[] shape) {
    return c.of(new Op.Reshape(shape), c.inputs(1));
  }

  /** ONNX Reshape: 0 copies the input extent (unless allowzero), one −1 takes what is left. */
  static int[] reshapeTarget(DecodeContext c, int[] in, long[] target, boolean allowZero) {
    int[] out = new int[target.length];
    int infer = -1;
    long known = 1;
    for (int d = 0; d < target.length; d++) {
      long v = target[d];
      if (v == -1) {
        if (infer >= 0) {
          throw c.error("shape " + Arrays.toString(target) + " has more than one -1");
        }
        infer = d;
        continue;
      } else if (v == 0 && !allowZero) {
        if (d >= in.length) {
          throw c.error("shape " + Arrays.toString(target) + " copies a missing axis " + d);
        }
        v = in[d];
      } else if (v < 0) {
        throw c.error("shape " + Arrays.toString(target) + " has a negative extent");
      }
      out[d] = Math.toIntExact(v);
      known *= v;
    }
    long total = Shapes.size(in);
    if (infer >= 0) {
      if (known == 0 || total % known != 0) {
        throw c.error("cannot reshape " + Arrays.toString(in) + " to " + Arrays.toString(target));
      }
      out[infer] = (int) (total / known);
    } else if (known != total) {
      throw c.error("cannot reshape " + Arrays.toString(in) + " (" + total + " values) to "
          + Arrays.toString(target));
    }
    return out;
  }

  /** Slice bounds clamped as ONNX specifies, per axis; omitted axes keep their full range. */
  private static Decoded slice(DecodeContext c, int[] s) {
    int r = s.length;
    long[] starts;
    long[] ends;
    long[] axes = null;
    long[] steps = null;
    if (c.opset < 10) {
      starts = c.attrs.ints("starts");
      ends = c.attrs.ints("ends");
      axes = c.attrs.ints("axes");
    } else {
      starts = c.constant(1, "starts").toLongs();
      ends = c.constant(2, "ends").toLongs();
      if (c.hasInput(3)) {
        axes = c.constant(3, "axes").toLongs();
      }
      if (c.hasInput(4)) {
        steps = c.constant(4, "steps").toLongs();
      }
    }
    if (starts == null || ends == null || starts.length != ends.length) {
      throw c.error("starts and ends must be given with the same length");
    }
    int[] st = new int[r];
    int[] sp = new int[r];
    int[] out = s.clone();
    Arrays.fill(sp, 1);
    boolean[] seen = new boolean[r];
    for (int k = 0; k < starts.length; k++) {
      int d = axes == null ? k : Shapes.axis(axes[k], r, c.what);
      if (seen[d]) {
        throw c.error("axis " + d + " is sliced twice");
      }
      seen[d] = true;
      long step = steps == null ? 1 : steps[k];
      if (step == 0) {
        throw c.error("step 0 on axis " + d);
      }
      long dim = s[d];
      long b = starts[k] < 0 ? starts[k] + dim : starts[k];
      long e = ends[k] < 0 ? ends[k] + dim : ends[k];
      if (step > 0) {
        b = Math.max(0, Math.min(dim, b));
        e = Math.max(0, Math.min(dim, e));
      } else {
        b = Math.max(0, Math.min(dim - 1, b));
        e = Math.max(-1, Math.min(dim - 1, e));
      }
      long len = step > 0 ? (e - b + step - 1) / step : (b - e + (-step) - 1) / (-step);
      out[d] = (int) Math.max(0, len);
      st[d] = (int) b;
      sp[d] = (int) step;
    }
    return c.of(new Op.Slice(st, sp, out), c.inputs(1));
  }

  private static Decoded gather(DecodeContext c, int[] s) {
    int axis = Shapes.axis(c.attrs.i("axis", 0), s.length, c.what);
    if (c.constantOrNull(1) == null) {
      return c.of(new Op.DynamicGather(axis), c.inputs(2));
    }
    Tensor idx = c.constant(1, "indices");
    long[] raw = idx.toLongs();
    int[] ind = new int[raw.length];
    for (int k = 0; k < raw.length; k++) {
      long v = raw[k] < 0 ? raw[k] + s[axis] : raw[k];
      if (v < 0 || v >= s[axis]) {
        throw c.error("index " + raw[k] + " is out of range for axis " + axis + " of extent "
            + s[axis]);
      }
      ind[k] = (int) v;
    }
    return c.of(new Op.Gather(axis, ind, idx.shape()), c.inputs(1));
  }

  private static Decoded pad(DecodeContext c, int[] s) {
    int r = s.length;
    String mode = c.attrs.s("mode", "constant");
    long[] pads;
    double value = 0;
    if (c.opset < 11) {
      pads = c.attrs.ints("pads");
      value = c.attrs.f("value", 0);
    } else {
      pads = c.constant(1, "pads").toLongs();
      if (c.hasInput(2)) {
        Tensor v = c.constant(2, "constant_value");
        value = v.size() == 0 ? 0 : v.get(0);
      }
      if (c.hasInput(3)) {
        long[] axes = c.constant(3, "axes").toLongs();
        long[] full = new long[2 * r];
        for (int k = 0; k < axes.length; k++) {
          int d = Shapes.axis(axes[k], r, c.what);
          full[d] = pads[k];
          full[d + r] = pads[k + axes.length];
        }
        pads = full;
      }
    }
    if (pads == null || pads.length != 2 * r) {
      throw c.error("pads must list " + 2 * r + " values for rank " + r);
    }
    Op.PadMode m;
    switch (mode) {
      case "constant":
        m = Op.PadMode.CONSTANT;
        break;
      case "reflect":
        m = Op.PadMode.REFLECT;
        break;
      case "edge":
        m = Op.PadMode.EDGE;
        break;
      default:
        throw c.error("pad mode '" + mode + "' is not supported (constant, reflect, edge are)");
    }
    return c.of(new Op.Pad(DecodeContext.toInts(pads), m, value), c.inputs(1));
  }

  /** Axes from the attribute (older opsets) or the constant second input (newer). */
  private static Decoded reduce(DecodeContext c, int[] s) {
    String t = c.node.getOpType();
    int r = s.length;
    boolean axesInput = t.equals("ReduceSum") ? c.opset >= 13 : c.opset >= 18;
    long[] axes = axesInput ? (c.hasInput(1) ? c.constant(1, "axes").toLongs() : null)
        : c.attrs.ints("axes");
    boolean keep = c.attrs.i("keepdims", 1) != 0;
    if (axes == null || axes.length == 0) {
      if (c.attrs.i("noop_with_empty_axes", 0) != 0) {
        return reshape(c, s);
      }
      axes = new long[r];
      for (int d = 0; d < r; d++) {
        axes[d] = d;
      }
    }
    TreeSet<Integer> set = new TreeSet<>();
    for (long ax : axes) {
      set.add(Shapes.axis(ax, r, c.what));
    }
    int[] sorted = set.stream().mapToInt(Integer::intValue).toArray();
    switch (t) {
      case "ReduceL1":
        return c.of(new Op.NormReduce(Op.NormReduceKind.L1, sorted, keep), c.inputs(1));
      case "ReduceL2":
        return c.of(new Op.NormReduce(Op.NormReduceKind.L2, sorted, keep), c.inputs(1));
      case "ReduceLogSumExp":
        return c.of(new Op.NormReduce(Op.NormReduceKind.LOG_SUM_EXP, sorted, keep),
            c.inputs(1));
      default:
        Op.ReduceKind kind = Op.ReduceKind.valueOf(t.substring("Reduce".length()).toUpperCase());
        return c.of(new Op.Reduce(kind, sorted, keep), c.inputs(1));
    }
  }

  private static Integer[] box(int[] v) {
    Integer[] r = new Integer[v.length];
    for (int k = 0; k < v.length; k++) {
      r[k] = v[k];
    }
    return r;
  }
}
