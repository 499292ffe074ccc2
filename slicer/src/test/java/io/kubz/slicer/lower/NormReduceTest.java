package io.kubz.slicer.lower;

import static io.kubz.slicer.lower.NonlinearLoweringTest.assertForced;
import static io.kubz.slicer.lower.NonlinearLoweringTest.grouped;
import static io.kubz.slicer.lower.NonlinearLoweringTest.model;
import static io.kubz.slicer.lower.NonlinearLoweringTest.traced;
import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static io.kubz.slicer.onnx.OnnxWriter.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubz.field.Fixtures;
import io.kubz.slicer.input.InputData;
import io.kubz.slicer.interp.FloatInterpreter;
import io.kubz.slicer.interp.Kernels;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ReduceL1, ReduceL2 and ReduceLogSumExp, written out at import (passes/NormReduceExpansion): the
 * float graph equals the fused kernel, the quantized witness satisfies the circuit and a moved output
 * does not, the quantized output is close to float, and ezkl's fixtures agree with onnxruntime.
 */
class NormReduceTest {

  private static ModelProto reduce(String type, long keep) {
    return model(type + keep, 1.0, grouped((w, x) -> w.node(type, List.of(x), ints("axes", -1),
        attr("keepdims", keep))));
  }

  @ParameterizedTest
  @CsvSource({"ReduceL1, L1, 0", "ReduceL1, L1, 1", "ReduceL2, L2, 0", "ReduceL2, L2, 1",
      "ReduceLogSumExp, LOG_SUM_EXP, 0", "ReduceLogSumExp, LOG_SUM_EXP, 1"})
  void writtenOutMatchesTheFusedKernelAndIsForced(String type, Op.NormReduceKind kind, long keep) {
    Graph g = OnnxImporter.convert(reduce(type, keep), null, Map.of());
    assertTrue(g.nodes().stream().noneMatch(n -> n.op() instanceof Op.NormReduce), "written out at import");
    Tensor x = ExampleModels.input(5, g.inputs().get(0).shape());
    Map<String, Tensor> all = FloatInterpreter.trace(g, List.of(x));
    Tensor reshaped = all.get(g.nodes().stream().filter(n -> n.op() instanceof Op.Reshape).findFirst()
        .orElseThrow().output());
    Tensor fused = Kernels.apply(new Op.NormReduce(kind, new int[] {1}, keep != 0), List.of(reshaped), "oracle");
    Tensor got = all.get(g.outputs().get(0).name());
    assertArrayEquals(fused.shape(), got.shape());
    for (int i = 0; i < got.data().length; i++) {
      assertEquals(fused.get(i), got.get(i), 1e-9 * Math.max(1, Math.abs(fused.get(i))), type + " element " + i);
    }
    Models.Traced t = traced(reduce(type, keep));
    assertForced(t);
    double err = ElementwiseFunctionsTest.maxError(t.q());
    assertTrue(err < 0.05, type + ": max |quantized − float| = " + err);
  }

  @ParameterizedTest
  @CsvSource({"reducel1", "reducel2", "logsumexp"})
  void ezklFixturesAgreeWithOnnxRuntime(String model) throws Exception {
    Optional<Path> dir = Fixtures.resolve("onnx/ezkl-examples/" + model);
    assumeTrue(dir.isPresent(), "fixtures absent: ../shared/fixtures/onnx/ezkl-examples/" + model
        + " (set KUBZ_FIXTURES)");
    Graph g = OnnxImporter.read(dir.get().resolve("network.onnx"));
    List<Tensor> in = InputData.read(dir.get().resolve("input.json"), g);
    QuantizedGraph q = Calibrator.calibrate(g, List.of(in), QuantPlan.defaults()).graph();
    double[] got = IntegerInterpreter.runReal(q, in).values().iterator().next().data();
    Map<String, Object> ref = Json.asObject(Json.parse(Files.readString(
        dir.get().resolve("reference_output.json"))), "r");
    List<Object> data = Json.asArray(Json.asObject(Json.asArray(ref.get("outputs"), "o").get(0), "o0")
        .get("data"), "d");
    assertEquals(data.size(), got.length);
    double worst = 0;
    double scale = 0;
    for (int i = 0; i < got.length; i++) {
      double r = Json.asDouble(data.get(i), "v");
      worst = Math.max(worst, Math.abs(got[i] - r));
      scale = Math.max(scale, Math.abs(r));
    }
    assertTrue(worst <= 0.01 * scale, model + ": max |quantized − onnxruntime| = " + worst + " of " + scale);
    assertForced(new Models.Traced(q, IntegerInterpreter.trace(q, List.of(q.quantizeInput(in.get(0))))));
  }
}
