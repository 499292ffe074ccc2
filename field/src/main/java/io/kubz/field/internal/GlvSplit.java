package io.kubz.field.internal;

import java.math.BigInteger;

/**
 * The GLV split of {@link Glv} on 64-bit limbs, allocation-free, for multi-scalar multiplication.
 *
 * <p>The short basis of {@link Glv} has determinant r (checked below), so the exact split rounds
 * c1 = k·B2/r and c2 = k·(−B1)/r (both ≥ 0 here: B2 &gt; 0 &gt; B1) and takes
 * k1 = k − c1·A1 − c2·A2, k2 = c1·(−B1) − c2·B2. The quotients come from precomputed
 * g_i = round(2^256·b_i/r) as c_i = ⌊(k·g_i + 2^255)/2^256⌋: for k &lt; r &lt; 2^254 that is off the
 * real quotient by at most 1/2 + 1/8, so |k1| ≤ 0.625·(|A1| + |A2|) and |k2| ≤ 0.625·(|B1| + |B2|),
 * both below 2^127. Hence k1, k2 are exact modulo 2^128 read as signed, and only the low 128 bits of
 * the products are formed.
 */
public final class GlvSplit {
  private GlvSplit() {}

  /** Bound on the halves' bit length (see the class comment; GlvSplitTest checks it). */
  public static final int HALF_BITS = 127;

  private static final long A1, B2; // 64 bits each
  private static final long A2_0, A2_1, NB1_0, NB1_1; // 127 bits each
  private static final long G1_0, G1_1; // round(2^256·B2/r), about 2^66
  private static final long G2_0, G2_1, G2_2; // round(2^256·(−B1)/r), about 2^129

  static {
    BigInteger r = io.kubz.field.Fr.MODULUS;
    if (!Glv.DET.equals(r) || Glv.B1.signum() >= 0 || Glv.B2.signum() <= 0 || Glv.A1.signum() <= 0
        || Glv.A2.signum() <= 0 || Glv.A1.bitLength() > 64 || Glv.B2.bitLength() > 64
        || Glv.A2.bitLength() > 127 || Glv.B1.bitLength() > 127) {
      throw new ExceptionInInitializerError("GLV basis of unexpected shape");
    }
    A1 = Glv.A1.longValue();
    B2 = Glv.B2.longValue();
    A2_0 = Glv.A2.longValue();
    A2_1 = Glv.A2.shiftRight(64).longValue();
    BigInteger nb1 = Glv.B1.negate();
    NB1_0 = nb1.longValue();
    NB1_1 = nb1.shiftRight(64).longValue();
    BigInteger half = r.shiftRight(1);
    BigInteger g1 = Glv.B2.shiftLeft(256).add(half).divide(r);
    BigInteger g2 = nb1.shiftLeft(256).add(half).divide(r);
    G1_0 = g1.longValue();
    G1_1 = g1.shiftRight(64).longValue();
    G2_0 = g2.longValue();
    G2_1 = g2.shiftRight(64).longValue();
    G2_2 = g2.shiftRight(128).longValue();
    if (g1.bitLength() > 128 || g2.bitLength() > 192) {
      throw new ExceptionInInitializerError("GLV rounding constants of unexpected size");
    }
  }

  /**
   * Splits k (4 little-endian canonical limbs at k[ko..], k &lt; r) into k ≡ k1 + k2·λ (mod r):
   * writes |k1| to z[zo], z[zo+1] and |k2| to z[zo+2], z[zo+3] (little-endian) and returns
   * (k1 &lt; 0 ? 1 : 0) | (k2 &lt; 0 ? 2 : 0). z may be k at the same offset (k is read first); t: {@value #SCRATCH} longs of
   * scratch.
   */
  public static int split(long[] k, int ko, long[] z, int zo, long[] t) {
    long k0 = k[ko], k1 = k[ko + 1], k2 = k[ko + 2], k3 = k[ko + 3];
    // c_i = ⌊(k·g_i + 2^255)/2^256⌋: limb 4 (and 5) of the product
    product(t, k0, k1, k2, k3, G1_0, G1_1, 0);
    long c1 = t[4];
    product(t, k0, k1, k2, k3, G2_0, G2_1, G2_2);
    long c20 = t[4], c21 = t[5];
    // k1 = k − c1·A1 − c2·A2 (mod 2^128)
    long lo = c1 * A1, hi = mulHi(c1, A1);
    long pl = c20 * A2_0, ph = mulHi(c20, A2_0) + c20 * A2_1 + c21 * A2_0;
    long s0 = lo + pl, s1 = hi + ph + (Long.compareUnsigned(s0, lo) < 0 ? 1 : 0);
    long r0 = k0 - s0, r1 = k1 - s1 - (Long.compareUnsigned(k0, s0) < 0 ? 1 : 0);
    int flags = 0;
    if (r1 < 0) {
      flags |= 1;
      r0 = -r0;
      r1 = ~r1 + (r0 == 0 ? 1 : 0);
    }
    z[zo] = r0;
    z[zo + 1] = r1;
    // k2 = c1·(−B1) − c2·B2 (mod 2^128)
    long al = c1 * NB1_0, ah = mulHi(c1, NB1_0) + c1 * NB1_1;
    long bl = c20 * B2, bh = mulHi(c20, B2) + c21 * B2;
    long t0 = al - bl, t1 = ah - bh - (Long.compareUnsigned(al, bl) < 0 ? 1 : 0);
    if (t1 < 0) {
      flags |= 2;
      t0 = -t0;
      t1 = ~t1 + (t0 == 0 ? 1 : 0);
    }
    z[zo + 2] = t0;
    z[zo + 3] = t1;
    return flags;
  }

  /** Longs of scratch for {@link #split}. */
  public static final int SCRATCH = 7;

  /** t[0..7) = k·(g0 + g1·2^64 + g2·2^128) + 2^255. */
  private static void product(long[] t, long k0, long k1, long k2, long k3, long g0, long g1, long g2) {
    java.util.Arrays.fill(t, 0, SCRATCH, 0L);
    t[3] = Long.MIN_VALUE; // 2^255
    for (int i = 0; i < 4; i++) {
      long ki = i == 0 ? k0 : i == 1 ? k1 : i == 2 ? k2 : k3;
      mulAdd(t, i, ki, g0);
      mulAdd(t, i + 1, ki, g1);
      if (g2 != 0) {
        mulAdd(t, i + 2, ki, g2);
      }
    }
  }

  /** acc += x·y·2^(64·at), carries rippling up. */
  private static void mulAdd(long[] acc, int at, long x, long y) {
    addAt(acc, at + 1, mulHi(x, y));
    addAt(acc, at, x * y);
  }

  private static void addAt(long[] acc, int at, long v) {
    for (int i = at; i < SCRATCH && v != 0; i++) {
      long s = acc[i] + v;
      v = Long.compareUnsigned(s, acc[i]) < 0 ? 1 : 0;
      acc[i] = s;
    }
  }

  /** The high 64 bits of the unsigned product x·y (Math.unsignedMultiplyHigh is JDK 18+). */
  static long mulHi(long x, long y) {
    return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
  }
}
