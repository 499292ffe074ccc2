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

  /**
   * A(j) = Σ_i e(i)·M_ij over 2^colVars columns: rows split between the threads, each into its own
   * partial A (summed at the end); small weights read their Montgomery form from a table built once.
   */
  static long[] columnWeights(SparseMatrix m, long[] e, int colVars) {
    int n = 4 << colVars;
    int[] rs = m.rowStart();
    int[] col = m.col();
    long[] val = m.val();
    long[] mont = montgomery(val);
    long shift = (mont.length / 4 - 1) / 2;
    int chunks = Math.max(1, Math.min(io.kubz.field.Parallel.threads(), m.nnz() / 20_000));
    long[][] parts = new long[chunks][];
    io.kubz.field.Parallel.forChunks(0, m.rows(), chunks, (ch, from, to) -> {
      long[] a = new long[n];
      long[] v = new long[4];
      for (int i = from; i < to; i++) {
        for (int k = rs[i]; k < rs[i + 1]; k++) {
          if (mont.length > 0) {
            Fr.mul(v, 0, mont, 4 * (int) (val[k] + shift), e, 4 * i);
          } else {
            Fr.set(v, 0, val[k]);
            Fr.mul(v, 0, v, 0, e, 4 * i);
          }
          Fr.add(a, 4 * col[k], a, 4 * col[k], v, 0);
        }
      }
      parts[ch] = a;
    });
    long[] a = parts[0];
    for (int ch = 1; ch < chunks; ch++) {
      if (parts[ch] != null) {
        for (int j = 0; j < n; j += 4) {
          Fr.add(a, j, a, j, parts[ch], j);
        }
      }
    }
    return a == null ? new long[n] : a;
  }

  /** Every value in [−max, max] in Montgomery form (index v + max), max = max|val|; empty when max is large. */
  private static long[] montgomery(long[] val) {
    long max = 0;
    for (long v : val) {
      max = Math.max(max, Math.abs(v));
    }
    if (max > BUCKET_MAX || max < 0) {
      return new long[0];
    }
    long[] t = new long[4 * (2 * (int) max + 1)];
    for (int i = 0; i < t.length / 4; i++) {
      Fr.set(t, 4 * i, i - max);
    }
    return t;
  }

  /** Weights at most this large in magnitude are summed in buckets by {@link #bilinear}. */
  private static final int BUCKET_MAX = 1 << 12;

  /**
   * Σ_(i,j) e(i)·M_ij·c(j) for c = eq(ρ, ·). Small weights: the products e(i)·c(j) are summed in one
   * bucket per weight value and each bucket is multiplied by its weight once (one product per
   * entry); otherwise one product per entry plus the weight's conversion.
   */
  static Fr bilinear(SparseMatrix m, long[] e, long[] c) {
    long maxAbs = 0;
    for (long v : m.val()) {
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
    if (maxAbs > BUCKET_MAX || maxAbs < 0) {
      return bilinearDirect(m, e, c);
    }
    long shift = maxAbs;
    int width = 2 * (int) maxAbs + 1;
    int[] rs = m.rowStart();
    int[] col = m.col();
    long[] val = m.val();
    int chunks = Math.max(1, Math.min(io.kubz.field.Parallel.threads(), m.nnz() / 20_000));
    long[] buckets = new long[chunks * 4 * width];
    io.kubz.field.Parallel.forChunks(0, m.rows(), chunks, (ch, from, to) -> {
      long[] p = new long[4];
      int base = ch * 4 * width;
      for (int i = from; i < to; i++) {
        if (Fr.isZero(e, 4 * i)) {
          continue;
        }
        for (int k = rs[i]; k < rs[i + 1]; k++) {
          int b = base + 4 * (int) (val[k] + shift);
          Fr.mul(p, 0, e, 4 * i, c, 4 * col[k]);
          Fr.add(buckets, b, buckets, b, p, 0);
        }
      }
    });
    long[] acc = new long[4];
    long[] v = new long[4];
    for (int b = 0; b < width; b++) {
      for (int ch = 1; ch < chunks; ch++) {
        Fr.add(buckets, 4 * b, buckets, 4 * b, buckets, ch * 4 * width + 4 * b);
      }
      if (b != maxAbs && !Fr.isZero(buckets, 4 * b)) {
        Fr.set(v, 0, b - maxAbs);
        Fr.mul(v, 0, v, 0, buckets, 4 * b);
        Fr.add(acc, 0, acc, 0, v, 0);
      }
    }
    return Fr.readFrom(acc, 0);
  }

  private static Fr bilinearDirect(SparseMatrix m, long[] e, long[] c) {
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
