package io.kubz.poly.ntt;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;
import java.math.BigInteger;

/**
 * Iterative radix-2 NTT with the domain's precomputed twiddles ω^j (j &lt; n/2).
 *
 * <p>Stage m (butterflies between i and i + m inside blocks of 2m) uses ω_{2m}^j = ω^{j·n/(2m)}.
 * Inverse twiddles come from the same table: ω^{−j} = −ω^{n/2−j} for 0 &lt; j &lt; n/2, the sign
 * folded into the butterfly. Stages with 2m ≤ 2^{LOG_BLOCK} run block by block (one block stays
 * in L2 across its stages); the wider stages stream over the whole array two at a time (radix-2²
 * order: four elements loaded once for two stages), which halves the memory traffic.
 */
final class Radix2Ntt implements Ntt {
  static final Radix2Ntt INSTANCE = new Radix2Ntt();

  /** 2^13 elements × 32 bytes = 256 KiB per block, within a core's L2 cache. */
  private static final int LOG_BLOCK = 13;
  /** Butterflies per parallel task in a wide stage. */
  private static final int MIN_CHUNK = 1 << 12;

  private Radix2Ntt() {}

  @Override
  public void forward(Domain d, long[] a) {
    check(d, a);
    dif(d, a, false);
    bitReverse(a, d.log2Size());
  }

  @Override
  public void inverse(Domain d, long[] a) {
    check(d, a);
    dif(d, a, true);
    bitReverse(a, d.log2Size());
    scale(a, d.size(), d.sizeInvLimbs());
  }

  @Override
  public void cosetForward(Domain d, long[] a) {
    check(d, a);
    scaleByPowers(a, d.size(), d.shiftLimbs());
    forward(d, a);
  }

  @Override
  public void cosetInverse(Domain d, long[] a) {
    inverse(d, a);
    scaleByPowers(a, d.size(), d.shiftInvLimbs());
  }

  @Override
  public void forwardToBitReversed(Domain d, long[] a) {
    check(d, a);
    dif(d, a, false);
  }

  @Override
  public void inverseFromBitReversed(Domain d, long[] a) {
    check(d, a);
    dit(d, a, true);
    scale(a, d.size(), d.sizeInvLimbs());
  }

  private static void check(Domain d, long[] a) {
    if (a.length < 4L * d.size()) {
      throw new IllegalArgumentException(
          "array holds " + a.length / 4 + " elements, domain needs " + d.size());
    }
  }

  /** Gentleman–Sande: natural order in, bit-reversed order out. a' = a + b, b' = (a − b)·w. */
  private static void dif(Domain d, long[] a, boolean inv) {
    int logn = d.log2Size();
    if (logn == 0) {
      return;
    }
    long[] tw = d.twiddles();
    int half = 1 << (logn - 1);
    int lb = Math.min(LOG_BLOCK, logn);
    int top = logn - 1;
    if (((logn - lb) & 1) == 1) {
      final int lm = top--;
      Parallel.forRange(0, half, MIN_CHUNK,
          (from, to) -> difStage(a, tw, logn, lm, 0, from, to, inv, new long[4]));
    }
    for (; top > lb; top -= 2) {
      final int lm = top;
      Parallel.forRange(0, half / 2, MIN_CHUNK,
          (from, to) -> difTwoStages(a, tw, logn, lm, from, to, inv, new long[4]));
    }
    int blockHalf = 1 << (lb - 1);
    Parallel.forRange(0, 1 << (logn - lb), 1, (from, to) -> {
      long[] t = new long[4];
      for (int b = from; b < to; b++) {
        for (int logm = lb - 1; logm >= 0; logm--) {
          difStage(a, tw, logn, logm, b << lb, 0, blockHalf, inv, t);
        }
      }
    });
  }

