package io.kubz.slicer.layered;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubz.field.BadInputException;
import io.kubz.field.Fixtures;
import io.kubz.field.KubzException;
import io.kubz.slicer.input.InputData;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QuantizedGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model of the shared ezkl fixture suite that kubz imports and quantizes: lowered, its layered
 * model computes the interpreter's outputs on the model's input.json bit for bit, or the lowering
 * refuses it naming an op and a node. Prints which are accepted and which ops stop the rest.
 */
class LayeredFixtureModelsTest {
  private static final String SUITE = "onnx/ezkl-examples";
  private static final Map<String, String> COVERAGE = new TreeMap<>();

  static Stream<String> models() throws IOException {
    Optional<Path> root = Fixtures.resolve(SUITE);
    if (root.isEmpty()) {
      return Stream.of("<fixtures absent>");
    }
    try (Stream<Path> s = Files.list(root.get())) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void lowersAndAgreesOrRefuses(String model) {
    Optional<Path> root = Fixtures.resolve(SUITE);
    assumeTrue(root.isPresent(), "fixtures absent: ../shared/fixtures/" + SUITE + " (set KUBZ_FIXTURES)");
    Path dir = root.get().resolve(model);
    QuantizedGraph q;
    List<Tensor> in;
    try {
      Graph g = OnnxImporter.read(dir.resolve("network.onnx"));
      in = InputData.read(dir.resolve("input.json"), g);
      q = Differential.quantize(g, in);
      List<long[]> qi = new ArrayList<>();
      for (Tensor t : in) {
        qi.add(q.quantizeInput(t));
      }
      IntegerInterpreter.run(q, qi);
    } catch (KubzException | ArithmeticException | IllegalArgumentException e) {
      COVERAGE.put(model, "not quantized by kubz: " + e.getClass().getSimpleName());
      assumeTrue(false, model + " is not run by the integer interpreter: " + e.getMessage());
      return;
    }
    try {
      LayeredLowering.lower(q);
    } catch (BadInputException e) {
      assertTrue(e.getMessage().contains("--proof-system plonkish"), e.getMessage());
      COVERAGE.put(model, "refused: " + e.getMessage());
      return;
    }
    LayeredLowering.Lowered l = Differential.check(q, in);
    COVERAGE.put(model, "ACCEPTED, outputs equal; " + Differential.size(l.model()));
  }

  /**
   * Models that use comparisons, booleans, Where, ArgMax, gathers by an activation or Softmax: they
   * must be accepted (nanoGPT too, but it is too large to prove in a unit test).
   */
  static final List<String> SELECTION_MODELS = List.of("1l_where", "boolean", "gather_elements", "hard_max", "less",
      "1l_softmax", "lightgbm", "xgboost");

  /**
   * Accepted models of the whole suite when this was written: every model kubz quantizes (66 before
   * comparisons, selections and Softmax; 85 once truncating casts, TopK, computed OneHot and the
   * written-out reductions quantized).
   */
  static final int ACCEPTED_AT_LEAST = 85;

  @AfterAll
  static void report() {
    long accepted = COVERAGE.values().stream().filter(v -> v.startsWith("ACCEPTED")).count();
    System.out.println("GKR lowering of " + SUITE + ": " + accepted + " of " + COVERAGE.size() + " accepted");
    COVERAGE.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    for (String m : java.util.stream.Stream.concat(SELECTION_MODELS.stream(), Stream.of("nanoGPT")).toList()) {
      if (COVERAGE.containsKey(m)) {
        assertTrue(COVERAGE.get(m).startsWith("ACCEPTED"), m + ": " + COVERAGE.get(m));
      }
    }
    if (COVERAGE.size() >= 90) {
      assertTrue(accepted >= ACCEPTED_AT_LEAST, accepted + " of " + COVERAGE.size() + " accepted, expected at least "
          + ACCEPTED_AT_LEAST);
    }
  }
}
