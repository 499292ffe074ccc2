package io.kubz.slicer.plan;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
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
  /** Partial-sum tensors produced so far per product output, in order of their first part. */
  private final Map<String, List<Partial>> partials = new HashMap<>();

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

  /** A copy whose later additions leave this one unchanged (to try a sequence of slices and drop it). */
  Cuts fork() {
    Cuts c = new Cuts(g, cost);
    produced.forEach((t, l) -> c.produced.put(t, new ArrayList<>(l)));
    partials.forEach((t, l) -> c.partials.put(t, new ArrayList<>(l)));
    return c;
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

  /** Elements of a tensor of the graph, or of a partial-sum tensor (those of the product's output). */
  int size(String tensor) {
    if (!g.values().containsKey(tensor) && !g.isConstant(tensor)) {
      Partial p = Partial.parse(tensor);
      if (p != null) {
        return (int) Shapes.size(g.shape(p.tensor()));
      }
    }
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
    Split split = gr.split();
    boolean partial = split != null && split.partial();
    if (partial && (nodes.size() != 1 || !nodes.get(0).name().equals(split.node()) || !contractible(nodes.get(0)))) {
      throw new BadInputException("plan slice " + index + " splits the contraction of '" + split.node() + "': it must"
          + " hold that node alone, a Gemm or MatMul with a constant 2-D weight");
    }
    for (Node n : nodes) {
      BitSet needed = split == null ? null : needs.get(n.output());
      List<Partial> sums = partial ? null : partials.get(n.output());
      if (partial) {
        rows = add(rows, cost.partialRows(n, g, needed, split.kTo() - split.kFrom()));
      } else if (sums != null) {
        rows = add(rows, cost.combineRows(n, g, needed, sums.size()));
        for (Partial p : sums) {
          for (String name : read(p.name(), needed, index)) {
            if (ins.add(name)) {
              rows = add(rows, cost.boundary(elements(name), true, true));
            }
          }
        }
      } else {
        rows = add(rows, cost.rows(n, g, needed));
      }
      for (String t : n.inputs()) {
        if (g.isConstant(t)) {
          continue;
        }
        if (sums != null) {
          if (producedHere.contains(t)) {
            throw new BadInputException("plan slice " + index + " adds the partial sums of '" + n.name() + "', so it"
                + " must not also compute that node's input '" + t + "'");
          }
          continue; // the partial sums replace the activation input
        }
        if (producedHere.contains(t)) {
          continue;
        }
        for (String name : read(t, split == null ? null : needs.get(t), index)) {
          if (ins.add(name)) {
            rows = add(rows, cost.boundary(elements(name), !modelInputs.contains(t) || cost.hashesModel(true), true));
          }
        }
      }
      boolean leaves = modelOutputs.contains(n.output());
      for (Node c : g.consumers(n.output())) {
        leaves |= !own.contains(c.name());
      }
      if (leaves || partial) {
        String name = n.output();
        if (split != null) {
          if (!n.name().equals(split.node())) {
            throw new BadInputException("plan slice " + index + " splits '" + split.node() + "' but also holds '"
                + n.name() + "', whose output leaves the slice: only the split node's output may leave a split slice");
          }
          name = split.partName(name);
        }
        outs.add(name);
        boolean hashed = partial || !modelOutputs.contains(n.output()) || cost.hashesModel(false);
        rows = add(rows, cost.boundary(elements(name), hashed, false));
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
      String base = Part.base(name);
      produced.computeIfAbsent(base, t -> new ArrayList<>()).add(name);
      Partial p = g.values().containsKey(base) ? null : Partial.parse(base);
      if (p != null) {
        List<Partial> ranges = partials.computeIfAbsent(p.tensor(), t -> new ArrayList<>());
        if (!ranges.contains(p)) {
          ranges.add(p);
        }
      }
    }
  }

  /** Whether node n's contraction can be split: a Gemm or MatMul with one constant 2-D operand. */
  boolean contractible(Node n) {
    if (!(n.op() instanceof Op.Gemm || n.op() instanceof Op.MatMul) || n.inputs().size() < 2) {
      return false;
    }
    boolean a = g.isConstant(n.inputs().get(0));
    boolean b = g.isConstant(n.inputs().get(1));
    boolean bias = n.inputs().size() < 3 || g.isConstant(n.inputs().get(2));
    return a != b && bias && g.shape(n.inputs().get(1)).length == 2
        && (g.shape(n.inputs().get(0)).length == 2 || (b && n.op() instanceof Op.MatMul));
  }

  /** The contraction length K of a product node ({@link #contractible}). */
  int contraction(Node n) {
    int[] bs = g.shape(n.inputs().get(1));
    return n.op() instanceof Op.Gemm gm && gm.transB() ? bs[1] : bs[0];
  }

  /** The partial-sum tensors of {@code tensor} produced so far (null when its node's contraction is not split). */
  List<Partial> partials(String tensor) {
    return partials.get(tensor);
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
