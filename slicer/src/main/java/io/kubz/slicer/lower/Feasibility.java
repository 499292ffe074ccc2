package io.kubz.slicer.lower;

import io.kubz.lookup.table.TableSpec;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.SliceSpec;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether every node of a model can be proved, by the same checks {@code kubz prove} makes, but
 * collecting every failing node instead of stopping at the first: quantization of each node, the
 * integer semantics on one input (with tables as wide as allowed, then each table's calibrated
 * width, as {@link io.kubz.slicer.quant.Calibrator} chooses it), and the synthesis of each slice of
 * a plan without keygen. A slice that fails is compiled node by node to name each culprit.
 */
public final class Feasibility {
  private Feasibility() {}

  /** A node (or an output) that cannot be proved: its ONNX op type, its name and why. */
  public record Problem(String op, String node, String reason) {}

  /** Every problem of {@code g} on {@code input} under {@code base}, in graph order; empty: it can be proved. */
  public static List<Problem> check(Graph g, List<Tensor> input, QuantPlan base,
      java.util.function.Function<Graph, SlicePlan> planner) {
    Map<String, String> problems = new LinkedHashMap<>();
    Map<String, Integer> wide = new HashMap<>();
    g.nodes().forEach(n -> wide.put(n.name(), TableSpec.MAX_BITS));
    List<long[]> in = new ArrayList<>();
    QuantizedGraph probe = QuantizedGraph.quantize(g, base.withTableBits(wide), problems);
    input.forEach(t -> in.add(probe.quantizeInput(t)));
    Map<String, Long> maxAbs = new HashMap<>();
    IntegerInterpreter.traceLenient(probe, in, (n, v) -> maxAbs.merge(n.name(), Math.abs(v), Math::max), problems);
    Map<String, Integer> bits = new LinkedHashMap<>();
    for (QNode n : probe.nodes()) {
      if (n.table() == null || problems.containsKey(n.name())) {
        continue;
      }
      long m = maxAbs.getOrDefault(n.name(), 0L);
      int need = Math.max(4, 64 - Long.numberOfLeadingZeros(m) + 1 + base.marginBits());
      if (need > TableSpec.MAX_BITS) {
        problems.put(n.name(), "its inputs reach " + m + " at scale 2^" + base.activationScale() + ", which needs a "
            + need + "-bit table (at most " + TableSpec.MAX_BITS + "); use a smaller activation_scale");
        need = TableSpec.MAX_BITS;
      }
      bits.put(n.name(), need);
    }
    QuantizedGraph q = QuantizedGraph.quantize(g, base.withTableBits(bits), problems);
    IntegerInterpreter.traceLenient(q, in, null, problems);
    SlicePlan plan = planner.apply(g);
    for (SliceSpec spec : plan.slices()) {
      if (spec.nodes().stream().noneMatch(problems::containsKey) && compiles(q, Set.copyOf(spec.nodes()), problems)) {
        continue;
      }
      for (String n : spec.nodes()) {
        if (!problems.containsKey(n)) {
          compiles(q, Set.of(n), problems);
        }
      }
    }
    List<Problem> out = new ArrayList<>();
    for (Map.Entry<String, String> e : problems.entrySet()) {
      Node n = g.nodes().stream().filter(x -> x.name().equals(e.getKey())).findFirst().orElse(null);
      String reason = e.getValue();
      if (n != null && reason.startsWith(n.label() + ": ")) {
        reason = reason.substring(n.label().length() + 2); // the problem names the node already
      }
      out.add(new Problem(n != null ? n.onnxOpType() : "(output)", e.getKey(), reason));
    }
    return out;
  }

  /**
   * Lowers the slice without a witness (not building the circuit's fixed columns: the checks
   * {@code prove} makes, at a fraction of the cost); a failure of a one-node slice is that node's problem.
   */
  private static boolean compiles(QuantizedGraph q, Set<String> nodes, Map<String, String> problems) {
    try {
      SliceCompiler.compile(q, nodes, Visibility.PUBLIC).checkSynthesis();
      return true;
    } catch (RuntimeException e) {
      if (nodes.size() == 1) {
        problems.put(nodes.iterator().next(), e.getMessage() != null ? e.getMessage() : e.toString());
      }
      return false;
    }
  }
}
