package io.kubz.plonkish.format;

import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Gate;
import io.kubz.plonkish.proto.ExpressionMsg;
import io.kubz.plonkish.proto.GateMsg;
import io.kubz.plonkish.proto.NodeMsg;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Expressions as postfix node lists, gates as name + expressions (reading them is {@link GateReader}). */
final class ExpressionCodec {
  private ExpressionCodec() {}

  static GateMsg gate(Gate g) {
    GateMsg.Builder b = GateMsg.newBuilder().setName(g.name());
    for (Expression e : g.polys()) {
      b.addPolys(ExpressionMsg.newBuilder().addAllNodes(postfix(e)));
    }
    return b.build();
  }

  /**
   * The nodes in postfix order (a, b, node), without recursion: a walk in the order (node, b, a)
   * with an explicit stack, reversed.
   */
  private static List<NodeMsg> postfix(Expression root) {
    List<NodeMsg> out = new ArrayList<>();
    ArrayDeque<Expression> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Expression e = todo.pop();
      NodeMsg.Builder n = NodeMsg.newBuilder();
      if (e instanceof Expression.Constant c) {
        n.setOp(NodeMsg.Op.CONSTANT).setValue(Bytes.fr(c.value()));
      } else if (e instanceof Expression.Cell c) {
        n.setOp(NodeMsg.Op.CELL).setColumnKind(c.column().kind()).setIndex(c.column().index())
            .setPhase(Bytes.column(c.column()).getPhase()).setRotation(c.rotation());
      } else if (e instanceof Expression.Challenge c) {
        n.setOp(NodeMsg.Op.CHALLENGE).setIndex(c.index()).setPhase(c.phase());
      } else if (e instanceof Expression.Domain d) {
        n.setOp(NodeMsg.Op.DOMAIN).setIndex(d.poly().ordinal());
      } else if (e instanceof Expression.Sum s) {
        n.setOp(NodeMsg.Op.SUM);
        todo.push(s.a());
        todo.push(s.b());
      } else if (e instanceof Expression.Product p) {
        n.setOp(NodeMsg.Op.PRODUCT);
        todo.push(p.a());
        todo.push(p.b());
      } else if (e instanceof Expression.Negated g) {
        n.setOp(NodeMsg.Op.NEGATED);
        todo.push(g.a());
      } else {
        Expression.Scaled s = (Expression.Scaled) e;
        n.setOp(NodeMsg.Op.SCALED).setValue(Bytes.fr(s.factor()));
        todo.push(s.a());
      }
      out.add(n.build());
    }
    Collections.reverse(out);
    return out;
  }
}
