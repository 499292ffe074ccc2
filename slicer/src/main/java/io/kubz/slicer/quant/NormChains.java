package io.kubz.slicer.quant;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.UnaryKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variance chains of written-out normalisations (LayerNorm, InstanceNorm, RMS-style norms):
 * <pre>
 *   p = Pow(d, 2)   v = ReduceMean(p)   e = v + ε   σ = Sqrt(e)   y_i = a_i / σ   (every consumer of σ a Div)
 * </pre>
 * with each of p, v, e used once and no graph output among them. At scale s a small variance
 * (centred values of 0.1 give v ≈ 0.01, about 2^(s−7)) keeps only a few significant bits, and
 * every normalised output inherits that error. A chain with shift k is quantized for d' = 2^k·d
 * instead, which the float model does not see: p holds 4^k·d² (the Pow table reads its input at
 * scale s − k), ε is held as 4^k·ε, so σ holds 2^k·σ, and each Div multiplies by 2^k again (its
 * reciprocal table's output scale is raised by k). Exact in the reals; in integers v gains 2k
 * significant bits. Calibration picks k from the variance's observed magnitude
 * ({@link #shift}); the plan records it ({@link QuantPlan#normShifts()}, keyed by the Pow node).
 */
public final class NormChains {
  /** The largest shift a plan may carry (the variance gains at most 2·12 bits). */
  public static final int MAX_SHIFT = 12;

  private NormChains() {}

  /** One chain: the node names of its Pow, ReduceMean, Add ε, Sqrt and the Divs by σ. */
  public record Chain(String pow, String mean, String add, String sqrt, List<String> divs) {}

  /** Every chain of {@code g}, by the name of its Pow node. */
  public static Map<String, Chain> find(Graph g) {
    Map<String, Chain> out = new LinkedHashMap<>();
    for (Node p : g.nodes()) {
      if (!(p.op() instanceof Op.Binary b) || b.kind() != Op.BinaryKind.POW || p.inputs().size() != 2
          || g.isConstant(p.inputs().get(0)) || !isConstant(g, p.inputs().get(1), 2)) {
        continue;
      }
      Node v = only(g, p);
      if (v == null || !(v.op() instanceof Op.Reduce r) || r.kind() != Op.ReduceKind.MEAN) {
        continue;
      }
      Node e = only(g, v);
      if (e == null || !(e.op() instanceof Op.Binary a) || a.kind() != Op.BinaryKind.ADD
          || g.isConstant(e.inputs().get(0)) == g.isConstant(e.inputs().get(1))) {
        continue;
      }
      Node q = only(g, e);
      if (q == null || !(q.op() instanceof Op.Unary u) || u.kind() != UnaryKind.SQRT || isOutput(g, q.output())) {
        continue;
      }
      List<String> divs = new ArrayList<>();
      boolean allDivs = true;
      for (Node d : g.consumers(q.output())) {
        allDivs &= d.op() instanceof Op.Binary db && db.kind() == Op.BinaryKind.DIV && d.inputs().size() == 2
            && d.inputs().get(1).equals(q.output()) && !d.inputs().get(0).equals(q.output())
            && !g.isConstant(d.inputs().get(0));
        divs.add(d.name());
      }
      if (allDivs && !divs.isEmpty()) {
        out.put(p.name(), new Chain(p.name(), v.name(), e.name(), q.name(), List.copyOf(divs)));
      }
    }
    return out;
  }

  /**
   * The shift for a chain whose variance (the ReduceMean's output, at scale s, k = 0) reached at
   * most {@code maxVariance} in magnitude: the k that brings it to about 2^s (a real variance near 1),
   * within [0, min(s/2, {@link #MAX_SHIFT})].
   */
  public static int shift(long maxVariance, int s) {
    int bits = 64 - Long.numberOfLeadingZeros(Math.max(0, maxVariance));
    return Math.max(0, Math.min(Math.min(s / 2, MAX_SHIFT), (s - bits) / 2));
  }

  /** Node name ↦ the shift of the chain it belongs to, for the nodes whose quantization it changes. */
  static Map<String, Integer> roles(Graph g, QuantPlan plan) {
    Map<String, Integer> roles = new LinkedHashMap<>();
    if (plan.normShifts().isEmpty()) {
      return roles;
    }
    for (Chain c : find(g).values()) {
      Integer k = plan.normShifts().get(c.pow());
      if (k != null && k > 0) {
        roles.put(c.pow(), k);
        roles.put(c.add(), k);
        c.divs().forEach(d -> roles.put(d, k));
      }
    }
    return roles;
  }

  private static Node only(Graph g, Node n) {
    if (isOutput(g, n.output())) {
      return null;
    }
    List<Node> c = g.consumers(n.output());
    return c.size() == 1 ? c.get(0) : null;
  }

  private static boolean isOutput(Graph g, String tensor) {
    return g.outputs().stream().anyMatch(o -> o.name().equals(tensor));
  }

  private static boolean isConstant(Graph g, String tensor, double value) {
    if (!g.isConstant(tensor)) {
      return false;
    }
    for (double d : g.constants().get(tensor).data()) {
      if (d != value) {
        return false;
      }
    }
    return true;
  }
}
