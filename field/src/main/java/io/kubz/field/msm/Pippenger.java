package io.kubz.field.msm;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;

/**
 * Multi-scalar multiplication Σ kᵢ·Pᵢ by Pippenger's bucket method with signed digits, generic over
 * the curve ({@link MsmCurve}).
 *
 * <p>Each scalar (canonical, &lt; r &lt; 2²⁵⁴) is recoded in base 2^c with digits in
 * (−2^(c−1), 2^(c−1)]: a digit above 2^(c−1) becomes d − 2^c with a carry into the next window, so
 * ⌊254/c⌋ + 1 windows suffice and only 2^(c−1) buckets are needed per window (−P is free). Window w
 * sums to S_w = Σ_i d_{i,w}·Pᵢ ({@link WindowBuckets}); the result is Σ_w 2^(c·w)·S_w by Horner's
 * rule. Windows run in parallel through {@link Parallel}; c minimises a cost model of bucket
 * additions plus bucket reduction. Full-width G1 scalars (when c is not forced) go through the GLV
 * split instead ({@link GlvMsm}): twice the points, half the windows.
 */
public final class Pippenger {
  private Pippenger() {}

  static final int SCALAR_BITS = 254;
  static final int MAX_C = 15; // digits are stored as chars: |d|·2 + sign ≤ 2^15 + 1
  static final int BATCH_MIN_C = 6; // batch-affine buckets from 32 buckets (measured: 2x at 2^10)
  static final int BLOCK = 1 << 22; // points per block of digits

  /**
   * out[oo..] (Jacobian) = Σ_{i&lt;n} scalars[i]·bases[i]; bases affine (all zero = infinity), scalars
   * Fr in Montgomery form (4 longs each).
   */
  public static void msm(MsmCurve g, long[] bases, long[] scalars, int n, long[] out, int oo) {
    msm(g, bases, scalars, n, out, oo, 0);
  }

  /**
   * As above with the window width c (1..15) given, or 0 to choose it from the number of terms and
   * the widest scalar magnitude: for tests of both bucket strategies, tuning.
   */
  public static void msm(MsmCurve g, long[] bases, long[] scalars, int n, long[] out, int oo, int c) {
    msm(g, bases, scalars, n, out, oo, c, BLOCK);
  }

