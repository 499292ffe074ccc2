package io.kubz.gkr.sumcheck;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;
import java.util.Arrays;
import java.util.List;

/**
 * One round's sums over the hypercube for a {@link Composition} of degree d: for each pair
 * (g[2i], g[2i+1]) every factor is extended to X = 0, 2, 3, …, d by repeated addition of the
 * difference, each term's product is taken per point (times an optional weight w[i]), and the
 * per-term sums get their coefficients at the end. Chunks of pairs run through {@link Parallel}
 * with their own accumulators; the loop over pairs allocates nothing.
 */
final class RoundKernel {
  private final int m;
  private final int d;
  private final int[][] termFactors;
  private final long[] coeffs;

  RoundKernel(Composition f) {
    m = f.factorCount();
    d = f.degree();
    List<Term> terms = f.terms();
    termFactors = new int[terms.size()][];
    coeffs = new long[4 * terms.size()];
    for (int i = 0; i < terms.size(); i++) {
      termFactors[i] = terms.get(i).factors();
      terms.get(i).coefficient().writeTo(coeffs, 4 * i);
    }
  }

  int degree() {
    return d;
  }

  /**
   * out[oo + 4p] = Σ_{i &lt; half} w[i]·f(g(X_p, i)) for X_p = 0, 2, 3, …, d (p = 0..d−1), w = 1 when
   * weights is null.
   */
  void sums(long[][] tab, int half, long[] weights, long[] out, int oo) {
    int nt = termFactors.length;
    int points = d;
    int stride = nt * points * 4;
    int chunks = Math.max(1, Math.min(Parallel.threads() * 4, half / 1024));
    long[] acc = new long[chunks * stride];
    Parallel.forChunks(0, half, chunks, (c, from, to) -> pairs(tab, weights, from, to, acc, c * stride));
    for (int c = 1; c < chunks; c++) {
      for (int i = 0; i < stride; i += 4) {
        Fr.add(acc, i, acc, i, acc, c * stride + i);
      }
    }
    Arrays.fill(out, oo, oo + 4 * points, 0);
    long[] tmp = new long[4];
    for (int ti = 0; ti < nt; ti++) {
      for (int p = 0; p < points; p++) {
        Fr.mul(tmp, 0, acc, (ti * points + p) * 4, coeffs, 4 * ti);
        Fr.add(out, oo + 4 * p, out, oo + 4 * p, tmp, 0);
      }
    }
  }

  /** Adds, for pairs [from, to), every term's (weighted) product at each point into acc[ao..]. */
  private void pairs(long[][] tab, long[] w, int from, int to, long[] acc, int ao) {
    int points = d;
    long[] vals = new long[m * points * 4];
    long[] diff = new long[4];
    long[] prod = new long[4];
    int nt = termFactors.length;
    for (int i = from; i < to; i++) {
      for (int j = 0; j < m; j++) {
        long[] g = tab[j];
        int base = j * points * 4;
        // g(0) = g[2i], g(2) = g[2i+1] + diff, g(e+1) = g(e) + diff, diff = g[2i+1] − g[2i]
        Fr.copy(vals, base, g, 8 * i);
        if (points > 1) {
          Fr.sub(diff, 0, g, 8 * i + 4, g, 8 * i);
          Fr.add(vals, base + 4, g, 8 * i + 4, diff, 0);
          for (int p = 2; p < points; p++) {
            Fr.add(vals, base + 4 * p, vals, base + 4 * (p - 1), diff, 0);
          }
        }
      }
      for (int ti = 0; ti < nt; ti++) {
        int[] fs = termFactors[ti];
        int ab = ao + ti * points * 4;
        for (int p = 0; p < points; p++) {
          int off = fs[0] * points * 4 + 4 * p;
          if (fs.length == 1) {
            Fr.copy(prod, 0, vals, off);
          } else {
            Fr.mul(prod, 0, vals, off, vals, fs[1] * points * 4 + 4 * p);
          }
          for (int k = 2; k < fs.length; k++) {
            Fr.mul(prod, 0, prod, 0, vals, fs[k] * points * 4 + 4 * p);
          }
          if (w != null) {
            Fr.mul(prod, 0, prod, 0, w, 4 * i);
          }
          Fr.add(acc, ab + 4 * p, acc, ab + 4 * p, prod, 0);
        }
      }
    }
  }
}
