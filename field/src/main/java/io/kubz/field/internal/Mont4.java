package io.kubz.field.internal;

import java.math.BigInteger;

/**
 * Montgomery arithmetic on 4 x 64-bit little-endian limbs, shared by {@code Fr} and {@code Fq}.
 *
 * <p>Every kernel takes the modulus limbs {@code p0..p3} (and for products {@code inv = -p^-1 mod
 * 2^64}) as arguments; callers pass their {@code static final} constants, so once the JIT inlines a
 * kernel they fold into immediates and the code is as good as a dedicated one. Elements are in
 * [0, p); outputs may alias any input (all inputs are read into locals before the first store).
 *
 * <p>Products use the CIOS method (Koç, Acar, Kaliski, "Analyzing and comparing Montgomery
 * multiplication algorithms", IEEE Micro 1996) with the "no-carry" shortcut that holds when the top
 * limb of p is below 2^63 - 1 (true for both BN254 moduli, which are below 2^254): the running
 * value never needs a fifth limb.
 */
public final class Mont4 {
  private Mont4() {}

  /** High 64 bits of the unsigned 128-bit product (Math.unsignedMultiplyHigh is JDK 18+). */
  public static long mulHi(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  /** Carry out of the unsigned sum {@code s = a + b (+ carry-in)}. */
  public static long carry(long a, long b, long s) {
    return ((a & b) | ((a | b) & ~s)) >>> 63;
  }

  /** Borrow out of the unsigned difference {@code d = a - b (- borrow-in)}. */
  public static long borrow(long a, long b, long d) {
    return ((~a & b) | (~(a ^ b) & d)) >>> 63;
  }

  /** z = x * y / 2^256 mod p (Montgomery product). */
  public static void mul(long[] z, int zo, long[] x, int xo, long[] y, int yo,
      long p0, long p1, long p2, long p3, long inv) {
    long x0 = x[xo], x1 = x[xo + 1], x2 = x[xo + 2], x3 = x[xo + 3];
    long y0 = y[yo], y1 = y[yo + 1], y2 = y[yo + 2], y3 = y[yo + 3];
    long t0 = 0, t1 = 0, t2 = 0, t3 = 0;
    long lo, s, u, a, c, k, m;
    // round 0: t = (t + x*y0 + m*p) / 2^64 with m = (t0 + x0*y0) * inv mod 2^64
    lo = x0 * y0; s = t0 + lo; a = mulHi(x0, y0) + carry(t0, lo, s); t0 = s;
    m = t0 * inv; c = mulHi(m, p0) + ((t0 | -t0) >>> 63);
    lo = x1 * y0; s = lo + a; k = carry(lo, a, s); u = s + t1; a = mulHi(x1, y0) + k + carry(s, t1, u);
    lo = m * p1; s = lo + c; k = carry(lo, c, s); t0 = s + u; c = mulHi(m, p1) + k + carry(s, u, t0);
    lo = x2 * y0; s = lo + a; k = carry(lo, a, s); u = s + t2; a = mulHi(x2, y0) + k + carry(s, t2, u);
    lo = m * p2; s = lo + c; k = carry(lo, c, s); t1 = s + u; c = mulHi(m, p2) + k + carry(s, u, t1);
    lo = x3 * y0; s = lo + a; k = carry(lo, a, s); u = s + t3; a = mulHi(x3, y0) + k + carry(s, t3, u);
    lo = m * p3; s = lo + c; k = carry(lo, c, s); t2 = s + u; c = mulHi(m, p3) + k + carry(s, u, t2);
    t3 = c + a;
    // round 1: t = (t + x*y1 + m*p) / 2^64 with m = (t0 + x0*y1) * inv mod 2^64
    lo = x0 * y1; s = t0 + lo; a = mulHi(x0, y1) + carry(t0, lo, s); t0 = s;
    m = t0 * inv; c = mulHi(m, p0) + ((t0 | -t0) >>> 63);
    lo = x1 * y1; s = lo + a; k = carry(lo, a, s); u = s + t1; a = mulHi(x1, y1) + k + carry(s, t1, u);
    lo = m * p1; s = lo + c; k = carry(lo, c, s); t0 = s + u; c = mulHi(m, p1) + k + carry(s, u, t0);
    lo = x2 * y1; s = lo + a; k = carry(lo, a, s); u = s + t2; a = mulHi(x2, y1) + k + carry(s, t2, u);
    lo = m * p2; s = lo + c; k = carry(lo, c, s); t1 = s + u; c = mulHi(m, p2) + k + carry(s, u, t1);
    lo = x3 * y1; s = lo + a; k = carry(lo, a, s); u = s + t3; a = mulHi(x3, y1) + k + carry(s, t3, u);
    lo = m * p3; s = lo + c; k = carry(lo, c, s); t2 = s + u; c = mulHi(m, p3) + k + carry(s, u, t2);
    t3 = c + a;
    // round 2: t = (t + x*y2 + m*p) / 2^64 with m = (t0 + x0*y2) * inv mod 2^64
    lo = x0 * y2; s = t0 + lo; a = mulHi(x0, y2) + carry(t0, lo, s); t0 = s;
    m = t0 * inv; c = mulHi(m, p0) + ((t0 | -t0) >>> 63);
    lo = x1 * y2; s = lo + a; k = carry(lo, a, s); u = s + t1; a = mulHi(x1, y2) + k + carry(s, t1, u);
    lo = m * p1; s = lo + c; k = carry(lo, c, s); t0 = s + u; c = mulHi(m, p1) + k + carry(s, u, t0);
    lo = x2 * y2; s = lo + a; k = carry(lo, a, s); u = s + t2; a = mulHi(x2, y2) + k + carry(s, t2, u);
    lo = m * p2; s = lo + c; k = carry(lo, c, s); t1 = s + u; c = mulHi(m, p2) + k + carry(s, u, t1);
    lo = x3 * y2; s = lo + a; k = carry(lo, a, s); u = s + t3; a = mulHi(x3, y2) + k + carry(s, t3, u);
    lo = m * p3; s = lo + c; k = carry(lo, c, s); t2 = s + u; c = mulHi(m, p3) + k + carry(s, u, t2);
    t3 = c + a;
    // round 3: t = (t + x*y3 + m*p) / 2^64 with m = (t0 + x0*y3) * inv mod 2^64
    lo = x0 * y3; s = t0 + lo; a = mulHi(x0, y3) + carry(t0, lo, s); t0 = s;
    m = t0 * inv; c = mulHi(m, p0) + ((t0 | -t0) >>> 63);
    lo = x1 * y3; s = lo + a; k = carry(lo, a, s); u = s + t1; a = mulHi(x1, y3) + k + carry(s, t1, u);
    lo = m * p1; s = lo + c; k = carry(lo, c, s); t0 = s + u; c = mulHi(m, p1) + k + carry(s, u, t0);
    lo = x2 * y3; s = lo + a; k = carry(lo, a, s); u = s + t2; a = mulHi(x2, y3) + k + carry(s, t2, u);
    lo = m * p2; s = lo + c; k = carry(lo, c, s); t1 = s + u; c = mulHi(m, p2) + k + carry(s, u, t1);
    lo = x3 * y3; s = lo + a; k = carry(lo, a, s); u = s + t3; a = mulHi(x3, y3) + k + carry(s, t3, u);
    lo = m * p3; s = lo + c; k = carry(lo, c, s); t2 = s + u; c = mulHi(m, p3) + k + carry(s, u, t2);
    t3 = c + a;
    reduceOnce(z, zo, t0, t1, t2, t3, p0, p1, p2, p3);
  }

  /** z = x^2 / 2^256 mod p. */
  public static void square(long[] z, int zo, long[] x, int xo,
      long p0, long p1, long p2, long p3, long inv) {
    mul(z, zo, x, xo, x, xo, p0, p1, p2, p3, inv);
  }

  /** Stores t, or t - p when t >= p (t < 2p). */
  public static void reduceOnce(long[] z, int zo, long t0, long t1, long t2, long t3,
      long p0, long p1, long p2, long p3) {
    long d0 = t0 - p0;
    long b = borrow(t0, p0, d0);
    long d1 = t1 - p1 - b;
    b = borrow(t1, p1, d1);
    long d2 = t2 - p2 - b;
    b = borrow(t2, p2, d2);
    long d3 = t3 - p3 - b;
    b = borrow(t3, p3, d3);
    long keep = -b; // all ones when t < p
    z[zo] = (t0 & keep) | (d0 & ~keep);
    z[zo + 1] = (t1 & keep) | (d1 & ~keep);
    z[zo + 2] = (t2 & keep) | (d2 & ~keep);
    z[zo + 3] = (t3 & keep) | (d3 & ~keep);
  }

  /** z = x + y mod p. */
  public static void add(long[] z, int zo, long[] x, int xo, long[] y, int yo,
      long p0, long p1, long p2, long p3) {
    long a0 = x[xo], a1 = x[xo + 1], a2 = x[xo + 2], a3 = x[xo + 3];
    long b0 = y[yo], b1 = y[yo + 1], b2 = y[yo + 2], b3 = y[yo + 3];
    long s0 = a0 + b0;
    long c = carry(a0, b0, s0);
    long s1 = a1 + b1 + c;
    c = carry(a1, b1, s1);
    long s2 = a2 + b2 + c;
    c = carry(a2, b2, s2);
    long s3 = a3 + b3 + c; // < 2^255: no carry out
    reduceOnce(z, zo, s0, s1, s2, s3, p0, p1, p2, p3);
  }

  /** z = 2x mod p. */
  public static void dbl(long[] z, int zo, long[] x, int xo, long p0, long p1, long p2, long p3) {
    long a0 = x[xo], a1 = x[xo + 1], a2 = x[xo + 2], a3 = x[xo + 3];
    long s0 = a0 << 1;
    long s1 = (a1 << 1) | (a0 >>> 63);
    long s2 = (a2 << 1) | (a1 >>> 63);
    long s3 = (a3 << 1) | (a2 >>> 63);
    reduceOnce(z, zo, s0, s1, s2, s3, p0, p1, p2, p3);
  }

  /** z = x - y mod p. */
  public static void sub(long[] z, int zo, long[] x, int xo, long[] y, int yo,
      long p0, long p1, long p2, long p3) {
    long a0 = x[xo], a1 = x[xo + 1], a2 = x[xo + 2], a3 = x[xo + 3];
    long b0 = y[yo], b1 = y[yo + 1], b2 = y[yo + 2], b3 = y[yo + 3];
    long d0 = a0 - b0;
    long b = borrow(a0, b0, d0);
    long d1 = a1 - b1 - b;
    b = borrow(a1, b1, d1);
    long d2 = a2 - b2 - b;
    b = borrow(a2, b2, d2);
    long d3 = a3 - b3 - b;
    b = borrow(a3, b3, d3);
    long mask = -b; // add p back when x < y
    long q0 = p0 & mask, q1 = p1 & mask, q2 = p2 & mask, q3 = p3 & mask;
    long s0 = d0 + q0;
    long c = carry(d0, q0, s0);
    long s1 = d1 + q1 + c;
    c = carry(d1, q1, s1);
    long s2 = d2 + q2 + c;
    c = carry(d2, q2, s2);
    z[zo] = s0;
    z[zo + 1] = s1;
    z[zo + 2] = s2;
    z[zo + 3] = d3 + q3 + c;
  }

  /** z = -x mod p (0 stays 0). */
  public static void neg(long[] z, int zo, long[] x, int xo, long p0, long p1, long p2, long p3) {
    long a0 = x[xo], a1 = x[xo + 1], a2 = x[xo + 2], a3 = x[xo + 3];
    long nz = -(((a0 | a1 | a2 | a3) | -(a0 | a1 | a2 | a3)) >>> 63); // all ones when x != 0
    long d0 = p0 - a0;
    long b = borrow(p0, a0, d0);
    long d1 = p1 - a1 - b;
    b = borrow(p1, a1, d1);
    long d2 = p2 - a2 - b;
    b = borrow(p2, a2, d2);
    long d3 = p3 - a3 - b;
    z[zo] = d0 & nz;
    z[zo + 1] = d1 & nz;
    z[zo + 2] = d2 & nz;
    z[zo + 3] = d3 & nz;
  }

  public static boolean isZero(long[] x, int xo) {
    return (x[xo] | x[xo + 1] | x[xo + 2] | x[xo + 3]) == 0;
  }

  public static boolean equal(long[] x, int xo, long[] y, int yo) {
    return ((x[xo] ^ y[yo]) | (x[xo + 1] ^ y[yo + 1]) | (x[xo + 2] ^ y[yo + 2])
        | (x[xo + 3] ^ y[yo + 3])) == 0;
  }

  public static void copy(long[] z, int zo, long[] x, int xo) {
    long a0 = x[xo], a1 = x[xo + 1], a2 = x[xo + 2], a3 = x[xo + 3];
    z[zo] = a0;
    z[zo + 1] = a1;
    z[zo + 2] = a2;
    z[zo + 3] = a3;
  }

  /** True when the plain (non-Montgomery) limbs x are below p. */
  public static boolean lessThan(long[] x, int xo, long p0, long p1, long p2, long p3) {
    long d0 = x[xo] - p0;
    long b = borrow(x[xo], p0, d0);
    long d1 = x[xo + 1] - p1 - b;
    b = borrow(x[xo + 1], p1, d1);
    long d2 = x[xo + 2] - p2 - b;
    b = borrow(x[xo + 2], p2, d2);
    long d3 = x[xo + 3] - p3 - b;
    return borrow(x[xo + 3], p3, d3) != 0;
  }

  /** Limb {@code i} (64 bits) of a non-negative BigInteger. */
  public static long limb(BigInteger v, int i) {
    return v.shiftRight(64 * i).longValue();
  }

  /** Limb {@code i} (52 bits) of a non-negative BigInteger in radix 2^52. */
  public static long limb52(BigInteger v, int i) {
    return v.shiftRight(52 * i).longValue() & ((1L << 52) - 1);
  }

  /** The non-negative integer with plain limbs x. */
  public static BigInteger toBigInteger(long[] x, int xo) {
    byte[] b = new byte[33];
    for (int i = 0; i < 4; i++) {
      long l = x[xo + i];
      for (int j = 0; j < 8; j++) {
        b[32 - 8 * i - j] = (byte) (l >>> (8 * j));
      }
    }
    return new BigInteger(b);
  }

  /** Plain limbs of v, which must be in [0, 2^256). */
  public static void fromBigInteger(long[] z, int zo, BigInteger v) {
    for (int i = 0; i < 4; i++) {
      z[zo + i] = limb(v, i);
    }
  }

  /** Writes the plain limbs x as 32 big-endian bytes. */
  public static void toBytesBE(long[] x, int xo, byte[] out, int oo) {
    for (int i = 0; i < 4; i++) {
      long l = x[xo + 3 - i];
      for (int j = 0; j < 8; j++) {
        out[oo + 8 * i + j] = (byte) (l >>> (56 - 8 * j));
      }
    }
  }

  /** Writes the plain limbs x as 32 little-endian bytes. */
  public static void toBytesLE(long[] x, int xo, byte[] out, int oo) {
    for (int i = 0; i < 4; i++) {
      long l = x[xo + i];
      for (int j = 0; j < 8; j++) {
        out[oo + 8 * i + j] = (byte) (l >>> (8 * j));
      }
    }
  }

  /** Reads 32 big-endian bytes into plain limbs (no range check). */
  public static void fromBytesBE(long[] z, int zo, byte[] in, int io) {
    for (int i = 0; i < 4; i++) {
      long l = 0;
      for (int j = 0; j < 8; j++) {
        l = (l << 8) | (in[io + 8 * i + j] & 0xFFL);
      }
      z[zo + 3 - i] = l;
    }
  }

  /** Reads 32 little-endian bytes into plain limbs (no range check). */
  public static void fromBytesLE(long[] z, int zo, byte[] in, int io) {
    for (int i = 0; i < 4; i++) {
      long l = 0;
      for (int j = 7; j >= 0; j--) {
        l = (l << 8) | (in[io + 8 * i + j] & 0xFFL);
      }
      z[zo + i] = l;
    }
  }
  /** A two-input kernel z = f(x, y), e.g. a field's product. */
  @FunctionalInterface
  public interface Binary {
    void run(long[] z, int zo, long[] x, int xo, long[] y, int yo);
  }

  /** A one-input kernel z = f(x), e.g. a field's square or inversion. */
  @FunctionalInterface
  public interface Unary {
    void run(long[] z, int zo, long[] x, int xo);
  }

  /**
   * z = x^e for a non-negative e by left-to-right square-and-multiply with the field's own product
   * and square; {@code one} holds R mod p. Allocates one 4-limb copy of the base (x may alias z).
   */
  public static void pow(long[] z, int zo, long[] x, int xo, BigInteger e, long[] one,
      Binary mul, Unary square) {
    long[] b = new long[4];
    copy(b, 0, x, xo);
    copy(z, zo, one, 0);
    for (int i = e.bitLength() - 1; i >= 0; i--) {
      square.run(z, zo, z, zo);
      if (e.testBit(i)) {
        mul.run(z, zo, z, zo, b, 0);
      }
    }
  }

  /**
   * z = 1/x in Montgomery form (0 for x = 0) by the binary GCD of {@link BinaryGcd}: with X = x·R
   * it yields X^-1 = x^-1·R^-1, and one product by {@code r3} = R^3 mod p gives x^-1·R.
   * {@code one} (R mod p) serves only the Fermat fallback, which a correct GCD never needs.
   */
  public static void inverse(long[] z, int zo, long[] x, int xo, long[] r3, long[] one,
      long p0, long p1, long p2, long p3, long inv) {
    if (isZero(x, xo)) {
      z[zo] = 0;
      z[zo + 1] = 0;
      z[zo + 2] = 0;
      z[zo + 3] = 0;
    } else if (BinaryGcd.invert(z, zo, x, xo, p0, p1, p2, p3, inv)) {
      mul(z, zo, z, zo, r3, 0, p0, p1, p2, p3, inv);
    } else {
      BigInteger p = toBigInteger(new long[] {p0, p1, p2, p3}, 0);
      Binary m = (c, co, a, ao, b, bo) -> mul(c, co, a, ao, b, bo, p0, p1, p2, p3, inv);
      pow(z, zo, x, xo, p.subtract(BigInteger.TWO), one, m, (c, co, a, ao) -> m.run(c, co, a, ao, a, ao));
    }
  }

  /**
   * In-place inversion of n consecutive elements with Montgomery's trick (one inversion and 3(n-1)
   * products); zeros are skipped and stay zero. Allocates a 4(n+1)-limb prefix table.
   */
  public static void batchInverse(long[] a, int off, int n, long[] one, Binary mul, Unary inverse) {
    if (n <= 0) {
      return;
    }
    long[] pre = new long[4 * n + 4]; // pre[i] = product of the non-zero a[j], j < i; then acc
    int acc = 4 * n;
    copy(pre, acc, one, 0);
    for (int i = 0; i < n; i++) {
      int ai = off + 4 * i;
      copy(pre, 4 * i, pre, acc);
      if (!isZero(a, ai)) {
        mul.run(pre, acc, pre, acc, a, ai);
      }
    }
    inverse.run(pre, acc, pre, acc);
    for (int i = n - 1; i >= 0; i--) {
      int ai = off + 4 * i;
      if (!isZero(a, ai)) {
        mul.run(pre, 4 * i, pre, 4 * i, pre, acc); // 1/a_i
        mul.run(pre, acc, pre, acc, a, ai);        // 1/(a_0..a_{i-1})
        copy(a, ai, pre, 4 * i);
      }
    }
  }
}
