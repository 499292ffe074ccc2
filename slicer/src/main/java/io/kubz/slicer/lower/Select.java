package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;

/**
 * Booleans and selection, with one = 2^s (true is 1.0 at the activation scale). Every boolean
 * activation read is constrained once per element by c·c − one·c = 0, i.e. c ∈ {0, one}; then
 * <pre>
 *   And: one·y = a·b;   Or: one·y = one·a + one·b − a·b;   Xor: one·y = one·a + one·b − 2·a·b;   Not: y = one − c
 *   Where(c, x, z):  d = x − z,  one·y = one·z + c·d        (c ∈ {0, one}: y is z or x)
 * </pre>
 * A Where whose condition is a constant (a causal mask) takes no rows: each output is the cell of
 * x or of z (a constant cell for a constant side), as a re-indexing would.
 */
final class Select {
  private Select() {}

  static AssignedCell[] logic(Synth s, QuantizedGraph q, QNode qn, Op.BinaryKind kind) {
    Node n = qn.node();
    Compare.Operand a = Compare.Operand.of(s, q, qn, 0);
    Compare.Operand b = Compare.Operand.of(s, q, qn, 1);
    long[] y = Lowering.outValues(s, q, qn);
    Fr one = Synth.pow2(qn.outScale());
    boolean[] checkedA = new boolean[a.values().length];
    boolean[] checkedB = new boolean[b.values().length];
    Fr[] coeff = kind == Op.BinaryKind.AND ? new Fr[] {null, null, one.neg()} : new Fr[] {one, one, one.neg()};
    Fr mul = kind == Op.BinaryKind.AND ? Fr.ONE : kind == Op.BinaryKind.OR ? Fr.ONE.neg() : Fr.of(-2);
    AssignedCell[] out = new AssignedCell[y.length];
    for (int o = 0; o < y.length; o++) {
      if (!s.needs(n.output(), o)) {
        continue;
      }
      AssignedCell ac = checked(s, a, o, qn, checkedA, one);
      AssignedCell bc = checked(s, b, o, qn, checkedB, one);
      out[o] = s.arith.row(n.name() + " " + kind, coeff, mul, null, new AssignedCell[] {ac, bc},
          new Fr[] {null, null, Fr.of(y[o])})[2];
    }
    return out;
  }

  static AssignedCell[] not(Synth s, QuantizedGraph q, QNode qn) {
    Compare.Operand x = Compare.Operand.of(s, q, qn, 0);
    long[] y = Lowering.outValues(s, q, qn);
    Fr one = Synth.pow2(qn.outScale());
    boolean[] checked = new boolean[x.values().length];
    AssignedCell[] out = new AssignedCell[y.length];
    for (int o = 0; o < y.length; o++) {
      AssignedCell c = checked(s, x, o, qn, checked, one);
      out[o] = s.arith.row(qn.name() + " not", new Fr[] {Fr.ONE, Fr.ONE}, null, one.neg(), new AssignedCell[] {c},
          new Fr[] {null, Fr.of(y[o])})[1];
    }
    return out;
  }

  static AssignedCell[] where(Synth s, QuantizedGraph q, QNode qn) {
    Node n = qn.node();
    Compare.Operand c = Compare.Operand.of(s, q, qn, 0);
    Compare.Operand x = Compare.Operand.of(s, q, qn, 1);
    Compare.Operand z = Compare.Operand.of(s, q, qn, 2);
    long[] y = Lowering.outValues(s, q, qn);
    Fr one = Synth.pow2(qn.outScale());
    boolean[] checked = new boolean[c.values().length];
    AssignedCell[] out = new AssignedCell[y.length];
    for (int o = 0; o < y.length; o++) {
      if (!s.needs(n.output(), o)) {
        continue;
      }
      if (c.param()) { // a constant mask: a copy of one side
        out[o] = c.value(o) != 0 ? x.cell(s, o, qn) : z.cell(s, o, qn);
        continue;
      }
      AssignedCell cc = checked(s, c, o, qn, checked, one);
      AssignedCell zc = z.cell(s, o, qn);
      AssignedCell d = Compare.difference(s, n.name(), x.cell(s, o, qn), zc, x.value(o) - z.value(o));
      out[o] = s.arith.row(n.name() + " where", new Fr[] {null, null, one, one.neg()}, Fr.ONE, null,
          new AssignedCell[] {cc, d, zc}, new Fr[] {null, null, null, Fr.of(y[o])})[3];
    }
    return out;
  }

  /** The operand's cell at output o, constrained boolean the first time its element is read. */
  private static AssignedCell checked(Synth s, Compare.Operand v, int o, QNode qn, boolean[] done, Fr one) {
    AssignedCell cell = v.cell(s, o, qn);
    int j = v.index()[o];
    if (!v.param() && !done[j]) {
      s.arith.row(qn.name() + " boolean", new Fr[] {one.neg()}, Fr.ONE, null, new AssignedCell[] {cell, cell}, null);
      done[j] = true;
    }
    return cell;
  }
}