  static void msm(
      MsmCurve g, long[] bases, long[] scalars, int n, long[] out, int oo, int forcedC, int block) {
    int a = g.affineLongs(), j = g.jacobianLongs();
    if (n < 0 || (long) n * a > bases.length || 4L * n > scalars.length) {
      throw new IllegalArgumentException("msm of " + n + " terms needs " + n + " bases ("
          + bases.length / a + " given) and " + n + " scalars (" + scalars.length / 4 + " given)");
    }
    if (forcedC < 0 || forcedC > MAX_C) {
      throw new IllegalArgumentException("window width " + forcedC + " outside 1.." + MAX_C);
    }
    if (n == 0) {
      g.setInfinityJ(out, oo);
      return;
    }
    // Signed magnitudes: k > (r−1)/2 is taken as −(r − k), so small negative values are small too.
    long[] mag = new long[4 * n];
    boolean[] neg = new boolean[n];
    int[] widest = new int[Parallel.threads() * 4 + 1];
    int[] nonzero = new int[widest.length];
    int chunks = Parallel.forChunks(0, n, widest.length, (chunk, from, to) -> {
      int w = 0, nz = 0;
      for (int i = from; i < to; i++) {
        if (!g.isInfinityAffine(bases, i * a)) {
          neg[i] = magnitude(mag, 4 * i, scalars, 4 * i);
          int b = bitLength(mag, 4 * i);
          w = Math.max(w, b);
          nz += b == 0 ? 0 : 1;
        }
      }
      widest[chunk] = w;
      nonzero[chunk] = nz;
    });
    int bits = 1, terms = 0;
    for (int i = 0; i < chunks; i++) {
      bits = Math.max(bits, widest[i]);
      terms += nonzero[i];
    }
    terms = Math.max(1, terms); // sparse inputs (mostly zero scalars) size their windows by the rest
    if (forcedC == 0 && bits <= SMALL_BITS && g == G1Curve.INSTANCE) {
      long[] v = new long[n]; // small signed values (infinity's scalar was left 0): SmallMsm
      for (int i = 0; i < n; i++) {
        v[i] = neg[i] ? -mag[4 * i] : mag[4 * i];
      }
      SmallMsm.g1(bases, v, n, out, oo);
      return;
    }
    if (forcedC == 0 && bits > 16 && n >= GROUP_MIN_N && grouped(g, bases, mag, neg, n, out, oo)) {
      return;
    }
    if (forcedC == 0 && bits >= GLV_MIN_BITS && terms <= GLV_MAX_TERMS && g == G1Curve.INSTANCE) {
      GlvMsm.g1(bases, mag, neg, n, out, oo, 0);
      return;
    }
    int c = forcedC != 0 ? forcedC : windowBits(terms, bits);
    int windows = bits / c + 1; // the top window takes the last carry
    int topBits = bits - c * (windows - 1) + 1; // the top window's digits: its bits and a carry
    int copies = copies(terms, bits, c);
    boolean batch = c + Integer.numberOfTrailingZeros(copies) >= BATCH_MIN_C;
    int batchMax = batchSize(c + Integer.numberOfTrailingZeros(copies));
    long[] sums = new long[windows * j];
    for (int w = 0; w < windows; w++) {
      g.setInfinityJ(sums, w * j);
    }
    // points in blocks, so that the digits (windows·block chars) stay a modest array
    for (int start = 0; start < n; start += block) {
      int base0 = start, len = Math.min(block, n - start);
      char[] digits = new char[windows * len];
      Parallel.forRange(0, len, 1 << 12, (from, to) -> {
        for (int i = from; i < to; i++) {
          recode(mag, 4 * (base0 + i), neg[base0 + i], c, windows, digits, len, i);
        }
      });
      Parallel.forRange(0, windows, 1, (from, to) -> {
        MsmCurve h = g.forThread();
        WindowBuckets wb = new WindowBuckets(h, c, copies, batch, batchMax);
        long[] part = new long[j], t = new long[h.scratchLongs()];
        for (int w = from; w < to; w++) {
          wb.limitBatch(w == windows - 1 ? topBits : c);
          wb.window(bases, base0, digits, w * len, len, part, 0);
          h.addJ(sums, w * j, sums, w * j, part, 0, t);
        }
      });
    }
    MsmCurve h = g.forThread();
    long[] t = new long[h.scratchLongs()];
    long[] acc = new long[j];
    System.arraycopy(sums, (windows - 1) * j, acc, 0, j);
    for (int w = windows - 2; w >= 0; w--) {
      for (int i = 0; i < c; i++) {
        h.dblJ(acc, 0, acc, 0, t);
      }
      h.addJ(acc, 0, acc, 0, sums, w * j, t);
    }
    System.arraycopy(acc, 0, out, oo, j);
  }

  /**
   * Widest G1 scalars (signed, |k| &lt; 2^SMALL_BITS) handed to {@link SmallMsm}: one batch-affine
   * addition per term and no recoding (measured 2× faster at 2^20 terms of 16 bits).
   */
  static final int SMALL_BITS = 16;

  /**
   * Narrowest G1 scalars (signed magnitude) summed through the GLV split ({@link GlvMsm}): its
   * halves have up to 127 bits whatever the scalar, so it pays only near full width.
   */
  static final int GLV_MIN_BITS = 240;

  /**
   * Most terms summed through the GLV split. Its gain is the halved bucket reductions, a share that
   * shrinks as n grows, while the 2n points need c = 16 (2^15 buckets, past the 1 MiB L2 cache) to
   * keep the additions at n·254/c: measured (CPU time, JDK 17, loaded 2-core EPYC) 0–8 % faster at
   * 2^10–2^16 terms, 1–7 % slower at 2^18 and level at 2^20 (bench/RESULTS.md, session 7).
   */
  static final int GLV_MAX_TERMS = 1 << 16;

  /** Fewest terms for which wide scalars are first grouped by value. */
  static final int GROUP_MIN_N = 1024;

