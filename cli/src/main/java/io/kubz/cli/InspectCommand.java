package io.kubz.cli;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.ModelSummary;
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
    description = {"Shows a model's operators, parameters and shapes, and whether kubz supports every operator.",
      "", "Examples:", "  kubz inspect network.onnx", "  kubz inspect network.onnx --json | jq .unsupported"})
final class InspectCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The ONNX model.")
  Path model;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

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
        Map<String, Object> u = new LinkedHashMap<>();
        int q = a.indexOf(" '");
        u.put("op", a.substring(0, q));
        u.put("node", a.substring(q + 2, a.length() - 1));
        unsupported.add(u);
      }
    }
    out.put("model", model.toString());
    out.put("supported", unsupported.isEmpty());
    out.put("unsupported", unsupported);
    String suggestion = null;
    if (g != null) {
      ModelSummary s = g.summary();
      out.putAll(s.toMap());
      io.kubz.slicer.plan.SlicePlan plan = io.kubz.slicer.plan.Slicer.perLayer(g, SliceCommand.cost(g, null));
      suggestion = SliceCommand.describe(plan);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("strategy", plan.strategy());
      p.put("slices", plan.slices().size());
      p.put("estimated_rows", plan.slices().stream().map(io.kubz.slicer.plan.SliceSpec::estimatedRows).toList());
      out.put("suggested_plan", p);
    } else {
      out.put("ops", rawOpCounts());
    }
    var w = spec.commandLine().getOut();
    if (json) {
      w.println(Json.writePretty(out));
    } else if (g != null) {
      w.print(g.summary().toText());
      w.println("supported: yes, every operator can be proved");
      w.println("suggested plan: " + suggestion);
    } else {
      w.println("model " + model + ", ops " + out.get("ops"));
      w.println("supported: no; unsupported nodes:");
      for (Map<String, Object> u : unsupported) {
        w.println("  " + u.get("op") + " '" + u.get("node") + "'");
      }
    }
    w.flush();
    return 0;
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
