package io.kubz.cli;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.plan.SliceCost;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.SliceSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubz slice}: cut a model into slices and save the plan. */
@Command(name = "slice", mixinStandardHelpOptions = true,
    description = {"Cuts a model into slices, each proved by its own circuit, and saves the plan as JSON",
      "(edit it to move nodes between slices; it is re-checked when loaded).", "",
      "Examples:", "  kubz slice network.onnx --out plan.json                 one layer per slice",
      "  kubz slice network.onnx --max-layers 2 --out plan.json",
      "  kubz slice network.onnx --max-rows 16 --max-memory 4G --out plan.json"})
final class SliceCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The ONNX model.")
  Path model;

  @Mixin PlanOptions planOptions;

  @Option(names = "--out", required = true, paramLabel = "PLAN", description = "Where to write the plan JSON.")
  Path out;

  @Option(names = "--json", description = "Print one JSON summary instead of text.")
  boolean json;

  @Option(names = "--input", paramLabel = "FILE",
      description = "Input values the row estimates are calibrated on (default: a seeded uniform input in [-1, 1)).")
  Path input;

  @Override
  public Integer call() throws IOException {
    Graph g = Models.load(model);
    SlicePlan plan = planOptions.resolve(g, cost(g));
    AtomicFiles.writeString(out, plan.toJson());
    var w = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("plan", out.toString());
      m.put("strategy", plan.strategy());
      m.put("slices", plan.slices().size());
      m.put("max_estimated_rows", plan.slices().stream().mapToLong(SliceSpec::estimatedRows).max().orElse(0));
      w.println(Json.writePretty(m));
    } else {
      w.println(describe(plan));
      w.println("plan written to " + out);
    }
    w.flush();
    return 0;
  }

  /**
   * The lowering's own cost model (what {@code kubz prove} plans with), on the model quantized by
   * calibrating on the input; the generic approximation when the model cannot be quantized here.
   */
  private SliceCost cost(Graph g) {
    return cost(g, input);
  }

  /** As above for {@code input} (null: the seeded input); {@code kubz inspect} suggests plans with it. */
  static SliceCost cost(Graph g, Path input) {
    java.util.List<io.kubz.slicer.ir.Tensor> in = new java.util.ArrayList<>();
    if (input != null) {
      in = Models.input(input, g);
    } else {
      for (int i = 0; i < g.inputs().size(); i++) {
        in.add(io.kubz.slicer.onnx.ExampleModels.input(i, g.inputs().get(i).shape()));
      }
    }
    try {
      return new io.kubz.slicer.api.LoweredCost(io.kubz.slicer.api.ModelProver.quantize(g, in, null));
    } catch (RuntimeException e) {
      if (input != null) {
        throw e;
      }
      return SliceCost.DEFAULT;
    }
  }

  static String describe(SlicePlan plan) {
    StringBuilder sb = new StringBuilder();
    sb.append(plan.strategy()).append(": ").append(plan.slices().size()).append(" slice(s)\n");
    for (SliceSpec s : plan.slices()) {
      sb.append(String.format(java.util.Locale.ROOT, "  slice %-3d ~2^%-2d rows (%d)  %s%s%n", s.id(), s.estimatedK(),
          s.estimatedRows(), String.join(", ", s.nodes()),
          s.split() == null ? "" : "  [outputs " + s.split().from() + ".." + s.split().to()
              + (s.split().partial() ? ", partial sums over k " + s.split().kFrom() + ".." + s.split().kTo() : "") + "]"));
    }
    return sb.toString().stripTrailing();
  }
}
