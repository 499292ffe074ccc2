package io.kubz.slicer.passes;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.UnaryKind;
import io.kubz.slicer.ir.ValueInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes LayerNormalization and InstanceNormalization out as the operations PyTorch exports for a
 * hand-written layer norm, each of which has a quantized semantics and a circuit:
 * <pre>
 *   μ = ReduceMean(x, A)      d = x − μ      v = ReduceMean(d², A)
 *   y = d / √(v + ε) · γ + β
 * </pre>
 * with A the normalised axes (LayerNorm: axis … rank − 1; InstanceNorm: 2 … rank − 1, and γ, β of
 * shape [C] reshaped to [C, 1, …, 1] so that they broadcast per channel). The float semantics are
 * those of the fused operator up to rounding. InstanceNorm with scale or bias that are not
 * constants is left as it is.
 */
final class NormExpansion {
  private NormExpansion() {}

  static Graph apply(Graph g) {
    if (g.nodes().stream().noneMatch(n -> n.op() instanceof Op.LayerNorm || n.op() instanceof Op.InstanceNorm)) {
      return g;
    }
    List<Node> nodes = new ArrayList<>();
    Map<String, Tensor> extra = new HashMap<>();
    Map<String, ValueInfo> values = new LinkedHashMap<>(g.values());
    for (Node n : g.nodes()) {
      int[] xs = g.shape(n.inputs().get(0));
      if (n.op() instanceof Op.LayerNorm ln) {
        expand(g, n, axes(ln.axis(), xs.length), ln.epsilon(), n.inputs().get(1),
            n.inputs().size() > 2 ? n.inputs().get(2) : null, nodes, extra, values);
      } else if (n.op() instanceof Op.InstanceNorm in && xs.length >= 3
          && g.isConstant(n.inputs().get(1)) && g.isConstant(n.inputs().get(2))) {
        int[] cs = new int[xs.length - 1];
        java.util.Arrays.fill(cs, 1);
        cs[0] = xs[1];
        String scale = constant(g, extra, values, n.name() + "/gamma", g.constants().get(n.inputs().get(1)), cs);
        String bias = constant(g, extra, values, n.name() + "/beta", g.constants().get(n.inputs().get(2)), cs);
        expand(g, n, axes(2, xs.length), in.epsilon(), scale, bias, nodes, extra, values);
      } else {
        nodes.add(n);
      }
    }
    Graph wide = new Graph(g.name(), g.opsets(), g.inputs(), g.outputs(), g.constants(), g.nodes(), values);
    return Passes.rebuild(wide, nodes, extra);
  }

  private static int[] axes(int from, int rank) {
    int[] a = new int[rank - from];
    for (int i = 0; i < a.length; i++) {
      a[i] = from + i;
    }
    return a;
  }

  private static void expand(Graph g, Node n, int[] axes, double eps, String scale, String bias, List<Node> nodes,
      Map<String, Tensor> extra, Map<String, ValueInfo> values) {
    String x = n.inputs().get(0);
    ValueInfo xi = g.values().get(x);
    int[] reduced = xi.shape().clone();
    for (int a : axes) {
      reduced[a] = 1;
    }
    String p = n.name();
    Op.Reduce mean = new Op.Reduce(Op.ReduceKind.MEAN, axes, true);
    String mu = add(nodes, values, p + "/mean", "ReduceMean", mean, List.of(x), reduced, xi);
    String d = add(nodes, values, p + "/centered", "Sub", new Op.Binary(Op.BinaryKind.SUB), List.of(x, mu),
        xi.shape(), xi);
    String two = constant(g, extra, values, p + "/two", Tensor.of(new int[] {}, 2.0), new int[] {});
    String sq = add(nodes, values, p + "/square", "Pow", new Op.Binary(Op.BinaryKind.POW), List.of(d, two),
        xi.shape(), xi);
    String var = add(nodes, values, p + "/variance", "ReduceMean", mean, List.of(sq), reduced, xi);
    String e = constant(g, extra, values, p + "/epsilon", Tensor.of(new int[] {}, eps), new int[] {});
    String ve = add(nodes, values, p + "/variance_eps", "Add", new Op.Binary(Op.BinaryKind.ADD), List.of(var, e),
        reduced, xi);
    String sd = add(nodes, values, p + "/std", "Sqrt", new Op.Unary(UnaryKind.SQRT, 0, 0), List.of(ve), reduced, xi);
    String z = add(nodes, values, p + "/normalized", "Div", new Op.Binary(Op.BinaryKind.DIV), List.of(d, sd),
        xi.shape(), xi);
    if (bias == null) {
      nodes.add(new Node(p + "/scale", "Mul", new Op.Binary(Op.BinaryKind.MUL), List.of(z, scale), n.output()));
    } else {
      String zs = add(nodes, values, p + "/scale", "Mul", new Op.Binary(Op.BinaryKind.MUL), List.of(z, scale),
          xi.shape(), xi);
      nodes.add(new Node(p + "/bias", "Add", new Op.Binary(Op.BinaryKind.ADD), List.of(zs, bias), n.output()));
    }
  }

  /** A node whose output tensor has the node's name. */
  private static String add(List<Node> nodes, Map<String, ValueInfo> values, String name, String type, Op op,
      List<String> inputs, int[] shape, ValueInfo like) {
    nodes.add(new Node(name, type, op, inputs, name));
    values.putIfAbsent(name, new ValueInfo(name, like.dtype(), shape));
    return name;
  }

  private static String constant(Graph g, Map<String, Tensor> extra, Map<String, ValueInfo> values, String base,
      Tensor t, int[] shape) {
    String name = Passes.fresh(g, extra, base);
    Tensor r = Tensor.of(t.dtype(), shape, t.data());
    extra.put(name, r);
    values.put(name, new ValueInfo(name, r.dtype(), shape));
    return name;
  }
}
