package io.kubz.slicer.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.mock.MockProver;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.onnx.OnnxWriter;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gather by an activation index ({@link Selection}): an embedding (constant table) and a gather
 * from an activation, as one slice: no unassigned cell is read, every assigned cell is pinned
 * (mutation sweep), and a prover that claims another row's values for the right index fails.
 */
class SelectionTest {

  /** tokens [1, 3] (INT64) → Gather of a constant [6, 4] table → [1, 3, 4]. */
  static ModelProto embedding() {
    OnnxWriter w = OnnxWriter.create("embedding", 13);
    w.input("tokens", DType.INT64, 1, 3);
    String out = w.node("Gather", List.of(w.initializer("wte",
        NonlinearLoweringTest.weights(31, 6, 4)), "tokens"));
    w.output(out);
    return w.build();
  }

  /** x [2, 5], idx [3] (INT64) → Gather(x·w, idx, axis 1) → [2, 3]. */
  static ModelProto activationGather() {
    OnnxWriter w = OnnxWriter.create("activation_gather", 13);
    w.input("x", 2, 5);
    w.input("idx", DType.INT64, 3);
    String m = w.node("Mul", List.of("x", w.initializer("k", NonlinearLoweringTest.weights(32, 5))));
    String out = w.node("Gather", List.of(m, "idx"), OnnxWriter.attr("axis", 1L));
    w.output(out);
    return w.build();
  }

  static Tensor ints(int[] shape, double... v) {
    return Tensor.of(DType.INT64, shape, v);
  }

  static Models.Traced traced(ModelProto m, List<Tensor> in) {
    Graph g = OnnxImporter.convert(m, null, Map.of());
    QuantizedGraph q = Calibrator.calibrate(g, List.of(in), QuantPlan.defaults()).graph();
    List<long[]> qi = new ArrayList<>();
    in.forEach(t -> qi.add(q.quantizeInput(t)));
    return new Models.Traced(q, IntegerInterpreter.trace(q, qi));
  }

  static Models.Traced embeddingTrace() {
    return traced(embedding(), List.of(ints(new int[] {1, 3}, 5, 0, 5)));
  }

  static Models.Traced activationTrace() {
    return traced(activationGather(), List.of(
        io.kubz.slicer.onnx.ExampleModels.input(3, 2, 5), ints(new int[] {3}, 4, 1, 1)));
  }

  /** x [2, 3] → Mul by a constant → GatherElements axis 0 by idx [2, 3] (INT64). */
  static Models.Traced elementsTrace() {
    OnnxWriter w = OnnxWriter.create("gather_elements", 13);
    w.input("x", 2, 3);
    w.input("idx", DType.INT64, 2, 3);
    String m = w.node("Mul", List.of("x", w.initializer("k", NonlinearLoweringTest.weights(33, 3))));
    w.output(w.node("GatherElements", List.of(m, "idx"), OnnxWriter.attr("axis", 0L)));
    return traced(w.build(), List.of(io.kubz.slicer.onnx.ExampleModels.input(4, 2, 3),
        ints(new int[] {2, 3}, 1, 0, 1, 0, 0, 1)));
  }

  @Test
  void gatherElementsByAnActivation() {
    Models.Traced t = elementsTrace();
    assertTrue(t.q().nodes().stream().anyMatch(n -> n.node().op() instanceof Op.DynamicGatherElements));
    AssignedCellsTest.assertAssigned("gather elements", SliceCompiler.compile(t.q(),
        SliceCircuitTest.all(t), new Visibility(Visibility.Mode.HASHED, Visibility.Mode.HASHED))
        .circuit(t.trace(), t.salts(3)));
    assertEquals(List.of(), MutationSweepTest.survivors(MutationSweepTest.oneSlice(t, Visibility.PUBLIC)));
  }

  @Test
  void importedAsDynamicGather() {
    for (Models.Traced t : List.of(embeddingTrace(), activationTrace())) {
      assertTrue(t.q().nodes().stream().anyMatch(n -> n.node().op() instanceof Op.DynamicGather),
          t.q().graph().name());
    }
  }

  @Test
  void everyReadCellIsAssigned() {
    for (Models.Traced t : List.of(embeddingTrace(), activationTrace())) {
      for (Visibility v : List.of(Visibility.PUBLIC,
          new Visibility(Visibility.Mode.HASHED, Visibility.Mode.HASHED))) {
        AssignedCellsTest.assertAssigned(t.q().graph().name() + " " + v,
            SliceCompiler.compile(t.q(), SliceCircuitTest.all(t), v).circuit(t.trace(), t.salts(3)));
      }
    }
  }

  @Test
  void mutationSweepOfAnEmbedding() {
    assertEquals(List.of(), MutationSweepTest.survivors(
        MutationSweepTest.oneSlice(embeddingTrace(), Visibility.PUBLIC)));
  }

  @Test
  void mutationSweepOfAGatherFromAnActivation() {
    assertEquals(List.of(), MutationSweepTest.survivors(
        MutationSweepTest.oneSlice(activationTrace(), Visibility.PUBLIC)));
  }

  /** The output claims row 1 of the table for token 0 (consistently in the public output). */
  @Test
  void anotherRowForTheRightIndexIsRejected() {
    Models.Traced t = embeddingTrace();
    String out = t.q().graph().outputs().get(0).name();
    long[] table = t.q().nodes().get(0).params()[0];
    Map<String, long[]> forged = new HashMap<>(t.trace());
    long[] y = forged.get(out).clone();
    assertFalse(java.util.Arrays.equals(java.util.Arrays.copyOfRange(table, 0, 4),
        java.util.Arrays.copyOfRange(table, 4, 8)));
    System.arraycopy(table, 4, y, 4, 4); // token 1 of the sequence is 0: claim row 1 instead
    forged.put(out, y);
    Circuit c = SliceCompiler.compile(t.q(), SliceCircuitTest.all(t), Visibility.PUBLIC)
        .circuit(forged, Map.of());
    assertFalse(MockProver.run(c, 1).isSatisfied(), "a wrong row must not satisfy the circuit");
    MockProver.run(SliceCompiler.compile(t.q(), SliceCircuitTest.all(t), Visibility.PUBLIC)
        .circuit(t.trace(), Map.of()), 1).assertSatisfied();
  }
}