  /**
   * Wide scalars that take few distinct values (round constants repeated over every row of their
   * gadget, say): sums the points of each distinct magnitude with one mixed addition each, then
   * runs the multi-scalar multiplication over the D distinct values, D ≤ max(16, n/256). Returns
   * false, having written nothing, when there are more distinct values than that.
   */
  static boolean grouped(MsmCurve g, long[] bases, long[] mag, boolean[] neg, int n, long[] out, int oo) {
    int limit = Math.max(16, n >>> 8);
    int cap = Integer.highestOneBit(4 * limit) << 1;
    int[] slot = new int[cap];
    java.util.Arrays.fill(slot, -1);
    long[] vals = new long[4 * limit];
    int[] idx = new int[n];
    int d = 0;
    for (int i = 0; i < n; i++) {
      int mo = 4 * i;
      if ((mag[mo] | mag[mo + 1] | mag[mo + 2] | mag[mo + 3]) == 0) {
        idx[i] = -1; // zero scalar or point at infinity
        continue;
      }
      long hv = (mag[mo] * 0x9E3779B97F4A7C15L) ^ (mag[mo + 1] * 0xC2B2AE3D27D4EB4FL)
          ^ (mag[mo + 2] * 0x165667B19E3779F9L) ^ mag[mo + 3];
      int h = (int) (hv ^ (hv >>> 29)) & (cap - 1);
      while (true) {
        int k = slot[h];
        if (k < 0) {
          if (d == limit) {
            return false;
          }
          slot[h] = d;
          System.arraycopy(mag, mo, vals, 4 * d, 4);
          idx[i] = d++;
          break;
        }
        if (vals[4 * k] == mag[mo] && vals[4 * k + 1] == mag[mo + 1] && vals[4 * k + 2] == mag[mo + 2]
            && vals[4 * k + 3] == mag[mo + 3]) {
          idx[i] = k;
          break;
        }
        h = (h + 1) & (cap - 1);
      }
    }
    MsmCurve h = g.forThread();
    int a = h.affineLongs(), j = h.jacobianLongs(), f = h.fieldLongs();
    long[] sums = new long[Math.max(1, d) * j], t = new long[h.scratchLongs()];
    for (int k = 0; k < d; k++) {
      h.setInfinityJ(sums, k * j);
    }
    for (int i = 0; i < n; i++) {
      if (idx[i] >= 0) {
        h.addMixed(sums, idx[i] * j, sums, idx[i] * j, bases, i * a, neg[i], t);
      }
    }
    long[] aff = new long[Math.max(1, d) * a], scalars = new long[Math.max(1, d) * 4], tmp = new long[2 * f];
    for (int k = 0; k < d; k++) {
      toAffine(h, sums, k * j, aff, k * a, tmp);
      Fr.fromCanonicalLimbs(scalars, 4 * k, vals, 4 * k);
    }
    msm(g, aff, scalars, d, out, oo, 0, BLOCK);
    return true;
  }

  /** z = the affine form of Jacobian p (X/Z², Y/Z³; all zero for infinity); t: 2 field elements. */
  static void toAffine(MsmCurve g, long[] p, int po, long[] z, int zo, long[] t) {
    int f = g.fieldLongs();
    if (g.isInfinityJ(p, po)) {
      java.util.Arrays.fill(z, zo, zo + 2 * f, 0L);
      return;
    }
    g.fInverse(t, 0, p, po + 2 * f); // 1/Z
    g.fSquare(t, f, t, 0); // 1/Z²
    g.fMul(t, 0, t, 0, t, f); // 1/Z³
    g.fMul(z, zo, p, po, t, f);
    g.fMul(z, zo + f, p, po + f, t, 0);
  }

  /** (r − 1)/2 as little-endian limbs. */
  private static final long[] HALF = limbs(Fr.MODULUS.shiftRight(1));

  private static long[] limbs(java.math.BigInteger v) {
    long[] l = new long[4];
    for (int i = 0; i < 4; i++) {
      l[i] = v.shiftRight(64 * i).longValue();
    }
    return l;
  }

