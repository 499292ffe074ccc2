package io.kubz.cli;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.lower.Feasibility;
import io.kubz.slicer.plan.SliceCost;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.Slicer;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.onnx.UnsupportedOpException;
import io.kubz.slicer.onnx.proto.Onnx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubz inspect}: what a model contains and whether kubz can prove it. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Shows a model's operators, parameters and shapes, and whether kubz can prove every node: it runs",
      "the checks prove makes (import, calibration on --input or a seeded input, quantization, the integer",
      "semantics, and the synthesis of each slice of the per-layer plan without keygen) and lists every node",
      "that fails, with the reason. Exits 3 when any node cannot be proved.",
      "", "Examples:", "  kubz inspect network.onnx", "  kubz inspect network.onnx --input input.json",
      "  kubz inspect network.onnx --json | jq .unsupported"})
final class InspectCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The ONNX model.")
  Path model;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Option(names = "--input", paramLabel = "FILE",
      description = "Input to calibrate on (ezkl's input.json format or a JSON array); default: a seeded input.")
  Path input;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(model)) {
      Models.load(model); // raises the clear missing-file error
    }
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, Object>> unsupported = new ArrayList<>();
    Graph g = null;
    try {
      g = OnnxImporter.read(model);
    } catch (UnsupportedOpException e) {
      for (String a : e.all()) {
        int q = a.indexOf(" '");
        unsupported.add(problem(a.substring(0, q), a.substring(q + 2, a.length() - 1),
            "operator not supported by the importer"));
      }
    }
    String suggestion = null;
    Map<String, Object> p = null;
    if (g != null) {
      List<Tensor> in = input != null ? Models.input(input, g) : seeded(g);
      SlicePlan plan = plan(g);
      for (Feasibility.Problem pr : Feasibility.check(g, in, QuantPlan.defaults(), x -> plan)) {
        unsupported.add(problem(pr.op(), pr.node(), pr.reason()));
      }
      suggestion = SliceCommand.describe(plan);
      p = new LinkedHashMap<>();
      p.put("strategy", plan.strategy());
      p.put("slices", plan.slices().size());
      p.put("estimated_rows", plan.slices().stream().map(io.kubz.slicer.plan.SliceSpec::estimatedRows).toList());
    }
    out.put("model", model.toString());
    out.put("supported", unsupported.isEmpty());
    out.put("unsupported", unsupported);
    if (g != null) {
      out.putAll(g.summary().toMap());
      out.put("suggested_plan", p);
    } else {
      out.put("ops", rawOpCounts());
    }
    var w = spec.commandLine().getOut();
    if (json) {
      w.println(Json.writePretty(out));
    } else {
      if (g != null) {
        w.print(g.summary().toText());
      } else {
        w.println("model " + model + ", ops " + out.get("ops"));
      }
      if (unsupported.isEmpty()) {
        w.println("supported: yes, every node can be proved");
      } else {
        w.println("supported: no; " + unsupported.size() + " node(s) cannot be proved:");
        for (Map<String, Object> u : unsupported) {
          w.println("  " + u.get("op") + " '" + u.get("node") + "': " + u.get("reason"));
        }
      }
      if (suggestion != null) {
        w.println("suggested plan: " + suggestion);
      }
    }
    w.flush();
    return unsupported.isEmpty() ? 0 : 3;
  }

  private static Map<String, Object> problem(String op, String node, String reason) {
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("op", op);
    u.put("node", node);
    u.put("reason", reason);
    return u;
  }

  /** The per-layer plan under the lowering's cost model (the generic one if the model cannot be calibrated). */
  private SlicePlan plan(Graph g) {
    SliceCost cost;
    try {
      cost = SliceCommand.cost(g, input);
    } catch (RuntimeException e) {
      cost = SliceCost.DEFAULT;
    }
    return Slicer.perLayer(g, cost);
  }

  private static List<Tensor> seeded(Graph g) {
    List<Tensor> in = new ArrayList<>();
    for (int i = 0; i < g.inputs().size(); i++) {
      in.add(io.kubz.slicer.onnx.ExampleModels.input(i, g.inputs().get(i).shape()));
    }
    return in;
  }

  /** Operator counts read straight from the protobuf, for models the importer refuses. */
  private Map<String, Integer> rawOpCounts() throws IOException {
    Onnx.ModelProto m = OnnxImporter.parse(Files.readAllBytes(model), model.toString());
    Map<String, Integer> counts = new TreeMap<>();
    for (Onnx.NodeProto n : m.getGraph().getNodeList()) {
      counts.merge(n.getOpType(), 1, Integer::sum);
    }
    return counts;
  }
}
