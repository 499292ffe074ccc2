package io.kubz.slicer.passes;

import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.ValueInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ONNX's Div of integer tensors truncates toward zero. A Div of an integer tensor by a constant
 * without zeros is written out as a real division followed by a Cast to the integer type, which
 * carries the truncation:
 * <pre>
 *   a / b  (INT)  =  Cast_INT( Cast_FLOAT(a) / Cast_FLOAT(b) )
 * </pre>
 * so that the quantizer sees a division it approximates and a truncation it tabulates (the Cast of
 * a quotient by a whole constant is nudged by half the constant's reciprocal, which makes it exact;
 * quant/QuantizedGraph). The float semantics are unchanged for integers below 2^53.
 */
final class IntegerDivision {
  private IntegerDivision() {}

  static Graph apply(Graph g) {
    if (g.nodes().stream().noneMatch(n -> isIntegerDiv(g, n))) {
      return g;
    }
    List<Node> nodes = new ArrayList<>();
    Map<String, Tensor> extra = new HashMap<>();
    Map<String, ValueInfo> values = new LinkedHashMap<>(g.values());
    for (Node n : g.nodes()) {
      if (!isIntegerDiv(g, n)) {
        nodes.add(n);
        continue;
      }
      List<String> real = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        String x = n.inputs().get(i);
        if (g.isConstant(x)) {
          Tensor t = g.constants().get(x);
          String name = Passes.fresh(g, extra, x + "/real");
          extra.put(name, Tensor.of(DType.FLOAT, t.shape(), t.data()));
          values.put(name, new ValueInfo(name, DType.FLOAT, t.shape()));
          real.add(name);
        } else {
          real.add(add(nodes, values, n.name() + "/real_" + i, new Op.Cast(DType.FLOAT), List.of(x), g.shape(x)));
        }
      }
      String q = add(nodes, values, n.name() + "/quotient", new Op.Binary(Op.BinaryKind.DIV), real, g.shape(n.output()));
      nodes.add(new Node(n.name(), n.onnxOpType(), new Op.Cast(g.values().get(n.output()).dtype()), List.of(q),
          n.output()));
    }
    Graph wide = new Graph(g.name(), g.opsets(), g.inputs(), g.outputs(), g.constants(), g.nodes(), values);
    return Passes.rebuild(wide, nodes, extra);
  }

  /**
   * An integer Div by a constant without zeros: a divisor that is an activation keeps the integer
   * kernel, which names the node when it divides by zero.
   */
  private static boolean isIntegerDiv(Graph g, Node n) {
    return n.op() instanceof Op.Binary b && b.kind() == Op.BinaryKind.DIV
        && !g.values().get(n.output()).dtype().isFloating() && g.isConstant(n.inputs().get(1))
        && java.util.Arrays.stream(g.constants().get(n.inputs().get(1)).data()).noneMatch(v -> v == 0);
  }

  /** A FLOAT node named {@code name} whose output gets a fresh name. */
  private static String add(List<Node> nodes, Map<String, ValueInfo> values, String name, Op op, List<String> inputs,
      int[] shape) {
    String out = name;
    for (int k = 1; values.containsKey(out); k++) {
      out = name + "_" + k;
    }
    nodes.add(new Node(name, "Div", op, inputs, out));
    values.put(out, new ValueInfo(out, DType.FLOAT, shape));
    return out;
  }
}
