package io.kubz.slicer.onnx;

import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.Expansion.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * TopK with a constant k, unrolled into k rounds of selection (shown for largest; smallest swaps
 * max and min, ArgMax and ArgMin, and − 1 for + 1):
 * <pre>
 *   low = ReduceMin(x, axis) − 1                         below every element
 *   x₀ = x;  for j &lt; k:  v_j = ReduceMax(x_j, axis),  i_j = ArgMax(x_j, axis)   (first index on ties)
 *                       x_{j+1} = Where(Equal(i_j, P), low, x_j)              P = positions 0 … n − 1
 *   Values = Concat(v₀ … v_{k−1}, axis),  Indices = Concat(i₀ … i_{k−1}, axis)
 * </pre>
 * Each round removes the element it selected by replacing it with a value below all others, so the
 * j-th round selects the j-th largest, ties in index order as ONNX Runtime orders them; sorted = 0
 * allows any order and gets this one. Every step is an operation with a circuit (exact maxima,
 * comparisons by range-checked differences, Where), at about k·n comparisons.
 */
final class TopK {
  private TopK() {}

  static List<Step> expand(DecodeContext c, Set<String> referenced) {
    int[] s = c.shape(0);
    int axis = Shapes.axis(c.attrs.i("axis", -1), s.length, c.what);
    long k = c.opset < 10 ? c.attrs.i("k", -1) : (long) c.constant(1, "K").get(0);
    int n = s[axis];
    if (k < 1 || k > n) {
      throw c.error("k = " + k + " must be in [1, " + n + "] (the extent of axis " + axis + ")");
    }
    boolean largest = c.attrs.i("largest", 1) != 0;
    String x = c.input(0);
    String p = c.name + "/topk";
    int[] axes = {axis};
    List<Step> r = new ArrayList<>();
    int[] ps = new int[s.length];
    Arrays.fill(ps, 1);
    ps[axis] = n;
    double[] pos = new double[n];
    for (int j = 0; j < n; j++) {
      pos[j] = j;
    }
    String positions = p + "_positions";
    String one = p + "_one";
    String low = p + "_out_of_play";
    if (k > 1) {
      r.add(Step.constant(positions, Tensor.of(io.kubz.slicer.ir.DType.INT64, ps, pos)));
      r.add(Step.constant(one, Tensor.of(c.dtype(0), new int[] {}, new double[] {1})));
      String ext = p + "_extreme";
      r.add(Step.node(ext, new Op.Reduce(largest ? Op.ReduceKind.MIN : Op.ReduceKind.MAX, axes, true),
          List.of(x), ext));
      r.add(Step.node(low, new Op.Binary(largest ? Op.BinaryKind.SUB : Op.BinaryKind.ADD), List.of(ext, one), low));
    }
    String values = c.node.getOutput(0);
    String indices = c.node.getOutputCount() > 1 ? c.node.getOutput(1) : "";
    List<String> vs = new ArrayList<>();
    List<String> is = new ArrayList<>();
    String cur = x;
    for (int j = 0; j < k; j++) {
      String v = k == 1 ? values : p + "_value" + j;
      String i = k == 1 && !indices.isEmpty() ? indices : p + "_index" + j;
      r.add(Step.node(v, new Op.Reduce(largest ? Op.ReduceKind.MAX : Op.ReduceKind.MIN, axes, true), List.of(cur), v));
      r.add(Step.node(i, new Op.ArgExtreme(largest, axis, true, false), List.of(cur), i));
      vs.add(v);
      is.add(i);
      if (j < k - 1) {
        String hit = p + "_taken" + j;
        r.add(Step.node(hit, new Op.Binary(Op.BinaryKind.EQUAL), List.of(i, positions), hit));
        String next = p + "_rest" + j;
        r.add(Step.node(next, new Op.Where(), List.of(hit, low, cur), next));
        cur = next;
      }
    }
    if (k > 1) {
      r.add(Step.node(c.name, new Op.Concat(axis), vs, values));
      if (!indices.isEmpty() && referenced.contains(indices)) {
        r.add(Step.node(c.name + "/indices", new Op.Concat(axis), is, indices));
      }
    }
    return r;
  }
}
