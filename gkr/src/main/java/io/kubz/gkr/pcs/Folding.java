package io.kubz.gkr.pcs;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;

/**
 * The flat-array kernels of HyperKZG: folding a coefficient vector by one variable and evaluating
 * it as a univariate polynomial. Vectors are 4 Montgomery limbs per element; outputs never alias
 * inputs. Private to the package until the shared multilinear toolkit exists.
 */
final class Folding {
  private Folding() {}

  /** Below this many pairs a fold or an evaluation runs on the calling thread. */
  private static final int MIN_CHUNK = 1 << 12;

  /**
   * out[j] = f[2j] + u·(f[2j+1] − f[2j]) for j &lt; half: binds variable 0 (the least significant
   * index bit) of the MLE with evaluations f to u; as polynomials in X, the even and odd
   * coefficients E(X), O(X) of f(X) = E(X²) + X·O(X²) become E + u·(O − E).
   */
  static long[] fold(long[] f, int half, long[] u, int uo) {
    long[] out = new long[4 * half];
    Parallel.forRange(0, half, MIN_CHUNK, (from, to) -> {
      for (int j = from; j < to; j++) {
        // out[j] ← f[2j] + u·(f[2j+1] − f[2j])
        Fr.sub(out, 4 * j, f, 8 * j + 4, f, 8 * j);
        Fr.mul(out, 4 * j, out, 4 * j, u, uo);
        Fr.add(out, 4 * j, out, 4 * j, f, 8 * j);
      }
    });
    return out;
  }

  /**
   * Writes f(r) and f(−r) of the polynomial with the {@code size} coefficients f (size a power of
   * two, or 1) to out[oo..oo+3] and out[oo+4..oo+7]: one Horner pass at r² over the pairs gives
   * E(r²) and O(r²), then f(±r) = E(r²) ± r·O(r²).
   */
  static void evalPlusMinus(long[] out, int oo, long[] f, int size, long[] r, int ro) {
    if (size == 1) {
      Fr.copy(out, oo, f, 0);
      Fr.copy(out, oo + 4, f, 0);
      return;
    }
    long[] r2 = new long[4];
    Fr.square(r2, 0, r, ro);
    long[] eo = hornerPairs(f, size / 2, r2);
    long[] t = new long[4];
    Fr.mul(t, 0, eo, 4, r, ro);
    Fr.add(out, oo, eo, 0, t, 0);
    Fr.sub(out, oo + 4, eo, 0, t, 0);
  }

  /** f(z) for the {@code size} coefficients f, by Horner's rule in parallel chunks. */
  static void eval(long[] out, int oo, long[] f, int size, long[] z, int zo) {
    long[] zl = new long[4];
    Fr.copy(zl, 0, z, zo);
    int chunks = Math.max(1, Math.min(Parallel.threads() * 4, size / MIN_CHUNK));
    long[] partial = new long[4 * chunks];
    int used = Parallel.forChunks(0, size, chunks, (chunk, from, to) -> {
      long[] acc = new long[4];
      for (int i = to - 1; i >= from; i--) {
        Fr.mul(acc, 0, acc, 0, zl, 0);
        Fr.add(acc, 0, acc, 0, f, 4 * i);
      }
      long[] zp = new long[4];
      Fr.pow(zp, 0, zl, 0, java.math.BigInteger.valueOf(from));
      Fr.mul(partial, 4 * chunk, acc, 0, zp, 0);
    });
    Fr.setZero(out, oo);
    for (int k = 0; k < used; k++) {
      Fr.add(out, oo, out, oo, partial, 4 * k);
    }
  }

  /** (E(z), O(z)) for E, O the even and odd coefficients of f ({@code pairs} of each). */
  private static long[] hornerPairs(long[] f, int pairs, long[] z) {
    int chunks = Math.max(1, Math.min(Parallel.threads() * 4, pairs / MIN_CHUNK));
    long[] partial = new long[8 * chunks];
    int used = Parallel.forChunks(0, pairs, chunks, (chunk, from, to) -> {
      long[] acc = new long[8];
      for (int j = to - 1; j >= from; j--) {
        Fr.mul(acc, 0, acc, 0, z, 0);
        Fr.add(acc, 0, acc, 0, f, 8 * j);
        Fr.mul(acc, 4, acc, 4, z, 0);
        Fr.add(acc, 4, acc, 4, f, 8 * j + 4);
      }
      long[] zp = new long[4];
      Fr.pow(zp, 0, z, 0, java.math.BigInteger.valueOf(from));
      Fr.mul(partial, 8 * chunk, acc, 0, zp, 0);
      Fr.mul(partial, 8 * chunk + 4, acc, 4, zp, 0);
    });
    long[] eo = new long[8];
    for (int k = 0; k < used; k++) {
      Fr.add(eo, 0, eo, 0, partial, 8 * k);
      Fr.add(eo, 4, eo, 4, partial, 8 * k + 4);
    }
    return eo;
  }

  /** acc[i] += s·f[i] for i &lt; size (acc at least as long as f). */
  static void addScaled(long[] acc, long[] f, int size, long[] s) {
    Parallel.forRange(0, size, MIN_CHUNK, (from, to) -> {
      long[] t = new long[4];
      for (int i = from; i < to; i++) {
        Fr.mul(t, 0, f, 4 * i, s, 0);
        Fr.add(acc, 4 * i, acc, 4 * i, t, 0);
      }
    });
  }
}
