package io.kubz.field;

import io.kubz.field.internal.Mont4;
import java.math.BigInteger;

/**
 * Fq2 multiplication with lazy reduction (Aranha, Karabina, Longa, Gebotys, López, "Faster explicit
 * formulas for computing pairings over ordinary curves", Eurocrypt 2011, §3): the three Karatsuba
 * products are kept as 512-bit integers and only the two results are Montgomery-reduced. With
 * a0 + a1, b0 + b1 left unreduced (< 2q < 2^255): c1 = (a0 + a1)(b0 + b1) − a0b0 − a1b1 ∈ [0, 2q²)
 * and c0 = a0b0 + q² − a1b1 ∈ (0, 2q²), both below q·2^256, so REDC returns them below 2q.
 */
final class Fq2Wide {
  private Fq2Wide() {}

  /** q² as 8 little-endian limbs. */
  private static final long[] Q2 = limbs8(Fq.MODULUS.multiply(Fq.MODULUS));

  private static long[] limbs8(BigInteger v) {
    long[] l = new long[8];
    for (int i = 0; i < 8; i++) {
      l[i] = v.shiftRight(64 * i).longValue();
    }
    return l;
  }

  /** z = x·y in Fq2 using w[0..40) as scratch; z may alias x or y. */
  static void mul(long[] z, int zo, long[] x, int xo, long[] y, int yo, long[] w) {
    product(w, 0, x, xo, y, yo); // a0b0 at 0..8
    product(w, 8, x, xo + 4, y, yo + 4); // a1b1 at 8..16
    sum4(w, 32, x, xo, x, xo + 4);
    sum4(w, 36, y, yo, y, yo + 4);
    product(w, 16, w, 32, w, 36); // (a0 + a1)(b0 + b1) at 16..24
    sub8(w, 16, w, 0); // − a0b0
    sub8(w, 16, w, 8); // − a1b1
    add8(w, 24, w, 0, Q2, 0); // a0b0 + q²
    sub8(w, 24, w, 8); // − a1b1
    redc(z, zo, w, 24);
    redc(z, zo + 4, w, 16);
  }

  /** w[wo..wo+4) = x + y without reduction (x, y < q, so the sum fits). */
  private static void sum4(long[] w, int wo, long[] x, int xo, long[] y, int yo) {
    long a0 = x[xo], a1 = x[xo + 1], a2 = x[xo + 2], a3 = x[xo + 3];
    long b0 = y[yo], b1 = y[yo + 1], b2 = y[yo + 2], b3 = y[yo + 3];
    long s0 = a0 + b0;
    long c = Mont4.carry(a0, b0, s0);
    long s1 = a1 + b1 + c;
    c = Mont4.carry(a1, b1, s1);
    long s2 = a2 + b2 + c;
    c = Mont4.carry(a2, b2, s2);
    w[wo] = s0;
    w[wo + 1] = s1;
    w[wo + 2] = s2;
    w[wo + 3] = a3 + b3 + c;
  }

