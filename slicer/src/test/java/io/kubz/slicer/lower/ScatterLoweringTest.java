package io.kubz.slicer.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.mock.MockProver;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GatherND, ScatterElements and ScatterND by activation indices ({@link Selection#gatherNd},
 * {@link Scatter}) as one slice: no unassigned cell is read, every assigned cell is pinned
 * (mutation sweep), the row estimate covers the rows used (within a factor 2), and a prover that
 * claims another value at one output element (the data instead of the update written there, or
 * the neighbouring row of a gather) fails.
 */
class ScatterLoweringTest {

  /** x [2, 3, 2] · k → GatherND by idx [2, 2] → [2, 2]. */
  static Models.Traced gatherNd() {
    OnnxWriter w = OnnxWriter.create("gather_nd", 13);
    w.input("x", 2, 3, 2);
    w.input("idx", DType.INT64, 2, 2);
    String m = w.node("Mul", List.of("x", w.initializer("k", NonlinearLoweringTest.weights(41, 2))));
    w.output(w.node("GatherND", List.of(m, "idx")));
    return SelectionTest.traced(w.build(), List.of(ExampleModels.input(7, 2, 3, 2),
        SelectionTest.ints(new int[] {2, 2}, 1, 2, 0, 1)));
  }

  /** GatherND of a constant table [3, 4] with batch_dims 0 and one index component: [2, 1] → [2, 4]. */
  static Models.Traced gatherNdTable() {
    OnnxWriter w = OnnxWriter.create("gather_nd_table", 13);
    w.input("idx", DType.INT64, 2, 1);
    w.output(w.node("GatherND", List.of(w.initializer("t", NonlinearLoweringTest.weights(42, 3, 4)), "idx")));
    return SelectionTest.traced(w.build(), List.of(SelectionTest.ints(new int[] {2, 1}, 2, 0)));
  }

  /** x [2, 3] · k, ScatterElements axis 1 by idx [2, 2] with updates u [2, 2]; row 1 writes column 0 twice. */
  static Models.Traced scatterElements() {
    OnnxWriter w = OnnxWriter.create("scatter_elements", 13);
    w.input("x", 2, 3);
    w.input("idx", DType.INT64, 2, 2);
    w.input("u", 2, 2);
    String m = w.node("Mul", List.of("x", w.initializer("k", NonlinearLoweringTest.weights(43, 3))));
    w.output(w.node("ScatterElements", List.of(m, "idx", "u"), OnnxWriter.attr("axis", 1L)));
    return SelectionTest.traced(w.build(), List.of(ExampleModels.input(8, 2, 3),
        SelectionTest.ints(new int[] {2, 2}, 2, 1, 0, 0), ExampleModels.input(9, 2, 2)));
  }

  /** ScatterND into constant zeros [4] (as the ezkl example) by idx [3, 1], updates [3]; a duplicate. */
  static Models.Traced scatterNd() {
    OnnxWriter w = OnnxWriter.create("scatter_nd", 13);
    w.input("idx", DType.INT64, 3, 1);
    w.input("u", 3);
    w.output(w.node("ScatterND", List.of(w.initializer("z", io.kubz.slicer.ir.Tensor.zeros(DType.FLOAT,
        new int[] {4})), "idx", "u")));
    return SelectionTest.traced(w.build(), List.of(SelectionTest.ints(new int[] {3, 1}, 3, 1, 3),
        ExampleModels.input(10, 3)));
  }

  /** x [3, 2] · k, ScatterND with two-component indices [2, 2] and scalar updates [2]. */
  static Models.Traced scatterNd2() {
    OnnxWriter w = OnnxWriter.create("scatter_nd2", 13);
    w.input("x", 3, 2);
    w.input("idx", DType.INT64, 2, 2);
    w.input("u", 2);
    String m = w.node("Mul", List.of("x", w.initializer("k", NonlinearLoweringTest.weights(44, 2))));
    w.output(w.node("ScatterND", List.of(m, "idx", "u")));
    return SelectionTest.traced(w.build(), List.of(ExampleModels.input(11, 3, 2),
        SelectionTest.ints(new int[] {2, 2}, 2, 1, 0, 1), ExampleModels.input(12, 2)));
  }

  static Stream<Models.Traced> cases() {
    return Stream.of(gatherNd(), gatherNdTable(), scatterElements(), scatterNd(), scatterNd2());
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everyReadCellIsAssignedAndEveryAssignedCellIsPinned(Models.Traced t) {
    String name = t.q().graph().name();
    SliceCircuitTest.check(t, SliceCircuitTest.all(t), Visibility.PUBLIC); // the row estimate covers the rows
    for (Visibility v : List.of(Visibility.PUBLIC, new Visibility(Visibility.Mode.HASHED, Visibility.Mode.HASHED))) {
      AssignedCellsTest.assertAssigned(name + " " + v,
          SliceCompiler.compile(t.q(), SliceCircuitTest.all(t), v).circuit(t.trace(), t.salts(3)));
    }
    assertEquals(List.of(), MutationSweepTest.survivors(MutationSweepTest.oneSlice(t, Visibility.PUBLIC)), name);
  }

  /** Each output element in turn claims another value (consistently in the public output). */
  @ParameterizedTest
  @MethodSource("cases")
  void aWrongOutputElementIsRejected(Models.Traced t) {
    String out = t.q().graph().outputs().get(0).name();
    long[] y = t.trace().get(out);
    MockProver.run(SliceCompiler.compile(t.q(), SliceCircuitTest.all(t), Visibility.PUBLIC)
        .circuit(t.trace(), Map.of()), 1).assertSatisfied();
    for (int i = 0; i < y.length; i++) {
      // the value of another element (data or another update), else the value + 1
      long other = y[(i + 1) % y.length] != y[i] ? y[(i + 1) % y.length] : y[i] + 1;
      assertNotEquals(y[i], other);
      Map<String, long[]> forged = new HashMap<>(t.trace());
      long[] f = y.clone();
      f[i] = other;
      forged.put(out, f);
      Circuit c = SliceCompiler.compile(t.q(), SliceCircuitTest.all(t), Visibility.PUBLIC).circuit(forged, Map.of());
      assertFalse(MockProver.run(c, 1).isSatisfied(), t.q().graph().name() + " element " + i);
    }
  }
}
