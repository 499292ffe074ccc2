package io.kubz.slicer.api;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.layered.LayeredLowering;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.plan.Part;
import io.kubz.slicer.plan.SliceCost;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.SliceSpec;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How {@code --proof-system mixed} cuts a model and picks each slice's back end (package
 * documentation, "Mixed plans").
 *
 * <p>Automatic cut: a node is GKR-able when the layered lowering accepts it on its own and it reads
 * no model input and writes no model output that is not PUBLIC (GKR slices have no zero-knowledge
 * yet: private or hashed tensors, and so a chain's hashed inputs and outputs, stay plonkish). The
 * graph's topological order is cut into maximal runs of GKR-able and of other nodes; each GKR run
 * is one GKR slice (a GKR prover's memory is linear in the model, GKR.md), and each other run is
 * cut by the run's strategy (the budget planner by default): the strategy's plan of the whole graph
 * restricted to the run, its splits kept where a split family lies inside the run. Every slice of
 * the plan names its system ("proof_system"), so the plan JSON in a bundle says which is which.
 *
 * <p>A given plan keeps its slices: a slice that names a system keeps it; one that does not takes
 * the run's system, or under "mixed" gkr when the lowering accepts the whole slice and its tensors
 * are public, plonkish otherwise. A gkr slice whose tensors are not public is refused.
 */
final class MixedPlan {
  static final String NAME = "mixed";

  private MixedPlan() {}

  /** Whether a plan makes a run mixed: it names a system other than {@code system} for a slice. */
  static boolean mixes(SlicePlan plan, String system) {
    return plan != null && plan.slices().stream().anyMatch(s -> s.proofSystem() != null
        && !s.proofSystem().equals(system));
  }

  /**
   * The plan of a run whose slices may use either back end: {@code o.plan()} resolved (every slice
   * naming its system; {@code fallback} "plonkish", "gkr" or "mixed" for those that name none), or
   * the automatic cut.
   */
  static SlicePlan plan(QuantizedGraph q, ModelProver.Options o, String fallback) {
    Graph g = q.graph();
    SliceCost cost = new LoweredCost(q, o.visibility());
    if (o.plan() != null) {
      List<SlicePlan.Group> groups = new ArrayList<>();
      for (SliceSpec s : o.plan().slices()) {
        String system = s.proofSystem();
        if (system == null) {
          system = !NAME.equals(fallback) ? fallback
              : s.split() == null && gkrAble(q, s, o.visibility()) ? SliceSpec.GKR : SliceSpec.PLONKISH;
        }
        if (SliceSpec.GKR.equals(system) && !publicOnly(q, s, o.visibility())) {
          throw new BadInputException("plan slice " + s.id() + " is on proof_system gkr but reads or writes a private"
              + " or hashed model tensor: GKR slices prove public tensors only; set its proof_system to plonkish");
        }
        groups.add(new SlicePlan.Group(s.nodes(), s.split(), system));
      }
      return checked(SlicePlan.of(o.plan().strategy(), g, groups, cost));
    }
    SlicePlan single = SlicePlan.of("nodes", g, g.nodes().stream()
        .map(n -> new SlicePlan.Group(List.of(n.name()), null)).toList(), SliceCost.DEFAULT);
    boolean[] able = new boolean[g.nodes().size()];
    boolean whole = wholeGkrAble(q, o.visibility());
    for (int i = 0; i < able.length; i++) {
      SliceSpec s = single.slices().get(i);
      // a node of constants only (no boundary input) is lowered with whatever run it joins
      able[i] = whole || (publicOnly(q, s, o.visibility()) && (s.inputs().isEmpty() || gkrAble(q, s, o.visibility())));
    }
    SlicePlan base = o.strategy().plan(g, cost);
    SlicePlan p = cut(g, able, base, true, cost);
    boolean parts = p.slices().stream().anyMatch(s -> SliceSpec.GKR.equals(s.proofSystem())
        && (s.inputs().stream().anyMatch(t -> Part.parse(t) != null)
        || s.outputs().stream().anyMatch(t -> Part.parse(t) != null)));
    return checked(parts ? cut(g, able, base, false, cost) : p);
  }

  /** The one system every slice of {@code plan} names, or null when it mixes them. */
  static String only(SlicePlan plan) {
    List<String> systems = plan.slices().stream().map(SliceSpec::proofSystem).distinct().toList();
    return systems.size() == 1 ? systems.get(0) : null;
  }

  /** Runs of GKR-able and other nodes; the other runs cut as {@code base} cuts them. */
  private static SlicePlan cut(Graph g, boolean[] able, SlicePlan base, boolean keepSplits, SliceCost cost) {
    List<SlicePlan.Group> groups = new ArrayList<>();
    List<Node> nodes = g.nodes();
    for (int from = 0; from < nodes.size(); ) {
      int to = from;
      while (to < nodes.size() && able[to] == able[from]) {
        to++;
      }
      Set<String> run = new LinkedHashSet<>();
      nodes.subList(from, to).forEach(n -> run.add(n.name()));
      if (able[from]) {
        groups.add(new SlicePlan.Group(List.copyOf(run), null, SliceSpec.GKR));
      } else {
        groups.addAll(restrict(base, run, keepSplits));
      }
      from = to;
    }
    return SlicePlan.of(NAME, g, groups, cost);
  }

  /** {@code base}'s groups restricted to {@code run} (in order), its splits kept if they lie inside it. */
  private static List<SlicePlan.Group> restrict(SlicePlan base, Set<String> run, boolean keepSplits) {
    boolean straddles = false;
    for (SliceSpec s : base.slices()) {
      boolean touches = s.nodes().stream().anyMatch(run::contains);
      straddles |= touches && s.split() != null && !run.containsAll(s.nodes());
    }
    boolean inside = keepSplits && !straddles;
    List<SlicePlan.Group> out = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (SliceSpec s : base.slices()) {
      List<String> nodes = s.nodes().stream().filter(run::contains).filter(n -> inside || !taken.contains(n)).toList();
      if (nodes.isEmpty()) {
        continue;
      }
      taken.addAll(nodes);
      out.add(new SlicePlan.Group(nodes, inside ? s.split() : null, SliceSpec.PLONKISH));
    }
    return out;
  }

  /** A GKR slice reads and writes no part of a split tensor. */
  private static SlicePlan checked(SlicePlan p) {
    for (SliceSpec s : p.slices()) {
      if (SliceSpec.GKR.equals(s.proofSystem()) && (s.inputs().stream().anyMatch(t -> Part.parse(t) != null)
          || s.outputs().stream().anyMatch(t -> Part.parse(t) != null))) {
        throw new BadInputException("plan slice " + s.id() + " is on proof_system gkr but reads or writes part of a"
            + " split tensor: GKR slices take whole tensors; move the split or set its proof_system to plonkish");
      }
    }
    return p;
  }

  /** The slice's model inputs and outputs are all PUBLIC. */
  static boolean publicOnly(QuantizedGraph q, SliceSpec s, Visibility v) {
    Set<String> ins = new HashSet<>();
    q.graph().inputs().forEach(x -> ins.add(x.name()));
    Set<String> outs = new HashSet<>();
    q.graph().outputs().forEach(x -> outs.add(x.name()));
    for (String t : s.inputs()) {
      if (ins.contains(t) && v.input() != Visibility.Mode.PUBLIC) {
        return false;
      }
    }
    for (String t : s.outputs()) {
      if (outs.contains(t) && v.output() != Visibility.Mode.PUBLIC) {
        return false;
      }
    }
    return true;
  }

  /** The whole model lowers and its inputs and outputs are public: one GKR slice. */
  private static boolean wholeGkrAble(QuantizedGraph q, Visibility v) {
    if (v.input() != Visibility.Mode.PUBLIC || v.output() != Visibility.Mode.PUBLIC) {
      return false;
    }
    try {
      LayeredLowering.lower(q);
      return true;
    } catch (BadInputException | IllegalArgumentException | ArithmeticException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** The layered lowering accepts the slice and its model tensors are public. */
  private static boolean gkrAble(QuantizedGraph q, SliceSpec s, Visibility v) {
    if (!publicOnly(q, s, v)) {
      return false;
    }
    try {
      LayeredLowering.lower(q, s);
      return true;
    } catch (BadInputException | IllegalArgumentException | ArithmeticException | UnsupportedOperationException e) {
      return false;
    }
  }
}
