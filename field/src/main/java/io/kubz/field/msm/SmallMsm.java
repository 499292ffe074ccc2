package io.kubz.field.msm;

import io.kubz.field.G1;
import io.kubz.field.Parallel;

/**
 * Σ vᵢ·Pᵢ on G1 for signed machine integers vᵢ (the witness of a GKR proof, quantized tensors):
 * Pippenger's bucket method specialised to scalars of a few bits.
 *
 * <p>Zeros are skipped. The magnitudes |vᵢ| (unsigned, so Long.MIN_VALUE is 2^63) are cut into
 * ⌈bits/c⌉ windows of c ≤ 16 bits, bits the width of the largest; a negative vᵢ adds −Pᵢ
 * (negating y is free). Window w's buckets B_d = Σ_{digit_w(|vᵢ|) = d} ±Pᵢ are filled by
 * batch-affine additions only ({@link SortedBuckets}: equal digits, doublings and P + (−P) included),
 * summed as S_w = Σ_d d·B_d by running sums, and the result is Σ_w 2^(c·w)·S_w (Horner). The points
 * are split over {@link Parallel}'s threads, each with its own buckets; their window sums are added.
 * c minimises ⌈bits/c⌉·(m/threads·7 + 2^c·27) field multiplications for m non-zero terms: one
 * 16-bit window for 2^20 values below 2^16, two of 8 bits for 2^16 of them.
 */
public final class SmallMsm {
  private SmallMsm() {}

  static final int MAX_C = 16;
  /** Fewest non-zero terms per thread before the points are split over threads. */
  static final int MIN_PER_THREAD = 1 << 12;

  /**
   * out[oo..] (Jacobian, 12 longs) = Σ_{i&lt;n} values[i]·bases[i]; bases affine (8 longs each, all
   * zero = infinity, trusted to be on the curve).
   */
  public static void g1(long[] bases, long[] values, int n, long[] out, int oo) {
    g1(bases, values, n, out, oo, 0);
  }

  /** As above with the window width c (1..16) forced, or 0 to choose it (tests, tuning). */
  static void g1(long[] bases, long[] values, int n, long[] out, int oo, int forcedC) {
    if (n < 0 || (long) n * G1.AFFINE_LONGS > bases.length || n > values.length) {
      throw new IllegalArgumentException("msm of " + n + " terms needs " + n + " bases ("
          + bases.length / G1.AFFINE_LONGS + " given) and " + n + " values (" + values.length
          + " given)");
    }
    if (forcedC < 0 || forcedC > MAX_C) {
      throw new IllegalArgumentException("window width " + forcedC + " outside 1.." + MAX_C);
    }
    long widest = 0;
    int m = 0;
    for (int i = 0; i < n; i++) {
      long v = values[i];
      if (v != 0) {
        widest |= v < 0 ? -v : v;
        m++;
      }
    }
    if (m == 0) {
      G1.setInfinityJ(out, oo);
      return;
    }
    int bits = 64 - Long.numberOfLeadingZeros(widest);
    int chunks = Math.max(1, Math.min(Parallel.threads(), m / MIN_PER_THREAD));
    int c = forcedC != 0 ? forcedC : windowBits(m / chunks, bits);
    int windows = (bits + c - 1) / c;
    final int jl = G1.JACOBIAN_LONGS;
    long[] partial = new long[chunks * windows * jl];
    int k = Parallel.forChunks(0, n, chunks, (chunk, from, to) -> {
      SortedBuckets sb = new SortedBuckets(c, to - from);
      long[] t = new long[G1.SCRATCH_LONGS];
      for (int w = 0; w < windows; w++) {
        if (w > 0) {
          sb.clear();
        }
        sb.accumulate(bases, values, from, to, w * c);
        sb.windowSum(partial, (chunk * windows + w) * jl, t);
      }
    });
    long[] acc = new long[jl], t = new long[G1.SCRATCH_LONGS];
    G1.setInfinityJ(acc, 0);
    for (int w = windows - 1; w >= 0; w--) {
      if (w < windows - 1) {
        for (int i = 0; i < c; i++) {
          G1.dblJ(acc, 0, acc, 0, t);
        }
      }
      for (int ch = 0; ch < k; ch++) {
        G1.addJ(acc, 0, acc, 0, partial, (ch * windows + w) * jl, t);
      }
    }
    System.arraycopy(acc, 0, out, oo, jl);
  }

  /**
   * The window width (1..16) minimising ⌈bits/c⌉·(perThread·7 + 2^c·27): batch-affine additions
   * at about 7 multiplications against the running sums' 27 per bucket.
   */
  static int windowBits(int perThread, int bits) {
    int best = 1;
    double bestCost = Double.MAX_VALUE;
    for (int c = 1; c <= Math.min(MAX_C, bits); c++) {
      double cost = ((bits + c - 1) / c) * (perThread * 7.0 + (1 << c) * 27.0);
      if (cost < bestCost) {
        bestCost = cost;
        best = c;
      }
    }
    return best;
  }
}
