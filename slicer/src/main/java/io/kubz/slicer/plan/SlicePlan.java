package io.kubz.slicer.plan;

import io.kubz.field.BadInputException;
import io.kubz.field.json.Json;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.ValueInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a model is cut: slices in a topological order of the slice graph (a DAG: a residual gives a
 * slice several inputs). Boundaries are always derived from the node sets, so a plan saved as JSON
 * can be edited by moving node names between slices and reloaded; loading checks that every node
 * is covered exactly once (split layers by ranges that tile their flat output) and that each slice only
 * consumes what earlier slices produce.
 */
public record SlicePlan(String strategy, List<SliceSpec> slices) {
  public static final int FORMAT_VERSION = 1;

  public SlicePlan {
    slices = List.copyOf(slices);
  }

  /** A node set and an optional split, before boundaries are derived. */
  public record Group(List<String> nodes, Split split) {}

  /** Builds a validated plan from node groups: derives boundaries and estimates rows. */
  public static SlicePlan of(String strategy, Graph g, List<Group> groups, SliceCost cost) {
    Map<String, Node> byName = new HashMap<>();
    for (Node n : g.nodes()) {
      byName.put(n.name(), n);
    }
    Map<String, Integer> sliceOfNode = new HashMap<>();
    Map<String, List<String>> parts = new LinkedHashMap<>();
    Map<String, Long> partSizes = new HashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      Group gr = groups.get(i);
      for (String name : gr.nodes()) {
        Node n = byName.get(name);
        if (n == null) {
          throw new BadInputException("plan slice " + i + " names node '" + name + "', which the model does not have");
        }
        boolean splitHere = gr.split() != null && gr.split().node().equals(name);
        if (!splitHere && sliceOfNode.putIfAbsent(name, i) != null) {
          throw new BadInputException("plan puts node '" + name + "' in more than one slice");
        }
        sliceOfNode.putIfAbsent(name, i);
        parts.computeIfAbsent(n.output(), t -> new ArrayList<>())
            .add(splitHere ? gr.split().partName(n.output()) : n.output());
        if (splitHere) {
          long size = io.kubz.slicer.ir.Shapes.size(g.shape(n.output()));
          if (gr.split().to() > size) {
            throw new BadInputException("split [" + gr.split().from() + ", " + gr.split().to() + ") of node '" + name
                + "' is beyond its " + size + " output elements");
          }
          partSizes.put(gr.split().partName(n.output()), (long) gr.split().size());
        }
      }
    }
    for (Node n : g.nodes()) {
      if (!sliceOfNode.containsKey(n.name())) {
        throw new BadInputException("plan does not cover node " + n.label() + ": add it to a slice");
      }
    }
    checkSplits(g, groups, byName);
    Set<String> graphOutputs = new HashSet<>();
    for (ValueInfo v : g.outputs()) {
      graphOutputs.add(v.name());
    }
    List<SliceSpec> specs = new ArrayList<>();
    Set<String> available = new HashSet<>();
    g.inputs().forEach(v -> available.add(v.name()));
    for (int i = 0; i < groups.size(); i++) {
      Group gr = groups.get(i);
      Set<String> own = new HashSet<>(gr.nodes());
      Set<String> producedHere = new HashSet<>();
      gr.nodes().forEach(nm -> producedHere.add(byName.get(nm).output()));
      LinkedHashSet<String> ins = new LinkedHashSet<>();
      LinkedHashSet<String> outs = new LinkedHashSet<>();
      long rows = 0;
      for (String nm : gr.nodes()) {
        Node n = byName.get(nm);
        for (String t : n.inputs()) {
          if (g.isConstant(t) || producedHere.contains(t)) {
            continue;
          }
          for (String part : parts.getOrDefault(t, List.of(t))) {
            if (!available.contains(part)) {
              throw new BadInputException("plan slice " + i + " uses '" + part + "' before any earlier slice produces it;"
                  + " reorder the slices");
            }
            ins.add(part);
          }
        }
        boolean external = graphOutputs.contains(n.output());
        for (Node c : g.consumers(n.output())) {
          external |= !own.contains(c.name());
        }
        if (external) {
          outs.add(gr.split() != null && gr.split().node().equals(nm) ? gr.split().partName(n.output()) : n.output());
        }
        long r = cost.rows(n, g);
        if (gr.split() != null && gr.split().node().equals(nm)) {
          long all = io.kubz.slicer.ir.Shapes.size(g.shape(n.output()));
          r = Math.max(1, r * gr.split().size() / all);
        }
        rows += r;
      }
      for (String t : ins) {
        rows += boundary(g, cost, t, elements(g, partSizes, t));
      }
      for (String t : outs) {
        rows += boundary(g, cost, t, elements(g, partSizes, t));
      }
      available.addAll(outs);
      specs.add(new SliceSpec(i, gr.nodes(), List.copyOf(ins), List.copyOf(outs), rows, gr.split()));
    }
    return new SlicePlan(strategy, specs);
  }

  /** Rows a boundary costs: model inputs and outputs are public values, others are committed in-circuit. */
  static long boundary(Graph g, SliceCost cost, String tensor, long elements) {
    String base = tensor.contains("#") ? tensor.substring(0, tensor.indexOf('#')) : tensor;
    boolean model = g.inputs().stream().anyMatch(v -> v.name().equals(base))
        || g.outputs().stream().anyMatch(v -> v.name().equals(base));
    return model ? cost.publicRows(elements) : cost.boundaryRows(elements);
  }

  /** Elements of a boundary tensor, or of one part of a split tensor. */
  private static long elements(Graph g, Map<String, Long> partSizes, String t) {
    Long part = partSizes.get(t);
    return part != null ? part : io.kubz.slicer.ir.Shapes.size(g.shape(t));
  }

  /** Ranges of each split node must tile its flat output in order, and a split slice holds only that node. */
  private static void checkSplits(Graph g, List<Group> groups, Map<String, Node> byName) {
    Map<String, List<Split>> byNode = new LinkedHashMap<>();
    for (Group gr : groups) {
      if (gr.split() != null) {
        if (gr.nodes().size() != 1 || !gr.nodes().get(0).equals(gr.split().node())) {
          throw new BadInputException("a split slice must hold exactly its split node " + gr.split().node());
        }
        byNode.computeIfAbsent(gr.split().node(), k -> new ArrayList<>()).add(gr.split());
      }
    }
    for (Map.Entry<String, List<Split>> e : byNode.entrySet()) {
      long size = io.kubz.slicer.ir.Shapes.size(g.shape(byName.get(e.getKey()).output()));
      long at = 0;
      for (Split s : e.getValue()) {
        if (s.from() != at) {
          throw new BadInputException("splits of node '" + e.getKey() + "' must tile its output in order; "
              + "range [" + s.from() + ", " + s.to() + ") does not follow " + at);
        }
        at = s.to();
      }
      if (at != size) {
        throw new BadInputException("splits of node '" + e.getKey() + "' cover [0, " + at + ") of its " + size
            + " output elements");
      }
    }
  }

  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format_version", FORMAT_VERSION);
    m.put("strategy", strategy);
    List<Object> list = new ArrayList<>();
    for (SliceSpec s : slices) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("id", s.id());
      o.put("nodes", s.nodes());
      o.put("inputs", s.inputs());
      o.put("outputs", s.outputs());
      o.put("estimated_rows", s.estimatedRows());
      if (s.split() != null) {
        Map<String, Object> sp = new LinkedHashMap<>();
        sp.put("node", s.split().node());
        sp.put("from", s.split().from());
        sp.put("to", s.split().to());
        o.put("split", sp);
      }
      list.add(o);
    }
    m.put("slices", list);
    return Json.writePretty(m);
  }

  /** Reads a plan and re-derives and checks it against the model (edited node sets are welcome). */
  public static SlicePlan fromJson(String text, Graph g, SliceCost cost) {
    Map<String, Object> m = Json.asObject(Json.parse(text), "plan");
    int v = Json.asInt(Json.get(m, "format_version"), "format_version");
    if (v != FORMAT_VERSION) {
      throw new BadInputException("plan format_version " + v + " is not supported (expected " + FORMAT_VERSION + ")");
    }
    List<Group> groups = new ArrayList<>();
    for (Object o : Json.asArray(Json.get(m, "slices"), "slices")) {
      Map<String, Object> s = Json.asObject(o, "slice");
      List<String> nodes = new ArrayList<>();
      for (Object n : Json.asArray(Json.get(s, "nodes"), "nodes")) {
        nodes.add(Json.asString(n, "node name"));
      }
      Split split = null;
      if (s.get("split") != null) {
        Map<String, Object> sp = Json.asObject(s.get("split"), "split");
        split = new Split(Json.asString(Json.get(sp, "node"), "split.node"),
            Json.asInt(Json.get(sp, "from"), "from"), Json.asInt(Json.get(sp, "to"), "to"));
      }
      groups.add(new Group(nodes, split));
    }
    if (groups.isEmpty()) {
      throw new BadInputException("plan has no slices");
    }
    return of(Json.asString(Json.get(m, "strategy"), "strategy"), g, groups, cost);
  }
}
