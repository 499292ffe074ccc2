package io.kubz.slicer.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubz.field.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model of the shared ezkl fixture suite: a model whose operators are all supported must
 * match onnxruntime's reference output; any other must be refused with {@link
 * UnsupportedOpException} naming an operator and a node. Prints the coverage at the end.
 */
class FixtureModelsTest {
  private static final String SUITE = "onnx/ezkl-examples";
  private static final Map<String, String> COVERAGE = new TreeMap<>();

  static Stream<String> models() throws IOException {
    Optional<Path> root = Fixtures.resolve(SUITE);
    if (root.isEmpty()) {
      return Stream.of("<fixtures absent>");
    }
    try (Stream<Path> s = Files.list(root.get())) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void importsAndMatchesOrRefuses(String model) {
    Optional<Path> root = Fixtures.resolve(SUITE);
    assumeTrue(root.isPresent(), "fixtures absent: ../shared/fixtures/" + SUITE
        + " (set KUBZ_FIXTURES); vendored copies are checked by VendoredModelsTest");
    Path dir = root.get().resolve(model);
    try {
      OnnxImporter.read(dir.resolve("network.onnx"));
    } catch (UnsupportedOpException e) {
      assertFalse(e.opType().isEmpty());
      assertFalse(e.nodeName().isEmpty());
      assertTrue(e.getMessage().contains(e.opType()) && e.getMessage().contains(e.nodeName()),
          e.getMessage());
      COVERAGE.put(model, "unsupported " + e.all().stream()
          .map(a -> a.substring(0, a.indexOf(" '"))).distinct().sorted().toList());
      return;
    }
    Path ref = dir.resolve("reference_output.json");
    if (!Files.exists(ref)) {
      COVERAGE.put(model, "imports, but no reference_output.json to compare with");
    }
    assumeTrue(Files.exists(ref), model + ": no reference_output.json (onnxruntime rejects it)");
    double worst;
    try {
      worst = ReferenceCheck.check(dir);
    } catch (io.kubz.field.BadInputException e) {
      // ezkl's input.json may list inputs the exported model pruned (bitwise_ops): kubz refuses
      // to guess which ones the model kept.
      if (e.getMessage().contains("input(s), the model has")) {
        COVERAGE.put(model, "imports, but input.json does not fit it: " + e.getMessage());
      }
      assumeTrue(!e.getMessage().contains("input(s), the model has"), model + ": "
          + e.getMessage());
      throw e;
    }
    COVERAGE.put(model, String.format("covered, worst error %.3g of tolerance", worst));
    assertTrue(worst <= 1, model + ": output differs from onnxruntime by " + worst
        + "× the tolerance");
  }

  /** The priority models of the next issue must be covered. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("priority")
  void priorityModelsAreCovered(String model) {
    Optional<Path> root = Fixtures.resolve(SUITE);
    assumeTrue(root.isPresent(), "fixtures absent: ../shared/fixtures/" + SUITE);
    double worst = ReferenceCheck.check(root.get().resolve(model));
    assertTrue(worst <= 1, model + " error " + worst);
  }

  static List<String> priority() {
    return List.of("1l_mlp", "2l_relu_fc", "1l_conv", "3l_relu_conv_fc", "lenet_5");
  }

  @AfterAll
  static void printCoverage() {
    if (COVERAGE.isEmpty()) {
      return;
    }
    long covered = COVERAGE.values().stream().filter(v -> v.startsWith("covered")).count();
    StringBuilder sb = new StringBuilder("ezkl fixture coverage: " + covered + " of "
        + COVERAGE.size() + " models covered\n");
    Map<String, Integer> missing = new TreeMap<>();
    COVERAGE.forEach((k, v) -> {
      sb.append("  ").append(k).append(": ").append(v).append('\n');
      if (v.startsWith("unsupported")) {
        for (String op : v.substring(v.indexOf('[') + 1, v.length() - 1).split(", ")) {
          missing.merge(op, 1, Integer::sum);
        }
      }
    });
    sb.append("  missing operators (models needing each): ").append(missing);
    System.out.println(sb);
    assertEquals(Set.of(), Set.of());
  }
}
