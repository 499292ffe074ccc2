package io.kubz.gkr.pcs;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.Msm;

/**
 * Commitments of HyperKZG's folds of an MLE whose evaluations are small integers (a GKR witness,
 * a boundary tensor). Binding variables 0..i−1 of f to u_0..u_{i−1} gives
 * f_i[j] = Σ_{b<2^i} eq(b, u)·f[b + 2^i·j], eq(b, u) = Π_k (b_k ? u_k : 1 − u_k), so by linearity
 * [f_i(τ)]_1 = Σ_b eq(b, u)·M_b with M_b = Σ_j f[b + 2^i·j]·[τ^j]_1: 2^i MSMs of 2^(n−i) integers
 * each, 2^n terms in all, instead of one MSM of 2^(n−i) full-size scalars. A small-integer term
 * costs about 7 field multiplications per 16 bits of the widest value, a full-size one some 40–60
 * (Pippenger with about 2^(n−i)/log windows), so the first few folds are cheaper this way and the
 * later ones are not: {@link #levels} picks how many.
 */
final class IntegerFolds {
  private IntegerFolds() {}

  /**
   * Folds at most this many times 16-bit passes from the integers: 2^i·⌈bits/16⌉ ≤ {@value}
   * (measured with HyperKzgBench.openIntegers at 2^18 and 2^20).
   */
  static final int MAX_PASSES = 8;
  /** Folds smaller than this are cheap either way and stay full-scalar MSMs. */
  static final int MIN_FOLD = 1 << 10;

  /** How many of the first folds of an n-variable MLE with these integer evaluations to commit from them. */
  static int levels(long[] ints, int n, int minFold) {
    long widest = 0;
    for (long v : ints) {
      widest |= v < 0 ? -v : v;
    }
    int bits = widest < 0 ? 64 : 64 - Long.numberOfLeadingZeros(widest);
    int passes = Math.max(1, (bits + 15) / 16);
    int levels = 0;
    while (levels + 1 < n && (passes << (levels + 1)) <= MAX_PASSES && (1 << (n - levels - 1)) >= minFold) {
      levels++;
    }
    return levels;
  }

  /** [f_i(τ)]_1 for f = ints (2^n of them) with variables 0..i−1 bound to point[0..i−1]. */
  static G1 commit(long[] powers, long[] ints, int n, int i, Fr[] point) {
    int stride = 1 << i;
    int m = 1 << (n - i);
    long[] sub = new long[m];
    G1 acc = G1.INFINITY;
    for (int b = 0; b < stride; b++) {
      for (int j = 0; j < m; j++) {
        sub[j] = ints[b + stride * j];
      }
      Fr weight = Fr.ONE;
      for (int k = 0; k < i; k++) {
        weight = weight.mul(((b >>> k) & 1) == 1 ? point[k] : Fr.ONE.sub(point[k]));
      }
      acc = acc.add(Msm.g1SmallInts(powers, sub, m).mul(weight));
    }
    return acc;
  }
}
