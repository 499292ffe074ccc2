package io.kubz.slicer.lower;

import static io.kubz.slicer.lower.NonlinearLoweringTest.assertForced;
import static io.kubz.slicer.lower.NonlinearLoweringTest.traced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubz.field.Fixtures;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.input.InputData;
import io.kubz.slicer.interp.FloatInterpreter;
import io.kubz.slicer.interp.Kernels;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.onnx.OnnxWriter;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.NormChains;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * LayerNormalization, as the ONNX operator (written out at import) and as PyTorch's own export
 * (ReduceMean → Sub → Pow(2) → ReduceMean → Add(ε) → Sqrt → Div → Mul → Add): same float output
 * as the fused kernel, forced by the circuit, close to float after quantization.
 */
class NormLoweringTest {
  private static final double[] GAMMA = {1.0, 0.5, -1.5, 2.0, 0.25, 1.0, 0.75, -0.5};
  private static final double[] BETA = {0.1, 0, -0.2, 0.3, 0, 0.05, -0.1, 0.2};

  /** x [2, 8] (seeded, scaled by 3, shifted by 1) normalised over the last axis. */
  private static ModelProto model(boolean writtenOut) {
    return model(writtenOut, 3.0);
  }

  /** x [2, 8] (seeded, scaled by {@code spread}, shifted by 1) normalised over the last axis. */
  private static ModelProto model(boolean writtenOut, double spread) {
    OnnxWriter w = OnnxWriter.create(writtenOut ? "ln_torch" : "ln_op", 17);
    String x = w.input("input", 2, 8);
    x = w.node("Add", List.of(w.node("Mul", List.of(x, w.initializer("three", Tensor.of(new int[] {}, spread)))),
        w.initializer("one", Tensor.of(new int[] {}, 1.0))));
    String g = w.initializer("gamma", Tensor.of(new int[] {8}, GAMMA));
    String b = w.initializer("beta", Tensor.of(new int[] {8}, BETA));
    if (!writtenOut) {
      w.output(w.node("LayerNormalization", List.of(x, g, b), OnnxWriter.attr("epsilon", 1e-5f)));
      return w.build();
    }
    String mean = w.node("ReduceMean", List.of(x), OnnxWriter.ints("axes", -1));
    String d = w.node("Sub", List.of(x, mean));
    String sq = w.node("Pow", List.of(d, w.initializer("two", Tensor.of(new int[] {}, 2.0))));
    String var = w.node("ReduceMean", List.of(sq), OnnxWriter.ints("axes", -1));
    String sd = w.node("Sqrt", List.of(w.node("Add", List.of(var, w.initializer("eps", Tensor.of(new int[] {}, 1e-5))))));
    String z = w.node("Div", List.of(d, sd));
    w.output(w.node("Add", List.of(w.node("Mul", List.of(z, g)), b)));
    return w.build();
  }

