package io.kubz.poly.srs;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.Parallel;

/**
 * Many multiples k_i·G of the G1 generator with a fixed-base window table: with 8-bit windows,
 * T[w][d] = d·2^{8w}·G for d = 1..255 and w &lt; 32, so k·G = Σ_w T[w][k_w] costs at most 32 mixed
 * additions instead of a double-and-add ladder.
 */
final class FixedBase {
  private static final int C = 8;
  private static final int WINDOWS = (254 + C - 1) / C;
  private static final int PER_WINDOW = (1 << C) - 1;

  private FixedBase() {}

  /** Affine points k_i·G (8 longs each) for the n scalars (Fr Montgomery, 4 longs each). */
  static long[] g1(long[] scalars, int n) {
    long[] table = table();
    long[] out = new long[G1.AFFINE_LONGS * n];
    Parallel.forRange(0, n, 1 << 10, (from, to) -> {
      long[] jac = new long[G1.JACOBIAN_LONGS * (to - from)];
      long[] k = new long[4];
      for (int i = from; i < to; i++) {
        int acc = G1.JACOBIAN_LONGS * (i - from);
        G1.setInfinityJ(jac, acc);
        Fr.toCanonicalLimbs(k, 0, scalars, 4 * i);
        for (int w = 0; w < WINDOWS; w++) {
          int bit = w * C;
          int d = (int) (k[bit >>> 6] >>> (bit & 63)) & PER_WINDOW;
          if (d != 0) {
            G1.addMixed(jac, acc, jac, acc, table, G1.AFFINE_LONGS * (w * PER_WINDOW + d - 1));
          }
        }
      }
      G1.batchToAffine(jac, 0, out, G1.AFFINE_LONGS * from, to - from);
    });
    return out;
  }

  /** T[w][d−1] = d·2^{8w}·G, affine, flat. */
  private static long[] table() {
    long[] jac = new long[G1.JACOBIAN_LONGS * WINDOWS * PER_WINDOW];
    long[] base = new long[G1.AFFINE_LONGS];
    G1 b = G1.generator();
    for (int w = 0; w < WINDOWS; w++) {
      b.writeAffine(base, 0);
      int first = G1.JACOBIAN_LONGS * (w * PER_WINDOW);
      G1.fromAffine(jac, first, base, 0);
      for (int d = 1; d < PER_WINDOW; d++) {
        int at = first + G1.JACOBIAN_LONGS * d;
        G1.addMixed(jac, at, jac, at - G1.JACOBIAN_LONGS, base, 0);
      }
      for (int s = 0; s < C; s++) {
        b = b.dbl();
      }
    }
    long[] aff = new long[G1.AFFINE_LONGS * WINDOWS * PER_WINDOW];
    G1.batchToAffine(jac, 0, aff, 0, WINDOWS * PER_WINDOW);
    return aff;
  }
}