  /** w[wo..wo+8) = x·y (4 × 4 limbs, schoolbook). */
  private static void product(long[] w, int wo, long[] x, int xo, long[] y, int yo) {
    long a0 = x[xo], a1 = x[xo + 1], a2 = x[xo + 2], a3 = x[xo + 3];
    long b0 = y[yo], b1 = y[yo + 1], b2 = y[yo + 2], b3 = y[yo + 3];
    long t0, t1, t2, t3, t4, t5, t6, t7;
    long lo, hi, s, c;
    // row 0
    t0 = a0 * b0;
    c = Mont4.mulHi(a0, b0);
    lo = a1 * b0; hi = Mont4.mulHi(a1, b0); t1 = lo + c; c = hi + Mont4.carry(lo, c, t1);
    lo = a2 * b0; hi = Mont4.mulHi(a2, b0); t2 = lo + c; c = hi + Mont4.carry(lo, c, t2);
    lo = a3 * b0; hi = Mont4.mulHi(a3, b0); t3 = lo + c; c = hi + Mont4.carry(lo, c, t3);
    t4 = c;
    // row 1
    lo = a0 * b1; hi = Mont4.mulHi(a0, b1); s = t1 + lo; c = hi + Mont4.carry(t1, lo, s); t1 = s;
    lo = a1 * b1; hi = Mont4.mulHi(a1, b1); s = t2 + lo; hi += Mont4.carry(t2, lo, s); t2 = s + c; c = hi + Mont4.carry(s, c, t2);
    lo = a2 * b1; hi = Mont4.mulHi(a2, b1); s = t3 + lo; hi += Mont4.carry(t3, lo, s); t3 = s + c; c = hi + Mont4.carry(s, c, t3);
    lo = a3 * b1; hi = Mont4.mulHi(a3, b1); s = t4 + lo; hi += Mont4.carry(t4, lo, s); t4 = s + c; c = hi + Mont4.carry(s, c, t4);
    t5 = c;
    // row 2
    lo = a0 * b2; hi = Mont4.mulHi(a0, b2); s = t2 + lo; c = hi + Mont4.carry(t2, lo, s); t2 = s;
    lo = a1 * b2; hi = Mont4.mulHi(a1, b2); s = t3 + lo; hi += Mont4.carry(t3, lo, s); t3 = s + c; c = hi + Mont4.carry(s, c, t3);
    lo = a2 * b2; hi = Mont4.mulHi(a2, b2); s = t4 + lo; hi += Mont4.carry(t4, lo, s); t4 = s + c; c = hi + Mont4.carry(s, c, t4);
    lo = a3 * b2; hi = Mont4.mulHi(a3, b2); s = t5 + lo; hi += Mont4.carry(t5, lo, s); t5 = s + c; c = hi + Mont4.carry(s, c, t5);
    t6 = c;
    // row 3
    lo = a0 * b3; hi = Mont4.mulHi(a0, b3); s = t3 + lo; c = hi + Mont4.carry(t3, lo, s); t3 = s;
    lo = a1 * b3; hi = Mont4.mulHi(a1, b3); s = t4 + lo; hi += Mont4.carry(t4, lo, s); t4 = s + c; c = hi + Mont4.carry(s, c, t4);
    lo = a2 * b3; hi = Mont4.mulHi(a2, b3); s = t5 + lo; hi += Mont4.carry(t5, lo, s); t5 = s + c; c = hi + Mont4.carry(s, c, t5);
    lo = a3 * b3; hi = Mont4.mulHi(a3, b3); s = t6 + lo; hi += Mont4.carry(t6, lo, s); t6 = s + c; c = hi + Mont4.carry(s, c, t6);
    t7 = c;
    w[wo] = t0;
    w[wo + 1] = t1;
    w[wo + 2] = t2;
    w[wo + 3] = t3;
    w[wo + 4] = t4;
    w[wo + 5] = t5;
    w[wo + 6] = t6;
    w[wo + 7] = t7;
  }

  /** w[wo..wo+8) −= v[vo..vo+8) (no underflow by the callers' ranges). */
  private static void sub8(long[] w, int wo, long[] v, int vo) {
    long b = 0;
    for (int i = 0; i < 8; i++) {
      long a = w[wo + i];
      long d = a - v[vo + i] - b;
      b = Mont4.borrow(a, v[vo + i], d);
      w[wo + i] = d;
    }
  }

  /** z[zo..zo+8) = x + y (no overflow by the callers' ranges). */
  private static void add8(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    long c = 0;
    for (int i = 0; i < 8; i++) {
      long a = x[xo + i];
      long b = y[yo + i];
      long s = a + b + c;
      c = Mont4.carry(a, b, s);
      z[zo + i] = s;
    }
  }

