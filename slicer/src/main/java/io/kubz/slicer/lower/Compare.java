package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.UnaryKind;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;

/**
 * Comparisons by the sign of a range-checked difference, and binary Max/Min. With one = 2^s (a
 * boolean is 0 or 1.0 at the activation scale s) and d = a − b in an arithmetic row:
 * <pre>
 *   a ≥ b + c:  bit = bit 63 of d + 2^63 − c ∈ [0, 2^64)  (the range check of {@link Range}), c ∈ {0, 1}
 *   GreaterOrEqual (c = 0), Greater (c = 1):  y = one·bit;   Less (c = 0), LessOrEqual (c = 1): y = one·(1 − bit)
 *   Equal:     d·v + y − one = 0,  d·y = 0,  y·v = 0       (v = one/d, or 0 when d = 0)
 *   Max:       y = b + bit·d;   Min: y = a − bit·d         (bit = [a ≥ b])
 * </pre>
 * Equal's three rows pin both y and v: d ≠ 0 forces y = 0 and v = one/d; d = 0 forces y = one and
 * v = 0. Activations are far inside ±2^62, so d + 2^63 − c never leaves [0, 2^64) for an honest
 * trace and the check's bit is [a − b ≥ c]. Booleans, Not and Where are in {@link Select}.
 */
final class Compare {
  private static final long HALF = 1L << 63; // 2^63 as an unsigned long offset

  private Compare() {}

  /** Whether {@code op} is lowered here, in {@link Select} or in {@link Argmax}. */
  static boolean handles(Op op) {
    return op instanceof Op.Where || op instanceof Op.ArgExtreme || (op instanceof Op.Unary u && u.kind() == UnaryKind.NOT)
        || (op instanceof Op.Binary b && (b.kind().isPredicate() || b.kind() == Op.BinaryKind.MAX
            || b.kind() == Op.BinaryKind.MIN));
  }

  static AssignedCell[] lower(Synth s, QuantizedGraph q, QNode qn) {
    Op op = qn.node().op();
    if (op instanceof Op.Where) {
      return Select.where(s, q, qn);
    }
    if (op instanceof Op.ArgExtreme) {
      return Argmax.lower(s, q, qn);
    }
    if (op instanceof Op.Unary) {
      return Select.not(s, q, qn);
    }
    Op.BinaryKind kind = ((Op.Binary) op).kind();
    switch (kind) {
      case AND:
      case OR:
      case XOR:
        return Select.logic(s, q, qn, kind);
      default:
        return compare(s, q, qn, kind);
    }
  }

  /** Input i of a node seen at each output element: its cells (constant cells for a constant input). */
  record Operand(AssignedCell[] cells, long[] values, int[] index, boolean param) {
    static Operand of(Synth s, QuantizedGraph q, QNode qn, int i) {
      Node n = qn.node();
      int[] idx = Shapes.broadcastIndex(q.graph().shape(n.inputs().get(i)), q.graph().shape(n.output()));
      if (qn.isParam(i)) {
        return new Operand(null, qn.params()[i], idx, true);
      }
      return new Operand(Lowering.in(s, qn, i), Lowering.inValues(s, q, qn, i), idx, false);
    }

    long value(int o) {
      return values[index[o]];
    }

    AssignedCell cell(Synth s, int o, QNode qn) {
      return param ? s.arith.constant(values[index[o]]) : Lowering.cell(cells, index[o], qn);
    }
  }

  /** d = a − b in one row. */
  static AssignedCell difference(Synth s, String name, AssignedCell a, AssignedCell b, long dv) {
    return s.arith.row(name + " a−b", new Fr[] {Fr.ONE, Fr.ONE.neg(), Fr.ONE.neg()}, null, null,
        new AssignedCell[] {a, b}, new Fr[] {null, null, Fr.of(dv)})[2];
  }

