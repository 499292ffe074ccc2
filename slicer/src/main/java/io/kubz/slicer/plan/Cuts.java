package io.kubz.slicer.plan;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.ValueInfo;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives the boundaries and estimated rows of slices taken in plan order: which tensors (or parts)
 * each reads and produces, given what earlier slices produced. Used to build a plan and, by the
 * budget strategy, to try candidate slices before committing to them.
 */
final class Cuts {
  private final Graph g;
  private final SliceCost cost;
  private final Map<String, Node> byName = new HashMap<>();
  private final Map<String, Integer> order = new HashMap<>();
  private final Set<String> modelInputs = new HashSet<>();
  private final Set<String> modelOutputs = new HashSet<>();
  /** Boundary names produced so far per tensor, with their flat ranges. */
  private final Map<String, List<String>> produced = new HashMap<>();

  /** A slice's boundaries and its rows (the largest component of its summed cost vector). */
  record Derived(List<String> nodes, List<String> inputs, List<String> outputs, long rows) {}

  Cuts(Graph g, SliceCost cost) {
    this.g = g;
    this.cost = cost;
    for (Node n : g.nodes()) {
      byName.put(n.name(), n);
      order.put(n.name(), order.size());
    }
    g.inputs().forEach(v -> modelInputs.add(v.name()));
    for (ValueInfo v : g.outputs()) {
      modelOutputs.add(v.name());
    }
  }

  Node node(String name) {
    Node n = byName.get(name);
    if (n == null) {
      throw new BadInputException("the plan names node '" + name + "', which the model does not have");
    }
    return n;
  }

  boolean isModelOutput(String tensor) {
    return modelOutputs.contains(tensor);
  }

  int size(String tensor) {
    return (int) Shapes.size(g.shape(tensor));
  }

  /** Boundaries and rows of slice {@code index} holding {@code gr}, given the slices added so far. */
  Derived derive(SlicePlan.Group gr, int index) {
    List<Node> nodes = new ArrayList<>();
    for (String name : new LinkedHashSet<>(gr.nodes())) {
      nodes.add(node(name));
    }
    nodes.sort((a, b) -> Integer.compare(order.get(a.name()), order.get(b.name())));
    Map<String, BitSet> needs = Fields.needs(g, nodes, gr.split());
    Set<String> own = new HashSet<>();
    Set<String> producedHere = new HashSet<>();
    for (Node n : nodes) {
      own.add(n.name());
      producedHere.add(n.output());
    }
    long[] rows = cost.base().clone();
    LinkedHashSet<String> ins = new LinkedHashSet<>();
    LinkedHashSet<String> outs = new LinkedHashSet<>();
    for (Node n : nodes) {
      rows = add(rows, cost.rows(n, g, gr.split() == null ? null : needs.get(n.output())));
      for (String t : n.inputs()) {
        if (g.isConstant(t) || producedHere.contains(t)) {
          continue;
        }
        for (String name : read(t, gr.split() == null ? null : needs.get(t), index)) {
          if (ins.add(name)) {
            rows = add(rows, cost.boundary(elements(name), !modelInputs.contains(t) || cost.hashesModel(true), true));
          }
        }
      }
      boolean leaves = modelOutputs.contains(n.output());
      for (Node c : g.consumers(n.output())) {
        leaves |= !own.contains(c.name());
      }
      if (leaves) {
        String name = n.output();
        if (gr.split() != null) {
          if (!n.name().equals(gr.split().node())) {
            throw new BadInputException("plan slice " + index + " splits '" + gr.split().node() + "' but also holds '"
                + n.name() + "', whose output leaves the slice: only the split node's output may leave a split slice");
          }
          name = gr.split().partName(name);
        }
        outs.add(name);
        rows = add(rows, cost.boundary(elements(name), !modelOutputs.contains(n.output()) || cost.hashesModel(false),
            false));
      }
    }
    long max = 0;
    for (long r : rows) {
      max = Math.max(max, r);
    }
    return new Derived(nodes.stream().map(Node::name).toList(), List.copyOf(ins), List.copyOf(outs), max);
  }

  /** Records a derived slice's outputs as available to later slices. */
  void add(Derived d) {
    for (String name : d.outputs()) {
      produced.computeIfAbsent(Part.base(name), t -> new ArrayList<>()).add(name);
    }
  }

  /** The activation inputs of n produced in parts so far, with the size of their largest part. */
  java.util.Map<String, Integer> largestParts(Node n) {
    java.util.Map<String, Integer> out = new HashMap<>();
    for (String t : n.inputs()) {
      for (String name : produced.getOrDefault(t, List.of())) {
        Part p = Part.parse(name);
        if (p != null) {
          out.merge(t, p.size(), Math::max);
        }
      }
    }
    return out;
  }

  private long elements(String name) {
    Part p = Part.parse(name);
    return p != null ? p.size() : size(name);
  }

  /** The boundary names of tensor t that hold the elements {@code need} (null: all of t). */
  private List<String> read(String t, BitSet need, int index) {
    if (modelInputs.contains(t)) {
      return List.of(t);
    }
    List<String> parts = produced.get(t);
    if (parts == null) {
      throw new BadInputException("plan slice " + index + " uses '" + t + "' before any earlier slice produces it;"
          + " reorder the slices");
    }
    BitSet want = need;
    if (want == null) {
      want = new BitSet();
      want.set(0, size(t));
    }
    BitSet covered = new BitSet();
    List<String> names = new ArrayList<>();
    for (String name : parts) {
      Part p = Part.parse(name);
      int from = p == null ? 0 : p.from();
      int to = p == null ? size(t) : p.to();
      int first = want.nextSetBit(from);
      if (first >= 0 && first < to) {
        names.add(name);
        covered.set(from, to);
      }
    }
    BitSet missing = (BitSet) want.clone();
    missing.andNot(covered);
    if (!missing.isEmpty()) {
      throw new BadInputException("plan slice " + index + " uses element " + missing.nextSetBit(0) + " of '" + t
          + "' before any earlier slice produces it; reorder the slices");
    }
    return names;
  }

  /** Entry-wise sum of two cost vectors (the maximum for height entries). */
  private long[] add(long[] a, long[] b) {
    long[] s = new long[Math.max(a.length, b.length)];
    for (int i = 0; i < s.length; i++) {
      long x = i < a.length ? a[i] : 0;
      long y = i < b.length ? b[i] : 0;
      s[i] = cost.isHeight(i) ? Math.max(x, y) : x + y;
    }
    return s;
  }
}