  /** Butterflies q ∈ [from, to) of stage m = 2^logm in the region starting at element base. */
  private static void difStage(long[] a, long[] tw, int logn, int logm, int base, int from, int to,
      boolean inv, long[] t) {
    int m = 1 << logm;
    int half = 1 << (logn - 1);
    int strideLog = logn - 1 - logm;
    for (int q = from; q < to; q++) {
      int j = q & (m - 1);
      int i = base + ((q >>> logm) << (logm + 1)) + j;
      int x = 4 * i;
      int y = 4 * (i + m);
      difButterfly(a, x, y, tw, j << strideLog, half, inv, t);
    }
  }

  /**
   * Stages m = 2^logm and m/2 fused (each element loaded once for both): in a block of 2m with
   * h = m/2 and j &lt; h, the quadruple i, i+h, i+m, i+m+h takes (i, i+m), (i+h, i+m+h) with
   * ω_{2m}^j, ω_{2m}^{j+h}, then (i, i+h), (i+m, i+m+h) with ω_m^j = ω_{2m}^{2j}.
   */
  private static void difTwoStages(long[] a, long[] tw, int logn, int logm, int from, int to,
      boolean inv, long[] t) {
    int m = 1 << logm;
    int h = m >>> 1;
    int half = 1 << (logn - 1);
    int strideLog = logn - 1 - logm;
    for (int q = from; q < to; q++) {
      int j = q & (h - 1);
      int i = ((q >>> (logm - 1)) << (logm + 1)) + j;
      int x0 = 4 * i;
      int x1 = 4 * (i + h);
      int x2 = 4 * (i + m);
      int x3 = 4 * (i + m + h);
      difButterfly(a, x0, x2, tw, j << strideLog, half, inv, t);
      difButterfly(a, x1, x3, tw, (j + h) << strideLog, half, inv, t);
      difButterfly(a, x0, x1, tw, j << (strideLog + 1), half, inv, t);
      difButterfly(a, x2, x3, tw, j << (strideLog + 1), half, inv, t);
    }
  }

  /** a' = a + b, b' = (a − b)·w at limb offsets x, y; w = ω^{±idx}. */
  private static void difButterfly(long[] a, int x, int y, long[] tw, int idx, int half,
      boolean inv, long[] t) {
    if (idx == 0) {
      Fr.sub(t, 0, a, x, a, y);
      Fr.add(a, x, a, x, a, y);
      Fr.copy(a, y, t, 0);
    } else if (!inv) {
      Fr.sub(t, 0, a, x, a, y);
      Fr.add(a, x, a, x, a, y);
      Fr.mul(a, y, t, 0, tw, 4 * idx);
    } else {
      // w = −ω^{n/2−idx}: (a − b)·w = (b − a)·ω^{n/2−idx}
      Fr.sub(t, 0, a, y, a, x);
      Fr.add(a, x, a, x, a, y);
      Fr.mul(a, y, t, 0, tw, 4 * (half - idx));
    }
  }

  /** Cooley–Tukey: bit-reversed order in, natural order out. t = b·w, a' = a + t, b' = a − t. */
  private static void dit(Domain d, long[] a, boolean inv) {
    int logn = d.log2Size();
    if (logn == 0) {
      return;
    }
    long[] tw = d.twiddles();
    int half = 1 << (logn - 1);
    int lb = Math.min(LOG_BLOCK, logn);
    int blockHalf = 1 << (lb - 1);
    Parallel.forRange(0, 1 << (logn - lb), 1, (from, to) -> {
      long[] t = new long[4];
      for (int b = from; b < to; b++) {
        for (int logm = 0; logm < lb; logm++) {
          ditStage(a, tw, logn, logm, b << lb, 0, blockHalf, inv, t);
        }
      }
    });
    int bottom = lb;
    for (; bottom + 1 < logn; bottom += 2) {
      final int lm = bottom + 1;
      Parallel.forRange(0, half / 2, MIN_CHUNK,
          (from, to) -> ditTwoStages(a, tw, logn, lm, from, to, inv, new long[4]));
    }
    if (bottom < logn) {
      final int lm = bottom;
      Parallel.forRange(0, half, MIN_CHUNK,
          (from, to) -> ditStage(a, tw, logn, lm, 0, from, to, inv, new long[4]));
    }
  }

