package io.kubz.slicer.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.ModelSummary;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ezkl models copied into src/test/resources/vectors (see the README there). */
class VendoredModelsTest {
  static Path dir(String model) {
    try {
      return Path.of(VendoredModelsTest.class.getResource("/vectors/ezkl/" + model).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1l_mlp", "2l_relu_fc", "1l_conv", "3l_relu_conv_fc", "lenet_5",
      "1l_batch_norm"})
  void matchesOnnxRuntime(String model) {
    double worst = ReferenceCheck.check(dir(model));
    assertTrue(worst <= 1, model + ": " + worst + "× the tolerance");
  }

  @Test
  void topkIsWrittenOutAndMatchesOnnxRuntime() {
    Graph g = OnnxImporter.read(dir("1l_topk").resolve("network.onnx"));
    assertTrue(g.nodes().stream().noneMatch(n -> n.op() == null), "every node is an IR operation");
    assertTrue(g.nodes().stream().anyMatch(n -> n.onnxOpType().equals("TopK")), "TopK's rounds keep its name");
    double worst = ReferenceCheck.check(dir("1l_topk"));
    assertTrue(worst <= 1, "1l_topk: " + worst + "× the tolerance");
  }

  @Test
  void lenetSummary() {
    Graph g = OnnxImporter.read(dir("lenet_5").resolve("network.onnx"));
    ModelSummary s = g.summary();
    assertEquals(2, s.opCounts().get("Conv"));
    assertEquals(3, s.opCounts().get("Gemm"));
    assertEquals(2, s.opCounts().get("AveragePool"));
    // The batch dimension (symbolic in the file) is fixed to 1.
    assertEquals("[1, 1, 32, 32]", java.util.Arrays.toString(s.inputs().get(0).shape()));
    long params = 0;
    for (var t : g.constants().values()) {
      params += t.size();
    }
    assertEquals(params, s.parameters());
    assertTrue(s.parameters() > 60_000, "LeNet-5 has about 62k parameters: " + s.parameters());
    assertEquals(s.nodes(), g.nodes().size());
    assertTrue(s.toMap().containsKey("ops"));
    assertTrue(s.toText().contains("Conv×2"));
  }
}
