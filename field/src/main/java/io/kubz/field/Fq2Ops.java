package io.kubz.field;

import io.kubz.field.internal.Mont4;

/**
 * Allocation-free kernels over Fq2 = Fq[u]/(u² + 1), on elements of 8 longs (c0 then c1, Montgomery
 * Fq limbs). An instance owns its scratch, so it must not be shared between threads; every kernel
 * allows the output to alias any input. Kernels here call only {@link Fq} kernels, never each other
 * while holding scratch.
 */
final class Fq2Ops {
  static final int N = 8;
  private final long[] t = new long[24];
  private final long[] w = new long[40];

  // z = x + y, componentwise
  static void add(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    Fq.add(z, zo, x, xo, y, yo);
    Fq.add(z, zo + 4, x, xo + 4, y, yo + 4);
  }

  static void sub(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    Fq.sub(z, zo, x, xo, y, yo);
    Fq.sub(z, zo + 4, x, xo + 4, y, yo + 4);
  }

  static void dbl(long[] z, int zo, long[] x, int xo) {
    Fq.dbl(z, zo, x, xo);
    Fq.dbl(z, zo + 4, x, xo + 4);
  }

  static void neg(long[] z, int zo, long[] x, int xo) {
    Fq.neg(z, zo, x, xo);
    Fq.neg(z, zo + 4, x, xo + 4);
  }

  /** Conjugation a0 + a1·u ↦ a0 − a1·u, which is also the Frobenius x ↦ x^q on Fq2. */
  static void conjugate(long[] z, int zo, long[] x, int xo) {
    Fq.copy(z, zo, x, xo);
    Fq.neg(z, zo + 4, x, xo + 4);
  }

  static void copy(long[] z, int zo, long[] x, int xo) {
    System.arraycopy(x, xo, z, zo, N);
  }

  static void setZero(long[] z, int zo) {
    java.util.Arrays.fill(z, zo, zo + N, 0L);
  }

  static void setOne(long[] z, int zo) {
    Fq.setOne(z, zo);
    Fq.setZero(z, zo + 4);
  }

  static boolean isZero(long[] x, int xo) {
    return Fq.isZero(x, xo) && Fq.isZero(x, xo + 4);
  }

  static boolean equal(long[] x, int xo, long[] y, int yo) {
    return Fq.equal(x, xo, y, yo) && Fq.equal(x, xo + 4, y, yo + 4);
  }

  /** z = x · s for s in Fq (4 longs at so). */
  static void mulByFq(long[] z, int zo, long[] x, int xo, long[] s, int so) {
    Fq.mul(z, zo, x, xo, s, so);
    Fq.mul(z, zo + 4, x, xo + 4, s, so);
  }

  /**
   * Karatsuba: (a0 + a1u)(b0 + b1u) = (a0b0 − a1b1) + ((a0 + a1)(b0 + b1) − a0b0 − a1b1)u, with
   * lazy reduction ({@link Fq2Wide}): three 512-bit products, two Montgomery reductions.
   */
  void mul(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    Fq2Wide.mul(z, zo, x, xo, y, yo, w);
  }

  /** (a0 + a1u)² = (a0 + a1)(a0 − a1) + 2a0a1·u. */
  void square(long[] z, int zo, long[] x, int xo) {
    long[] t = this.t;
    Fq.add(t, 0, x, xo, x, xo + 4);
    Fq.sub(t, 4, x, xo, x, xo + 4);
    Fq.mul(t, 8, x, xo, x, xo + 4);
    Fq.mul(z, zo, t, 0, t, 4);
    Fq.dbl(z, zo + 4, t, 8);
  }

  /** Multiplication by the sextic non-residue ξ = 9 + u: (a0 + a1u)(9 + u) = (9a0 − a1) + (a0 + 9a1)u. */
  void mulByXi(long[] z, int zo, long[] x, int xo) {
    long[] t = this.t;
    nineAdd(t, 0, x, xo, x, xo + 4, true);
    nineAdd(z, zo + 4, x, xo + 4, x, xo, false);
    Fq.copy(z, zo, t, 0);
  }

  private static final double Q_OVER_2_192 = Fq.MODULUS.shiftRight(140).doubleValue() / 0x1p52;
  /** Slightly below 2^192/q, so that the quotient estimate below never exceeds ⌊t/q⌋. */
  private static final double INV_Q_TOP = (1.0 - 0x1p-40) / Q_OVER_2_192;

