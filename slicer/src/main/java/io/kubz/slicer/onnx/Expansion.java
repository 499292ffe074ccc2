package io.kubz.slicer.onnx;

import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * An import pass for operators that become several IR operations, or that have several outputs:
 * each is rewritten into existing operations before shape inference and constant folding see it.
 *
 * <p>Pure re-indexing operators whose index map is static (Split, Expand, Tile, nearest Resize and
 * Upsample, DepthToSpace, SpaceToDepth, GatherElements, GatherND, ScatterElements and ScatterND with
 * constant indices) become
 * Reshape to one axis followed by a Gather with constant indices: output element o reads input
 * element π(o) for a map π computed here, so they cost no rows (copy constraints only); a scatter
 * with constant indices reads the Concat of its flattened data and updates that way ({@link
 * Scatters}). With indices computed from the input, GatherElements, GatherND and the scatters become
 * the selection operations of the IR ({@link Op.DynamicGatherElements} …). Split
 * becomes one Slice per output. Recurrent operators (LSTM, GRU, RNN) are unrolled by {@link
 * Recurrent}, TopK into rounds of selection by {@link TopK}; OneHot of constant indices folds to a constant, of computed indices it becomes
 * comparisons with the constant positions 0 … depth − 1 ({@link #oneHotComputed}).
 */
final class Expansion {
  private Expansion() {}

  /** The operators this pass rewrites. */
  static final Set<String> OPS = Set.of("Split", "Expand", "Tile", "Resize", "Upsample",
      "DepthToSpace", "SpaceToDepth", "GatherElements", "GatherND", "OneHot", "NonZero", "LSTM",
      "GRU", "RNN", "TopK", "ScatterElements", "Scatter", "ScatterND");

  /** One IR operation with one output, or a constant (op null). */
  record Step(String name, Op op, List<String> inputs, String out, Tensor constant) {
    static Step node(String name, Op op, List<String> inputs, String out) {
      return new Step(name, op, List.copyOf(inputs), out, null);
    }

    static Step constant(String out, Tensor t) {
      return new Step(out, null, List.of(), out, t);
    }
  }

  /** The rewriting of the node, or null when it is not one of {@link #OPS}. */
  static List<Step> expand(DecodeContext c, Set<String> referenced) {
    String t = c.node.getOpType();
    if (!c.node.getDomain().isEmpty() && !c.node.getDomain().equals("ai.onnx")) {
      return null;
    }
    switch (t) {
      case "Split":
        return split(c);
      case "Expand": {
        int[] s = c.shape(0);
        int[] out = Shapes.broadcast(s, DecodeContext.toInts(c.constant(1, "shape").toLongs()),
            c.what);
        return remap(c, Shapes.broadcastIndex(s, out), out);
      }
      case "Tile":
        return tile(c);
      case "Resize":
      case "Upsample":
        return Resize.expand(c);
      case "DepthToSpace":
      case "SpaceToDepth":
        return depthSpace(c);
      case "GatherElements":
        return gatherElements(c);
      case "GatherND":
        return c.constantOrNull(1) == null ? List.of(Step.node(c.name,
            new Op.DynamicGatherND(Scatters.batchDims(c)), c.inputs(2), c.node.getOutput(0)))
            : gatherNd(c);
      case "ScatterElements":
      case "Scatter":
      case "ScatterND":
        return Scatters.expand(c);
      case "OneHot":
        return c.constantOrNull(0) == null ? oneHotComputed(c)
            : List.of(Step.constant(c.node.getOutput(0), oneHot(c)));
      case "NonZero":
        return List.of(Step.constant(c.node.getOutput(0), nonZero(c.constant(0, "input"))));
      case "TopK":
        return TopK.expand(c, referenced);
      case "LSTM":
      case "GRU":
      case "RNN":
        return Recurrent.expand(c, referenced);
      default:
        return null;
    }
  }

  /** y[o] = x[flat[o]]: Reshape of x to one axis, then a Gather with constant indices. */
  static List<Step> remap(DecodeContext c, int[] flat, int[] outShape) {
    String x = c.input(0);
    String out = c.node.getOutput(0);
    String line = out + "/flat";
    int size = (int) Shapes.size(c.shape(0));
    return List.of(
        Step.node(c.name + "/flat", new Op.Reshape(new int[] {size}), List.of(x), line),
        Step.node(c.name, new Op.Gather(0, flat, outShape.clone()), List.of(line), out));
  }

  private static List<Step> split(DecodeContext c) {
    int[] s = c.shape(0);
    int axis = Shapes.axis(c.attrs.i("axis", 0), s.length, c.what);
    int outs = c.node.getOutputCount();
    long[] sizes = c.opset < 13 ? c.attrs.ints("split")
        : c.hasInput(1) ? c.constant(1, "split").toLongs() : null;
    if (sizes == null || sizes.length == 0) {
      long parts = c.attrs.has("num_outputs") ? c.attrs.i("num_outputs", outs) : outs;
      if (parts != outs || parts <= 0) {
        throw c.error("num_outputs " + parts + " does not match the " + outs + " outputs");
      }
      long chunk = (s[axis] + parts - 1) / parts;
      sizes = new long[outs];
      for (int k = 0; k < outs; k++) {
        sizes[k] = Math.max(0, Math.min(chunk, s[axis] - chunk * k));
      }
    }
    if (sizes.length != outs || Arrays.stream(sizes).sum() != s[axis]
        || Arrays.stream(sizes).anyMatch(v -> v < 0)) {
      throw c.error("split " + Arrays.toString(sizes) + " does not cut axis " + axis + " of "
          + Shapes.str(s) + " into " + outs + " parts");
    }
    List<Step> r = new ArrayList<>();
    int at = 0;
    for (int k = 0; k < outs; k++) {
      int[] starts = new int[s.length];
      int[] steps = new int[s.length];
      Arrays.fill(steps, 1);
      starts[axis] = at;
      int[] shape = s.clone();
      shape[axis] = (int) sizes[k];
      at += (int) sizes[k];
      String o = c.node.getOutput(k);
      if (!o.isEmpty()) {
        r.add(Step.node(k == 0 ? c.name : c.name + "#" + k, new Op.Slice(starts, steps, shape),
            List.of(c.input(0)), o));
      }
    }
    return r;
  }

  private static List<Step> tile(DecodeContext c) {
    int[] s = c.shape(0);
    long[] rep = c.constant(1, "repeats").toLongs();
    if (rep.length != s.length || Arrays.stream(rep).anyMatch(v -> v < 0)) {
      throw c.error("repeats " + Arrays.toString(rep) + " must give one count ≥ 0 per axis of "
          + Shapes.str(s));
    }
    int[] out = new int[s.length];
    for (int d = 0; d < s.length; d++) {
      out[d] = Math.toIntExact(s[d] * rep[d]);
    }
    int[][] axes = new int[s.length][];
    for (int d = 0; d < s.length; d++) {
      axes[d] = new int[out[d]];
      for (int j = 0; j < out[d]; j++) {
        axes[d][j] = j % s[d];
      }
    }
    return remap(c, separable(s, out, axes), out);
  }

  /** The flat map of y[j₀, j₁, …] = x[a₀(j₀), a₁(j₁), …]. */
  static int[] separable(int[] in, int[] out, int[][] axes) {
    int[] str = Shapes.strides(in);
    int n = Math.toIntExact(Shapes.size(out));
    int[] flat = new int[n];
    int[] ctr = new int[out.length];
    for (int k = 0; k < n; k++) {
      int off = 0;
      for (int d = 0; d < out.length; d++) {
        off += axes[d][ctr[d]] * str[d];
      }
      flat[k] = off;
      for (int d = out.length - 1; d >= 0; d--) {
        if (++ctr[d] < out[d]) {
          break;
        }
        ctr[d] = 0;
      }
    }
    return flat;
  }

  /** Reshape, Transpose, Reshape as the ONNX definitions of DepthToSpace and SpaceToDepth read. */
  private static List<Step> depthSpace(DecodeContext c) {
    int[] s = c.shape(0);
    if (s.length != 4) {
      throw c.error("input must be [N, C, H, W], got " + Shapes.str(s));
    }
    int b = (int) c.attrs.i("blocksize", 0);
    int n = s[0];
    int ch = s[1];
    int h = s[2];
    int w = s[3];
    int[] mid;
    int[] perm;
    int[] out;
    if (c.node.getOpType().equals("DepthToSpace")) {
      if (b <= 0 || ch % (b * b) != 0) {
        throw c.error("blocksize " + b + " does not divide the " + ch + " channels by its square");
      }
      boolean crd = c.attrs.s("mode", "DCR").equals("CRD");
      mid = crd ? new int[] {n, ch / (b * b), b, b, h, w} : new int[] {n, b, b, ch / (b * b), h, w};
      perm = crd ? new int[] {0, 1, 4, 2, 5, 3} : new int[] {0, 3, 4, 1, 5, 2};
      out = new int[] {n, ch / (b * b), h * b, w * b};
    } else {
      if (b <= 0 || h % b != 0 || w % b != 0) {
        throw c.error("blocksize " + b + " does not divide " + Shapes.str(s));
      }
      mid = new int[] {n, ch, h / b, b, w / b, b};
      perm = new int[] {0, 3, 5, 1, 2, 4};
      out = new int[] {n, ch * b * b, h / b, w / b};
    }
    String o = c.node.getOutput(0);
    return List.of(
        Step.node(c.name + "/split", new Op.Reshape(mid), List.of(c.input(0)), o + "/split"),
        Step.node(c.name + "/move", new Op.Transpose(perm), List.of(o + "/split"), o + "/move"),
        Step.node(c.name, new Op.Reshape(out), List.of(o + "/move"), o));
  }

  /** y[i] = x[i with axis coordinate replaced by idx[i]]; indices constant. */
  private static List<Step> gatherElements(DecodeContext c) {
    int[] s = c.shape(0);
    int axis = Shapes.axis(c.attrs.i("axis", 0), s.length, c.what);
    if (c.constantOrNull(1) == null) {
      return List.of(Step.node(c.name, new Op.DynamicGatherElements(axis), c.inputs(2),
          c.node.getOutput(0)));
    }
    Tensor idx = c.constant(1, "indices");
    int[] is = idx.shape();
    if (is.length != s.length) {
      throw c.error("indices " + Shapes.str(is) + " must have the rank of data " + Shapes.str(s));
    }
    int[] str = Shapes.strides(s);
    int[] flat = new int[idx.size()];
    int[] ctr = new int[is.length];
    for (int k = 0; k < flat.length; k++) {
      unravel(k, is, ctr);
      int off = 0;
      for (int d = 0; d < s.length; d++) {
        int v = d == axis ? index(c, (long) idx.get(k), s[axis]) : ctr[d];
        if (v >= s[d]) {
          throw c.error("indices " + Shapes.str(is) + " exceed data " + Shapes.str(s));
        }
        off += v * str[d];
      }
      flat[k] = off;
    }
    return remap(c, flat, is);
  }

  /** GatherND with batch_dims: the last index axis addresses leading data axes. */
  private static List<Step> gatherNd(DecodeContext c) {
    int[] s = c.shape(0);
    int bd = (int) c.attrs.i("batch_dims", 0);
    Tensor idx = c.constant(1, "indices");
    int[] is = idx.shape();
    int q = is.length;
    int k = is[q - 1];
    if (bd < 0 || bd >= q || k + bd > s.length) {
      throw c.error("indices " + Shapes.str(is) + " do not address data " + Shapes.str(s));
    }
    int batch = (int) Shapes.size(Arrays.copyOfRange(s, 0, bd));
    int tuples = (int) Shapes.size(Arrays.copyOfRange(is, bd, q - 1));
    int inner = (int) Shapes.size(Arrays.copyOfRange(s, bd + k, s.length));
    int[] str = Shapes.strides(Arrays.copyOfRange(s, bd, s.length));
    int per = (int) Shapes.size(Arrays.copyOfRange(s, bd, s.length));
    int[] flat = new int[batch * tuples * inner];
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < tuples; t++) {
        int off = b * per;
        for (int j = 0; j < k; j++) {
          off += index(c, (long) idx.get((b * tuples + t) * k + j), s[bd + j]) * str[j];
        }
        for (int e = 0; e < inner; e++) {
          flat[(b * tuples + t) * inner + e] = off + e;
        }
      }
    }
    int[] out = new int[q - 1 + s.length - bd - k];
    System.arraycopy(is, 0, out, 0, q - 1);
    System.arraycopy(s, bd + k, out, q - 1, s.length - bd - k);
    return remap(c, flat, out);
  }

  private static int index(DecodeContext c, long v, int dim) {
    long w = v < 0 ? v + dim : v;
    if (w < 0 || w >= dim) {
      throw c.error("index " + v + " is out of range for an axis of extent " + dim);
    }
    return (int) w;
  }

  /** OneHot of constant indices: off value everywhere, on value where j = index (mod depth). */
  private static Tensor oneHot(DecodeContext c) {
    Tensor idx = c.constant(0, "indices");
    long depth = (long) c.constant(1, "depth").get(0);
    Tensor vals = c.constant(2, "values");
    int[] is = idx.shape();
    int axis = Shapes.axis(c.attrs.i("axis", -1), is.length + 1, c.what);
    if (depth <= 0 || vals.size() != 2) {
      throw c.error("depth must be positive and values must hold [off, on]");
    }
    int[] out = new int[is.length + 1];
    System.arraycopy(is, 0, out, 0, axis);
    out[axis] = (int) depth;
    System.arraycopy(is, axis, out, axis + 1, is.length - axis);
    int outer = (int) Shapes.size(Arrays.copyOfRange(is, 0, axis));
    int inner = (int) Shapes.size(Arrays.copyOfRange(is, axis, is.length));
    double[] y = new double[(int) Shapes.size(out)];
    Arrays.fill(y, vals.get(0));
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        long v = (long) idx.get(o * inner + i);
        v = v < 0 ? v + depth : v;
        if (v >= 0 && v < depth) {
          y[(o * (int) depth + (int) v) * inner + i] = vals.get(1);
        }
      }
    }
    return Tensor.of(vals.dtype(), out, y);
  }

  /**
   * OneHot of computed indices (a tree's selected leaf): negative indices wrapped first,
   * i' = i + Where(i &lt; 0, depth, 0); then y = Where(Equal(Unsqueeze(i', axis), P), on, off) with P
   * the constant positions 0 … depth − 1 laid along the new axis, so that the comparison broadcasts
   * to the output shape. An index outside [−depth, depth) selects nothing, as ONNX says.
   */
  private static List<Step> oneHotComputed(DecodeContext c) {
    String idx = c.input(0);
    int[] is = c.shape(0);
    long depth = (long) c.constant(1, "depth").get(0);
    Tensor vals = c.constant(2, "values");
    int axis = Shapes.axis(c.attrs.i("axis", -1), is.length + 1, c.what);
    if (depth <= 0 || depth > (1 << 20) || vals.size() != 2) {
      throw c.error("depth must be in [1, 2^20] and values must hold [off, on]");
    }
    io.kubz.slicer.ir.DType it = c.dtype(0);
    String out = c.node.getOutput(0);
    String p = out + "/onehot";
    List<Step> r = new ArrayList<>();
    r.add(Step.constant(p + "_zero", Tensor.of(it, new int[] {}, new double[] {0})));
    r.add(Step.constant(p + "_depth", Tensor.of(it, new int[] {}, new double[] {depth})));
    r.add(Step.node(c.name + "/negative", new Op.Binary(Op.BinaryKind.LESS), List.of(idx, p + "_zero"),
        p + "_negative"));
    r.add(Step.node(c.name + "/wrap", new Op.Where(), List.of(p + "_negative", p + "_depth", p + "_zero"),
        p + "_wrap"));
    r.add(Step.node(c.name + "/wrapped", new Op.Binary(Op.BinaryKind.ADD), List.of(idx, p + "_wrap"),
        p + "_wrapped"));
    int[] lifted = new int[is.length + 1];
    System.arraycopy(is, 0, lifted, 0, axis);
    lifted[axis] = 1;
    System.arraycopy(is, axis, lifted, axis + 1, is.length - axis);
    r.add(Step.node(c.name + "/unsqueeze", new Op.Reshape(lifted), List.of(p + "_wrapped"), p + "_lifted"));
    int[] ps = new int[is.length + 1 - axis];
    Arrays.fill(ps, 1);
    ps[0] = (int) depth;
    double[] pos = new double[(int) depth];
    for (int j = 0; j < pos.length; j++) {
      pos[j] = j;
    }
    r.add(Step.constant(p + "_positions", Tensor.of(it, ps, pos)));
    r.add(Step.node(c.name + "/equal", new Op.Binary(Op.BinaryKind.EQUAL), List.of(p + "_lifted",
        p + "_positions"), p + "_hit"));
    r.add(Step.constant(p + "_on", Tensor.of(vals.dtype(), new int[] {}, new double[] {vals.get(1)})));
    r.add(Step.constant(p + "_off", Tensor.of(vals.dtype(), new int[] {}, new double[] {vals.get(0)})));
    r.add(Step.node(c.name, new Op.Where(), List.of(p + "_hit", p + "_on", p + "_off"), out));
    return r;
  }

  /** NonZero of a constant: [rank, count] INT64, the coordinates of the non-zero elements. */
  static Tensor nonZero(Tensor x) {
    int[] s = x.shape();
    int r = s.length;
    List<Integer> hits = new ArrayList<>();
    for (int k = 0; k < x.size(); k++) {
      if (x.get(k) != 0) {
        hits.add(k);
      }
    }
    int n = hits.size();
    double[] y = new double[Math.max(r, 1) * n];
    int[] ctr = new int[r];
    for (int j = 0; j < n; j++) {
      unravel(hits.get(j), s, ctr);
      for (int d = 0; d < r; d++) {
        y[d * n + j] = ctr[d];
      }
    }
    return Tensor.of(DType.INT64, new int[] {Math.max(r, 1), n}, y);
  }

  private static void unravel(int flat, int[] shape, int[] idx) {
    for (int d = shape.length - 1; d >= 0; d--) {
      idx[d] = flat % shape[d];
      flat /= shape[d];
    }
  }
}
