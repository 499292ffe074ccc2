package io.kubz.field.internal;

/**
 * Modular inversion by the optimized binary GCD of T. Pornin, "Optimized Binary GCD for Modular
 * Inversion" (IACR ePrint 2020/972), variable-time variant.
 *
 * <p>State: a, b with b = p initially and a = y, and u, v with the invariants a ≡ u·y and
 * b ≡ v·y (mod p). Each outer step runs R = 31 binary-GCD steps on 63-bit approximations of a and
 * b (their low 31 bits, exact, and the top 32 bits at their common length) and records them as a
 * matrix [f0 g0; f1 g1] with |f|+|g| <= 2^31; then a, b ← (f·a + g·b)/2^31 exactly (negated when
 * negative) and u, v ← (f·u + g·v)/2^31 mod p, the division by 2^31 done Montgomery-style so no
 * scaling is left at the end. When a reaches 0, b = gcd = 1 and v = y^-1.
 *
 * <p>Runs of even steps are taken at once (count trailing zeros), which is what makes this the
 * variable-time variant (kubz makes no constant-time claims: timing depends on the value).
 * Multi-precision values are 8 halves of 32 bits (signed accumulation in a long never
 * overflows: (2^32-1)·2^31 + 2^31 < 2^63). Scratch space is a per-thread array, so the kernel does
 * not allocate.
 */
public final class BinaryGcd {
  private static final int R = 31;
  private static final long LOW31 = (1L << R) - 1;
  private static final long M32 = 0xFFFF_FFFFL;
  /**
   * A guard, far above the at most 13 outer steps measured over 600,000 random 254-bit inputs
   * (each step removes about 31 bits of a·b); beyond it the caller falls back to Fermat.
   */
  private static final int MAX_STEPS = 40;
  private static final int A = 0, B = 8, U = 16, V = 24, T = 32, S = 41, P = 50, SIZE = 58;
  private static final ThreadLocal<long[]> SCRATCH = ThreadLocal.withInitial(() -> new long[SIZE]);

  private BinaryGcd() {}

  /**
   * Sets z to the plain-limb inverse y^-1 mod p of the plain limbs y (0 < y < p), or returns false
   * (z untouched) if the algorithm did not finish within its step bound, which a correct input
   * never triggers.
   */
  public static boolean invert(long[] z, int zo, long[] y, int yo,
      long p0, long p1, long p2, long p3, long inv) {
    long[] w = SCRATCH.get();
    split(w, A, y[yo], y[yo + 1], y[yo + 2], y[yo + 3]);
    split(w, B, p0, p1, p2, p3);
    split(w, P, p0, p1, p2, p3);
    split(w, U, 1, 0, 0, 0);
    split(w, V, 0, 0, 0, 0);
    long pinv31 = inv & LOW31; // -p^-1 mod 2^31
    for (int step = 0; step < MAX_STEPS; step++) {
      int n = Math.max(bitLength(w, A), bitLength(w, B));
      if (bitLength(w, A) == 0) {
        z[zo] = w[V] | (w[V + 1] << 32);
        z[zo + 1] = w[V + 2] | (w[V + 3] << 32);
        z[zo + 2] = w[V + 4] | (w[V + 5] << 32);
        z[zo + 3] = w[V + 6] | (w[V + 7] << 32);
        return true;
      }
      long xa;
      long xb;
      if (n <= 63) {
        xa = w[A] | (w[A + 1] << 32);
        xb = w[B] | (w[B + 1] << 32);
      } else {
        xa = (w[A] & LOW31) | (bits32(w, A, n - 32) << R);
        xb = (w[B] & LOW31) | (bits32(w, B, n - 32) << R);
      }
      long f0 = 1, g0 = 0, f1 = 0, g1 = 1;
      int j = 0;
      while (true) {
        // a run of even steps at once: a ← a/2^e, recorded by doubling the other row e times
        int e = Math.min(Long.numberOfTrailingZeros(xa), R - j);
        xa >>= e;
        f1 <<= e;
        g1 <<= e;
        j += e;
        if (j == R) {
          break;
        }
        // a is odd: exchange the rows when a < b, then a ← (a - b)/2
        long swap = (xa - xb) >> 63;
        long t = (xa ^ xb) & swap;
        xa ^= t;
        xb ^= t;
        t = (f0 ^ f1) & swap;
        f0 ^= t;
        f1 ^= t;
        t = (g0 ^ g1) & swap;
        g0 ^= t;
        g1 ^= t;
        xa = (xa - xb) >> 1;
        f0 -= f1;
        g0 -= g1;
        f1 <<= 1;
        g1 <<= 1;
        j++;
      }
      combine(w, A, f0, B, g0, T);
      combine(w, A, f1, B, g1, S);
      if (shiftOut(w, T, A)) {
        f0 = -f0;
        g0 = -g0;
      }
      if (shiftOut(w, S, B)) {
        f1 = -f1;
        g1 = -g1;
      }
      combine(w, U, f0, V, g0, T);
      combine(w, U, f1, V, g1, S);
      montgomeryHalve(w, T, U, pinv31);
      montgomeryHalve(w, S, V, pinv31);
    }
    return false;
  }

