package io.kubz.plonkish.gadgets;

import io.kubz.field.Fr;
import io.kubz.merkle.PoseidonParams;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.builder.RegionBuilder;
import io.kubz.plonkish.builder.Selector;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * The Poseidon permutation of width t laid out densely, every gate of degree ≤ 5 (selector
 * included). A row holds the state x_0..x_{t−1} and 2t − 1 extra advice cells e_*; fixed cells
 * f_* hold the row's constants. One row per full round, R = t partial rounds per row (R the largest
 * divisor of R_P not above t), so a permutation takes R_F + R_P/R rows (20 for t = 5, not 68).
 * <pre>
 *   full:     u_j = x_j (+ a_j) + f_j,  e_j = u_j^4,  x_i(ω·X) = Σ_j M_ij·e_j·u_j
 *             (absorbing form: a_j = e_{t+j−1}, j ≥ 1, the block added to the rate cells first)
 *   partial:  w_0 = x_0 + f_0,  w_k = e_{R+k−1} (k ≥ 1),  h_k = e_k = w_k^4,  z_k = h_k·w_k,
 *             w_k = α_k·x + Σ_{i&lt;k} β_ki·z_i + f_k,   x(ω·X) = A·x + B·z + (f_R..f_{R+t−1})
 * </pre>
 * R partial rounds compose to an affine map of the row's state and the R S-box outputs, because a
 * partial round S-boxes cell 0 only: tracking s = A·x + B·z + g symbolically through
 * s ← M·(s + c) with s_0 replaced by z_k after round k gives α_k, β_k (row 0 of A, B before the
 * replacement) and the final A, B. They do not depend on the round constants, which enter only g:
 * its values (γ_k = g_0 before round k's S-box, then the final g) are the row's fixed cells.
 */
public final class PoseidonRounds {
  private final PoseidonParams p;
  private final int t;
  private final int perRow;
  private final Column.Advice[] x;
  private final Column.Advice[] e;
  private final Column.Fixed[] f;
  private final Selector full;
  private final Selector fullAbsorb;
  private final Selector partial;
  private final Fr[][] mds;
  private final Fr[][] rc;

  private PoseidonRounds(CircuitBuilder b, int t) {
    this.p = PoseidonParams.of(t);
    this.t = t;
    this.perRow = partialPerRow(t);
    x = new Column.Advice[t];
    e = new Column.Advice[2 * t - 1];
    f = new Column.Fixed[perRow + t];
    for (int i = 0; i < x.length; i++) {
      x[i] = b.advice();
    }
    for (int i = 0; i < e.length; i++) {
      e[i] = b.advice();
    }
    for (int i = 0; i < f.length; i++) {
      f[i] = b.fixed();
    }
    full = b.selector();
    fullAbsorb = b.selector();
    partial = b.selector();
    mds = new Fr[t][t];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < t; j++) {
        mds[i][j] = Fr.of(p.mds(i, j));
      }
    }
    rc = new Fr[p.rounds()][t];
    for (int r = 0; r < p.rounds(); r++) {
      for (int j = 0; j < t; j++) {
        rc[r][j] = Fr.of(p.roundConstant(r, j));
      }
    }
    fullGate(b, full, false);
    fullGate(b, fullAbsorb, true);
    partialGate(b);
  }

  /** Allocates the columns and gates of the width-t permutation (t = 2..17). */
  public static PoseidonRounds configure(CircuitBuilder b, int width) {
    return new PoseidonRounds(b, width);
  }

  /** R: the largest divisor of the partial-round count not above t. */
  public static int partialPerRow(int t) {
    int rp = PoseidonParams.partialRoundsFor(t);
    int r = t;
    while (rp % r != 0) {
      r--;
    }
    return r;
  }

  /** Rows one permutation takes (its output state sits on the row after them). */
  public static int rowsPerPermutation(int t) {
    return PoseidonParams.FULL_ROUNDS + PoseidonParams.partialRoundsFor(t) / partialPerRow(t);
  }

  public int width() {
    return t;
  }

  public int rowsPerPermutation() {
    return rowsPerPermutation(t);
  }

  /** The state column i. */
  public Column.Advice state(int i) {
    return x[i];
  }

  private static Expression q(Column c) {
    return CircuitBuilder.query(c);
  }

  private void fullGate(CircuitBuilder b, Selector s, boolean absorbing) {
    List<Expression> polys = new ArrayList<>();
    Expression[] u = new Expression[t];
    for (int j = 0; j < t; j++) {
      Expression in = absorbing && j > 0 ? q(x[j]).add(q(e[t + j - 1])) : q(x[j]);
      u[j] = in.add(q(f[j]));
      Expression u2 = u[j].mul(u[j]);
      polys.add(s.expr().mul(q(e[j]).sub(u2.mul(u2))));
    }
    for (int i = 0; i < t; i++) {
      Expression sum = Expression.constant(0);
      for (int j = 0; j < t; j++) {
        sum = sum.add(q(e[j]).mul(u[j]).scale(mds[i][j]));
      }
      polys.add(s.expr().mul(CircuitBuilder.query(x[i], 1).sub(sum)));
    }
    b.gate(absorbing ? "poseidon full round (absorb)" : "poseidon full round", polys.toArray(new Expression[0]));
  }

  /** The affine coefficients of R partial rounds: {α (R×t), β (R×R), A (t×t), B (t×R)}. */
  private Fr[][][] affine() {
    Fr[][] a = identity(t);
    Fr[][] bb = zeros(t, perRow);
    Fr[][] alpha = new Fr[perRow][];
    Fr[][] beta = new Fr[perRow][];
    for (int k = 0; k < perRow; k++) {
      alpha[k] = a[0].clone();
      beta[k] = bb[0].clone();
      a[0] = zeros(1, t)[0];
      bb[0] = zeros(1, perRow)[0];
      bb[0][k] = Fr.ONE;
      a = times(mds, a);
      bb = times(mds, bb);
    }
    return new Fr[][][] {alpha, beta, a, bb};
  }

  private void partialGate(CircuitBuilder b) {
    Fr[][][] c = affine();
    Expression[] w = new Expression[perRow];
    Expression[] z = new Expression[perRow];
    List<Expression> polys = new ArrayList<>();
    Expression sel = partial.expr();
    for (int k = 0; k < perRow; k++) {
      w[k] = k == 0 ? q(x[0]).add(q(f[0])) : q(e[perRow + k - 1]);
      Expression w2 = w[k].mul(w[k]);
      polys.add(sel.mul(q(e[k]).sub(w2.mul(w2))));
      z[k] = q(e[k]).mul(w[k]);
      if (k > 0) {
        polys.add(sel.mul(w[k].sub(affine(c[0][k], c[1][k], z, q(f[k])))));
      }
    }
    for (int i = 0; i < t; i++) {
      polys.add(sel.mul(CircuitBuilder.query(x[i], 1).sub(affine(c[2][i], c[3][i], z, q(f[perRow + i])))));
    }
    b.gate("poseidon partial rounds", polys.toArray(new Expression[0]));
  }

  /** α·x + β·z + constant, skipping zero coefficients. */
  private Expression affine(Fr[] alpha, Fr[] beta, Expression[] z, Expression constant) {
    Expression sum = constant;
    for (int j = 0; j < t; j++) {
      if (!alpha[j].isZero()) {
        sum = sum.add(q(x[j]).scale(alpha[j]));
      }
    }
    for (int i = 0; i < beta.length; i++) {
      if (!beta[i].isZero()) {
        sum = sum.add(z[i].scale(beta[i]));
      }
    }
    return sum;
  }

  /** Assigns the state cells of {@code row}. */
  public AssignedCell[] assignState(RegionBuilder r, int row, Fr[] st) {
    AssignedCell[] out = new AssignedCell[t];
    for (int i = 0; i < t; i++) {
      out[i] = r.assignAdvice(x[i], row, st[i]);
    }
    return out;
  }

  /**
   * Lays out one permutation from {@code row}, whose state cells the caller has assigned with
   * {@code st}; with {@code absorb} (t − 1 cells, copied in) the permutation acts on
   * st + (0, absorb). Assigns the state cells of the following rows up to, not including, row +
   * {@link #rowsPerPermutation()}, where the caller assigns the returned output state.
   */
  public Fr[] permute(RegionBuilder r, int row, Fr[] st, AssignedCell[] absorb) {
    Fr[] s = st.clone();
    if (absorb != null) {
      if (absorb.length != t - 1) {
        throw new IllegalArgumentException("absorbing takes " + (t - 1) + " cells, got " + absorb.length);
      }
      for (int j = 1; j < t; j++) {
        AssignedCell c = r.copyAdvice(absorb[j - 1], e[t + j - 1], row);
        s[j] = c.value() == null ? s[j] : s[j].add(c.value());
      }
    }
    int half = PoseidonParams.FULL_ROUNDS / 2;
    int round = 0;
    for (int i = 0; i < half; i++, round++, row++) {
      if (round > 0) {
        assignState(r, row, s);
      }
      s = fullRow(r, row, round, s, round == 0 && absorb != null);
    }
    for (int g = 0; g < p.partialRounds() / perRow; g++, row++) {
      assignState(r, row, s);
      s = partialRow(r, row, round, s);
      round += perRow;
    }
    for (int i = 0; i < half; i++, round++, row++) {
      assignState(r, row, s);
      s = fullRow(r, row, round, s, false);
    }
    return s;
  }

  private Fr[] fullRow(RegionBuilder r, int row, int round, Fr[] s, boolean absorbing) {
    r.enable(absorbing ? fullAbsorb : full, row);
    Fr[] z = new Fr[t];
    for (int j = 0; j < t; j++) {
      r.assignFixed(f[j], row, rc[round][j]);
      Fr u = s[j].add(rc[round][j]);
      Fr u4 = u.square().square();
      r.assignAdvice(e[j], row, u4);
      z[j] = u4.mul(u);
    }
    return mix(z);
  }

  private Fr[] partialRow(RegionBuilder r, int row, int round, Fr[] s) {
    r.enable(partial, row);
    Fr[] cur = s.clone();
    Fr[] g = new Fr[t];
    java.util.Arrays.fill(g, Fr.ZERO);
    for (int k = 0; k < perRow; k++) {
      Fr[] c = rc[round + k];
      for (int j = 0; j < t; j++) {
        cur[j] = cur[j].add(c[j]);
        g[j] = g[j].add(c[j]);
      }
      Fr w = cur[0];
      r.assignFixed(f[k], row, g[0]);
      if (k > 0) {
        r.assignAdvice(e[perRow + k - 1], row, w);
      }
      Fr w4 = w.square().square();
      r.assignAdvice(e[k], row, w4);
      cur[0] = w4.mul(w);
      g[0] = Fr.ZERO;
      cur = mix(cur);
      g = mix(g);
    }
    for (int i = 0; i < t; i++) {
      r.assignFixed(f[perRow + i], row, g[i]);
    }
    return cur;
  }

  private Fr[] mix(Fr[] v) {
    Fr[] out = new Fr[t];
    for (int i = 0; i < t; i++) {
      Fr acc = Fr.ZERO;
      for (int j = 0; j < t; j++) {
        acc = acc.add(mds[i][j].mul(v[j]));
      }
      out[i] = acc;
    }
    return out;
  }

  private static Fr[][] identity(int n) {
    Fr[][] m = zeros(n, n);
    for (int i = 0; i < n; i++) {
      m[i][i] = Fr.ONE;
    }
    return m;
  }

  private static Fr[][] zeros(int rows, int cols) {
    Fr[][] m = new Fr[rows][cols];
    for (Fr[] row : m) {
      java.util.Arrays.fill(row, Fr.ZERO);
    }
    return m;
  }

  private static Fr[][] times(Fr[][] m, Fr[][] a) {
    Fr[][] out = zeros(m.length, a[0].length);
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        Fr acc = Fr.ZERO;
        for (int l = 0; l < a.length; l++) {
          acc = acc.add(m[i][l].mul(a[l][j]));
        }
        out[i][j] = acc;
      }
    }
    return out;
  }
}
