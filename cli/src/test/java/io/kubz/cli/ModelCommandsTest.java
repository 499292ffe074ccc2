package io.kubz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxWriter;
import io.kubz.slicer.quant.QuantPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inspect, run and calibrate driven in-process on models the project generates. */
class ModelCommandsTest {
  @TempDir Path dir;
  Path model;
  Path input;

  record Result(int code, String out, String err) {}

  static Result kubz(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Kubz.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @BeforeEach
  void writeModel() throws IOException {
    model = dir.resolve("lenet.onnx");
    Files.write(model, ExampleModels.lenet(7).toByteArray());
    Tensor x = ExampleModels.input(7, 1, 1, 28, 28);
    input = dir.resolve("input.json");
    Files.writeString(input, Json.write(Map.of("input_data", List.of(toList(x.data())))));
  }

  static List<Double> toList(double[] d) {
    return java.util.Arrays.stream(d).boxed().toList();
  }

  @Test
  void inspectJsonSaysSupportedAndCountsOps() {
    Result r = kubz("inspect", model.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    Map<String, Object> m = Json.asObject(Json.parse(r.out()), "out");
    assertEquals(Boolean.TRUE, m.get("supported"));
    assertTrue(Json.asArray(m.get("unsupported"), "u").isEmpty());
    assertTrue(Json.asObject(m.get("ops"), "ops").containsKey("Conv"));
  }

  @Test
  void inspectListsEveryUnsupportedNode() throws IOException {
    OnnxWriter w = OnnxWriter.create("topk", 13);
    String x = w.input("x", 1, 4);
    String y = w.node("Hardmax", List.of(x));
    String z = w.node("Hardmax", List.of(y));
    w.output(z, 1, 4);
    Path bad = dir.resolve("bad.onnx");
    Files.write(bad, w.build().toByteArray());
    Result r = kubz("inspect", bad.toString(), "--json");
    assertEquals(3, r.code(), "a model with unsupported nodes exits 3: " + r.err());
    Map<String, Object> m = Json.asObject(Json.parse(r.out()), "out");
    assertEquals(Boolean.FALSE, m.get("supported"));
    List<Object> u = Json.asArray(m.get("unsupported"), "u");
    assertEquals(2, u.size());
    assertEquals("Hardmax", Json.asObject(u.get(0), "u0").get("op"));
  }

  @Test
  void runReportsAccuracyAndAStageTable() {
    Result r = kubz("run", model.toString(), "--input", input.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("max |error|"), r.out());
    assertTrue(r.out().contains("quantized inference"), r.out());
  }

  @Test
  void calibrateWritesSettingsThatRunReuses() throws IOException {
    Path settings = dir.resolve("out/settings.json");
    Result c = kubz("calibrate", model.toString(), "--input", input.toString(), "--target", "resources",
        "--out", settings.toString());
    assertEquals(0, c.code(), c.err());
    QuantPlan p = QuantPlan.fromJson(Files.readString(settings));
    assertEquals(6, p.activationScale());
    Result r = kubz("run", model.toString(), "--input", input.toString(), "--settings", settings.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(Json.asObject(Json.parse(r.out()), "out").containsKey("accuracy"));
  }

  @Test
  void sliceWritesAPlanThatReloadsAndInspectSuggestsOne() throws IOException {
    Path plan = dir.resolve("plan.json");
    Result r = kubz("slice", model.toString(), "--max-layers", "2", "--out", plan.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("max-layers=2"), r.out());
    var g = io.kubz.slicer.onnx.OnnxImporter.read(model);
    var loaded = io.kubz.slicer.plan.SlicePlan.fromJson(Files.readString(plan), g, io.kubz.slicer.plan.SliceCost.DEFAULT);
    assertTrue(loaded.slices().size() >= 2);
    Result budget = kubz("slice", model.toString(), "--max-rows", "20", "--max-memory", "2G", "--json",
        "--out", dir.resolve("b.json").toString());
    assertEquals(0, budget.code(), budget.err());
    Map<String, Object> inspect = Json.asObject(Json.parse(kubz("inspect", model.toString(), "--json").out()), "i");
    assertTrue(Json.asObject(inspect.get("suggested_plan"), "plan").containsKey("slices"));
    // inspect suggests what `kubz slice` (default strategy) plans: the same lowered cost model
    Result perLayer = kubz("slice", model.toString(), "--json", "--out", dir.resolve("p.json").toString());
    assertEquals(0, perLayer.code(), perLayer.err());
    List<?> inspectRows = (List<?>) Json.asObject(inspect.get("suggested_plan"), "plan").get("estimated_rows");
    long inspectMax = inspectRows.stream().mapToLong(v -> ((Number) v).longValue()).max().orElseThrow();
    assertEquals(((Number) Json.asObject(Json.parse(perLayer.out()), "s").get("max_estimated_rows")).longValue(),
        inspectMax, "inspect and slice estimate alike");
    assertEquals(2, kubz("slice", model.toString(), "--max-layers", "1", "--max-rows", "12",
        "--out", plan.toString()).code(), "two strategies at once is a usage error");
    assertEquals(2, kubz("slice", model.toString(), "--max-memory", "lots", "--out", plan.toString()).code());
  }

  @Test
  void badInputsExitThreeWithoutStackTraces() throws IOException {
    Path wrong = dir.resolve("wrong.json");
    Files.writeString(wrong, "[1, 2, 3]");
    Path garbage = dir.resolve("garbage.onnx");
    Files.write(garbage, new byte[] {1, 2, 3, 4, 5, 6, 7});
    for (String[] args : List.of(
        new String[] {"run", dir.resolve("missing.onnx").toString(), "--input", input.toString()},
        new String[] {"run", model.toString(), "--input", wrong.toString()},
        new String[] {"inspect", garbage.toString()},
        new String[] {"calibrate", model.toString(), "--input", input.toString(), "--target", "speed",
            "--out", dir.resolve("s.json").toString()})) {
      Result r = kubz(args);
      assertEquals(3, r.code(), String.join(" ", args) + ": " + r.err());
      assertFalse(r.err().contains("\tat "), r.err());
      assertTrue(r.err().startsWith("kubz: "), r.err());
    }
    assertEquals(2, kubz("run", model.toString()).code(), "missing --input is a usage error");
  }
}
