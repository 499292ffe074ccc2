package io.kubz.field.msm;

import io.kubz.field.Fq;
import io.kubz.field.G1;
import io.kubz.field.Parallel;
import io.kubz.field.internal.Glv;
import io.kubz.field.internal.GlvSplit;

/**
 * Full-width G1 multi-scalar multiplication through the GLV endomorphism: each scalar splits as
 * k ≡ k1 + k2·λ (mod r) with |k1|, |k2| &lt; 2^127 ({@link GlvSplit}), and since λ·P = φ(P) =
 * (β·x, y), Σ kᵢ·Pᵢ = Σ k1ᵢ·Pᵢ + Σ k2ᵢ·φ(Pᵢ): one Pippenger sum over 2n points with 127-bit
 * scalars. That halves the windows (each twice as long), so bucket additions stay n·254/c but the
 * bucket reductions (2^(c−1) buckets per window) and the Horner doublings halve, and the same
 * budget of reductions allows a window one bit wider. That pays up to 2^16 terms; {@link Pippenger}
 * sends larger inputs to the plain engine ({@code GLV_MAX_TERMS}, measured in bench/RESULTS.md).
 *
 * <p>φ(Pᵢ) is made per call (one Fq multiplication per point) into an array beside the bases; the
 * signs of k1, k2 and of the scalar go into the digits. Digits are signed base-2^c in
 * (−2^(c−1), 2^(c−1)] ({@link WindowBuckets#code}); for c = 16 a code has room for +2^15 but not
 * −2^15, so a negative entry is recoded with digits in [−2^15, 2^15) before its sign flips them,
 * which the bound |kᵢ| &lt; 2^126.2 keeps carry-free at the top window.
 */
final class GlvMsm {
  private GlvMsm() {}

  static final int MAX_C = 16;

  /** Points per block of digits (each block holds 2·BLOCK entries). */
  static final int BLOCK = 1 << 21;

  /**
   * out[oo..] (Jacobian) = Σ_{i&lt;n} (neg[i] ? −1 : 1)·mag[4i..]·bases[i], mag &lt; r canonical limbs
   * (zero where the base is infinity), overwritten by the halves. forcedC: 1..16, or 0 to choose.
   */
  static void g1(long[] bases, long[] mag, boolean[] neg, int n, long[] out, int oo, int forcedC) {
    g1(bases, mag, neg, n, out, oo, forcedC, BLOCK);
  }

  static void g1(long[] bases, long[] mag, boolean[] neg, int n, long[] out, int oo, int forcedC,
      int block) {
    final int a = G1.AFFINE_LONGS, j = G1.JACOBIAN_LONGS;
    long[] phi = new long[a * n];
    long[] halves = mag; // |k1|, |k2| (2 limbs each) per point, in place of |k|
    byte[] signs = new byte[n]; // bit 0: k1 taken negative, bit 1: k2
    int[] widest = new int[Parallel.threads() * 4 + 1];
    int[] nonzero = new int[widest.length];
    int chunks = Parallel.forChunks(0, n, widest.length, (chunk, from, to) -> {
      long[] t = new long[GlvSplit.SCRATCH];
      int w = 0, nz = 0;
      for (int i = from; i < to; i++) {
        int po = a * i, ho = 4 * i;
        if (G1.isInfinityAffine(bases, po)) {
          continue; // phi stays infinity, halves zero
        }
        Fq.mul(phi, po, bases, po, Glv.BETA, 0);
        System.arraycopy(bases, po + 4, phi, po + 4, 4);
        int s = GlvSplit.split(mag, 4 * i, halves, ho, t);
        if (neg[i]) {
          s ^= 3;
        }
        signs[i] = (byte) s;
        int b1 = bitLength(halves[ho], halves[ho + 1]), b2 = bitLength(halves[ho + 2], halves[ho + 3]);
        w = Math.max(w, Math.max(b1, b2));
        nz += (b1 == 0 ? 0 : 1) + (b2 == 0 ? 0 : 1);
      }
      widest[chunk] = w;
      nonzero[chunk] = nz;
    });
    int bits = 1, terms = 0;
    for (int i = 0; i < chunks; i++) {
      bits = Math.max(bits, widest[i]);
      terms += nonzero[i];
    }
    int c = forcedC != 0 ? forcedC : windowBits(Math.max(1, terms), bits);
    int windows = bits / c + 1;
    int topBits = bits - c * (windows - 1) + 1; // the top window's digits: its bits and a carry
    int batchMax = Pippenger.batchSize(c);
    boolean batch = c >= Pippenger.BATCH_MIN_C;
    long[] sums = new long[windows * j];
    for (int w = 0; w < windows; w++) {
      G1.setInfinityJ(sums, w * j);
    }
    for (int start = 0; start < n; start += block) {
      int base0 = start, len = Math.min(block, n - start), m = 2 * len;
      char[] digits = new char[windows * m];
      Parallel.forRange(0, len, 1 << 12, (from, to) -> {
        for (int i = from; i < to; i++) {
          int p = base0 + i, s = signs[p];
          recode(halves[4 * p], halves[4 * p + 1], (s & 1) != 0, c, windows, digits, m, i);
          recode(halves[4 * p + 2], halves[4 * p + 3], (s & 2) != 0, c, windows, digits, m, len + i);
        }
      });
      Parallel.forRange(0, windows, 1, (from, to) -> {
        WindowBuckets wb = new WindowBuckets(G1Curve.INSTANCE, c, 1, batch, batchMax);
        long[] part = new long[j], t = new long[G1.SCRATCH_LONGS];
        for (int w = from; w < to; w++) {
          wb.limitBatch(w == windows - 1 ? topBits : c);
          wb.window(bases, phi, base0, len, digits, w * m, m, part, 0);
          G1.addJ(sums, w * j, sums, w * j, part, 0, t);
        }
      });
    }
    long[] t = new long[G1.SCRATCH_LONGS], acc = new long[j];
    System.arraycopy(sums, (windows - 1) * j, acc, 0, j);
    for (int w = windows - 2; w >= 0; w--) {
      for (int i = 0; i < c; i++) {
        G1.dblJ(acc, 0, acc, 0, t);
      }
      G1.addJ(acc, 0, acc, 0, sums, w * j, t);
    }
    System.arraycopy(acc, 0, out, oo, j);
  }