  /**
   * m[mo..] = |k| for the canonical value k of the Montgomery scalar s[so..], reading k &gt; (r−1)/2
   * as k − r; returns whether k was taken as negative (then m = r − k).
   */
  static boolean magnitude(long[] m, int mo, long[] s, int so) {
    Fr.toCanonicalLimbs(m, mo, s, so);
    for (int i = 3; i >= 0; i--) {
      int cmp = Long.compareUnsigned(m[mo + i], HALF[i]);
      if (cmp < 0) {
        return false;
      }
      if (cmp > 0) {
        Fr.neg(m, mo, m, mo); // r − k: negation mod r is the same on canonical limbs
        return true;
      }
    }
    return false;
  }

  /** Bit length of the 256-bit integer at k[ko..]. */
  static int bitLength(long[] k, int ko) {
    for (int i = 3; i >= 0; i--) {
      if (k[ko + i] != 0) {
        return 64 * i + 64 - Long.numberOfLeadingZeros(k[ko + i]);
      }
    }
    return 0;
  }

  /**
   * Writes the signed base-2^c digits of ±k (k: 4 canonical limbs at ko, negated when {@code neg})
   * as {@link WindowBuckets#code}s, window-major.
   */
  static void recode(long[] k, int ko, boolean neg, int c, int windows, char[] digits, int n, int i) {
    int half = 1 << (c - 1), full = 1 << c, carry = 0;
    for (int w = 0; w < windows; w++) {
      int d = bits(k, ko, w * c, c) + carry;
      if (d > half) {
        d -= full;
        carry = 1;
      } else {
        carry = 0;
      }
      digits[w * n + i] = WindowBuckets.code(Math.abs(d), (d < 0) != neg);
    }
  }

  /** Bits [s, s + c) of the 256-bit integer at k[ko..] (c ≤ 32). */
  static int bits(long[] k, int ko, int s, int c) {
    int limb = s >>> 6, sh = s & 63;
    if (limb >= 4) {
      return 0;
    }
    long v = k[ko + limb] >>> sh;
    if (sh + c > 64 && limb + 1 < 4) {
      v |= k[ko + limb + 1] << (64 - sh);
    }
    return (int) (v & ((1L << c) - 1));
  }

  /**
   * Buckets per digit: 1 for wide scalars; for scalars of at most 16 bits (one or two windows),
   * enough copies for about n/32 buckets in all, so that a window of few distinct digits (0/1
   * selectors, small integers) still runs batch-affine additions instead of colliding into
   * Jacobian ones, while the running sums (27 multiplications per bucket) stay a small share.
   */
  static int copies(int n, int bits, int c) {
    if (bits > 16) {
      return 1;
    }
    int want = (n >>> 5) >>> (c - 1);
    return want <= 1 ? 1 : Math.min(1 << 12, Integer.highestOneBit(want));
  }

  /** Affine additions per inversion: an eighth of the buckets, at most 2048. */
  static int batchSize(int c) {
    return Math.min(2048, 1 << Math.max(0, c - 3));
  }

  /**
   * The window width minimising (windows)·(n·addition + 2^(c−1)·reduction), with costs in field
   * multiplications: 6.5 for a batch-affine addition plus its share of the inversion (binary GCD,
   * worth some 60), 11 for a mixed one, 27 per bucket in the running sums. Measured at 2^10, 2^13
   * and 2^16 points the model's choice was the fastest width or within a few percent of it. Public
   * for benchmarks that time the plain engine (no GLV) at its own choice of width.
   */
  public static int windowBits(int n) {
    return windowBits(n, SCALAR_BITS);
  }

  /** As {@link #windowBits(int)} for scalars of at most {@code bits} bits (small values: few windows). */
  static int windowBits(int n, int bits) {
    int best = 1;
    double bestCost = Double.MAX_VALUE;
    // wider windows than the scalars only add empty buckets (and, with few distinct digits, every
    // batch-affine addition would collide: the cost model's batch figure would not hold)
    for (int c = 1; c <= Math.min(MAX_C, bits + 1); c++) {
      int windows = bits / c + 1;
      double add = c >= BATCH_MIN_C ? 6.5 + 60.0 / batchSize(c) : 11;
      double cost = windows * (n * add + (1 << (c - 1)) * 27.0);
      if (cost < bestCost) {
        bestCost = cost;
        best = c;
      }
    }
    return best;
  }
}