  private static void ditStage(long[] a, long[] tw, int logn, int logm, int base, int from, int to,
      boolean inv, long[] t) {
    int m = 1 << logm;
    int half = 1 << (logn - 1);
    int strideLog = logn - 1 - logm;
    for (int q = from; q < to; q++) {
      int j = q & (m - 1);
      int i = base + ((q >>> logm) << (logm + 1)) + j;
      int x = 4 * i;
      int y = 4 * (i + m);
      ditButterfly(a, x, y, tw, j << strideLog, half, inv, t);
    }
  }

  /** Stages m/2 then m fused: the mirror image of {@link #difTwoStages}. */
  private static void ditTwoStages(long[] a, long[] tw, int logn, int logm, int from, int to,
      boolean inv, long[] t) {
    int m = 1 << logm;
    int h = m >>> 1;
    int half = 1 << (logn - 1);
    int strideLog = logn - 1 - logm;
    for (int q = from; q < to; q++) {
      int j = q & (h - 1);
      int i = ((q >>> (logm - 1)) << (logm + 1)) + j;
      int x0 = 4 * i;
      int x1 = 4 * (i + h);
      int x2 = 4 * (i + m);
      int x3 = 4 * (i + m + h);
      ditButterfly(a, x0, x1, tw, j << (strideLog + 1), half, inv, t);
      ditButterfly(a, x2, x3, tw, j << (strideLog + 1), half, inv, t);
      ditButterfly(a, x0, x2, tw, j << strideLog, half, inv, t);
      ditButterfly(a, x1, x3, tw, (j + h) << strideLog, half, inv, t);
    }
  }

  /** t = b·w, a' = a + t, b' = a − t at limb offsets x, y; w = ω^{±idx}. */
  private static void ditButterfly(long[] a, int x, int y, long[] tw, int idx, int half,
      boolean inv, long[] t) {
    if (idx == 0) {
      Fr.copy(t, 0, a, y);
      Fr.sub(a, y, a, x, t, 0);
      Fr.add(a, x, a, x, t, 0);
    } else if (!inv) {
      Fr.mul(t, 0, a, y, tw, 4 * idx);
      Fr.sub(a, y, a, x, t, 0);
      Fr.add(a, x, a, x, t, 0);
    } else {
      // t = b·ω^{n/2−idx} = −b·w, so a' = a − t and b' = a + t
      Fr.mul(t, 0, a, y, tw, 4 * (half - idx));
      Fr.add(a, y, a, x, t, 0);
      Fr.sub(a, x, a, x, t, 0);
    }
  }

  /** Permutes the first 2^logn elements into bit-reversed index order, in place. */
  static void bitReverse(long[] a, int logn) {
    if (logn == 0) {
      return;
    }
    int shift = 32 - logn;
    Parallel.forRange(0, 1 << logn, 1 << 14, (from, to) -> {
      for (int i = from; i < to; i++) {
        int j = Integer.reverse(i) >>> shift;
        if (i < j) {
          int x = 4 * i;
          int y = 4 * j;
          for (int l = 0; l < 4; l++) {
            long v = a[x + l];
            a[x + l] = a[y + l];
            a[y + l] = v;
          }
        }
      }
    });
  }

  /** a_i ← a_i·s for i &lt; n. */
  static void scale(long[] a, int n, long[] s) {
    Parallel.forRange(0, n, 1 << 12, (from, to) -> {
      for (int i = from; i < to; i++) {
        Fr.mul(a, 4 * i, a, 4 * i, s, 0);
      }
    });
  }

  /** a_i ← a_i·s^i for i &lt; n. */
  static void scaleByPowers(long[] a, int n, long[] s) {
    Parallel.forRange(0, n, 1 << 12, (from, to) -> {
      long[] p = new long[4];
      Fr.pow(p, 0, s, 0, BigInteger.valueOf(from));
      for (int i = from; i < to; i++) {
        Fr.mul(a, 4 * i, a, 4 * i, p, 0);
        Fr.mul(p, 0, p, 0, s, 0);
      }
    });
  }
}
