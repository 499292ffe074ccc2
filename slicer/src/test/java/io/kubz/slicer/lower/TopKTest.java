package io.kubz.slicer.lower;

import static io.kubz.slicer.lower.NonlinearLoweringTest.assertForced;
import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubz.field.Fixtures;
import io.kubz.plonkish.mock.MockProver;
import io.kubz.slicer.input.InputData;
import io.kubz.slicer.interp.FloatInterpreter;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.onnx.OnnxWriter;
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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TopK with a constant k, unrolled at import (onnx/TopK): values and indices equal a naive sort
 * (stable: equal values in index order), in float and bit for bit in integers, and the circuit
 * forces both outputs; ezkl's 1l_topk agrees with onnxruntime.
 */
class TopKTest {

  /** Gemm 6 → 8 (then Clip to ±0.1 when {@code ties}), as [2, 4], TopK along axis 1. */
  private static ModelProto model(long k, boolean largest, boolean ties) {
    return model(k, largest, ties, false);
  }

  private static ModelProto model(long k, boolean largest, boolean ties, boolean indicesFirst) {
    SplittableRandom rnd = new SplittableRandom(k * 7 + (largest ? 1 : 0));
    OnnxWriter w = OnnxWriter.create("topk", ExampleModels.OPSET);
    String x = w.input("input", 1, 6);
    double[] wt = new double[48];
    for (int i = 0; i < wt.length; i++) {
      wt[i] = (float) (rnd.nextDouble() * 2 - 1);
    }
    x = w.node("Gemm", List.of(x, w.initializer("w", Tensor.of(new int[] {8, 6}, wt))), attr("transB", 1L));
    if (ties) { // many equal values at both bounds
      x = w.node("Clip", List.of(x, w.initializer("lo", Tensor.of(new int[] {}, -0.1)),
          w.initializer("hi", Tensor.of(new int[] {}, 0.1))));
    }
    x = w.node("Reshape", List.of(x, w.initializer("shape", Tensor.longs(2, 4))));
    List<String> out = w.node("TopK", "topk", List.of(x, w.initializer("k", Tensor.longs(k))), List.of("values", "indices"),
        attr("axis", 1L), attr("largest", largest ? 1L : 0L));
    w.output(out.get(indicesFirst ? 1 : 0));
    w.output(out.get(indicesFirst ? 0 : 1));
    return w.build();
  }

  /** The k largest (or smallest) of each row of [rows, 4] and their indices, by a stable sort. */
  private static long[][] naive(double[] x, int k, boolean largest) {
    int rows = x.length / 4;
    long[] idx = new long[rows * k];
    long[] order = new long[rows * k];
    for (int r = 0; r < rows; r++) {
      Integer[] at = {0, 1, 2, 3};
      final int row = r;
      java.util.Arrays.sort(at, (a, b) -> largest ? Double.compare(x[row * 4 + b], x[row * 4 + a])
          : Double.compare(x[row * 4 + a], x[row * 4 + b]));
      for (int j = 0; j < k; j++) {
        idx[r * k + j] = at[j];
        order[r * k + j] = Double.doubleToLongBits(x[r * 4 + at[j]]);
      }
    }
    return new long[][] {idx, order};
  }

