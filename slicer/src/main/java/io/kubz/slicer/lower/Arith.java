package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import java.util.HashMap;
import java.util.Map;

/**
 * The general arithmetic row over five advice cells a_0..a_4:
 * <pre>  Σ q_i·a_i + q_m·a_0·a_1 + q_k = 0  </pre>
 * with the q's in fixed columns. A row whose q's are all zero constrains nothing, so no selector
 * is needed and the same columns also store plain values (input tensors, salts).
 */
final class Arith {
  static final int WIDTH = 5;
  private final CircuitBuilder cb;
  private final Column.Advice[] a = new Column.Advice[WIDTH];
  private final Column.Fixed[] q = new Column.Fixed[WIDTH];
  private final Column.Fixed qm;
  private final Column.Fixed qk;
  private final Map<Long, AssignedCell> constants = new HashMap<>();

  Arith(CircuitBuilder cb) {
    this.cb = cb;
    Expression e = Expression.constant(0);
    for (int i = 0; i < WIDTH; i++) {
      a[i] = cb.advice();
      q[i] = cb.fixed();
      e = e.add(CircuitBuilder.query(q[i]).mul(CircuitBuilder.query(a[i])));
    }
    qm = cb.fixed();
    qk = cb.fixed();
    e = e.add(CircuitBuilder.query(qm).mul(CircuitBuilder.query(a[0])).mul(CircuitBuilder.query(a[1])))
        .add(CircuitBuilder.query(qk));
    cb.gate("arith", e);
  }

  /**
   * One constrained row. {@code coeff[i]} multiplies a_i (null = 0); {@code src[i]} non-null copies
   * that cell into a_i, else a_i is assigned {@code val[i]} (null = unused). Returns the five cells
   * (null where unused).
   */
  AssignedCell[] row(String name, Fr[] coeff, Fr mul, Fr constant, AssignedCell[] src, Fr[] val) {
    return cb.region(name, r -> {
      AssignedCell[] out = new AssignedCell[WIDTH];
      for (int i = 0; i < WIDTH; i++) {
        if (src != null && i < src.length && src[i] != null) {
          out[i] = r.copyAdvice(src[i], a[i], 0);
        } else if (val != null && i < val.length && val[i] != null) {
          out[i] = r.assignAdvice(a[i], 0, val[i]);
        }
        if (coeff != null && i < coeff.length && coeff[i] != null && !coeff[i].isZero()) {
          r.assignFixed(q[i], 0, coeff[i]);
        }
      }
      if (mul != null && !mul.isZero()) {
        r.assignFixed(qm, 0, mul);
      }
      if (constant != null && !constant.isZero()) {
        r.assignFixed(qk, 0, constant);
      }
      return out;
    });
  }

  /** Unconstrained storage: the values five to a row. */
  AssignedCell[] store(String name, Fr[] values) {
    AssignedCell[] out = new AssignedCell[values.length];
    cb.region(name, r -> {
      for (int i = 0; i < values.length; i++) {
        out[i] = r.assignAdvice(a[i % WIDTH], i / WIDTH, values[i]);
      }
      return null;
    });
    return out;
  }

  /** A cell constrained to the constant v (one per value and circuit). */
  AssignedCell constant(long v) {
    AssignedCell c = constants.get(v);
    if (c == null) {
      Fr fv = Fr.of(v);
      c = row("constant", new Fr[] {Fr.ONE}, null, fv.neg(), null, new Fr[] {fv})[0];
      constants.put(v, c);
    }
    return c;
  }
}
