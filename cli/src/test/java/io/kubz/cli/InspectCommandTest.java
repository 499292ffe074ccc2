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

  /**
   * x → And(x, x) and Pow(Relu(x), x), added: the importer reads it; the integer semantics refuse And
   * (it takes booleans) and the quantizer refuses Pow (a power of two activations has no table) while
   * Relu and Add prove.
   */
  private Path refusedModel() throws IOException {
    OnnxWriter w = OnnxWriter.create("refused", 13);
    String x = w.input("x", 1, 4);
    String and = w.node("And", "and", List.of(x, x), "and_out");
    String relu = w.node("Relu", "relu", List.of(x), "relu_out");
    String pow = w.node("Pow", "pow", List.of(relu, x), "pow_out");
    String y = w.node("Add", "add", List.of(and, pow), "y");
    w.output(y, 1, 4);
    Path m = dir.resolve("refused.onnx");
    Files.write(m, w.build().toByteArray());
    return m;
  }

  @Test
  void everyNodeTheQuantizerOrInterpreterRefusesIsListedAndExitsThree() throws IOException {
    Path m = refusedModel();
    ModelCommandsTest.Result r = ModelCommandsTest.kubz("inspect", m.toString(), "--json");
    assertEquals(3, r.code(), r.err());
    Map<String, Object> out = Json.asObject(Json.parse(r.out()), "out");
    assertEquals(Boolean.FALSE, out.get("supported"));
    Map<String, Map<String, Object>> byNode = Json.asArray(out.get("unsupported"), "u").stream()
        .map(o -> Json.asObject(o, "u")).collect(Collectors.toMap(u -> (String) u.get("node"), u -> u));
    assertTrue(byNode.keySet().containsAll(java.util.Set.of("and", "pow")), "both refused nodes listed: " + byNode);
    assertTrue(!byNode.containsKey("relu"), "relu proves: " + byNode);
    assertEquals("And", byNode.get("and").get("op"));
    assertEquals("Pow", byNode.get("pow").get("op"));
    assertTrue(!((String) byNode.get("pow").get("reason")).isBlank());

    ModelCommandsTest.Result text = ModelCommandsTest.kubz("inspect", m.toString());
    assertEquals(3, text.code(), text.err());
    assertTrue(text.out().contains("supported: no") && text.out().contains("And 'and'")
        && text.out().contains("Pow 'pow'"), text.out());
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