  @Test
  void theOperatorWrittenOutMatchesTheFusedKernel() {
    Graph g = OnnxImporter.convert(model(false), null, Map.of());
    assertTrue(g.nodes().stream().noneMatch(n -> n.op() instanceof Op.LayerNorm), "written out at import");
    Tensor x = ExampleModels.input(5, 2, 8);
    double[] shifted = x.data().clone();
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] = shifted[i] * 3 + 1;
    }
    Tensor fused = Kernels.apply(new Op.LayerNorm(1, 1e-5), List.of(Tensor.of(new int[] {2, 8}, shifted),
        Tensor.of(new int[] {8}, GAMMA), Tensor.of(new int[] {8}, BETA)), "oracle");
    double[] got = FloatInterpreter.run(g, List.of(x)).values().iterator().next().data();
    for (int i = 0; i < got.length; i++) {
      assertEquals(fused.get(i), got[i], 1e-6, "element " + i); // ε is a float32 attribute
    }
  }

  @Test
  void bothFormsAreForcedAndAccurate() {
    for (boolean writtenOut : new boolean[] {false, true}) {
      Models.Traced t = traced(model(writtenOut));
      assertForced(t);
      double err = ElementwiseFunctionsTest.maxError(t.q());
      System.out.printf("layer norm (%s): max |quantized - float| = %.4g%n", writtenOut ? "torch" : "op", err);
      assertTrue(err < 0.05, "error " + err);
    }
  }

  /**
   * Centred values of about 0.05 have a variance near 2^−9: at 2^8 it would hold one significant
   * bit. Calibration shifts the chain (NormChains): d is squared as 2^k·d, and the output, which the
   * float model does not see change, stays accurate; the circuit still forces every output.
   */
  @Test
  void aSmallVarianceIsSquaredShiftedAndStaysAccurateAndForced() {
    for (boolean writtenOut : new boolean[] {false, true}) {
      Graph g = OnnxImporter.convert(model(writtenOut, 0.05), null, Map.of());
      assertEquals(1, NormChains.find(g).size(), "the written-out chain is found");
      Tensor x = ExampleModels.input(5, 2, 8);
      Calibrator.Result r = Calibrator.calibrateAt(g, List.of(List.of(x)), QuantPlan.preset("balanced"));
      int k = r.plan().normShifts().values().iterator().next();
      assertTrue(k > 0, "no shift for a tiny variance: " + r.plan().toJson());
      QuantizedGraph plain = QuantizedGraph.quantize(g, r.plan().withNormShifts(Map.of()));
      double shifted = r.accuracy().relativeError();
      double unshifted = Calibrator.accuracy(plain, List.of(List.of(x))).relativeError();
      System.out.printf("small-variance layer norm at 2^8: shift %d, relative error %.3g%% (unshifted %.3g%%)%n",
          k, 100 * shifted, 100 * unshifted);
      assertTrue(shifted < 0.05 && shifted < unshifted / 10, shifted + " vs " + unshifted);
      QuantizedGraph q = r.graph();
      assertForced(new Models.Traced(q, IntegerInterpreter.trace(q, List.of(q.quantizeInput(x)))));
      QuantPlan back = QuantPlan.fromJson(r.plan().toJson());
      assertEquals(r.plan().normShifts(), back.normShifts(), "the shift is part of the saved settings");
    }
  }

  @Test
  void instanceNormWrittenOutMatchesTheFusedKernel() {
    OnnxWriter w = OnnxWriter.create("in", 13);
    String x = w.input("input", 1, 2, 2, 3);
    double[] sc = {1.5, -0.5};
    double[] bi = {0.2, -0.1};
    w.output(w.node("InstanceNormalization", List.of(x, w.initializer("s", Tensor.of(new int[] {2}, sc)),
        w.initializer("b", Tensor.of(new int[] {2}, bi)))));
    Graph g = OnnxImporter.convert(w.build(), null, Map.of());
    SplittableRandom rnd = new SplittableRandom(3);
    double[] d = new double[12];
    for (int i = 0; i < d.length; i++) {
      d[i] = rnd.nextDouble() * 4 - 2;
    }
    Tensor in = Tensor.of(new int[] {1, 2, 2, 3}, d);
    Tensor fused = Kernels.apply(new Op.InstanceNorm(1e-5), List.of(in, Tensor.of(new int[] {2}, sc),
        Tensor.of(new int[] {2}, bi)), "oracle");
    double[] got = FloatInterpreter.run(g, List.of(in)).values().iterator().next().data();
    for (int i = 0; i < got.length; i++) {
      assertEquals(fused.get(i), got[i], 1e-6, "element " + i); // ε is a float32 attribute
    }
    QuantizedGraph q = Calibrator.calibrate(g, List.of(List.of(in)), QuantPlan.defaults()).graph();
    assertForced(new Models.Traced(q, IntegerInterpreter.trace(q, List.of(q.quantizeInput(in)))));
  }

  @Test
  void ezklLayernormFixtureAgreesWithOnnxRuntime() throws Exception {
    Optional<Path> dir = Fixtures.resolve("onnx/ezkl-examples/layernorm");
    assumeTrue(dir.isPresent(), "fixtures absent: ../shared/fixtures/onnx/ezkl-examples/layernorm (set KUBZ_FIXTURES)");
    Graph g = OnnxImporter.read(dir.get().resolve("network.onnx"));
    List<Tensor> in = InputData.read(dir.get().resolve("input.json"), g);
    QuantizedGraph q = Calibrator.calibrate(g, List.of(in), QuantPlan.defaults()).graph();
    double[] got = IntegerInterpreter.runReal(q, in).values().iterator().next().data();
    Map<String, Object> ref = Json.asObject(Json.parse(Files.readString(dir.get().resolve("reference_output.json"))), "r");
    List<Object> data = Json.asArray(Json.asObject(Json.asArray(ref.get("outputs"), "o").get(0), "o0").get("data"), "d");
    double worst = 0;
    for (int i = 0; i < got.length; i++) {
      worst = Math.max(worst, Math.abs(got[i] - Json.asDouble(data.get(i), "v")));
    }
    System.out.printf("ezkl layernorm: max |quantized - onnxruntime| = %.4g%n", worst);
    assertTrue(worst < 0.05, "error " + worst);
    assertForced(new Models.Traced(q, IntegerInterpreter.trace(q, List.of(q.quantizeInput(in.get(0))))));
  }
}
