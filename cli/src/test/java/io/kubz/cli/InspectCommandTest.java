package io.kubz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.json.Json;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.OnnxWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubz inspect} runs prove's own checks: a model the importer reads but the quantizer or the
 * integer semantics refuse is not "supported", every such node is listed with its reason, and the
 * exit code is 3.
 */
class InspectCommandTest {
  @TempDir Path dir;

  /** x → Less(x, 0), Relu(x) → Where(less, x, relu): the importer reads it; Less and Where cannot be proved. */
  private Path whereModel() throws IOException {
    OnnxWriter w = OnnxWriter.create("where", 13);
    String x = w.input("x", 1, 4);
    String zero = w.initializer("zero", Tensor.of(new int[] {}, 0.0));
    String less = w.node("Less", "less", List.of(x, zero), "less_out");
    String relu = w.node("Relu", "relu", List.of(x), "relu_out");
    String y = w.node("Where", "where", List.of(less, x, relu), "y");
    w.output(y, 1, 4);
    Path m = dir.resolve("where.onnx");
    Files.write(m, w.build().toByteArray());
    return m;
  }

  @Test
  void everyNodeTheQuantizerOrInterpreterRefusesIsListedAndExitsThree() throws IOException {
    Path m = whereModel();
    ModelCommandsTest.Result r = ModelCommandsTest.kubz("inspect", m.toString(), "--json");
    assertEquals(3, r.code(), r.err());
    Map<String, Object> out = Json.asObject(Json.parse(r.out()), "out");
    assertEquals(Boolean.FALSE, out.get("supported"));
    Map<String, Map<String, Object>> byNode = Json.asArray(out.get("unsupported"), "u").stream()
        .map(o -> Json.asObject(o, "u")).collect(Collectors.toMap(u -> (String) u.get("node"), u -> u));
    assertEquals(java.util.Set.of("less", "where"), byNode.keySet(), "relu proves; both others fail: " + byNode);
    assertEquals("Less", byNode.get("less").get("op"));
    assertEquals("Where", byNode.get("where").get("op"));
    assertTrue(!((String) byNode.get("where").get("reason")).isBlank());

    ModelCommandsTest.Result text = ModelCommandsTest.kubz("inspect", m.toString());
    assertEquals(3, text.code(), text.err());
    assertTrue(text.out().contains("supported: no") && text.out().contains("Less 'less'")
        && text.out().contains("Where 'where'"), text.out());
  }

  @Test
  void aSupportedModelStillExitsZero() throws IOException {
    OnnxWriter w = OnnxWriter.create("relu", 13);
    String x = w.input("x", 1, 4);
    w.output(w.node("Sigmoid", "sig", List.of(w.node("Relu", "relu", List.of(x), "r")), "y"), 1, 4);
    Path m = dir.resolve("ok.onnx");
    Files.write(m, w.build().toByteArray());
    ModelCommandsTest.Result r = ModelCommandsTest.kubz("inspect", m.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("supported: yes"), r.out());
  }
}
