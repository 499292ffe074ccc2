package io.kubz.gkr.sumcheck;

import io.kubz.field.Fr;
import java.util.Arrays;
import java.util.List;

/**
 * Dedicated pair loops for the two degree-2 shapes on the hot paths. Per pair the sums need f at
 * X = 0 and X = 2 only (s(1) comes from the claim), with g(2) = 2·g[2i+1] − g[2i]:
 * <ul>
 *   <li>{@code PRODUCT2}, c·g_0·g_1 (dense layers, the batched opening): 2 products per pair (plus
 *       one per point for a weight); c is applied to the two sums at the end.
 *   <li>{@code FRACTION}, p0·q1 + p1·q0 + λ·q0·q1 (a logUp tower layer), evaluated per point as
 *       p0·q1 + q0·(p1 + λ·q1): 3 products per point instead of 4, plus one for the eq weight.
 * </ul>
 * Both take the binding of the previous round from {@link RoundInput#load} (one product per entry
 * written), so a round costs one pass over the tables.
 */
final class FastKernels {
  enum Shape { GENERIC, PRODUCT2, FRACTION }

  private FastKernels() {}

  static Shape shapeOf(Composition f) {
    List<Term> t = f.terms();
    if (f.factorCount() == 2 && t.size() == 1 && t.get(0).degree() == 2
        && t.get(0).factor(0) != t.get(0).factor(1)) {
      return Shape.PRODUCT2;
    }
    if (f.factorCount() == 4 && t.size() == 3 && t.get(0).coefficient().equals(Fr.ONE)
        && t.get(1).coefficient().equals(Fr.ONE)
        && Arrays.equals(t.get(0).factors(), new int[] {0, 3})
        && Arrays.equals(t.get(1).factors(), new int[] {1, 2})
        && Arrays.equals(t.get(2).factors(), new int[] {2, 3})) {
      return Shape.FRACTION;
    }
    return Shape.GENERIC;
  }

  /** acc[ao..ao+4) += Σ w·a(0)·b(0), acc[ao+4..ao+8) += Σ w·a(2)·b(2) over pairs [from, to). */
  static void product2(RoundInput in, int from, int to, long[] acc, int ao) {
    long[] lh = new long[16];
    long[] w = new long[4];
    long[] t = new long[12];
    boolean weighted = in.weighted();
    for (int i = from; i < to; i++) {
      in.load(i, lh, w);
      Fr.mul(t, 0, lh, 0, lh, 8);
      // a(2) = a1 + (a1 − a0), b(2) likewise
      Fr.sub(t, 4, lh, 4, lh, 0);
      Fr.add(t, 4, t, 4, lh, 4);
      Fr.sub(t, 8, lh, 12, lh, 8);
      Fr.add(t, 8, t, 8, lh, 12);
      Fr.mul(t, 4, t, 4, t, 8);
      if (weighted) {
        Fr.mul(t, 0, t, 0, w, 0);
        Fr.mul(t, 4, t, 4, w, 0);
      }
      Fr.add(acc, ao, acc, ao, t, 0);
      Fr.add(acc, ao + 4, acc, ao + 4, t, 4);
    }
  }

  /**
   * acc[ao + 4p] += Σ w·(p0·q1 + p1·q0 + λ·q0·q1) at X = 0 (p = 0) and X = 2 (p = 1), over the
   * factors (p0, p1, q0, q1) and λ = coeffs[lo..lo+4).
   */
  static void fraction(RoundInput in, long[] coeffs, int lo, int from, int to, long[] acc, int ao) {
    long[] lh = new long[32];
    long[] w = new long[4];
    long[] x = new long[16]; // p0, p1, q0, q1 at X = 2
    long[] t = new long[8];
    boolean weighted = in.weighted();
    for (int i = from; i < to; i++) {
      in.load(i, lh, w);
      for (int j = 0; j < 4; j++) {
        Fr.sub(x, 4 * j, lh, 8 * j + 4, lh, 8 * j);
        Fr.add(x, 4 * j, x, 4 * j, lh, 8 * j + 4);
      }
      point(lh, 0, 8, 16, 24, coeffs, lo, t, w, weighted, acc, ao);
      point(x, 0, 4, 8, 12, coeffs, lo, t, w, weighted, acc, ao + 4);
    }
  }

  private static void point(long[] v, int p0, int p1, int q0, int q1, long[] coeffs, int lo,
      long[] t, long[] w, boolean weighted, long[] acc, int ao) {
    Fr.mul(t, 0, v, q1, coeffs, lo);
    Fr.add(t, 0, t, 0, v, p1);
    Fr.mul(t, 0, t, 0, v, q0);
    Fr.mul(t, 4, v, p0, v, q1);
    Fr.add(t, 0, t, 0, t, 4);
    if (weighted) {
      Fr.mul(t, 0, t, 0, w, 0);
    }
    Fr.add(acc, ao, acc, ao, t, 0);
  }
}
