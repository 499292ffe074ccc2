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
 * summed as S_w = Σ_d d·B_d by running sums, and the result is Σ_w 2^(c·w)·S_w (Horner). The
 * digits, not the points, are split over {@link Parallel}'s threads: each thread owns a range of
 * buckets, balanced by the window's histogram, reads every value and keeps those of its digits, so
 * that no bucket is reduced twice. c minimises ⌈bits/c⌉·(m·7 + 2^c·b) field multiplications for
 * m non-zero terms, b the cost of a bucket in the final sums ({@link #bucketCost}): one 16-bit
 * window for 2^20 values below 2^16, two of 8 bits for 2^16 of them.
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
    g1(bases, values, n, out, oo, 0, 0);
  }

  /**
   * As above with the window width c (1..16) and the number of digit ranges (threads' shares)
   * forced, or 0 to choose them (tests, tuning).
   */
  static void g1(long[] bases, long[] values, int n, long[] out, int oo, int forcedC, int forcedParts) {
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
    int c = forcedC != 0 ? forcedC : windowBits(m, bits);
    int windows = (bits + c - 1) / c;
    int terms = m;
    int parts = forcedParts != 0 ? forcedParts
        : Math.max(1, Math.min(Parallel.threads(), m / MIN_PER_THREAD));
    int[] split = split(values, n, c, windows, parts);
    final int jl = G1.JACOBIAN_LONGS;
    long[] partial = new long[parts * windows * jl];
    Parallel.forChunks(0, parts, parts, (part, unused, unused2) -> {
      SortedBuckets sb = new SortedBuckets(c, terms);
      long[] t = new long[G1.SCRATCH_LONGS];
      for (int w = 0; w < windows; w++) {
        int lo = split[w * (parts + 1) + part], hi = split[w * (parts + 1) + part + 1];
        if (w > 0) {
          sb.clear();
        }
        sb.accumulate(bases, values, 0, n, w * c, lo, hi);
        sb.windowSum(partial, (part * windows + w) * jl, lo, hi, t);
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
      for (int part = 0; part < parts; part++) {
        G1.addJ(acc, 0, acc, 0, partial, (part * windows + w) * jl, t);
      }
    }
    System.arraycopy(acc, 0, out, oo, jl);
  }

  /**
   * Per window w, parts + 1 digit bounds 1 = b_0 ≤ b_1 ≤ … ≤ b_parts = 2^c (at [w·(parts + 1)..]):
   * part k takes the digits in [b_k, b_{k+1}), chosen so that every part has about the same cost,
   * 7 per point plus {@link #bucketCost} per bucket, from the window's histogram of digits.
   */
  static int[] split(long[] values, int n, int c, int windows, int parts) {
    int nb = 1 << c, mask = nb - 1;
    int[] split = new int[windows * (parts + 1)];
    int[] hist = new int[nb];
    for (int w = 0; w < windows; w++) {
      int base = w * (parts + 1), shift = w * c;
      split[base] = 1;
      split[base + parts] = nb;
      if (parts == 1) {
        continue;
      }
      java.util.Arrays.fill(hist, 0);
      for (int i = 0; i < n; i++) {
        long v = values[i];
        hist[(int) (((v < 0 ? -v : v) >>> shift) & mask)]++;
      }
      double total = 0, b = bucketCost(c);
      for (int d = 1; d < nb; d++) {
        total += hist[d] * 7.0 + b;
      }
      double cum = 0;
      int k = 1;
      for (int d = 1; d < nb && k < parts; d++) {
        cum += hist[d] * 7.0 + b;
        while (k < parts && cum >= total * k / parts) {
          split[base + k++] = d + 1;
        }
      }
      while (k < parts) {
        split[base + k++] = nb;
      }
    }
    return split;
  }

  /**
   * The window width (1..16) minimising ⌈bits/c⌉·(m·7 + 2^c·bucketCost(c)) for m non-zero values:
   * a batch-affine addition costs about 7 multiplications (measured 8 with the sorting).
   */
  static int windowBits(int m, int bits) {
    int best = 1;
    double bestCost = Double.MAX_VALUE;
    for (int c = 1; c <= Math.min(MAX_C, bits); c++) {
      double cost = ((bits + c - 1) / c) * (m * 7.0 + (1 << c) * bucketCost(c));
      if (cost < bestCost) {
        bestCost = cost;
        best = c;
      }
    }
    return best;
  }

  /**
   * Multiplications per bucket in the window sums: about 14 for the chained affine running sums of
   * {@link BucketReduction} (from {@value BucketReduction#CHAINS_MIN} buckets), 27 for the mixed
   * and full Jacobian additions of the plain ones.
   */
  static double bucketCost(int c) {
    return (1 << c) >= BucketReduction.CHAINS_MIN ? 14.0 : 27.0;
  }
}