  private static AssignedCell[] compare(Synth s, QuantizedGraph q, QNode qn, Op.BinaryKind kind) {
    Node n = qn.node();
    Operand a = Operand.of(s, q, qn, 0);
    Operand b = Operand.of(s, q, qn, 1);
    long[] y = Lowering.outValues(s, q, qn);
    Fr one = Synth.pow2(qn.outScale());
    boolean strict = kind == Op.BinaryKind.GREATER || kind == Op.BinaryKind.LESS_OR_EQUAL;
    boolean negated = kind == Op.BinaryKind.LESS || kind == Op.BinaryKind.LESS_OR_EQUAL;
    AssignedCell[] out = new AssignedCell[y.length];
    for (int o = 0; o < y.length; o++) {
      if (!s.needs(n.output(), o)) {
        continue;
      }
      AssignedCell ac = a.cell(s, o, qn);
      AssignedCell bc = b.cell(s, o, qn);
      long dv = a.value(o) - b.value(o);
      AssignedCell d = difference(s, n.name(), ac, bc, dv);
      if (kind == Op.BinaryKind.EQUAL) {
        out[o] = equal(s, n.name(), d, dv, y[o], one);
        continue;
      }
      int c = strict ? 1 : 0;
      AssignedCell bit = s.range().check(d, dv, 64, HALF - c);
      long bitV = dv >= c ? 1 : 0;
      Fr[] val = new Fr[Arith.WIDTH];
      if (kind == Op.BinaryKind.MAX || kind == Op.BinaryKind.MIN) {
        boolean max = kind == Op.BinaryKind.MAX;
        val[3] = Fr.of(y[o]);
        out[o] = s.arith.row(n.name() + (max ? " max" : " min"), new Fr[] {null, null, Fr.ONE, Fr.ONE.neg()},
            max ? Fr.ONE : Fr.ONE.neg(), null, new AssignedCell[] {bit, d, max ? bc : ac}, val)[3];
        continue;
      }
      val[1] = Fr.of(y[o]);
      out[o] = s.arith.row(n.name() + " " + kind, new Fr[] {negated ? one.neg() : one, Fr.ONE.neg()}, null,
          negated ? one : null, new AssignedCell[] {bit}, val)[1];
    }
    return out;
  }

  private static AssignedCell equal(Synth s, String name, AssignedCell d, long dv, long yv, Fr one) {
    Fr v = dv == 0 ? Fr.ZERO : one.mul(Fr.of(dv).inverse());
    AssignedCell[] r = s.arith.row(name + " d·v", new Fr[] {null, null, Fr.ONE}, Fr.ONE, one.neg(),
        new AssignedCell[] {d}, new Fr[] {null, v, Fr.of(yv)});
    s.arith.row(name + " d·y", null, Fr.ONE, null, new AssignedCell[] {d, r[2]}, null);
    s.arith.row(name + " y·v", null, Fr.ONE, null, new AssignedCell[] {r[2], r[1]}, null);
    return r[2];
  }

  /** Rows of a node lowered here ({@link RowEstimator#nodeRows} entries), per element of the output. */
  static void rows(long[] g, QuantizedGraph q, QNode n) {
    Node node = n.node();
    Op op = node.op();
    long out = Shapes.size(q.graph().shape(node.output()));
    if (op instanceof Op.ArgExtreme) {
      Argmax.rows(g, q, n);
      return;
    }
    for (int i = 0; i < node.inputs().size(); i++) {
      if (n.isParam(i)) {
        g[0] += n.params()[i].length; // constant cells, at most one per value
      }
    }
    if (op instanceof Op.Where) {
      g[0] += n.isParam(0) ? 0 : Shapes.size(q.graph().shape(node.inputs().get(0))) + 2 * out;
    } else if (op instanceof Op.Unary) {
      g[0] += 2 * out;
    } else {
      Op.BinaryKind kind = ((Op.Binary) op).kind();
      switch (kind) {
        case AND, OR, XOR -> {
          g[0] += out;
          for (int i = 0; i < 2; i++) {
            g[0] += n.isParam(i) ? 0 : Shapes.size(q.graph().shape(node.inputs().get(i)));
          }
        }
        case EQUAL -> g[0] += 4 * out;
        default -> {
          g[0] += 2 * out;
          RowEstimator.range(g, out, 64);
        }
      }
    }
  }
}
