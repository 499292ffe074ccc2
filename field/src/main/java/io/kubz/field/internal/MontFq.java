package io.kubz.field.internal;

import static io.kubz.field.internal.Mont4.carry;
import static io.kubz.field.internal.Mont4.mulHi;

/**
 * The Montgomery product and square for {@code Fq} with its modulus q as compile-time
 * constants. The product is the CIOS code of {@link Mont4#mul}, which is too large for the JIT to
 * inline, so this dedicated copy is what lets the modulus limbs fold into immediates (measured
 * 5-10% faster). MontFr and MontFq are generated from one template. Outputs may alias inputs.
 */
public final class MontFq {
  private static final long p0 = Mont4.limb(Moduli.Q, 0);
  private static final long p1 = Mont4.limb(Moduli.Q, 1);
  private static final long p2 = Mont4.limb(Moduli.Q, 2);
  private static final long p3 = Mont4.limb(Moduli.Q, 3);
  private static final long inv = Moduli.minusInverse64(Moduli.Q);

  private MontFq() {}

  /** z = x · y / 2^256 mod q. */
  public static void mul(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
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
    Mont4.reduceOnce(z, zo, t0, t1, t2, t3, p0, p1, p2, p3);
  }

  /**
   * z = x² / 2^256 mod q, separated operand scanning: the 512-bit square computes each cross
   * product once and doubles it, then four Montgomery rounds (measured ~10% faster than mul(x, x)).
   */
  public static void square(long[] z, int zo, long[] x, int xo) {
    long x0 = x[xo], x1 = x[xo + 1], x2 = x[xo + 2], x3 = x[xo + 3];
    long t0, t1, t2, t3, t4, t5, t6, t7;
    long lo, s, u, a, c, k, m, e;
    // cross products x_i·x_j (i < j) into t1..t6
    t1 = x0 * x1; a = mulHi(x0, x1);
    lo = x0 * x2; t2 = lo + a; a = mulHi(x0, x2) + carry(lo, a, t2);
    lo = x0 * x3; t3 = lo + a; t4 = mulHi(x0, x3) + carry(lo, a, t3);
    lo = x1 * x2; s = lo + t3; a = mulHi(x1, x2) + carry(lo, t3, s); t3 = s;
    lo = x1 * x3; s = lo + a; k = carry(lo, a, s); u = s + t4; t5 = mulHi(x1, x3) + k + carry(s, t4, u); t4 = u;
    lo = x2 * x3; s = lo + t5; t6 = mulHi(x2, x3) + carry(lo, t5, s); t5 = s;
    // doubled
    t7 = t6 >>> 63;
    t6 = (t6 << 1) | (t5 >>> 63);
    t5 = (t5 << 1) | (t4 >>> 63);
    t4 = (t4 << 1) | (t3 >>> 63);
    t3 = (t3 << 1) | (t2 >>> 63);
    t2 = (t2 << 1) | (t1 >>> 63);
    t1 <<= 1;
    // plus the squares x_i^2 on the diagonal
    t0 = x0 * x0;
    lo = mulHi(x0, x0); s = t1 + lo; c = carry(t1, lo, s); t1 = s;
    lo = x1 * x1; s = t2 + lo + c; c = carry(t2, lo, s); t2 = s;
    lo = mulHi(x1, x1); s = t3 + lo + c; c = carry(t3, lo, s); t3 = s;
    lo = x2 * x2; s = t4 + lo + c; c = carry(t4, lo, s); t4 = s;
    lo = mulHi(x2, x2); s = t5 + lo + c; c = carry(t5, lo, s); t5 = s;
    lo = x3 * x3; s = t6 + lo + c; c = carry(t6, lo, s); t6 = s;
    t7 += mulHi(x3, x3) + c;
    // Montgomery reduction, one limb per round; e carries into the next round's top limb
    e = 0;
    m = t0 * inv; c = mulHi(m, p0) + ((t0 | -t0) >>> 63);
    lo = m * p1; s = lo + c; k = carry(lo, c, s); u = s + t1; c = mulHi(m, p1) + k + carry(s, t1, u); t1 = u;
    lo = m * p2; s = lo + c; k = carry(lo, c, s); u = s + t2; c = mulHi(m, p2) + k + carry(s, t2, u); t2 = u;
    lo = m * p3; s = lo + c; k = carry(lo, c, s); u = s + t3; c = mulHi(m, p3) + k + carry(s, t3, u); t3 = u;
    s = t4 + c; k = carry(t4, c, s); u = s + e; e = k + carry(s, e, u); t4 = u;
    m = t1 * inv; c = mulHi(m, p0) + ((t1 | -t1) >>> 63);
    lo = m * p1; s = lo + c; k = carry(lo, c, s); u = s + t2; c = mulHi(m, p1) + k + carry(s, t2, u); t2 = u;
    lo = m * p2; s = lo + c; k = carry(lo, c, s); u = s + t3; c = mulHi(m, p2) + k + carry(s, t3, u); t3 = u;
    lo = m * p3; s = lo + c; k = carry(lo, c, s); u = s + t4; c = mulHi(m, p3) + k + carry(s, t4, u); t4 = u;
    s = t5 + c; k = carry(t5, c, s); u = s + e; e = k + carry(s, e, u); t5 = u;
    m = t2 * inv; c = mulHi(m, p0) + ((t2 | -t2) >>> 63);
    lo = m * p1; s = lo + c; k = carry(lo, c, s); u = s + t3; c = mulHi(m, p1) + k + carry(s, t3, u); t3 = u;
    lo = m * p2; s = lo + c; k = carry(lo, c, s); u = s + t4; c = mulHi(m, p2) + k + carry(s, t4, u); t4 = u;
    lo = m * p3; s = lo + c; k = carry(lo, c, s); u = s + t5; c = mulHi(m, p3) + k + carry(s, t5, u); t5 = u;
    s = t6 + c; k = carry(t6, c, s); u = s + e; e = k + carry(s, e, u); t6 = u;
    m = t3 * inv; c = mulHi(m, p0) + ((t3 | -t3) >>> 63);
    lo = m * p1; s = lo + c; k = carry(lo, c, s); u = s + t4; c = mulHi(m, p1) + k + carry(s, t4, u); t4 = u;
    lo = m * p2; s = lo + c; k = carry(lo, c, s); u = s + t5; c = mulHi(m, p2) + k + carry(s, t5, u); t5 = u;
    lo = m * p3; s = lo + c; k = carry(lo, c, s); u = s + t6; c = mulHi(m, p3) + k + carry(s, t6, u); t6 = u;
    s = t7 + c; k = carry(t7, c, s); u = s + e; e = k + carry(s, e, u); t7 = u;
    Mont4.reduceOnce(z, zo, t4, t5, t6, t7, p0, p1, p2, p3);
  }
}
