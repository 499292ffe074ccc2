package io.kubz.gkr.model;

import io.kubz.field.Fr;
import io.kubz.gkr.mle.Mle;
import io.kubz.gkr.opening.Claim;
import java.util.List;

/**
 * The O(nnz) kernels of a {@link Layer.Linear} step: e(i) = Σ_k γ^k·eq(r_k, i) over the output's
 * rows, the prover's A(j) = Σ_i e(i)·M_ij and the verifier's Σ_(i,j) e(i)·M_ij·eq(ρ, j).
 */
final class Sparse {
  private Sparse() {}

  /** e(i) = Σ_k γ^k·eq(r_k, i) over 2^vars rows. */
  static long[] rowWeights(List<Claim> claims, Fr[] gamma, int vars) {
    long[] e = new long[4 << vars];
    long[] tmp = new long[4 << vars];
    long[] g = new long[4];
    for (int k = 0; k < claims.size(); k++) {
      gamma[k].writeTo(g, 0);
      Mle.eq(k == 0 ? e : tmp, claims.get(k).point(), 0, vars, g, 0);
      if (k > 0) {
        for (int i = 0; i < 1 << vars; i++) {
          Fr.add(e, 4 * i, e, 4 * i, tmp, 4 * i);
        }
      }
    }
    return e;
  }

  /** Σ_i e(i)·bias[i] (0 without a bias). */
  static Fr biasTerm(long[] e, long[] bias) {
    if (bias == null) {
      return Fr.ZERO;
    }
    long[] acc = new long[4];
    long[] b = new long[4];
    for (int i = 0; i < bias.length; i++) {
      if (bias[i] != 0) {
        Fr.set(b, 0, bias[i]);
        Fr.mul(b, 0, b, 0, e, 4 * i);
        Fr.add(acc, 0, acc, 0, b, 0);
      }
    }
    return Fr.readFrom(acc, 0);
  }

  /** A(j) = Σ_i e(i)·M_ij over 2^colVars columns. */
  static long[] columnWeights(SparseMatrix m, long[] e, int colVars) {
    long[] a = new long[4 << colVars];
    long[] v = new long[4];
    int[] rs = m.rowStart();
    int[] col = m.col();
    long[] val = m.val();
    for (int i = 0; i < m.rows(); i++) {
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        Fr.set(v, 0, val[k]);
        Fr.mul(v, 0, v, 0, e, 4 * i);
        Fr.add(a, 4 * col[k], a, 4 * col[k], v, 0);
      }
    }
    return a;
  }

  /** Σ_(i,j) e(i)·M_ij·c(j) for c = eq(ρ, ·): one product per entry plus one per row. */
  static Fr bilinear(SparseMatrix m, long[] e, long[] c) {
    long[] acc = new long[4];
    long[] row = new long[4];
    long[] v = new long[4];
    int[] rs = m.rowStart();
    int[] col = m.col();
    long[] val = m.val();
    for (int i = 0; i < m.rows(); i++) {
      if (rs[i] == rs[i + 1]) {
        continue;
      }
      Fr.setZero(row, 0);
      for (int k = rs[i]; k < rs[i + 1]; k++) {
        Fr.set(v, 0, val[k]);
        Fr.mul(v, 0, v, 0, c, 4 * col[k]);
        Fr.add(row, 0, row, 0, v, 0);
      }
      Fr.mul(row, 0, row, 0, e, 4 * i);
      Fr.add(acc, 0, acc, 0, row, 0);
    }
    return Fr.readFrom(acc, 0);
  }
}
