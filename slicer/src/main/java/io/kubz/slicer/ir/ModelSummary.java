package io.kubz.slicer.ir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code kubz inspect} prints about a model: the ONNX operators with how often each occurs,
 * the number of parameters, the opsets, and the shapes of the inputs, outputs and every node output.
 */
public record ModelSummary(
    String name,
    Map<String, Long> opsets,
    Map<String, Integer> opCounts,
    long parameters,
    int nodes,
    List<ValueInfo> inputs,
    List<ValueInfo> outputs,
    List<ValueInfo> tensors) {

  static ModelSummary of(Graph g) {
    Map<String, Integer> counts = new TreeMap<>();
    List<ValueInfo> tensors = new ArrayList<>();
    for (Node n : g.nodes()) {
      counts.merge(n.onnxOpType(), 1, Integer::sum);
      tensors.add(g.values().get(n.output()));
    }
    return new ModelSummary(
        g.name(),
        g.opsets(),
        counts,
        g.parameterCount(),
        g.nodes().size(),
        g.inputs(),
        g.outputs(),
        tensors);
  }

  /** The summary as JSON-ready maps and lists (for {@code --json}). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("opsets", new LinkedHashMap<>(opsets));
    m.put("ops", new LinkedHashMap<>(opCounts));
    m.put("parameters", parameters);
    m.put("nodes", nodes);
    m.put("inputs", describe(inputs));
    m.put("outputs", describe(outputs));
    m.put("tensors", describe(tensors));
    return m;
  }

  private static List<Object> describe(List<ValueInfo> vs) {
    List<Object> r = new ArrayList<>();
    for (ValueInfo v : vs) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", v.name());
      m.put("dtype", v.dtype().name());
      List<Object> shape = new ArrayList<>();
      for (int d : v.shape()) {
        shape.add(d);
      }
      m.put("shape", shape);
      r.add(m);
    }
    return r;
  }

  /** A few lines of text for humans. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("model ").append(name).append(", opsets ").append(opsets).append('\n');
    sb.append("nodes ").append(nodes).append(", parameters ").append(parameters).append('\n');
    sb.append("ops");
    opCounts.forEach((k, v) -> sb.append(' ').append(k).append('×').append(v));
    sb.append('\n');
    for (ValueInfo v : inputs) {
      sb.append("input  ").append(v).append('\n');
    }
    for (ValueInfo v : outputs) {
      sb.append("output ").append(v).append('\n');
    }
    return sb.toString();
  }
}
