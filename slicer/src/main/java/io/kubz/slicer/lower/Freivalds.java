package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.builder.Selector;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;

/**
 * Freivalds' check of C = W·X (W constant M×K, X an activation matrix K×P, C the accumulators
 * M×P): with one challenge ρ drawn after X and C are committed (phase 0) and r_p = ρ^(e_p) for
 * distinct exponents e_p, it checks C·r = W·(X·r) instead of computing W·X.
 *
 * <p>Horner rows fold a sequence of m-lane rows into h (phase 1):
 * <pre>
 *   q_step·(h(ω·X) − ρ^m·h(X) − Σ_{i&lt;m} ρ^(m−1−i)·x_i(X)) = 0,   q_init·h = 0
 * </pre>
 * so after ⌈P/m⌉ rows h = Σ_p z_p·ρ^(P'−1−p) (P' = m·⌈P/m⌉). The rows of X give u_k = (X·r)_k, the
 * rows of C give v_j = (C·r)_j, and a phase-1 multiply-accumulate with W in fixed columns proves
 * v_j = Σ_k W_jk·u_k. A bias b is one more row of X made of ones with W_{j,K} = b_j.
 *
 * <p>Soundness: if C ≠ W·X (+ b), some row j has D_j = C_j − W_j·X ≠ 0, and v_j − Σ W u = Σ_p
 * D_jp·ρ^(e_p) is a non-zero polynomial of degree &lt; P' in ρ, fixed before ρ is drawn; by
 * Schwartz–Zippel it vanishes with probability ≤ (P'−1)/|F_r|, so ≤ M·P'/|F_r| &lt; 2^−230 over the
 * M rows of one product.
 *
 * <p>Zero lanes: an entry of X that is not an input element (a padded im2col position of a
 * convolution) and every unused lane of a sequence's last row are copies of one cell that the
 * arithmetic gate constrains to 0 ({@link Arith#constant}), never a value left to the prover.
 * Issue #16: a padded entry left free let a prover put z in it and add z·W[·,k] to C, which
 * Freivalds' check accepts (the equation holds for that X), so C, and every value after it, was
 * not the convolution of the input. With the lanes fixed to 0, X is the im2col matrix of the
 * committed input and the argument above applies to it.
 * Cost: (K + 1 + M)·(⌈P/m⌉ + 1) Horner rows and M·(⌈(K+1)/m⌉ + 1) MAC rows, against
 * M·P·(⌈K/m⌉ + 1) for plain multiply-accumulate.
 */
final class Freivalds {
  private final CircuitBuilder cb;
  private final int m;
  private final Column.Advice[] x;
  private final Column.Advice h;
  private final Selector qStep;
  private final Selector qInit;
  private final Expression.Challenge rho;
  private final Mac mac;
  private final Arith arith;

  Freivalds(CircuitBuilder cb, Arith arith, int m) {
    this.cb = cb;
    this.arith = arith;
    this.m = m;
    x = new Column.Advice[m];
    for (int i = 0; i < m; i++) {
      x[i] = cb.advice();
    }
    rho = cb.challenge(0);
    h = cb.advice(1);
    qStep = cb.selector();
    qInit = cb.selector();
    Expression sum = Expression.constant(0);
    Expression pow = Expression.constant(1);
    for (int i = m - 1; i >= 0; i--) {
      sum = sum.add(CircuitBuilder.query(x[i]).mul(pow));
      pow = pow.mul(rho);
    }
    Expression hq = CircuitBuilder.query(h);
    cb.gate("freivalds horner", qStep.expr().mul(CircuitBuilder.query(h, 1).sub(hq.mul(pow)).sub(sum)),
        qInit.expr().mul(hq));
    mac = new Mac(cb, m, 1);
  }

  /** Rows (horner, mac) of one product M×K by K×P (with a bias row). */
  static long[] rows(long mOut, long k, long p, int lanes) {
    long seq = (p + lanes - 1) / lanes + 1;
    return new long[] {(k + 1 + mOut) * seq, mOut * Mac.rows((int) k + 1, lanes)};
  }

  /**
   * Horner over a sequence of P entries: {@code src[p]} non-null is copied in, else {@code fresh[p]}
   * non-null is assigned (the accumulators C), else the lane is a copy of the constant 0, as are
   * the lanes past P. Returns the h cell of the last row; {@code freshCells} receives the assigned
   * cells of {@code fresh}.
   */
  AssignedCell horner(String name, AssignedCell[] src, Fr[] fresh, AssignedCell[] freshCells) {
    int len = src != null ? src.length : fresh.length;
    int rows = (len + m - 1) / m;
    int ri = rho.index();
    AssignedCell zero = arith.constant(0);
    return cb.region(name, r -> {
      r.enable(qInit, 0);
      AssignedCell prev = r.assignAdvice(h, 0, ch -> Fr.ZERO);
      for (int j = 0; j < rows; j++) {
        r.enable(qStep, j);
        Fr[] vals = new Fr[m];
        for (int i = 0; i < m; i++) {
          int p = j * m + i;
          vals[i] = Fr.ZERO;
          if (p >= len || (src != null ? src[p] == null : fresh[p] == null)) {
            r.copyAdvice(zero, x[i], j);
          } else if (src != null) {
            AssignedCell c = r.copyAdvice(src[p], x[i], j);
            vals[i] = c.value() == null ? Fr.ZERO : c.value();
          } else {
            freshCells[p] = r.assignAdvice(x[i], j, fresh[p]);
            vals[i] = fresh[p];
          }
        }
        AssignedCell before = prev;
        prev = r.assignAdvice(h, j + 1, ch -> {
          Fr rv = ch[ri];
          Fr acc = before.value();
          for (int i = 0; i < m; i++) {
            acc = acc.mul(rv).add(vals[i]);
          }
          return acc;
        });
      }
      return prev;
    });
  }

  /** Σ_k w[k]·u[k] over phase-1 cells, by the phase-1 multiply-accumulate. */
  AssignedCell dot(String name, AssignedCell[] u, long[] w) {
    return mac.dotLater(name, u, w);
  }

  void equal(AssignedCell a, AssignedCell b) {
    cb.copy(a, b);
  }

  int lanes() {
    return m;
  }

}
