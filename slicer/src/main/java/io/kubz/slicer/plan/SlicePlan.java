package io.kubz.slicer.plan;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a model is cut: slices in a topological order of the slice graph (a DAG: a residual gives a
 * slice several inputs). Boundaries are always derived from the node sets, so a plan saved as JSON
 * can be edited by moving node names between slices (or setting a slice's "proof_system" to "plonkish" or
 * "gkr": the back end that proves it, see {@code io.kubz.slicer.api.MixedPlan}) and reloaded; loading checks that every node
 * is covered exactly once (a split family, the slices that split one node by ranges tiling its flat
 * output, covers its nodes once), that only a split node's output leaves a split slice, and that each
 * slice only consumes what earlier slices produce.
 */
public record SlicePlan(String strategy, List<SliceSpec> slices) {
  public static final int FORMAT_VERSION = 1;

  public SlicePlan {
    slices = List.copyOf(slices);
  }

  /**
   * A node set, an optional split and an optional proof system ({@link SliceSpec#proofSystem()}),
   * before boundaries are derived.
   */
  public record Group(List<String> nodes, Split split, String proofSystem) {
    public Group(List<String> nodes, Split split) {
      this(nodes, split, null);
    }
  }

  /** The node groups of this plan (what {@link #of} re-derives it from). */
  public List<Group> groups() {
    return slices.stream().map(s -> new Group(s.nodes(), s.split(), s.proofSystem())).toList();
  }

