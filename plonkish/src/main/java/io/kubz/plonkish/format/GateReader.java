package io.kubz.plonkish.format;

import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Gate;
import io.kubz.plonkish.keygen.KeyLimits;
import io.kubz.plonkish.proto.ExpressionMsg;
import io.kubz.plonkish.proto.GateMsg;
import io.kubz.plonkish.proto.NodeMsg;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the gates of one key from untrusted bytes. Each postfix list is reduced with an array
 * stack that also holds the depth of every subtree, so a tree deeper than
 * {@link KeyLimits#MAX_DEPTH} is refused while it is read (no later walk can overflow the call
 * stack); the nodes, polynomials and name lengths of the whole key are counted against
 * {@link KeyLimits} before anything is built from them. Every leaf must name a column or challenge
 * the key declares, with its phase, and a rotation within the domain.
 */
final class GateReader {
  private final int[] advicePhases;
  private final int numFixed;
  private final int numInstance;
  private final int[] challengePhases;
  private final int n;
  private long nodes;
  private long polys;

  GateReader(int k, int[] advicePhases, int numFixed, int numInstance, int[] challengePhases) {
    this.advicePhases = advicePhases;
    this.numFixed = numFixed;
    this.numInstance = numInstance;
    this.challengePhases = challengePhases;
    this.n = 1 << k;
  }

  List<Gate> gates(List<GateMsg> msgs) {
    KeyLimits.checkCount("gates", msgs.size(), KeyLimits.MAX_GATES);
    List<Gate> out = new ArrayList<>(msgs.size());
    for (GateMsg m : msgs) {
      out.add(gate(m));
    }
    return out;
  }

  Gate gate(GateMsg m) {
    KeyLimits.checkCount("characters in a gate name", m.getName().length(), KeyLimits.MAX_NAME);
    polys += m.getPolysCount();
    KeyLimits.checkCount("gate polynomials", polys, KeyLimits.MAX_POLYS);
    for (ExpressionMsg e : m.getPolysList()) {
      nodes += e.getNodesCount();
    }
    KeyLimits.checkCount("expression nodes", nodes, KeyLimits.MAX_NODES);
    List<Expression> out = new ArrayList<>(m.getPolysCount());
    for (ExpressionMsg e : m.getPolysList()) {
      out.add(expression(e));
    }
    return new Gate(m.getName(), out);
  }

  private Expression expression(ExpressionMsg m) {
    int count = m.getNodesCount();
    Expression[] stack = new Expression[count];
    int[] depth = new int[count];
    int top = 0;
    for (NodeMsg node : m.getNodesList()) {
      int arity = arity(node.getOp());
      if (top < arity) {
        throw new IllegalArgumentException("expression node " + node.getOp() + " lacks operands");
      }
      int d = 1;
      for (int i = 1; i <= arity; i++) {
        d = Math.max(d, depth[top - i] + 1);
      }
      if (d > KeyLimits.MAX_DEPTH) {
        throw new IllegalArgumentException("expression deeper than " + KeyLimits.MAX_DEPTH);
      }
      Expression e = switch (node.getOp()) {
        case CONSTANT -> new Expression.Constant(Bytes.fr(node.getValue()));
        case CELL -> new Expression.Cell(column(node), rotation(node.getRotation()));
        case CHALLENGE -> challenge(node);
        case DOMAIN -> new Expression.Domain(domain(node.getIndex()));
        case SUM -> new Expression.Sum(stack[top - 2], stack[top - 1]);
        case PRODUCT -> new Expression.Product(stack[top - 2], stack[top - 1]);
        case NEGATED -> new Expression.Negated(stack[top - 1]);
        case SCALED -> new Expression.Scaled(stack[top - 1], Bytes.fr(node.getValue()));
        default -> throw new IllegalArgumentException("unknown expression node " + node.getOpValue());
      };
      top -= arity;
      stack[top] = e;
      depth[top] = d;
      top++;
    }
    if (top != 1) {
      throw new IllegalArgumentException("expression does not reduce to one tree");
    }
    return stack[0];
  }

  private static int arity(NodeMsg.Op op) {
    return switch (op) {
      case SUM, PRODUCT -> 2;
      case NEGATED, SCALED -> 1;
      default -> 0;
    };
  }

  private Column column(NodeMsg node) {
    int i = node.getIndex();
    int phase = node.getPhase();
    switch (node.getColumnKind()) {
      case 0:
        if (i >= 0 && i < advicePhases.length && phase == advicePhases[i]) {
          return new Column.Advice(i, phase);
        }
        break;
      case 1:
        if (i >= 0 && i < numFixed && phase == 0) {
          return new Column.Fixed(i);
        }
        break;
      case 2:
        if (i >= 0 && i < numInstance && phase == 0) {
          return new Column.Instance(i);
        }
        break;
      default:
        throw new IllegalArgumentException("unknown column kind " + Integer.toUnsignedString(node.getColumnKind()));
    }
    throw new IllegalArgumentException("a gate reads column " + Integer.toUnsignedString(i) + " of kind "
        + node.getColumnKind() + " (phase " + Integer.toUnsignedString(phase) + "), which the key does not declare");
  }

  private int rotation(int r) {
    if (r <= -n || r >= n) {
      throw new IllegalArgumentException("rotation " + r + " outside the domain of " + n + " rows");
    }
    return r;
  }

  private Expression challenge(NodeMsg node) {
    int i = node.getIndex();
    if (i < 0 || i >= challengePhases.length || node.getPhase() != challengePhases[i]) {
      throw new IllegalArgumentException("a gate reads challenge " + Integer.toUnsignedString(i)
          + ", which the key does not declare");
    }
    return new Expression.Challenge(i, node.getPhase());
  }

  private static Expression.DomainPoly domain(int index) {
    Expression.DomainPoly[] all = Expression.DomainPoly.values();
    if (index < 0 || index >= all.length) {
      throw new IllegalArgumentException("unknown domain polynomial " + Integer.toUnsignedString(index));
    }
    return all[index];
  }
}