  /**
   * z = 9a − b (minus) or 9a + b, for Montgomery limbs (multiplication by a small integer commutes
   * with the Montgomery factor). One reduction instead of the four of three doublings and an
   * addition: t = 9a + b or 9a + (q − b) is below 10q < 2^258; k = an estimate of ⌊t/q⌋ from t's top
   * 66 bits, never above it and at most one below, so t − k·q < 2q needs one conditional subtraction.
   * z may alias a or b.
   */
  static void nineAdd(long[] z, int zo, long[] a, int ao, long[] b, int bo, boolean minus) {
    long a0 = a[ao], a1 = a[ao + 1], a2 = a[ao + 2], a3 = a[ao + 3];
    long b0 = b[bo], b1 = b[bo + 1], b2 = b[bo + 2], b3 = b[bo + 3];
    if (minus) { // b ← q − b
      long d0 = Fq.P0 - b0;
      long w = Mont4.borrow(Fq.P0, b0, d0);
      long d1 = Fq.P1 - b1 - w;
      w = Mont4.borrow(Fq.P1, b1, d1);
      long d2 = Fq.P2 - b2 - w;
      w = Mont4.borrow(Fq.P2, b2, d2);
      b3 = Fq.P3 - b3 - w;
      b0 = d0;
      b1 = d1;
      b2 = d2;
    }
    // 8a as five limbs, then + a + b
    long e0 = a0 << 3;
    long e1 = (a1 << 3) | (a0 >>> 61);
    long e2 = (a2 << 3) | (a1 >>> 61);
    long e3 = (a3 << 3) | (a2 >>> 61);
    long e4 = a3 >>> 61;
    long s0 = e0 + a0;
    long c = Mont4.carry(e0, a0, s0);
    long s1 = e1 + a1 + c;
    c = Mont4.carry(e1, a1, s1);
    long s2 = e2 + a2 + c;
    c = Mont4.carry(e2, a2, s2);
    long s3 = e3 + a3 + c;
    c = Mont4.carry(e3, a3, s3);
    long s4 = e4 + c;
    long u0 = s0 + b0;
    c = Mont4.carry(s0, b0, u0);
    long u1 = s1 + b1 + c;
    c = Mont4.carry(s1, b1, u1);
    long u2 = s2 + b2 + c;
    c = Mont4.carry(s2, b2, u2);
    long u3 = s3 + b3 + c;
    c = Mont4.carry(s3, b3, u3);
    long u4 = s4 + c;
    // k ≤ ⌊t/q⌋ ≤ k + 1 from t4·2^64 + t3 (the lower limbs only add to t/q)
    double top = u4 * 0x1p64 + (double) (u3 >>> 1) * 2.0 + (u3 & 1);
    long k = (long) (top * INV_Q_TOP);
    // t − k·q
    long m0 = k * Fq.P0, h0 = Mont4.mulHi(k, Fq.P0);
    long m1 = k * Fq.P1, h1 = Mont4.mulHi(k, Fq.P1);
    long m2 = k * Fq.P2, h2 = Mont4.mulHi(k, Fq.P2);
    long m3 = k * Fq.P3, h3 = Mont4.mulHi(k, Fq.P3);
    long n1 = m1 + h0;
    long cc = Mont4.carry(m1, h0, n1);
    long n2 = m2 + h1 + cc;
    cc = Mont4.carry(m2, h1, n2);
    long n3 = m3 + h2 + cc;
    // k·q = m0 + n1·2^64 + n2·2^128 + n3·2^192 (+ h3·2^256, cancelled by u4 since t − k·q < 2^255)
    long r0 = u0 - m0;
    long w = Mont4.borrow(u0, m0, r0);
    long r1 = u1 - n1 - w;
    w = Mont4.borrow(u1, n1, r1);
    long r2 = u2 - n2 - w;
    w = Mont4.borrow(u2, n2, r2);
    long r3 = u3 - n3 - w;
    Mont4.reduceOnce(z, zo, r0, r1, r2, r3, Fq.P0, Fq.P1, Fq.P2, Fq.P3);
  }

  /** 1/(a0 + a1u) = (a0 − a1u)/(a0² + a1²); inverse(0) = 0. */
  void inverse(long[] z, int zo, long[] x, int xo) {
    long[] t = this.t;
    Fq.square(t, 0, x, xo);
    Fq.square(t, 4, x, xo + 4);
    Fq.add(t, 0, t, 0, t, 4);
    Fq.inverse(t, 0, t, 0);
    Fq.mul(z, zo, x, xo, t, 0);
    Fq.mul(t, 4, x, xo + 4, t, 0);
    Fq.neg(z, zo + 4, t, 4);
  }
}
