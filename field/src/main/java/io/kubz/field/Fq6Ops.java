package io.kubz.field;

/**
 * Allocation-free kernels over Fq6 = Fq2[v]/(v³ − ξ), ξ = 9 + u, on elements of 24 longs
 * (c0, c1, c2 as {@link Fq2Ops} elements). One instance per thread (it owns scratch); every kernel
 * allows the output to alias any input.
 */
final class Fq6Ops {
  static final int N = 24;
  final Fq2Ops f2 = new Fq2Ops();
  private final long[] t = new long[96];

  static void add(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    for (int i = 0; i < N; i += 4) {
      Fq.add(z, zo + i, x, xo + i, y, yo + i);
    }
  }

  static void sub(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    for (int i = 0; i < N; i += 4) {
      Fq.sub(z, zo + i, x, xo + i, y, yo + i);
    }
  }

  static void dbl(long[] z, int zo, long[] x, int xo) {
    for (int i = 0; i < N; i += 4) {
      Fq.dbl(z, zo + i, x, xo + i);
    }
  }

  static void neg(long[] z, int zo, long[] x, int xo) {
    for (int i = 0; i < N; i += 4) {
      Fq.neg(z, zo + i, x, xo + i);
    }
  }

  static void copy(long[] z, int zo, long[] x, int xo) {
    System.arraycopy(x, xo, z, zo, N);
  }

  static void setZero(long[] z, int zo) {
    java.util.Arrays.fill(z, zo, zo + N, 0L);
  }

  static void setOne(long[] z, int zo) {
    setZero(z, zo);
    Fq.setOne(z, zo);
  }

  static boolean isZero(long[] x, int xo) {
    for (int i = 0; i < N; i += 4) {
      if (!Fq.isZero(x, xo + i)) {
        return false;
      }
    }
    return true;
  }

