package io.kubz.slicer.lower;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.ValueInfo;
import io.kubz.slicer.plan.Fields;
import io.kubz.slicer.plan.Part;
import io.kubz.slicer.plan.Partial;
import io.kubz.slicer.plan.Split;
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
 * lazy (see {@link CompiledSlice}). Each boundary tensor takes the one mode {@link Linking} gives
 * it for the whole slicing, so producer and consumers of a tensor expose it alike.
 */
public final class SliceCompiler {
  /** Products per multiply-accumulate row: the most a slice uses, and what planning assumes. */
  public static final int DEFAULT_LANES = 8;
  /**
   * Lanes chosen per slice: the fewest of 1, 2, 4, 8 that keep the slice at the size (2^k rows)
   * it has with {@link #DEFAULT_LANES}. Each lane is an advice column (with its copy constraints,
   * so also a σ column and a third of a grand-product column) of the multiply-accumulate and of
   * Freivalds' gadgets, paid on every row of the circuit; a slice whose size other gadgets set
   * (range checks, element-wise work) proves faster with narrower products.
   */
  public static final int AUTO_LANES = 0;

  private SliceCompiler() {}

  /**
   * Compiles one slice of a whole slicing: {@code links} (made from every slice's nodes) gives the
   * mode of each of its boundary tensors.
   */
  public static CompiledSlice compile(QuantizedGraph q, Set<String> nodeNames, Linking links) {
    return compile(q, nodeNames, links, AUTO_LANES);
  }

  /**
   * Compiles a slice on its own: every node outside it counts as another slice
   * ({@link Linking#of} with this slice alone).
   */
  public static CompiledSlice compile(QuantizedGraph q, Set<String> nodeNames, Visibility visibility) {
    return compile(q, nodeNames, visibility, AUTO_LANES);
  }

  public static CompiledSlice compile(QuantizedGraph q, Set<String> nodeNames, Visibility visibility, int lanes) {
    return compile(q, nodeNames, Linking.of(q.graph(), List.of(nodeNames), visibility), lanes);
  }