  /**
   * Writes the signed base-2^c digit codes of ±(k0 + k1·2^64) to digits[w·m + e], w &lt; windows.
   * Non-negative entries take digits in (−2^(c−1), 2^(c−1)], negative ones [−2^(c−1), 2^(c−1))
   * before the flip, so that every digit written is in (−2^(c−1), 2^(c−1)].
   */
  static void recode(long k0, long k1, boolean negative, int c, int windows, char[] digits, int m,
      int e) {
    int half = 1 << (c - 1), full = 1 << c, carry = 0;
    for (int w = 0; w < windows; w++) {
      int d = bits(k0, k1, w * c, c) + carry;
      if (d > half || (negative && d == half && w < windows - 1)) {
        d -= full;
        carry = 1;
      } else {
        carry = 0;
      }
      if (negative) {
        d = -d;
      }
      if (d == -half && c == MAX_C) {
        // unreachable for |k| < 2^127 − 2^112 (GlvSplit's bound): the top window holds at most 15 bits
        throw new IllegalStateException("GLV half too wide for " + windows + " windows of " + c);
      }
      digits[w * m + e] = WindowBuckets.code(Math.abs(d), d < 0);
    }
  }

  /** Bits [s, s + c) of the 128-bit k0 + k1·2^64 (c ≤ 32). */
  static int bits(long k0, long k1, int s, int c) {
    long v;
    if (s >= 128) {
      return 0;
    } else if (s >= 64) {
      v = k1 >>> (s - 64);
    } else {
      v = k0 >>> s;
      if (s + c > 64 && s > 0) {
        v |= k1 << (64 - s);
      }
    }
    return (int) (v & ((1L << c) - 1));
  }

  static int bitLength(long k0, long k1) {
    return k1 != 0 ? 128 - Long.numberOfLeadingZeros(k1) : 64 - Long.numberOfLeadingZeros(k0);
  }

  /**
   * The window width for m entries of at most {@code bits} bits, by {@link Pippenger}'s cost model
   * (windows·(m·addition + 2^(c−1)·reduction)) up to c = 16.
   */
  static int windowBits(int m, int bits) {
    int best = 1;
    double bestCost = Double.MAX_VALUE;
    for (int c = 1; c <= Math.min(MAX_C, bits + 1); c++) {
      int windows = bits / c + 1;
      double add = c >= Pippenger.BATCH_MIN_C ? 6.5 + 60.0 / Pippenger.batchSize(c) : 11;
      double cost = windows * (m * add + (1 << (c - 1)) * 27.0);
      if (cost < bestCost) {
        bestCost = cost;
        best = c;
      }
    }
    return best;
  }
}