  static boolean equal(long[] x, int xo, long[] y, int yo) {
    for (int i = 0; i < N; i += 4) {
      if (!Fq.equal(x, xo + i, y, yo + i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Karatsuba (Devegili et al., "Multiplication and squaring on pairing-friendly fields", §4):
   * with tᵢ = aᵢbᵢ, c0 = ((a1 + a2)(b1 + b2) − t1 − t2)ξ + t0, c1 = (a0 + a1)(b0 + b1) − t0 − t1 + ξt2,
   * c2 = (a0 + a2)(b0 + b2) − t0 − t2 + t1.
   */
  void mul(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    long[] t = this.t;
    Fq2Ops f2 = this.f2;
    f2.mul(t, 0, x, xo, y, yo); // t0
    f2.mul(t, 8, x, xo + 8, y, yo + 8); // t1
    f2.mul(t, 16, x, xo + 16, y, yo + 16); // t2
    // c0
    Fq2Ops.add(t, 24, x, xo + 8, x, xo + 16);
    Fq2Ops.add(t, 32, y, yo + 8, y, yo + 16);
    f2.mul(t, 24, t, 24, t, 32);
    Fq2Ops.sub(t, 24, t, 24, t, 8);
    Fq2Ops.sub(t, 24, t, 24, t, 16);
    f2.mulByXi(t, 24, t, 24);
    Fq2Ops.add(t, 24, t, 24, t, 0);
    // c1
    Fq2Ops.add(t, 32, x, xo, x, xo + 8);
    Fq2Ops.add(t, 40, y, yo, y, yo + 8);
    f2.mul(t, 32, t, 32, t, 40);
    Fq2Ops.sub(t, 32, t, 32, t, 0);
    Fq2Ops.sub(t, 32, t, 32, t, 8);
    f2.mulByXi(t, 40, t, 16);
    Fq2Ops.add(t, 32, t, 32, t, 40);
    // c2
    Fq2Ops.add(t, 40, x, xo, x, xo + 16);
    Fq2Ops.add(t, 48, y, yo, y, yo + 16);
    f2.mul(t, 40, t, 40, t, 48);
    Fq2Ops.sub(t, 40, t, 40, t, 0);
    Fq2Ops.sub(t, 40, t, 40, t, 16);
    Fq2Ops.add(z, zo + 16, t, 40, t, 8);
    Fq2Ops.copy(z, zo, t, 24);
    Fq2Ops.copy(z, zo + 8, t, 32);
  }

  /**
   * Chung–Hasan SQR2: s0 = a0², s1 = 2a0a1, s2 = (a0 − a1 + a2)², s3 = 2a1a2, s4 = a2²;
   * c0 = s0 + ξs3, c1 = s1 + ξs4, c2 = s1 + s2 + s3 − s0 − s4.
   */
  void square(long[] z, int zo, long[] x, int xo) {
    long[] t = this.t;
    Fq2Ops f2 = this.f2;
    f2.square(t, 0, x, xo); // s0
    f2.mul(t, 8, x, xo, x, xo + 8);
    Fq2Ops.dbl(t, 8, t, 8); // s1
    Fq2Ops.sub(t, 16, x, xo, x, xo + 8);
    Fq2Ops.add(t, 16, t, 16, x, xo + 16);
    f2.square(t, 16, t, 16); // s2
    f2.mul(t, 24, x, xo + 8, x, xo + 16);
    Fq2Ops.dbl(t, 24, t, 24); // s3
    f2.square(t, 32, x, xo + 16); // s4
    // c2 = s1 + s2 + s3 − s0 − s4
    Fq2Ops.add(t, 40, t, 8, t, 16);
    Fq2Ops.add(t, 40, t, 40, t, 24);
    Fq2Ops.sub(t, 40, t, 40, t, 0);
    Fq2Ops.sub(z, zo + 16, t, 40, t, 32);
    // c0 = s0 + ξs3
    f2.mulByXi(t, 24, t, 24);
    Fq2Ops.add(z, zo, t, 0, t, 24);
    // c1 = s1 + ξs4
    f2.mulByXi(t, 32, t, 32);
    Fq2Ops.add(z, zo + 8, t, 8, t, 32);
  }

  /** Multiplication by v: (c0, c1, c2) ↦ (ξc2, c0, c1). */
  void mulByV(long[] z, int zo, long[] x, int xo) {
    long[] t = this.t;
    f2.mulByXi(t, 0, x, xo + 16);
    Fq2Ops.copy(z, zo + 16, x, xo + 8);
    Fq2Ops.copy(z, zo + 8, x, xo);
    Fq2Ops.copy(z, zo, t, 0);
  }

  /** z = x · b for b in Fq2 (8 longs at bo). */
  void mulByFq2(long[] z, int zo, long[] x, int xo, long[] b, int bo) {
    f2.mul(z, zo, x, xo, b, bo);
    f2.mul(z, zo + 8, x, xo + 8, b, bo);
    f2.mul(z, zo + 16, x, xo + 16, b, bo);
  }

  /**
   * z = x · (b0 + b1·v) with b0, b1 in Fq2 at b0o, b1o (the sparse shape of a line's half):
   * t0 = a0b0, t1 = a1b1, c0 = (a1 + a2)b1·ξ − t1·ξ + t0, c1 = (a0 + a1)(b0 + b1) − t0 − t1,
   * c2 = (a0 + a2)b0 − t0 + t1. Five Fq2 multiplications.
   */
  void mulBy01(long[] z, int zo, long[] x, int xo, long[] b, int b0o, int b1o) {
    long[] t = this.t;
    Fq2Ops f2 = this.f2;
    f2.mul(t, 0, x, xo, b, b0o); // t0
    f2.mul(t, 8, x, xo + 8, b, b1o); // t1
    // c0
    Fq2Ops.add(t, 16, x, xo + 8, x, xo + 16);
    f2.mul(t, 16, t, 16, b, b1o);
    Fq2Ops.sub(t, 16, t, 16, t, 8);
    f2.mulByXi(t, 16, t, 16);
    Fq2Ops.add(t, 16, t, 16, t, 0);
    // c1
    Fq2Ops.add(t, 24, x, xo, x, xo + 8);
    Fq2Ops.add(t, 32, b, b0o, b, b1o);
    f2.mul(t, 24, t, 24, t, 32);
    Fq2Ops.sub(t, 24, t, 24, t, 0);
    Fq2Ops.sub(t, 24, t, 24, t, 8);
    // c2
    Fq2Ops.add(t, 32, x, xo, x, xo + 16);
    f2.mul(t, 32, t, 32, b, b0o);
    Fq2Ops.sub(t, 32, t, 32, t, 0);
    Fq2Ops.add(z, zo + 16, t, 32, t, 8);
    Fq2Ops.copy(z, zo, t, 16);
    Fq2Ops.copy(z, zo + 8, t, 24);
  }

  /**
   * Inverse via the adjugate: A = a0² − ξa1a2, B = ξa2² − a0a1, C = a1² − a0a2,
   * F = a0A + ξ(a2B + a1C); x⁻¹ = (A, B, C)/F. inverse(0) = 0.
   */
  void inverse(long[] z, int zo, long[] x, int xo) {
    long[] t = this.t;
    Fq2Ops f2 = this.f2;
    f2.square(t, 0, x, xo);
    f2.mul(t, 8, x, xo + 8, x, xo + 16);
    f2.mulByXi(t, 8, t, 8);
    Fq2Ops.sub(t, 0, t, 0, t, 8); // A
    f2.square(t, 8, x, xo + 16);
    f2.mulByXi(t, 8, t, 8);
    f2.mul(t, 16, x, xo, x, xo + 8);
    Fq2Ops.sub(t, 8, t, 8, t, 16); // B
    f2.square(t, 16, x, xo + 8);
    f2.mul(t, 24, x, xo, x, xo + 16);
    Fq2Ops.sub(t, 16, t, 16, t, 24); // C
    f2.mul(t, 24, x, xo + 16, t, 8);
    f2.mul(t, 32, x, xo + 8, t, 16);
    Fq2Ops.add(t, 24, t, 24, t, 32);
    f2.mulByXi(t, 24, t, 24);
    f2.mul(t, 32, x, xo, t, 0);
    Fq2Ops.add(t, 24, t, 24, t, 32); // F
    f2.inverse(t, 24, t, 24);
    f2.mul(z, zo, t, 0, t, 24);
    f2.mul(z, zo + 8, t, 8, t, 24);
    f2.mul(z, zo + 16, t, 16, t, 24);
  }
}
