package io.kubz.slicer.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An imported model: nodes in topological order over named tensors, with every tensor's static
 * element type and shape. Constants (weights, biases, folded subgraphs) are held by name; a node
 * input is either a graph input, a constant or the output of an earlier node. Immutable.
 */
public final class Graph {
  private final String name;
  private final Map<String, Long> opsets;
  private final List<ValueInfo> inputs;
  private final List<ValueInfo> outputs;
  private final Map<String, Tensor> constants;
  private final List<Node> nodes;
  private final Map<String, ValueInfo> values;
  private final Map<String, Node> producers;

  /**
   * A graph. {@code nodes} must already be in topological order and {@code values} must describe
   * every input, constant and node output (the importer and the passes guarantee both).
   */
  public Graph(
      String name,
      Map<String, Long> opsets,
      List<ValueInfo> inputs,
      List<ValueInfo> outputs,
      Map<String, Tensor> constants,
      List<Node> nodes,
      Map<String, ValueInfo> values) {
    this.name = name;
    this.opsets = Collections.unmodifiableMap(new LinkedHashMap<>(opsets));
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
    this.nodes = List.copyOf(nodes);
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    Map<String, Node> p = new HashMap<>();
    for (Node n : nodes) {
      p.put(n.output(), n);
    }
    this.producers = Collections.unmodifiableMap(p);
  }

  public String name() {
    return name;
  }

  /** Operator set versions by domain ("" is the default ONNX domain). */
  public Map<String, Long> opsets() {
    return opsets;
  }

  /** The model's real inputs (initializers that ONNX also lists as inputs are not among them). */
  public List<ValueInfo> inputs() {
    return inputs;
  }

  public List<ValueInfo> outputs() {
    return outputs;
  }

  /** Constant tensors by name (initializers and folded values). */
  public Map<String, Tensor> constants() {
    return constants;
  }

  public boolean isConstant(String tensor) {
    return constants.containsKey(tensor);
  }

  /** Nodes in topological order. */
  public List<Node> nodes() {
    return nodes;
  }

  /** Type and shape of every tensor by name. */
  public Map<String, ValueInfo> values() {
    return values;
  }

  /** The shape of a tensor (a copy). */
  public int[] shape(String tensor) {
    ValueInfo v = values.get(tensor);
    if (v == null) {
      throw new IllegalArgumentException("no tensor named '" + tensor + "' in graph " + name);
    }
    return v.shape();
  }

  /** The node computing a tensor, or null for inputs and constants. */
  public Node producer(String tensor) {
    return producers.get(tensor);
  }

  /** Nodes reading a tensor, in order. */
  public List<Node> consumers(String tensor) {
    List<Node> r = new ArrayList<>();
    for (Node n : nodes) {
      if (n.inputs().contains(tensor)) {
        r.add(n);
      }
    }
    return r;
  }

  /** Number of scalar parameters: elements of constants that some node reads. */
  public long parameterCount() {
    java.util.Set<String> used = new java.util.HashSet<>();
    for (Node n : nodes) {
      used.addAll(n.inputs());
    }
    long c = 0;
    for (Map.Entry<String, Tensor> e : constants.entrySet()) {
      if (used.contains(e.getKey())) {
        c += e.getValue().size();
      }
    }
    return c;
  }

  /** A summary for reports: operators with counts, parameters, input/output shapes. */
  public ModelSummary summary() {
    return ModelSummary.of(this);
  }
}