  public static CompiledSlice compile(QuantizedGraph q, Set<String> nodeNames, Linking links, int lanes) {
    if (nodeNames.isEmpty()) {
      throw new BadInputException("a slice needs at least one node");
    }
    if (lanes < 0 || lanes > 64) {
      throw new IllegalArgumentException("lanes must be in 1..64 (or AUTO_LANES), got " + lanes);
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
    Set<String> graphOutputs = new HashSet<>();
    for (ValueInfo v : g.outputs()) {
      graphOutputs.add(v.name());
    }
    Map<String, Boundary> ins = new LinkedHashMap<>();
    for (QNode n : nodes) {
      for (int i = 0; i < n.node().inputs().size(); i++) {
        String t = n.node().inputs().get(i);
        if (!n.isParam(i) && !produced.contains(t) && !ins.containsKey(t)) {
          ins.put(t, new Boundary(t, g.shape(t), links.mode(t)));
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
      if (graphOutputs.contains(t) || leaves) {
        outs.put(t, new Boundary(t, g.shape(t), links.mode(t)));
      }
    }
    return build(q, nodes, List.copyOf(ins.values()), List.copyOf(outs.values()), Map.of(), lanes, null,
        links.bridged());
  }

  /**
   * Compiles a slice of a plan: its nodes, and the boundaries the plan derived (parts of split
   * tensors included). A split slice computes only the elements its sink's range depends on
   * ({@link Fields#needs}); parts it reads are placed at their offsets in their whole tensors' cells.
   */
  public static CompiledSlice compile(QuantizedGraph q, SliceSpec spec, Linking links) {
    return compile(q, spec, links, AUTO_LANES);
  }

  public static CompiledSlice compile(QuantizedGraph q, SliceSpec spec, Linking links, int lanes) {
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
    Set<String> graphOutputs = new HashSet<>();
    g.outputs().forEach(v -> graphOutputs.add(v.name()));
    List<Boundary> ins = new ArrayList<>();
    for (String t : spec.inputs()) {
      ins.add(boundary(q, t, links));
    }
    List<Boundary> outs = new ArrayList<>();
    for (String t : spec.outputs()) {
      if (graphOutputs.contains(Part.base(t)) && Part.parse(t) != null) {
        throw new BadInputException("slice " + spec.id() + " produces part " + t + " of a model output; model outputs"
            + " cannot be split: raise --max-rows");
      }
      outs.add(boundary(q, t, links));
    }
    Split split = spec.split();
    return build(q, nodes, ins, outs, Fields.needs(g, graphNodes, split), lanes,
        split != null && split.partial() ? split : null, links.bridged());
  }

  /** A boundary of a plan slice; partial sums ({@link Contraction}) always cross committed. */
  private static Boundary boundary(QuantizedGraph q, String name, Linking links) {
    Part p = Part.parse(name);
    String base = Part.base(name);
    Partial sum = CompiledSlice.partialSum(q, base);
    Visibility.Mode mode = sum == null ? links.mode(base) : Visibility.Mode.HASHED;
    if (sum != null && p == null) {
      throw new BadInputException("partial sums " + name + " cross a cut only in parts (name#from:to)");
    }
    return new Boundary(name, p == null ? q.graph().shape(name) : new int[] {p.size()}, mode);
  }

  private static CompiledSlice build(QuantizedGraph q, List<QNode> nodes, List<Boundary> ins, List<Boundary> outs,
      Map<String, BitSet> needs, int lanes, Split partial, Set<String> bridged) {
    List<InstanceLayout.Entry> entries = new ArrayList<>();
    int row = 0;
    for (Boundary b : ins) {
      row = entry(entries, b, false, row);
    }
    for (Boundary b : outs) {
      row = entry(entries, b, true, row);
    }
    long bridgeRows = 0;
    int bridgeInstance = 0;
    for (int g = 0; g < 2; g++) { // after every boundary, so that the boundaries' rows stay as without bridges
      for (Boundary b : g == 0 ? ins : outs) {
        if (b.mode() == Visibility.Mode.HASHED && bridged.contains(b.tensor())) {
          int len = Bridge.vars(b.size()) + 1;
          entries.add(new InstanceLayout.Entry(Bridge.entry(b.tensor()), g == 1, false, row, len));
          row += len;
          bridgeRows += Bridge.rows(b.size()) + 1;
          bridgeInstance += len;
        }
      }
    }
    long extraRows = bridgeRows;
    int extraInstance = bridgeInstance;
    java.util.function.IntFunction<RowEstimator.Estimate> estimate = l -> RowEstimator.plus(RowEstimator.estimate(q,
        nodes, ins, outs, l, needs, contractionRows(q, nodes, ins, l, needs, partial)), extraRows, extraInstance);
    boolean auto = lanes == AUTO_LANES;
    lanes = auto ? DEFAULT_LANES : lanes;
    RowEstimator.Estimate est = estimate.apply(lanes);
    for (int l = 1; auto && l < DEFAULT_LANES; l *= 2) {
      RowEstimator.Estimate narrow = estimate.apply(l);
      if (narrow.k() <= est.k()) {
        est = narrow;
        lanes = l;
        break;
      }
    }
    return new CompiledSlice(q, nodes, ins, outs, new InstanceLayout(entries), est, lanes, needs, partial);
  }

  /** The rows of the nodes a contraction split changes: the partial sums, or the adding of them. */
  private static Map<String, long[]> contractionRows(QuantizedGraph q, List<QNode> nodes, List<Boundary> ins,
      int lanes, Map<String, BitSet> needs, Split partial) {
    Map<String, long[]> rows = new java.util.HashMap<>();
    Set<String> names = new HashSet<>();
    nodes.forEach(n -> names.add(n.name()));
    if (partial != null) {
      QNode n = q.node(partial.node());
      rows.put(n.name(), Contraction.partialRows(q, n, lanes, needs.get(n.node().output()),
          partial.kTo() - partial.kFrom()));
    }
    Map<String, Set<Partial>> sums = new java.util.HashMap<>();
    for (Boundary b : ins) {
      Partial sum = CompiledSlice.partialSum(q, Part.base(b.tensor()));
      if (sum != null) {
        sums.computeIfAbsent(sum.tensor(), t -> new HashSet<>()).add(sum);
      }
    }
    sums.forEach((t, set) -> {
      QNode n = q.node(q.graph().producer(t).name());
      rows.put(n.name(), Contraction.combineRows(q, n, lanes, needs.get(t), set.size(), Bounds.bits(q, names, t)));
    });
    return rows;
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
