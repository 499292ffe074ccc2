package io.kubz.plonkish.format;

import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Gate;
import io.kubz.plonkish.proto.ExpressionMsg;
import io.kubz.plonkish.proto.GateMsg;
import io.kubz.plonkish.proto.NodeMsg;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Expressions as postfix node lists, gates as name + expressions. */
final class ExpressionCodec {
  private ExpressionCodec() {}

  static GateMsg gate(Gate g) {
    GateMsg.Builder b = GateMsg.newBuilder().setName(g.name());
    for (Expression e : g.polys()) {
      ExpressionMsg.Builder eb = ExpressionMsg.newBuilder();
      emit(e, eb);
      b.addPolys(eb);
    }
    return b.build();
  }

  static Gate gate(GateMsg m) {
    List<Expression> polys = new ArrayList<>();
    for (ExpressionMsg e : m.getPolysList()) {
      polys.add(expression(e));
    }
    return new Gate(m.getName(), polys);
  }

  private static void emit(Expression e, ExpressionMsg.Builder out) {
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
      emit(s.a(), out);
      emit(s.b(), out);
      n.setOp(NodeMsg.Op.SUM);
    } else if (e instanceof Expression.Product p) {
      emit(p.a(), out);
      emit(p.b(), out);
      n.setOp(NodeMsg.Op.PRODUCT);
    } else if (e instanceof Expression.Negated g) {
      emit(g.a(), out);
      n.setOp(NodeMsg.Op.NEGATED);
    } else {
      Expression.Scaled s = (Expression.Scaled) e;
      emit(s.a(), out);
      n.setOp(NodeMsg.Op.SCALED).setValue(Bytes.fr(s.factor()));
    }
    out.addNodes(n);
  }

  static Expression expression(ExpressionMsg m) {
    Deque<Expression> stack = new ArrayDeque<>();
    for (NodeMsg n : m.getNodesList()) {
      switch (n.getOp()) {
        case CONSTANT:
          stack.push(new Expression.Constant(Bytes.fr(n.getValue())));
          break;
        case CELL:
          stack.push(new Expression.Cell(Bytes.column(n.getColumnKind(), n.getIndex(), n.getPhase()), n.getRotation()));
          break;
        case CHALLENGE:
          stack.push(new Expression.Challenge(n.getIndex(), n.getPhase()));
          break;
        case DOMAIN:
          stack.push(new Expression.Domain(Expression.DomainPoly.values()[n.getIndex()]));
          break;
        case SUM: {
          Expression b = stack.pop();
          stack.push(new Expression.Sum(stack.pop(), b));
          break;
        }
        case PRODUCT: {
          Expression b = stack.pop();
          stack.push(new Expression.Product(stack.pop(), b));
          break;
        }
        case NEGATED:
          stack.push(new Expression.Negated(stack.pop()));
          break;
        case SCALED:
          stack.push(new Expression.Scaled(stack.pop(), Bytes.fr(n.getValue())));
          break;
        default:
          throw new IllegalArgumentException("unknown expression node " + n.getOp());
      }
    }
    if (stack.size() != 1) {
      throw new IllegalArgumentException("expression does not reduce to one tree");
    }
    return stack.pop();
  }
}
