package io.kubz.slicer.passes;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.ValueInfo;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Graph-to-graph rewrites that keep the float semantics (up to rounding). */
public final class Passes {
  private Passes() {}

  /**
   * What the importer applies: batch-norm folding, then GELU pattern fusion, then layer and
   * instance norms and the non-linear reductions (ReduceL1, ReduceL2, ReduceLogSumExp) written out
   * as the operations that have circuits, and integer division as a real division and a truncating Cast.
   */
  public static Graph standard(Graph g) {
    return IntegerDivision.apply(
        NormReduceExpansion.apply(NormExpansion.apply(GeluFusion.apply(BatchNormFolding.apply(g)))));
  }

  /** A graph with new nodes and extra constants; unused constants and values are dropped. */
  static Graph rebuild(Graph g, List<Node> nodes, Map<String, Tensor> extraConstants) {
    Set<String> used = new HashSet<>();
    for (Node n : nodes) {
      used.addAll(n.inputs());
      used.add(n.output());
    }
    for (ValueInfo v : g.inputs()) {
      used.add(v.name());
    }
    for (ValueInfo v : g.outputs()) {
      used.add(v.name());
    }
    Map<String, Tensor> constants = new LinkedHashMap<>();
    Map<String, ValueInfo> values = new LinkedHashMap<>();
    Map<String, Tensor> all = new LinkedHashMap<>(g.constants());
    all.putAll(extraConstants);
    for (Map.Entry<String, Tensor> e : all.entrySet()) {
      if (used.contains(e.getKey())) {
        constants.put(e.getKey(), e.getValue());
        values.put(e.getKey(), new ValueInfo(e.getKey(), e.getValue().dtype(), e.getValue().shape()));
      }
    }
    for (Map.Entry<String, ValueInfo> e : g.values().entrySet()) {
      if (used.contains(e.getKey()) && !values.containsKey(e.getKey())) {
        values.put(e.getKey(), e.getValue());
      }
    }
    return new Graph(g.name(), g.opsets(), g.inputs(), g.outputs(), constants, nodes, values);
  }

  /** True when {@code tensor} is read by exactly one node and is not a graph output. */
  static boolean singleUse(Graph g, String tensor) {
    for (ValueInfo o : g.outputs()) {
      if (o.name().equals(tensor)) {
        return false;
      }
    }
    int uses = 0;
    for (Node n : g.nodes()) {
      for (String s : n.inputs()) {
        if (s.equals(tensor)) {
          uses++;
        }
      }
    }
    return uses == 1;
  }

  /** A constant name not yet used in the graph. */
  static String fresh(Graph g, Map<String, Tensor> extra, String base) {
    String name = base;
    for (int k = 1; g.values().containsKey(name) || extra.containsKey(name); k++) {
      name = base + "_" + k;
    }
    return name;
  }
}
