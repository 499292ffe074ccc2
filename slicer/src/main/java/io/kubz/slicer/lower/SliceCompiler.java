package io.kubz.slicer.lower;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.ValueInfo;
import io.kubz.slicer.plan.Fields;
import io.kubz.slicer.plan.Part;
import io.kubz.slicer.plan.SliceSpec;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a slice (a set of nodes of a {@link QuantizedGraph}) into a {@link CompiledSlice}: finds
 * its boundary tensors, lays out its public instance and estimates its rows. Synthesis itself is
 * lazy (see {@link CompiledSlice}).
 */
public final class SliceCompiler {
  /** Products per multiply-accumulate row. */
  public static final int DEFAULT_LANES = 8;

  private SliceCompiler() {}

  public static CompiledSlice compile(QuantizedGraph q, Set<String> nodeNames, Visibility visibility) {
    return compile(q, nodeNames, visibility, DEFAULT_LANES);
  }

  public static CompiledSlice compile(QuantizedGraph q, Set<String> nodeNames, Visibility visibility, int lanes) {
    if (nodeNames.isEmpty()) {
      throw new BadInputException("a slice needs at least one node");
    }
    if (lanes < 1 || lanes > 64) {
      throw new IllegalArgumentException("lanes must be in 1..64, got " + lanes);
    }
    Graph g = q.graph();
    List<QNode> nodes = new ArrayList<>();
    Set<String> produced = new HashSet<>();
    for (QNode n : q.nodes()) {
      if (nodeNames.contains(n.name())) {
        nodes.add(n);
        produced.add(n.node().output());
      }
    }
    if (nodes.size() != nodeNames.size()) {
      Set<String> missing = new HashSet<>(nodeNames);
      nodes.forEach(n -> missing.remove(n.name()));
      throw new BadInputException("the slice names nodes the graph does not have: " + missing);
    }
    Set<String> graphInputs = new HashSet<>();
    for (ValueInfo v : g.inputs()) {
      graphInputs.add(v.name());
    }
    Set<String> graphOutputs = new HashSet<>();
    for (ValueInfo v : g.outputs()) {
      graphOutputs.add(v.name());
    }
    Map<String, Boundary> ins = new LinkedHashMap<>();
    for (QNode n : nodes) {
      for (int i = 0; i < n.node().inputs().size(); i++) {
        String t = n.node().inputs().get(i);
        if (!n.isParam(i) && !produced.contains(t) && !ins.containsKey(t)) {
          ins.put(t, new Boundary(t, g.shape(t),
              graphInputs.contains(t) ? visibility.input() : Visibility.Mode.HASHED));
        }
      }
    }
    Map<String, Boundary> outs = new LinkedHashMap<>();
    for (QNode n : nodes) {
      String t = n.node().output();
      boolean leaves = false;
      for (Node c : g.consumers(t)) {
        leaves |= !nodeNames.contains(c.name());
      }
      if (graphOutputs.contains(t)) {
        outs.put(t, new Boundary(t, g.shape(t), visibility.output()));
      } else if (leaves) {
        outs.put(t, new Boundary(t, g.shape(t), Visibility.Mode.HASHED));
      }
    }
    return build(q, nodes, List.copyOf(ins.values()), List.copyOf(outs.values()), Map.of(), lanes);
  }

  /**
   * Compiles a slice of a plan: its nodes, and the boundaries the plan derived (parts of split
   * tensors included). A split slice computes only the elements its sink's range depends on
   * ({@link Fields#needs}); parts it reads are placed at their offsets in their whole tensors' cells.
   */
  public static CompiledSlice compile(QuantizedGraph q, SliceSpec spec, Visibility visibility) {
    return compile(q, spec, visibility, DEFAULT_LANES);
  }

  public static CompiledSlice compile(QuantizedGraph q, SliceSpec spec, Visibility visibility, int lanes) {
    Graph g = q.graph();
    Set<String> names = new HashSet<>(spec.nodes());
    List<QNode> nodes = new ArrayList<>();
    List<Node> graphNodes = new ArrayList<>();
    for (QNode n : q.nodes()) {
      if (names.contains(n.name())) {
        nodes.add(n);
        graphNodes.add(n.node());
      }
    }
    if (nodes.isEmpty() || nodes.size() != names.size()) {
      throw new BadInputException("slice " + spec.id() + " names nodes the graph does not have: " + spec.nodes());
    }
    Set<String> graphInputs = new HashSet<>();
    g.inputs().forEach(v -> graphInputs.add(v.name()));
    Set<String> graphOutputs = new HashSet<>();
    g.outputs().forEach(v -> graphOutputs.add(v.name()));
    List<Boundary> ins = new ArrayList<>();
    for (String t : spec.inputs()) {
      ins.add(boundary(g, t, graphInputs.contains(Part.base(t)) ? visibility.input() : Visibility.Mode.HASHED));
    }
    List<Boundary> outs = new ArrayList<>();
    for (String t : spec.outputs()) {
      boolean model = graphOutputs.contains(Part.base(t));
      if (model && Part.parse(t) != null) {
        throw new BadInputException("slice " + spec.id() + " produces part " + t + " of a model output; model outputs"
            + " cannot be split: raise --max-rows");
      }
      outs.add(boundary(g, t, model ? visibility.output() : Visibility.Mode.HASHED));
    }
    return build(q, nodes, ins, outs, Fields.needs(g, graphNodes, spec.split()), lanes);
  }

  private static Boundary boundary(Graph g, String name, Visibility.Mode mode) {
    Part p = Part.parse(name);
    return new Boundary(name, p == null ? g.shape(name) : new int[] {p.size()}, mode);
  }

  private static CompiledSlice build(QuantizedGraph q, List<QNode> nodes, List<Boundary> ins, List<Boundary> outs,
      Map<String, BitSet> needs, int lanes) {
    List<InstanceLayout.Entry> entries = new ArrayList<>();
    int row = 0;
    for (Boundary b : ins) {
      row = entry(entries, b, false, row);
    }
    for (Boundary b : outs) {
      row = entry(entries, b, true, row);
    }
    RowEstimator.Estimate est = RowEstimator.estimate(q, nodes, ins, outs, lanes, needs);
    return new CompiledSlice(q, nodes, ins, outs, new InstanceLayout(entries), est, lanes, needs);
  }

  private static int entry(List<InstanceLayout.Entry> entries, Boundary b, boolean output, int row) {
    switch (b.mode()) {
      case PUBLIC:
        entries.add(new InstanceLayout.Entry(b.tensor(), output, false, row, b.size()));
        return row + b.size();
      case HASHED:
        entries.add(new InstanceLayout.Entry(b.tensor(), output, true, row, 1));
        return row + 1;
      default:
        return row;
    }
  }
}
