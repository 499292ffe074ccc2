package io.kubz.slicer.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubz.field.Fixtures;
import io.kubz.lookup.table.FixedPoint;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.input.InputData;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.onnx.OnnxWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GatherND, ScatterElements and ScatterND by computed indices proved end to end: a tiny model
 * chaining all three (one slice, and one slice per layer so that the selections read linked
 * tensors), and the three ezkl examples (skipped when the fixtures are absent) with the error
 * against onnxruntime's reference output at most 1 % of its largest magnitude (default settings).
 */
class ScatterProveTest {

  /**
   * x [3, 2]·k → ScatterND (idx [2, 1], u [2, 2]) → ScatterElements axis 1 (idx2 [3, 1], u2 [3, 1])
   * → GatherND (idx3 [2, 1]) → [2, 2].
   */
  static Graph chain() {
    OnnxWriter w = OnnxWriter.create("scatter_chain", 13);
    w.input("x", 3, 2);
    w.input("idx", DType.INT64, 2, 1);
    w.input("u", 2, 2);
    w.input("idx2", DType.INT64, 3, 1);
    w.input("u2", 3, 1);
    w.input("idx3", DType.INT64, 2, 1);
    String m = w.node("Mul", List.of("x", w.initializer("k", ExampleModels.input(51, 2))));
    String a = w.node("ScatterND", List.of(m, "idx", "u"));
    String b = w.node("ScatterElements", List.of(a, "idx2", "u2"), OnnxWriter.attr("axis", 1L));
    w.output(w.node("GatherND", List.of(b, "idx3")));
    return Runs.graph(w.build());
  }

  static Tensor ints(int[] shape, double... v) {
    return Tensor.of(DType.INT64, shape, v);
  }

  @Test
  void aChainOfSelectionsProvesAndVerifies() {
    Graph g = chain();
    List<Tensor> in = List.of(ExampleModels.input(52, 3, 2), ints(new int[] {2, 1}, 2, 0),
        ExampleModels.input(53, 2, 2), ints(new int[] {3, 1}, 1, 0, 1), ExampleModels.input(54, 3, 1),
        ints(new int[] {2, 1}, 2, 0));
    for (Strategy st : List.of(Strategy.defaults(), Strategy.perLayer())) {
      ModelProver.Options o = ModelProver.Options.ofDevSrs(20261122).withThreads(2).withStrategy(st);
      ModelProver.Result r = ModelProver.prove(g, in, o);
      VerificationResult v = BundleVerifier.selfCheck(r.bundle());
      assertTrue(v.valid(), v.reason());
      Map<String, long[]> expected = Runs.expected(g, in, o);
      assertEquals(1, v.outputs().size());
      for (ProofBundle.PublicTensor t : v.outputs()) {
        assertArrayEquals(expected.get(t.name()), t.values(), t.name());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gather_nd", "scatter_elements", "scatter_nd"})
  void ezklExampleProvesWithinOnePercent(String model) throws Exception {
    Optional<Path> dir = Fixtures.resolve("onnx/ezkl-examples/" + model);
    assumeTrue(dir.isPresent(), "fixtures absent: ../shared/fixtures/onnx/ezkl-examples/" + model
        + " (set KUBZ_FIXTURES)");
    Graph g = OnnxImporter.read(dir.get().resolve("network.onnx"));
    List<Tensor> in = InputData.read(dir.get().resolve("input.json"), g);
    // the default settings: the scale search lifts gather_nd (data in [0, 0.1], where 2^8's rounding
    // alone is 2 % of the largest value) to a scale within the target
    ModelProver.Options o = ModelProver.Options.ofDevSrs(20261122).withThreads(2);
    ModelProver.Result r = ModelProver.prove(g, in, o);
    VerificationResult v = BundleVerifier.selfCheck(r.bundle());
    assertTrue(v.valid(), model + ": " + v.reason());
    Map<String, Object> ref = Json.asObject(Json.parse(Files.readString(
        dir.get().resolve("reference_output.json"))), "reference");
    double worst = 0;
    double scale = 0;
    for (Object e : Json.asArray(ref.get("outputs"), "outputs")) {
      Map<String, Object> m = Json.asObject(e, "output");
      List<Object> want = Json.asArray(m.get("data"), "data");
      ProofBundle.PublicTensor t = v.outputs().stream()
          .filter(x -> x.name().equals(Json.asString(m.get("name"), "name"))).findFirst().orElseThrow();
      long[] got = t.values();
      assertEquals(want.size(), got.length);
      for (int i = 0; i < got.length; i++) {
        double w = Json.asDouble(want.get(i), "value");
        scale = Math.max(scale, Math.abs(w));
        worst = Math.max(worst, Math.abs(FixedPoint.toReal(got[i], t.scale()) - w));
      }
    }
    System.out.printf("%s: max |error| %.3g of max |reference| %.3g%n", model, worst, scale);
    assertTrue(worst <= 0.01 * scale, model + ": error " + worst + " against " + scale);
  }
}
