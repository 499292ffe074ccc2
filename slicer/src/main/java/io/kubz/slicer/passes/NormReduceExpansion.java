package io.kubz.slicer.passes;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.UnaryKind;
import io.kubz.slicer.ir.ValueInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the non-linear reductions out as operations that each have a quantized semantics and a
 * circuit (A the reduced axes, keepDims as the node says unless noted):
 * <pre>
 *   ReduceL1(x)        = ReduceSum(|x|, A)
 *   ReduceL2(x)        = √ReduceSum(x·x, A)
 *   ReduceLogSumExp(x) = m + ln ReduceSum(exp(x − m), A),   m = ReduceMax(x, A) (kept dims)
 * </pre>
 * The shift by the maximum keeps every exp argument ≤ 0 and the log argument ≥ 1 (the maximum's own
 * term is exp(0) = 1), so both tables stay narrow whatever the input range; without keepDims the
 * last result is reshaped. Float semantics are those of the fused operators up to rounding.
 */
final class NormReduceExpansion {
  private NormReduceExpansion() {}

  static Graph apply(Graph g) {
    if (g.nodes().stream().noneMatch(n -> n.op() instanceof Op.NormReduce)) {
      return g;
    }
    List<Node> nodes = new ArrayList<>();
    Map<String, ValueInfo> values = new LinkedHashMap<>(g.values());
    for (Node n : g.nodes()) {
      if (n.op() instanceof Op.NormReduce r) {
        expand(g, n, r, nodes, values);
      } else {
        nodes.add(n);
      }
    }
    Graph wide = new Graph(g.name(), g.opsets(), g.inputs(), g.outputs(), g.constants(), g.nodes(), values);
    return Passes.rebuild(wide, nodes, Map.of());
  }

  private static void expand(Graph g, Node n, Op.NormReduce r, List<Node> nodes, Map<String, ValueInfo> values) {
    String x = n.inputs().get(0);
    ValueInfo xi = g.values().get(x);
    int[] kept = xi.shape().clone();
    for (int a : r.axes()) {
      kept[a] = 1;
    }
    String t = n.onnxOpType();
    String p = n.name();
    Op sum = new Op.Reduce(Op.ReduceKind.SUM, r.axes(), r.keepDims());
    switch (r.kind()) {
      case L1: {
        String a = add(g, nodes, values, p + "/abs", t, new Op.Unary(UnaryKind.ABS, 0, 0), List.of(x), xi.shape(), xi);
        nodes.add(new Node(p + "/sum", t, sum, List.of(a), n.output()));
        break;
      }
      case L2: {
        String sq = add(g, nodes, values, p + "/square", t, new Op.Binary(Op.BinaryKind.MUL), List.of(x, x),
            xi.shape(), xi);
        String s = add(g, nodes, values, p + "/sum", t, sum, List.of(sq), g.shape(n.output()), xi);
        nodes.add(new Node(p + "/sqrt", t, new Op.Unary(UnaryKind.SQRT, 0, 0), List.of(s), n.output()));
        break;
      }
      default: {
        Op keepSum = new Op.Reduce(Op.ReduceKind.SUM, r.axes(), true);
        String m = add(g, nodes, values, p + "/max", t, new Op.Reduce(Op.ReduceKind.MAX, r.axes(), true),
            List.of(x), kept, xi);
        String d = add(g, nodes, values, p + "/shifted", t, new Op.Binary(Op.BinaryKind.SUB), List.of(x, m),
            xi.shape(), xi);
        String e = add(g, nodes, values, p + "/exp", t, new Op.Unary(UnaryKind.EXP, 0, 0), List.of(d), xi.shape(), xi);
        String s = add(g, nodes, values, p + "/sum", t, keepSum, List.of(e), kept, xi);
        String l = add(g, nodes, values, p + "/log", t, new Op.Unary(UnaryKind.LOG, 0, 0), List.of(s), kept, xi);
        Op plus = new Op.Binary(Op.BinaryKind.ADD);
        if (r.keepDims()) {
          nodes.add(new Node(p + "/add_max", t, plus, List.of(l, m), n.output()));
        } else {
          String y = add(g, nodes, values, p + "/add_max", t, plus, List.of(l, m), kept, xi);
          nodes.add(new Node(p + "/reshape", t, new Op.Reshape(g.shape(n.output())), List.of(y), n.output()));
        }
      }
    }
  }

  /** A node whose output tensor gets a fresh name based on {@code name}. */
  private static String add(Graph g, List<Node> nodes, Map<String, ValueInfo> values, String name, String type,
      Op op, List<String> inputs, int[] shape, ValueInfo like) {
    String out = name;
    for (int k = 1; values.containsKey(out); k++) {
      out = name + "_" + k;
    }
    nodes.add(new Node(name, type, op, inputs, out));
    values.put(out, new ValueInfo(out, like.dtype(), shape));
    return out;
  }
}
