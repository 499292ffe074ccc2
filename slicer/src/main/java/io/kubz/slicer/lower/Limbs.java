package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.builder.Selector;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;

/**
 * A 16-bit limb per row: advice l and bits b_0..b_15 with
 * <pre>  q·(l − Σ b_i·2^i) = 0,   q·b_i·(b_i − 1) = 0  </pre>
 * so l ∈ [0, 2^16). The interim range check until the lookup argument lands (then one table
 * lookup replaces a row).
 */
final class Limbs {
  static final int BITS = 16;
  private final CircuitBuilder cb;
  private final Column.Advice limb;
  private final Column.Advice[] bit = new Column.Advice[BITS];
  private final Selector q;

  Limbs(CircuitBuilder cb) {
    this.cb = cb;
    limb = cb.advice();
    q = cb.selector();
    Expression[] polys = new Expression[BITS + 1];
    Expression sum = Expression.constant(0);
    for (int i = 0; i < BITS; i++) {
      bit[i] = cb.advice();
      Expression b = CircuitBuilder.query(bit[i]);
      sum = sum.add(b.mul(1L << i));
      polys[i + 1] = q.expr().mul(b).mul(b.sub(Expression.constant(1)));
    }
    polys[0] = q.expr().mul(CircuitBuilder.query(limb).sub(sum));
    cb.gate("limb16", polys);
  }

  /**
   * Proves {@code src} (whose integer value is {@code v}) lies in [0, 2^16); returns bit
   * {@code wanted} of it as a cell (or null for wanted &lt; 0).
   */
  AssignedCell check(AssignedCell src, long v, int wanted) {
    return cb.region("limb", r -> {
      r.enable(q, 0);
      if (src != null) {
        r.copyAdvice(src, limb, 0);
      }
      AssignedCell w = null;
      for (int i = 0; i < BITS; i++) {
        AssignedCell c = r.assignAdvice(bit[i], 0, ((v >>> i) & 1) == 1 ? Fr.ONE : Fr.ZERO);
        if (i == wanted) {
          w = c;
        }
      }
      return w;
    });
  }
}