  /** z = t·2^-256 mod q for t < q·2^256 (Montgomery reduction of 8 limbs at to; t is destroyed). */
  private static void redc(long[] z, int zo, long[] t, int to) {
    long t0 = t[to], t1 = t[to + 1], t2 = t[to + 2], t3 = t[to + 3];
    long t4 = t[to + 4], t5 = t[to + 5], t6 = t[to + 6], t7 = t[to + 7];
    long m, lo, hi, s, c, k;
    // round i: m = t_i·inv, t += m·q·2^(64i); t_i becomes 0, the carry runs up to t7
    m = t0 * Fq.INV;
    c = Mont4.mulHi(m, Fq.P0) + ((t0 | -t0) >>> 63);
    lo = m * Fq.P1; hi = Mont4.mulHi(m, Fq.P1); s = t1 + lo; hi += Mont4.carry(t1, lo, s); t1 = s + c; c = hi + Mont4.carry(s, c, t1);
    lo = m * Fq.P2; hi = Mont4.mulHi(m, Fq.P2); s = t2 + lo; hi += Mont4.carry(t2, lo, s); t2 = s + c; c = hi + Mont4.carry(s, c, t2);
    lo = m * Fq.P3; hi = Mont4.mulHi(m, Fq.P3); s = t3 + lo; hi += Mont4.carry(t3, lo, s); t3 = s + c; c = hi + Mont4.carry(s, c, t3);
    s = t4 + c; k = Mont4.carry(t4, c, s); t4 = s;
    s = t5 + k; k = Mont4.carry(t5, k, s); t5 = s;
    s = t6 + k; k = Mont4.carry(t6, k, s); t6 = s;
    t7 += k;
    m = t1 * Fq.INV;
    c = Mont4.mulHi(m, Fq.P0) + ((t1 | -t1) >>> 63);
    lo = m * Fq.P1; hi = Mont4.mulHi(m, Fq.P1); s = t2 + lo; hi += Mont4.carry(t2, lo, s); t2 = s + c; c = hi + Mont4.carry(s, c, t2);
    lo = m * Fq.P2; hi = Mont4.mulHi(m, Fq.P2); s = t3 + lo; hi += Mont4.carry(t3, lo, s); t3 = s + c; c = hi + Mont4.carry(s, c, t3);
    lo = m * Fq.P3; hi = Mont4.mulHi(m, Fq.P3); s = t4 + lo; hi += Mont4.carry(t4, lo, s); t4 = s + c; c = hi + Mont4.carry(s, c, t4);
    s = t5 + c; k = Mont4.carry(t5, c, s); t5 = s;
    s = t6 + k; k = Mont4.carry(t6, k, s); t6 = s;
    t7 += k;
    m = t2 * Fq.INV;
    c = Mont4.mulHi(m, Fq.P0) + ((t2 | -t2) >>> 63);
    lo = m * Fq.P1; hi = Mont4.mulHi(m, Fq.P1); s = t3 + lo; hi += Mont4.carry(t3, lo, s); t3 = s + c; c = hi + Mont4.carry(s, c, t3);
    lo = m * Fq.P2; hi = Mont4.mulHi(m, Fq.P2); s = t4 + lo; hi += Mont4.carry(t4, lo, s); t4 = s + c; c = hi + Mont4.carry(s, c, t4);
    lo = m * Fq.P3; hi = Mont4.mulHi(m, Fq.P3); s = t5 + lo; hi += Mont4.carry(t5, lo, s); t5 = s + c; c = hi + Mont4.carry(s, c, t5);
    s = t6 + c; k = Mont4.carry(t6, c, s); t6 = s;
    t7 += k;
    m = t3 * Fq.INV;
    c = Mont4.mulHi(m, Fq.P0) + ((t3 | -t3) >>> 63);
    lo = m * Fq.P1; hi = Mont4.mulHi(m, Fq.P1); s = t4 + lo; hi += Mont4.carry(t4, lo, s); t4 = s + c; c = hi + Mont4.carry(s, c, t4);
    lo = m * Fq.P2; hi = Mont4.mulHi(m, Fq.P2); s = t5 + lo; hi += Mont4.carry(t5, lo, s); t5 = s + c; c = hi + Mont4.carry(s, c, t5);
    lo = m * Fq.P3; hi = Mont4.mulHi(m, Fq.P3); s = t6 + lo; hi += Mont4.carry(t6, lo, s); t6 = s + c; c = hi + Mont4.carry(s, c, t6);
    t7 += c;
    Mont4.reduceOnce(z, zo, t4, t5, t6, t7, Fq.P0, Fq.P1, Fq.P2, Fq.P3);
  }
}
