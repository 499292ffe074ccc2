package io.kubz.slicer.lower;

import static io.kubz.slicer.lower.NonlinearLoweringTest.assertForced;
import static io.kubz.slicer.lower.NonlinearLoweringTest.traced;
import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.interp.FloatInterpreter;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OneHot of computed indices (the leaf a tree selects), written out at import as comparisons with
 * the constant positions: the float graph is the one-hot of the ArgMax (negative indices wrapped,
 * any axis), the quantized output equals it exactly, and the circuit forces it.
 */
class OneHotTest {

  /** Gemm 6 → 8, as [2, 4], ArgMax along axis 1 (minus {@code offset}), OneHot of depth 5. */
  private static ModelProto model(long offset, long axis) {
    return AssignedCellsTest.gemmThen("onehot" + offset + axis, NonlinearLoweringTest.grouped((w, x) -> {
      String i = w.node("ArgMax", List.of(x), attr("axis", 1L));
      i = w.node("Sub", List.of(i, w.initializer("offset", Tensor.of(DType.INT64, new int[] {}, new double[] {offset}))));
      return w.node("OneHot", List.of(i, w.initializer("depth", Tensor.longs(5)),
          w.initializer("values", Tensor.of(new int[] {2}, -0.5, 2.0))), attr("axis", axis));
    })).model();
  }

  @ParameterizedTest
  @CsvSource({"0, -1", "3, -1", "3, 0", "1, 1"})
  void computedIndicesAreComparedWithEveryPosition(long offset, long axis) {
    ModelProto m = model(offset, axis);
    Graph g = OnnxImporter.convert(m, null, Map.of());
    Tensor x = ExampleModels.input(5, g.inputs().get(0).shape());
    Map<String, Tensor> all = FloatInterpreter.trace(g, List.of(x));
    Tensor scores = all.get(g.nodes().stream().filter(n -> n.onnxOpType().equals("Reshape")).findFirst()
        .orElseThrow().output());
    Tensor y = all.get(g.outputs().get(0).name());
    int[] ys = y.shape();
    assertEquals(3, ys.length);
    int a = axis < 0 ? 2 : (int) axis;
    assertEquals(5, ys[a]);
    boolean negative = false;
    for (int r = 0; r < 2; r++) {
      int best = 0;
      for (int j = 1; j < 4; j++) {
        best = scores.get(r * 4 + j) > scores.get(r * 4 + best) ? j : best;
      }
      long idx = best - offset;
      negative |= idx < 0;
      long hot = idx < 0 ? idx + 5 : idx;
      for (int d = 0; d < 5; d++) {
        int[] at = a == 0 ? new int[] {d, r, 0} : a == 1 ? new int[] {r, d, 0} : new int[] {r, 0, d};
        int flat = (at[0] * ys[1] + at[1]) * ys[2] + at[2];
        assertEquals(d == hot ? 2.0 : -0.5, y.get(flat), "row " + r + " position " + d);
      }
    }
    assertTrue(offset == 0 || negative || axis != -1, "offset 3 makes a negative index");
    Models.Traced t = traced(m);
    assertForced(t);
    assertEquals(0, ElementwiseFunctionsTest.maxError(t.q()), "indices and one-hot values are exact");
    AssignedCellsTest.assertAssigned("onehot", SliceCompiler.compile(t.q(), SliceCircuitTest.all(t),
        Visibility.PUBLIC).circuit(t.trace(), t.salts(1)));
    if (offset == 3 && axis == -1) {
      assertEquals(List.of(), MutationSweepTest.survivors(MutationSweepTest.oneSlice(t, Visibility.PUBLIC)));
    }
  }
}
