package io.kubz.slicer.lower;

import io.kubz.lookup.table.FunctionTable;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.UnaryKind;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.List;
import java.util.Set;

/**
 * The signed width b a rescaled tensor is range-checked to, y ∈ [−2^(b−1), 2^(b−1)). 64 in general
 * (every value is below 2^62); but when every consumer of y is a table function (ReLU, sigmoid, …) in
 * the same slice, the integer interpreter only accepts y inside the tables' domains, so b is the narrowest table's input
 * width: just as complete, and far cheaper. Any b ≤ 64 keeps y·2^k + r from wrapping modulo r.
 *
 * <p>b = {@link #LOOKED_UP} (no check at all) when every consumer is a table lookup of y itself
 * other than ReLU (which reads y's sign bits): the lookups already force y into a table domain,
 * |y| &lt; 2^23, so the quotient of a rescale or a mean cannot wrap either.
 */
final class Bounds {
  static final int FULL = 64;
  /** The tensor needs no range check of its own: its lookups bound it. */
  static final int LOOKED_UP = 0;

  private Bounds() {}

  static int bits(QuantizedGraph q, Set<String> slice, String tensor) {
    List<Node> consumers = q.graph().consumers(tensor);
    if (consumers.isEmpty()) {
      return FULL;
    }
    int b = FULL;
    boolean relu = false;
    for (Node c : consumers) {
      QNode qc = q.node(c.name());
      if (!slice.contains(c.name()) || !looksUp(qc) || !(qc.table() instanceof FunctionTable t)) {
        return FULL;
      }
      b = Math.min(b, t.inputBits());
      relu |= isRelu(qc);
    }
    return relu ? b : LOOKED_UP;
  }

  /** An element-wise function evaluated through its table at x itself (ReLU, sigmoid, tanh, …). */
  static boolean looksUp(QNode n) {
    return n.node().op() instanceof Op.Unary && n.table() != null;
  }

  static boolean isRelu(QNode n) {
    return n.node().op() instanceof Op.Unary u && u.kind() == UnaryKind.RELU;
  }
}