  @ParameterizedTest
  @CsvSource({"3, true, true", "2, false, true", "1, true, false", "4, true, false", "2, false, false"})
  void equalsAStableSortAndIsForced(int k, boolean largest, boolean ties) {
    Graph g = OnnxImporter.convert(model(k, largest, ties), null, Map.of());
    Tensor in = ExampleModels.input(5, 1, 6);
    Map<String, Tensor> all = FloatInterpreter.trace(g, List.of(in));
    String scores = g.nodes().stream().filter(n -> n.onnxOpType().equals("Reshape")).findFirst().orElseThrow().output();
    long[][] want = naive(all.get(scores).data(), k, largest);
    assertArrayEquals(new int[] {2, k}, all.get("values").shape());
    for (int i = 0; i < want[0].length; i++) {
      assertEquals(want[0][i], (long) all.get("indices").get(i), "float index " + i);
      assertEquals(Double.longBitsToDouble(want[1][i]), all.get("values").get(i), "float value " + i);
    }
    QuantizedGraph q = Calibrator.calibrate(g, List.of(List.of(in)), QuantPlan.defaults()).graph();
    Map<String, long[]> trace = IntegerInterpreter.trace(q, List.of(q.quantizeInput(in)));
    long[] xq = trace.get(scores);
    double[] xd = new double[xq.length];
    for (int i = 0; i < xq.length; i++) {
      xd[i] = xq[i];
    }
    long[][] wantQ = naive(xd, k, largest);
    boolean tie = false;
    for (int i = 0; i < xd.length; i++) {
      for (int j = i + 1; j < (i / 4 + 1) * 4; j++) {
        tie |= xd[i] == xd[j];
      }
    }
    assertEquals(ties, tie, "rows with equal values exactly when the model clips");
    long one = 1L << q.activationScale();
    for (int i = 0; i < wantQ[0].length; i++) {
      assertEquals(wantQ[0][i] * one, trace.get("indices")[i], "quantized index " + i);
      assertEquals((long) Double.longBitsToDouble(wantQ[1][i]), trace.get("values")[i], "quantized value " + i);
    }
    Models.Traced t = new Models.Traced(q, trace);
    assertForced(t);
    AssignedCellsTest.assertAssigned("topk", SliceCompiler.compile(q, SliceCircuitTest.all(t), Visibility.PUBLIC)
        .circuit(trace, t.salts(1)));
    if (k == 3) {
      assertEquals(List.of(), MutationSweepTest.survivors(MutationSweepTest.oneSlice(t, Visibility.PUBLIC)));
    }
  }

  @Test
  void anotherIndexIsRejected() {
    Models.Traced t = NonlinearLoweringTest.traced(model(3, true, true, true));
    long one = 1L << t.q().activationScale();
    long[] idx = t.trace().get("indices");
    assertEquals("indices", t.q().graph().outputs().get(0).name());
    for (int i = 0; i < idx.length; i++) {
      long delta = idx[i] == 0 ? one : -one; // a neighbouring, valid index
      assertFalse(NonlinearLoweringTest.tampered(t, i, delta).isEmpty(), "index " + i + " moved to a neighbour");
    }
  }

  @Test
  void ezklFixtureAgreesWithOnnxRuntime() throws Exception {
    Optional<Path> dir = Fixtures.resolve("onnx/ezkl-examples/1l_topk");
    assumeTrue(dir.isPresent(), "fixtures absent: ../shared/fixtures/onnx/ezkl-examples/1l_topk (set KUBZ_FIXTURES)");
    Graph g = OnnxImporter.read(dir.get().resolve("network.onnx"));
    List<Tensor> in = InputData.read(dir.get().resolve("input.json"), g);
    QuantizedGraph q = Calibrator.calibrate(g, List.of(in), QuantPlan.defaults()).graph();
    Map<String, Tensor> got = IntegerInterpreter.runReal(q, in);
    Map<String, Object> ref = Json.asObject(Json.parse(Files.readString(dir.get().resolve("reference_output.json"))), "r");
    List<Object> outs = Json.asArray(ref.get("outputs"), "o");
    assertEquals(outs.size(), got.size());
    for (Object o : outs) {
      Map<String, Object> m = Json.asObject(o, "o");
      double[] mine = got.get(Json.asString(m.get("name"), "name")).data();
      List<Object> data = Json.asArray(m.get("data"), "d");
      double scale = 0;
      double worst = 0;
      for (int i = 0; i < mine.length; i++) {
        double r = Json.asDouble(data.get(i), "v");
        scale = Math.max(scale, Math.abs(r));
        worst = Math.max(worst, Math.abs(r - mine[i]));
      }
      assertTrue(worst <= 0.01 * scale, m.get("name") + ": " + worst + " of " + scale);
    }
    Models.Traced t = new Models.Traced(q, IntegerInterpreter.trace(q, List.of(q.quantizeInput(in.get(0)))));
    MockProver.run(SliceCompiler.compile(q, SliceCircuitTest.all(t), Visibility.PUBLIC).circuit(t.trace(), Map.of()), 1)
        .assertSatisfied();
  }
}