  /** Builds a validated plan from node groups: derives boundaries and estimates rows. */
  public static SlicePlan of(String strategy, Graph g, List<Group> groups, SliceCost cost) {
    Cuts cuts = new Cuts(g, cost);
    checkCover(g, groups, cuts);
    checkSplits(g, groups, cuts);
    List<SliceSpec> specs = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      Cuts.Derived d = cuts.derive(groups.get(i), i);
      cuts.add(d);
      specs.add(new SliceSpec(i, d.nodes(), d.inputs(), d.outputs(), d.rows(), groups.get(i).split(),
          groups.get(i).proofSystem()));
    }
    return new SlicePlan(strategy, specs);
  }

  /**
   * Every node lies in exactly one unsplit slice, or in every slice of exactly one split family (the
   * slices that split the same node, which must hold the same nodes).
   */
  private static void checkCover(Graph g, List<Group> groups, Cuts cuts) {
    Map<String, String> owner = new HashMap<>(); // node -> "slice i" or "split of X"
    Map<String, Set<String>> families = new LinkedHashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      Group gr = groups.get(i);
      Set<String> nodes = new LinkedHashSet<>(gr.nodes());
      if (nodes.isEmpty()) {
        throw new BadInputException("plan slice " + i + " has no nodes");
      }
      nodes.forEach(cuts::node);
      String who;
      if (gr.split() != null && gr.split().partial()) {
        continue; // partial sums: checkContractions
      }
      if (gr.split() != null) {
        Set<String> first = families.putIfAbsent(gr.split().node(), nodes);
        if (first != null) {
          if (!first.equals(nodes)) {
            throw new BadInputException("the slices splitting '" + gr.split().node() + "' must hold the same nodes;"
                + " slice " + i + " holds " + nodes + ", an earlier one " + first);
          }
          continue;
        }
        who = "the split of '" + gr.split().node() + "'";
      } else {
        who = "slice " + i;
      }
      for (String n : nodes) {
        String before = owner.putIfAbsent(n, who);
        if (before != null) {
          throw new BadInputException("plan puts node '" + n + "' in more than one slice (" + before + " and " + who
              + ")");
        }
      }
    }
    for (Node n : g.nodes()) {
      if (!owner.containsKey(n.name())) {
        throw new BadInputException("plan does not cover node " + n.label() + ": add it to a slice");
      }
    }
  }

  /**
   * A split node is the last node of its slices, in graph order, and the ranges of its slices tile
   * its flat output in order.
   */
  private static void checkSplits(Graph g, List<Group> groups, Cuts cuts) {
    Map<String, List<Split>> byNode = new LinkedHashMap<>();
    checkContractions(g, groups, cuts);
    for (Group gr : groups) {
      if (gr.split() == null || gr.split().partial()) {
        continue;
      }
      Node sink = cuts.node(gr.split().node());
      if (!gr.nodes().contains(sink.name())) {
        throw new BadInputException("a split slice must hold its split node " + sink.name());
      }
      for (String name : gr.nodes()) {
        if (g.nodes().indexOf(cuts.node(name)) > g.nodes().indexOf(sink)) {
          throw new BadInputException("the split node " + sink.name() + " must be the last node of its slices;"
              + " '" + name + "' comes after it");
        }
      }
      byNode.computeIfAbsent(sink.name(), k -> new ArrayList<>()).add(gr.split());
    }
    for (Map.Entry<String, List<Split>> e : byNode.entrySet()) {
      long size = cuts.size(cuts.node(e.getKey()).output());
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

  /**
   * The contraction splits of a node: its ranges [kA, kB) come in increasing order and tile its
   * contraction [0, K), the output ranges of each tile its flat output in order, and every one of
   * them comes before any other slice holding the node (which adds the partial sums of all ranges).
   */
  private static void checkContractions(Graph g, List<Group> groups, Cuts cuts) {
    Map<String, LinkedHashMap<String, List<Split>>> byNode = new LinkedHashMap<>();
    Map<String, Integer> last = new HashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      Split s = groups.get(i).split();
      if (s != null && s.partial()) {
        byNode.computeIfAbsent(s.node(), x -> new LinkedHashMap<>())
            .computeIfAbsent(s.kFrom() + ":" + s.kTo(), x -> new ArrayList<>()).add(s);
        last.put(s.node(), i);
      }
    }
    for (int i = 0; i < groups.size(); i++) {
      Group gr = groups.get(i);
      if (gr.split() != null && gr.split().partial()) {
        continue;
      }
      for (String name : gr.nodes()) {
        Integer end = last.get(name);
        if (end != null && end > i) {
          throw new BadInputException("plan slice " + i + " holds '" + name + "' before slice " + end
              + ", which computes partial sums of it: partial sums must come first");
        }
      }
    }
    for (Map.Entry<String, LinkedHashMap<String, List<Split>>> e : byNode.entrySet()) {
      Node n = cuts.node(e.getKey());
      if (!cuts.contractible(n)) {
        throw new BadInputException("the plan splits the contraction of " + n.label() + ", which is not a Gemm or"
            + " MatMul with a constant 2-D weight");
      }
      int k = cuts.contraction(n);
      int size = cuts.size(n.output());
      int at = 0;
      for (List<Split> ranges : e.getValue().values()) {
        Split first = ranges.get(0);
        if (first.kFrom() != at) {
          throw new BadInputException("contraction splits of '" + n.name() + "' must tile [0, " + k + ") in order;"
              + " range [" + first.kFrom() + ", " + first.kTo() + ") does not follow " + at);
        }
        at = first.kTo();
        int o = 0;
        for (Split s : ranges) {
          if (s.from() != o) {
            throw new BadInputException("contraction splits of '" + n.name() + "' over [" + s.kFrom() + ", "
                + s.kTo() + ") must tile its output in order; range [" + s.from() + ", " + s.to()
                + ") does not follow " + o);
          }
          o = s.to();
        }
        if (o != size) {
          throw new BadInputException("contraction splits of '" + n.name() + "' over [" + first.kFrom() + ", "
              + first.kTo() + ") cover [0, " + o + ") of its " + size + " outputs");
        }
      }
      if (at != k) {
        throw new BadInputException("contraction splits of '" + n.name() + "' cover [0, " + at + ") of its"
            + " contraction of " + k);
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
        if (s.split().partial()) {
          sp.put("k_from", s.split().kFrom());
          sp.put("k_to", s.split().kTo());
        }
        o.put("split", sp);
      }
      if (s.proofSystem() != null) { // absent when unset, so that plans (and model digests) made before stay the same
        o.put("proof_system", s.proofSystem());
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
        int kFrom = sp.get("k_from") == null ? 0 : Json.asInt(sp.get("k_from"), "k_from");
        int kTo = sp.get("k_to") == null ? 0 : Json.asInt(sp.get("k_to"), "k_to");
        try {
          split = new Split(Json.asString(Json.get(sp, "node"), "split.node"),
              Json.asInt(Json.get(sp, "from"), "from"), Json.asInt(Json.get(sp, "to"), "to"), kFrom, kTo);
        } catch (IllegalArgumentException e) {
          throw new BadInputException("plan: " + e.getMessage());
        }
      }
      String system = null;
      if (s.get("proof_system") != null) {
        system = Json.asString(s.get("proof_system"), "proof_system");
        if (!SliceSpec.SYSTEMS.contains(system)) {
          throw new BadInputException("plan slice " + groups.size() + " has proof_system '" + system + "': use one of "
              + SliceSpec.SYSTEMS + " (or leave it out for the run's --proof-system)");
        }
      }
      if (SliceSpec.GKR.equals(system) && split != null) {
        throw new BadInputException("plan slice " + groups.size() + " splits a layer on proof_system gkr: split"
            + " slices are plonkish only; set proof_system plonkish or remove the split");
      }
      groups.add(new Group(nodes, split, system));
    }
    if (groups.isEmpty()) {
      throw new BadInputException("plan has no slices");
    }
    return of(Json.asString(Json.get(m, "strategy"), "strategy"), g, groups, cost);
  }
}
