package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.builder.Selector;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;

/**
 * Multiply-accumulate with m products per row, weights in fixed columns:
 * <pre>
 *   q_mac ·(acc(ω·X) − acc(X) − Σ_{i&lt;m} x_i(X)·w_i(X)) = 0
 *   q_init·(acc(X) − bias(X)) = 0
 * </pre>
 * A dot product of length K with bias β takes ⌈K/m⌉ rows plus one row for the result: acc starts
 * at β and the last row holds β + Σ x·w. The x_i are copies of the activation cells (im2col for a
 * convolution is only the choice of which cells are copied).
 */
final class Mac {
  private final CircuitBuilder cb;
  private final int m;
  private final Column.Advice[] x;
  private final Column.Fixed[] w;
  private final Column.Advice acc;
  private final Column.Fixed bias;
  private final Selector qMac;
  private final Selector qInit;

  Mac(CircuitBuilder cb, int m) {
    this(cb, m, 0);
  }

  /** A multiply-accumulate whose x and acc columns are advice of {@code phase}. */
  Mac(CircuitBuilder cb, int m, int phase) {
    this.cb = cb;
    this.m = m;
    x = new Column.Advice[m];
    w = new Column.Fixed[m];
    Expression sum = Expression.constant(0);
    for (int i = 0; i < m; i++) {
      x[i] = cb.advice(phase);
      w[i] = cb.fixed();
      sum = sum.add(CircuitBuilder.query(x[i]).mul(CircuitBuilder.query(w[i])));
    }
    acc = cb.advice(phase);
    bias = cb.fixed();
    qMac = cb.selector();
    qInit = cb.selector();
    Expression a = CircuitBuilder.query(acc);
    cb.gate("mac", qMac.expr().mul(CircuitBuilder.query(acc, 1).sub(a).sub(sum)),
        qInit.expr().mul(a.sub(CircuitBuilder.query(bias))));
  }

  int lanes() {
    return m;
  }

  /** Rows of one dot product of length k. */
  static int rows(int k, int m) {
    return (k + m - 1) / m + 1;
  }

  /**
   * β + Σ_j xs[j]·ws[j] over the cells xs (values xv); returns the result cell. Entries of xs may be
   * null (padding): they are skipped.
   */
  AssignedCell dot(String name, AssignedCell[] xs, long[] xv, long[] ws, long beta) {
    return cb.region(name, r -> {
      long total = beta;
      int lane = 0;
      int row = 0;
      r.enable(qInit, 0);
      if (beta != 0) {
        r.assignFixed(bias, 0, Fr.of(beta));
      }
      AssignedCell last = r.assignAdvice(acc, 0, Fr.of(beta));
      for (int j = 0; j < xs.length; j++) {
        if (xs[j] == null) {
          continue;
        }
        if (lane == 0) {
          r.enable(qMac, row);
        }
        r.copyAdvice(xs[j], x[lane], row);
        if (ws[j] != 0) {
          r.assignFixed(w[lane], row, Fr.of(ws[j]));
        }
        total += xv[j] * ws[j];
        lane++;
        if (lane == m) {
          lane = 0;
          row++;
          last = r.assignAdvice(acc, row, Fr.of(total));
        }
      }
      if (lane != 0) {
        row++;
        last = r.assignAdvice(acc, row, Fr.of(total));
      }
      return last;
    });
  }

  /**
   * Σ_j xs[j]·ws[j] over cells of a later phase (this gadget's phase must be ≥ 1): the values are
   * computed once the challenges are drawn, from the copied cells' values.
   */
  AssignedCell dotLater(String name, AssignedCell[] xs, long[] ws) {
    return cb.region(name, r -> {
      r.enable(qInit, 0);
      AssignedCell last = r.assignAdvice(acc, 0, ch -> Fr.ZERO);
      int rows = (xs.length + m - 1) / m;
      for (int row = 0; row < rows; row++) {
        r.enable(qMac, row);
        AssignedCell[] lane = new AssignedCell[m];
        Fr[] wf = new Fr[m];
        for (int i = 0; i < m; i++) {
          int j = row * m + i;
          if (j >= xs.length) {
            continue;
          }
          lane[i] = r.copyAdvice(xs[j], x[i], row);
          wf[i] = Fr.of(ws[j]);
          if (ws[j] != 0) {
            r.assignFixed(w[i], row, wf[i]);
          }
        }
        AssignedCell before = last;
        last = r.assignAdvice(acc, row + 1, ch -> {
          Fr a = before.value();
          for (int i = 0; i < m; i++) {
            if (lane[i] != null) {
              a = a.add(lane[i].value().mul(wf[i]));
            }
          }
          return a;
        });
      }
      return last;
    });
  }
}