  private static void split(long[] w, int o, long l0, long l1, long l2, long l3) {
    w[o] = l0 & M32;
    w[o + 1] = l0 >>> 32;
    w[o + 2] = l1 & M32;
    w[o + 3] = l1 >>> 32;
    w[o + 4] = l2 & M32;
    w[o + 5] = l2 >>> 32;
    w[o + 6] = l3 & M32;
    w[o + 7] = l3 >>> 32;
  }

  private static int bitLength(long[] w, int o) {
    for (int i = 7; i >= 0; i--) {
      if (w[o + i] != 0) {
        return 32 * i + 64 - Long.numberOfLeadingZeros(w[o + i]);
      }
    }
    return 0;
  }

  /** Bits [s, s+32) of the 8-half number at o. */
  private static long bits32(long[] w, int o, int s) {
    int i = s >>> 5;
    int off = s & 31;
    long hi = i < 7 ? w[o + i + 1] : 0;
    return ((w[o + i] >>> off) | (hi << (32 - off))) & M32;
  }

  /** t = f·x + g·y as 8 normalized halves plus a signed ninth (|f|+|g| <= 2^31). */
  private static void combine(long[] w, int x, long f, int y, long g, int t) {
    long c = 0;
    for (int i = 0; i < 8; i++) {
      long acc = w[x + i] * f + w[y + i] * g + c;
      w[t + i] = acc & M32;
      c = acc >> 32;
    }
    w[t + 8] = c;
  }

  /** out = |t| / 2^31 (t divisible by 2^31 and |t|/2^31 < 2^256); returns whether t < 0. */
  private static boolean shiftOut(long[] w, int t, int out) {
    for (int i = 0; i < 8; i++) {
      w[out + i] = ((w[t + i] >>> R) | (w[t + i + 1] << (32 - R))) & M32;
    }
    if (w[t + 8] >= 0) {
      return false;
    }
    long c = 1; // two's complement negation over 256 bits
    for (int i = 0; i < 8; i++) {
      long s = (~w[out + i] & M32) + c;
      w[out + i] = s & M32;
      c = s >>> 32;
    }
    return true;
  }

  /** out = t / 2^31 mod p in [0, p), for t with |t| < 2^31·p. */
  private static void montgomeryHalve(long[] w, int t, int out, long pinv31) {
    long k = ((w[t] & LOW31) * pinv31) & LOW31; // t + k·p ≡ 0 (mod 2^31)
    long c = 0;
    for (int i = 0; i < 8; i++) {
      long acc = w[t + i] + k * w[P + i] + c;
      w[t + i] = acc & M32;
      c = acc >> 32;
    }
    w[t + 8] += c;
    for (int i = 0; i < 8; i++) {
      w[out + i] = ((w[t + i] >>> R) | (w[t + i + 1] << (32 - R))) & M32;
    }
    // the quotient lies in (-p, 2p): one correction by ±p
    if (w[t + 8] < 0) {
      addHalves(w, out, P, 1);
    } else if (!lessThanP(w, out)) {
      addHalves(w, out, P, -1);
    }
  }

  /** out += sign·p (mod 2^256). */
  private static void addHalves(long[] w, int out, int p, long sign) {
    long c = 0;
    for (int i = 0; i < 8; i++) {
      long s = w[out + i] + sign * w[p + i] + c;
      w[out + i] = s & M32;
      c = s >> 32;
    }
  }

  private static boolean lessThanP(long[] w, int o) {
    for (int i = 7; i >= 0; i--) {
      if (w[o + i] != w[P + i]) {
        return w[o + i] < w[P + i];
      }
    }
    return false;
  }
}
