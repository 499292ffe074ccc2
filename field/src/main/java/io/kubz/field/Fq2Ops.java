package io.kubz.field;

/**
 * Allocation-free kernels over Fq2 = Fq[u]/(u² + 1), on elements of 8 longs (c0 then c1, Montgomery
 * Fq limbs). An instance owns its scratch, so it must not be shared between threads; every kernel
 * allows the output to alias any input. Kernels here call only {@link Fq} kernels, never each other
 * while holding scratch.
 */
final class Fq2Ops {
  static final int N = 8;
  private final long[] t = new long[24];

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

  /** Karatsuba: (a0 + a1u)(b0 + b1u) = (a0b0 − a1b1) + ((a0 + a1)(b0 + b1) − a0b0 − a1b1)u. */
  void mul(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    long[] t = this.t;
    Fq.mul(t, 0, x, xo, y, yo);
    Fq.mul(t, 4, x, xo + 4, y, yo + 4);
    Fq.add(t, 8, x, xo, x, xo + 4);
    Fq.add(t, 12, y, yo, y, yo + 4);
    Fq.mul(t, 8, t, 8, t, 12);
    Fq.sub(t, 8, t, 8, t, 0);
    Fq.sub(z, zo + 4, t, 8, t, 4);
    Fq.sub(z, zo, t, 0, t, 4);
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
    nine(t, 0, x, xo);
    nine(t, 4, x, xo + 4);
    Fq.sub(t, 0, t, 0, x, xo + 4);
    Fq.add(z, zo + 4, t, 4, x, xo);
    Fq.copy(z, zo, t, 0);
  }

  private static void nine(long[] z, int zo, long[] x, int xo) {
    Fq.dbl(z, zo, x, xo);
    Fq.dbl(z, zo, z, zo);
    Fq.dbl(z, zo, z, zo);
    Fq.add(z, zo, z, zo, x, xo);
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
