package io.kubz.slicer.passes;

import io.kubz.slicer.interp.Kernels;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.UnaryKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces the element-wise subgraphs exporters emit for GELU by one {@link UnaryKind#GELU} or
 * {@link UnaryKind#GELU_TANH} node (one lookup table instead of five to eight operations after
 * quantization). Exporters vary the order and form (x/√2 or x·(1/√2), 0.5·x·(1+erf) or
 * x·(1+erf)·0.5, x³ as x·x·x or Pow), so the match is semantic rather than syntactic: from each Erf
 * or Tanh node, find the source x (the nearest tensor upstream read more than once), grow the
 * candidate output F along single consumers, and accept F when the subgraph between x and F holds
 * only element-wise operations with scalar constants, has no reader outside itself, and evaluates
 * to GELU within 1e-6 on 97 points of [−8, 8]. Float32 constants (√2 ≈ 1.4142135) make the fused
 * node differ from the original by at most that much.
 */
final class GeluFusion {
  private GeluFusion() {}

  private static final int MAX_STEPS = 6;

  static Graph apply(Graph g) {
    Map<String, List<Node>> readers = new HashMap<>();
    for (Node n : g.nodes()) {
      for (String s : n.inputs()) {
        readers.computeIfAbsent(s, k -> new ArrayList<>()).add(n);
      }
    }
    Set<String> outputs = new HashSet<>();
    g.outputs().forEach(v -> outputs.add(v.name()));
    Map<String, Node> replaceAt = new HashMap<>();
    Set<Node> removed = new HashSet<>();
    for (Node e : g.nodes()) {
      if (!(e.op() instanceof Op.Unary) || removed.contains(e)) {
        continue;
      }
      UnaryKind k = ((Op.Unary) e.op()).kind();
      if (k != UnaryKind.ERF && k != UnaryKind.TANH) {
        continue;
      }
      UnaryKind target = k == UnaryKind.ERF ? UnaryKind.GELU : UnaryKind.GELU_TANH;
      String x = source(g, e, readers);
      if (x == null) {
        continue;
      }
      Node f = e;
      Set<Node> best = null;
      Node bestF = null;
      for (int step = 0; step < MAX_STEPS && f != null; step++) {
        Set<Node> closure = closure(g, f, x);
        if (closure != null && closed(closure, f, readers, outputs)
            && java.util.Arrays.equals(g.shape(f.output()), g.shape(x))
            && matches(g, closure, f, x, target)) {
          best = closure;
          bestF = f;
        }
        List<Node> next = readers.getOrDefault(f.output(), List.of());
        f = next.size() == 1 && elementwise(next.get(0)) && !outputs.contains(f.output())
            ? next.get(0) : null;
      }
      if (best != null) {
        removed.addAll(best);
        replaceAt.put(bestF.output(), new Node(bestF.name(), "Gelu",
            new Op.Unary(target, 0, 0), List.of(x), bestF.output()));
      }
    }
    if (replaceAt.isEmpty()) {
      return g;
    }
    List<Node> nodes = new ArrayList<>();
    for (Node n : g.nodes()) {
      if (replaceAt.containsKey(n.output())) {
        nodes.add(replaceAt.get(n.output()));
      } else if (!removed.contains(n)) {
        nodes.add(n);
      }
    }
    return Passes.rebuild(g, nodes, Map.of());
  }

  /** The nearest non-constant tensor upstream of {@code e} that has two or more readers. */
  private static String source(Graph g, Node e, Map<String, List<Node>> readers) {
    Deque<String> todo = new ArrayDeque<>(e.inputs());
    for (int seen = 0; !todo.isEmpty() && seen < 16; seen++) {
      String t = todo.poll();
      if (g.isConstant(t)) {
        continue;
      }
      if (readers.getOrDefault(t, List.of()).size() >= 2) {
        return t;
      }
      Node p = g.producer(t);
      if (p != null && elementwise(p)) {
        todo.addAll(p.inputs());
      }
    }
    return null;
  }

  /** Nodes between x and f (f included), or null if a non-element-wise node or wide constant. */
  private static Set<Node> closure(Graph g, Node f, String x) {
    Set<Node> out = new LinkedHashSet<>();
    Deque<Node> todo = new ArrayDeque<>(List.of(f));
    while (!todo.isEmpty()) {
      Node n = todo.poll();
      if (!out.add(n)) {
        continue;
      }
      if (!elementwise(n) || out.size() > 12) {
        return null;
      }
      for (String s : n.inputs()) {
        if (s.equals(x)) {
          continue;
        }
        if (g.isConstant(s)) {
          if (g.constants().get(s).size() != 1) {
            return null;
          }
          continue;
        }
        Node p = g.producer(s);
        if (p == null) {
          return null;
        }
        todo.add(p);
      }
    }
    return out;
  }

  /** Every intermediate result is read only inside the closure. */
  private static boolean closed(Set<Node> closure, Node f, Map<String, List<Node>> readers,
      Set<String> outputs) {
    for (Node n : closure) {
      if (n == f) {
        continue;
      }
      if (outputs.contains(n.output())) {
        return false;
      }
      for (Node r : readers.getOrDefault(n.output(), List.of())) {
        if (!closure.contains(r)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean matches(Graph g, Set<Node> closure, Node f, String x, UnaryKind target) {
    int n = 97;
    double[] pts = new double[n];
    for (int i = 0; i < n; i++) {
      pts[i] = -8 + 16.0 * i / (n - 1);
    }
    Map<String, Tensor> env = new HashMap<>();
    env.put(x, Tensor.of(DType.FLOAT, new int[] {n}, pts));
    for (Node node : g.nodes()) {
      if (!closure.contains(node)) {
        continue;
      }
      List<Tensor> in = new ArrayList<>();
      for (String s : node.inputs()) {
        // Scalar constants of any rank (shape [1], [1, 1]) are used as rank 0 so that the
        // result keeps the shape of the sample points.
        in.add(env.containsKey(s) ? env.get(s) : g.constants().get(s).reshape());
      }
      env.put(node.output(), Kernels.apply(node.op(), in, node.label()));
    }
    Tensor y = env.get(f.output());
    if (y == null || y.size() != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      double want = target.apply(pts[i], 0, 0);
      if (!(Math.abs(y.get(i) - want) <= 1e-6 * (1 + Math.abs(want)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean elementwise(Node n) {
    return n.op() instanceof Op.Unary || n.op() instanceof Op.Binary;
  }
}
