package io.kubz.gkr.sumcheck;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;
import java.util.Arrays;
import java.util.List;

/**
 * One round's sums over the hypercube for a {@link Composition} of degree d, fused with binding
 * the previous round's variable: for each pair i the kernel loads (g[2i], g[2i+1]) of every table
 * ({@link RoundInput}: read in place, or bound from the previous round's four entries and written
 * to the next buffer), extends each factor to X = 0, 2, 3, …, d by repeated addition of the
 * difference, takes each term's product per point (times an optional weight w[i]) and gives the
 * per-term sums their coefficients at the end. So each round reads every table once. Two shapes
 * have dedicated loops ({@link FastKernels}); the others take the generic one. Chunks of pairs
 * run through {@link Parallel} with their own accumulators; the loop over pairs allocates nothing.
 */
final class RoundKernel {
  private final int m;
  private final int d;
  private final int[][] termFactors;
  private final long[] coeffs;
  private final FastKernels.Shape shape;

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
    shape = FastKernels.shapeOf(f);
  }

  int degree() {
    return d;
  }

  /**
   * out[oo + 4p] = Σ_{i &lt; half} w[i]·f(g(X_p, i)) for X_p = 0, 2, 3, …, d (p = 0..d−1), w = 1 when
   * the input has no weights; binds the previous round's variable on the way when the input says so.
   */
  void sums(RoundInput in, int half, long[] out, int oo) {
    int nt = termFactors.length;
    int points = d;
    int stride = shape == FastKernels.Shape.GENERIC ? nt * points * 4 : points * 4;
    int chunks = Math.max(1, Math.min(Parallel.threads() * 4, half / 1024));
    long[] acc = new long[chunks * stride];
    Parallel.forChunks(0, half, chunks, (c, from, to) -> {
      switch (shape) {
        case PRODUCT2 -> FastKernels.product2(in, from, to, acc, c * stride);
        case FRACTION -> FastKernels.fraction(in, coeffs, 8, from, to, acc, c * stride);
        default -> pairs(in, from, to, acc, c * stride);
      }
    });
    for (int c = 1; c < chunks; c++) {
      for (int i = 0; i < stride; i += 4) {
        Fr.add(acc, i, acc, i, acc, c * stride + i);
      }
    }
    if (shape == FastKernels.Shape.FRACTION) {
      System.arraycopy(acc, 0, out, oo, 4 * points);
      return;
    }
    Arrays.fill(out, oo, oo + 4 * points, 0);
    long[] tmp = new long[4];
    int terms = shape == FastKernels.Shape.GENERIC ? nt : 1;
    for (int ti = 0; ti < terms; ti++) {
      for (int p = 0; p < points; p++) {
        Fr.mul(tmp, 0, acc, (ti * points + p) * 4, coeffs, 4 * ti);
        Fr.add(out, oo + 4 * p, out, oo + 4 * p, tmp, 0);
      }
    }
  }

  /** Adds, for pairs [from, to), every term's (weighted) product at each point into acc[ao..]. */
  private void pairs(RoundInput in, int from, int to, long[] acc, int ao) {
    int points = d;
    long[] lh = new long[8 * m];
    long[] w = new long[4];
    long[] vals = new long[m * points * 4];
    long[] diff = new long[4];
    long[] prod = new long[4];
    int nt = termFactors.length;
    boolean weighted = in.weighted();
    for (int i = from; i < to; i++) {
      in.load(i, lh, w);
      for (int j = 0; j < m; j++) {
        int base = j * points * 4;
        // g(0) = lo, g(2) = hi + diff, g(e+1) = g(e) + diff, diff = hi − lo
        Fr.copy(vals, base, lh, 8 * j);
        if (points > 1) {
          Fr.sub(diff, 0, lh, 8 * j + 4, lh, 8 * j);
          Fr.add(vals, base + 4, lh, 8 * j + 4, diff, 0);
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
          if (weighted) {
            Fr.mul(prod, 0, prod, 0, w, 0);
          }
          Fr.add(acc, ab + 4 * p, acc, ab + 4 * p, prod, 0);
        }
      }
    }
  }
}
