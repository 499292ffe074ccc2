package io.kubz.slicer.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.api.LoweredCost;
import io.kubz.slicer.api.ModelProver;
import io.kubz.slicer.input.InputData;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.lower.Feasibility;
import io.kubz.slicer.plan.SliceCost;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.Slicer;
import io.kubz.slicer.quant.QuantPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sequence and transformer fixtures the build ships ({@code src/test/resources/models/sequence},
 * written by its generate.py; see the README there): each model imports and the float interpreter
 * matches onnxruntime's reference output (tolerance of {@link ReferenceCheck}: 1e-4 relative), or
 * the importer refuses exactly the operators listed in {@link #KNOWN_GAPS}, by name. The
 * feasibility check {@code kubz inspect} makes (quantize, integer semantics, slice synthesis) runs
 * on every model that imports and must end in a list of named problems, never in an exception;
 * what it finds is printed, not asserted, since the operators it needs are still being added.
 */
class SequenceFixturesTest {
  /**
   * Operators the importer does not read yet, per model (binary Max: xLSTM's stabiliser). When an
   * operator is added the model must then import and match the reference, so shrink this map.
   */
  static final Map<String, Set<String>> KNOWN_GAPS = Map.of();
  private static final Map<String, String> REPORT = new TreeMap<>();

  static Path dir(String model) {
    try {
      return Path.of(SequenceFixturesTest.class.getResource("/models/sequence/" + model).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rwkv", "mamba", "xlstm", "gpt", "pipeline"})
  void importsAndMatchesOnnxRuntime(String model) {
    Graph g;
    try {
      g = OnnxImporter.read(dir(model).resolve("network.onnx"));
    } catch (UnsupportedOpException e) {
      Set<String> ops = e.all().stream().map(a -> a.substring(0, a.indexOf(" '")))
          .collect(Collectors.toCollection(TreeSet::new));
      assertTrue(e.getMessage().contains(e.opType()) && e.getMessage().contains(e.nodeName()),
          e.getMessage());
      REPORT.put(model, "import refuses " + ops + " (" + e.all().size() + " nodes, first "
          + e.all().get(0) + ")");
      assertEquals(KNOWN_GAPS.getOrDefault(model, Set.of()), ops,
          model + ": the importer refuses other operators than the known gaps");
      return;
    }
    assertEquals(List.of("input"), g.inputs().stream().map(v -> v.name()).toList());
    double worst = ReferenceCheck.check(dir(model));
    REPORT.put(model, String.format("imports (%d nodes), float error %.3g of the tolerance",
        g.nodes().size(), worst));
    assertTrue(worst <= 1, model + ": differs from onnxruntime by " + worst + "× the tolerance");
    assertFalse(KNOWN_GAPS.containsKey(model),
        model + " imports now: remove it from KNOWN_GAPS so that its gaps stay honest");
  }

  /** What {@code kubz inspect} would report: runs to the end and names each problem's node. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"rwkv", "mamba", "xlstm", "gpt", "pipeline"})
  void feasibilityNamesEveryNodeThatCannotBeProvedYet(String model) {
    Graph g;
    try {
      g = OnnxImporter.read(dir(model).resolve("network.onnx"));
    } catch (UnsupportedOpException e) {
      return; // reported by importsAndMatchesOnnxRuntime
    }
    List<Tensor> in = InputData.read(dir(model).resolve("input.json"), g);
    SlicePlan plan = Slicer.perLayer(g, cost(g, in));
    List<Feasibility.Problem> problems = Feasibility.check(g, in, QuantPlan.defaults(), x -> plan);
    Set<String> nodes = g.nodes().stream().map(Node::name).collect(Collectors.toSet());
    Map<String, Integer> byOp = new TreeMap<>();
    StringBuilder sb = new StringBuilder();
    for (Feasibility.Problem p : problems) {
      assertTrue(nodes.contains(p.node()) || p.op().equals("(output)"), "unknown node " + p.node());
      assertFalse(p.reason().isBlank(), p.node() + " has no reason");
      byOp.merge(p.op(), 1, Integer::sum);
      if (byOp.get(p.op()) == 1) {
        sb.append("\n      e.g. ").append(p.op()).append(" '").append(p.node()).append("': ")
            .append(p.reason());
      }
    }
    REPORT.merge(model, problems.isEmpty() ? "provable: every node passes"
        : problems.size() + " of " + g.nodes().size() + " nodes not provable yet, by op " + byOp + sb,
        (a, b) -> a + "\n    " + b);
  }

  /** The fixtures form the chain rwkv → mamba → xlstm, and pipeline/ is that chain in one graph. */
  @Test
  void chainLinksOutputsToInputs() {
    assertEquals(data(ref("rwkv")), data(input("mamba")), "mamba's input is rwkv's output");
    assertEquals(data(ref("mamba")), data(input("xlstm")), "xlstm's input is mamba's output");
    assertEquals(data(input("rwkv")), data(input("pipeline")), "pipeline starts at rwkv's input");
    List<Double> chained = data(ref("xlstm"));
    List<Double> merged = data(ref("pipeline"));
    assertEquals(chained.size(), merged.size());
    for (int i = 0; i < merged.size(); i++) {
      assertEquals(chained.get(i), merged.get(i), 1e-5 * (1 + Math.abs(chained.get(i))),
          "pipeline output " + i);
    }
  }

  /** The cost model {@code kubz inspect} plans with: the lowering's, or the generic one. */
  private static SliceCost cost(Graph g, List<Tensor> in) {
    try {
      return new LoweredCost(ModelProver.quantize(g, in, null));
    } catch (RuntimeException e) {
      return SliceCost.DEFAULT;
    }
  }

  private static String ref(String model) {
    return read(dir(model).resolve("reference_output.json"));
  }

  private static String input(String model) {
    return read(dir(model).resolve("input.json"));
  }

  /**
   * The flat values of the first output of a reference ({@code "data": [...]}) or of the first
   * input of an input.json ({@code "input_data": [[...]]}). Read as text, without a JSON library,
   * since generate.py writes both as one flat list of numbers.
   */
  private static List<Double> data(String json) {
    String key = json.contains("\"outputs\"") ? "\"data\": [" : "\"input_data\": [[";
    int from = json.indexOf(key);
    assertTrue(from >= 0, "no " + key + " in " + json);
    from += key.length();
    String list = json.substring(from, json.indexOf(']', from));
    return Arrays.stream(list.split(",")).map(String::strip).map(Double::parseDouble).toList();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void printReport() {
    StringBuilder sb = new StringBuilder("sequence fixtures:\n");
    REPORT.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
    System.out.print(sb);
  }
}
