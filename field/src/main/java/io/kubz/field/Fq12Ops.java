package io.kubz.field;

/**
 * Allocation-free kernels over Fq12 = Fq6[w]/(w² − v), on elements of 48 longs (c0 then c1, each an
 * {@link Fq6Ops} element). Over Fq2 the same element is Σ gᵢwⁱ (w⁶ = ξ) with g0, g2, g4 = c0's
 * coefficients and g1, g3, g5 = c1's; the Frobenius maps and the cyclotomic squaring use that view.
 * One instance per thread (it owns scratch); every kernel allows the output to alias any input.
 */
final class Fq12Ops {
  static final int N = 48;
  /** One instance per thread for the value types and the static point kernels. */
  static final ThreadLocal<Fq12Ops> LOCAL = ThreadLocal.withInitial(Fq12Ops::new);
  final Fq6Ops f6 = new Fq6Ops();
  final Fq2Ops f2 = f6.f2;
  private final long[] t = new long[144];

  /** Offset inside an Fq12 element of the Fq2 coefficient gᵢ of wⁱ. */
  static int g(int i) {
    return (i & 1) == 0 ? (i >> 1) * 8 : 24 + (i >> 1) * 8;
  }

  static void copy(long[] z, int zo, long[] x, int xo) {
    System.arraycopy(x, xo, z, zo, N);
  }

  static void setOne(long[] z, int zo) {
    java.util.Arrays.fill(z, zo, zo + N, 0L);
    Fq.setOne(z, zo);
  }

  static boolean isOne(long[] x, int xo) {
    long[] one = new long[Fq.LIMBS];
    Fq.setOne(one, 0);
    if (!Fq.equal(x, xo, one, 0)) {
      return false;
    }
    for (int i = 4; i < N; i += 4) {
      if (!Fq.isZero(x, xo + i)) {
        return false;
      }
    }
    return true;
  }

  static boolean equal(long[] x, int xo, long[] y, int yo) {
    return Fq6Ops.equal(x, xo, y, yo) && Fq6Ops.equal(x, xo + 24, y, yo + 24);
  }

  /** Conjugation c0 + c1w ↦ c0 − c1w, which is x ↦ x^(q⁶); on the cyclotomic subgroup, the inverse. */
  static void conjugate(long[] z, int zo, long[] x, int xo) {
    Fq6Ops.copy(z, zo, x, xo);
    Fq6Ops.neg(z, zo + 24, x, xo + 24);
  }

  /** Karatsuba: t0 = a0b0, t1 = a1b1, c0 = t0 + v·t1, c1 = (a0 + a1)(b0 + b1) − t0 − t1. */
  void mul(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    long[] t = this.t;
    Fq6Ops f6 = this.f6;
    f6.mul(t, 0, x, xo, y, yo);
    f6.mul(t, 24, x, xo + 24, y, yo + 24);
    Fq6Ops.add(t, 48, x, xo, x, xo + 24);
    Fq6Ops.add(t, 72, y, yo, y, yo + 24);
    f6.mul(t, 48, t, 48, t, 72);
    Fq6Ops.sub(t, 48, t, 48, t, 0);
    Fq6Ops.sub(z, zo + 24, t, 48, t, 24);
    f6.mulByV(t, 24, t, 24);
    Fq6Ops.add(z, zo, t, 0, t, 24);
  }

  /** Complex squaring: with m = a0a1, c0 = (a0 + a1)(a0 + v·a1) − m − v·m, c1 = 2m. */
  void square(long[] z, int zo, long[] x, int xo) {
    long[] t = this.t;
    Fq6Ops f6 = this.f6;
    f6.mul(t, 0, x, xo, x, xo + 24); // m
    Fq6Ops.add(t, 24, x, xo, x, xo + 24);
    f6.mulByV(t, 48, x, xo + 24);
    Fq6Ops.add(t, 48, t, 48, x, xo);
    f6.mul(t, 24, t, 24, t, 48);
    Fq6Ops.sub(t, 24, t, 24, t, 0);
    f6.mulByV(t, 48, t, 0);
    Fq6Ops.sub(z, zo, t, 24, t, 48);
    Fq6Ops.dbl(z, zo + 24, t, 0);
  }

  /** (a0 + a1w)⁻¹ = (a0 − a1w)/(a0² − v·a1²); inverse(0) = 0. */
  void inverse(long[] z, int zo, long[] x, int xo) {
    long[] t = this.t;
    Fq6Ops f6 = this.f6;
    f6.square(t, 0, x, xo);
    f6.square(t, 24, x, xo + 24);
    f6.mulByV(t, 24, t, 24);
    Fq6Ops.sub(t, 0, t, 0, t, 24);
    f6.inverse(t, 0, t, 0);
    f6.mul(z, zo, x, xo, t, 0);
    f6.mul(t, 24, x, xo + 24, t, 0);
    Fq6Ops.neg(z, zo + 24, t, 24);
  }

  /**
   * z = x · l for the sparse l = a + b·w + c·w³ (a, b, c in Fq2 at lo, lo + 8, lo + 16 of line), the
   * shape of a line on the D-type twist: l = L0 + L1·w with L0 = (a, 0, 0), L1 = (b, c, 0);
   * x·l = (x0L0 + v·x1L1) + ((x0 + x1)(L0 + L1) − x0L0 − x1L1)·w. Thirteen Fq2 multiplications.
   */
  void mulByLine(long[] z, int zo, long[] x, int xo, long[] line, int lo) {
    long[] t = this.t;
    Fq6Ops f6 = this.f6;
    f6.mulByFq2(t, 0, x, xo, line, lo); // x0·L0
    f6.mulBy01(t, 24, x, xo + 24, line, lo + 8, lo + 16); // x1·L1
    Fq6Ops.add(t, 48, x, xo, x, xo + 24);
    Fq2Ops.add(t, 72, line, lo, line, lo + 8);
    Fq2Ops.copy(t, 80, line, lo + 16);
    f6.mulBy01(t, 48, t, 48, t, 72, 80);
    Fq6Ops.sub(t, 48, t, 48, t, 0);
    Fq6Ops.sub(z, zo + 24, t, 48, t, 24);
    f6.mulByV(t, 24, t, 24);
    Fq6Ops.add(z, zo, t, 0, t, 24);
  }

  /** z = x^(q^k) for k in 1..3: gᵢ ↦ (gᵢ, conjugated when k is odd) · ξ^(i(q^k − 1)/6). */
  void frobenius(long[] z, int zo, long[] x, int xo, int k) {
    long[][] gamma = TowerConstants.FROBENIUS[k];
    boolean conj = (k & 1) == 1;
    for (int i = 0; i < 6; i++) {
      int o = g(i);
      if (conj) {
        Fq2Ops.conjugate(z, zo + o, x, xo + o);
      } else {
        Fq2Ops.copy(z, zo + o, x, xo + o);
      }
      if (i > 0) {
        f2.mul(z, zo + o, z, zo + o, gamma[i], 0);
      }
    }
  }

  /**
   * Granger–Scott squaring for elements of the cyclotomic subgroup of order q⁴ − q² + 1 (anything
   * after the final exponentiation's easy part): seeing Fq12 as Fq4[t]/(t³ − s) with Fq4 = Fq2[s]/(s² − ξ), s = w³, t = w, and
   * A0 = g0 + g3s, A1 = g1 + g4s, A2 = g2 + g5s, x² = (3A0² − 2Ā0) + (3s·A2² + 2Ā1)t + (3A1² − 2Ā2)t²
   * where Ā is the conjugate over Fq2. Nine Fq2 squarings. Only correct on the cyclotomic subgroup.
   */
  void cyclotomicSquare(long[] z, int zo, long[] x, int xo) {
    long[] t = this.t;
    fq4Square(t, 0, x, xo + g(0), xo + g(3)); // A0² = (s0, s1) at 0, 8
    fq4Square(t, 16, x, xo + g(1), xo + g(4)); // A1² = (p0, p1) at 16, 24
    fq4Square(t, 32, x, xo + g(2), xo + g(5)); // A2² = (r0, r1) at 32, 40
    // g0' = 3s0 − 2g0, g3' = 3s1 + 2g3
    threeMinusTwo(t, 48 + g(0), t, 0, x, xo + g(0), false);
    threeMinusTwo(t, 48 + g(3), t, 8, x, xo + g(3), true);
    // g2' = 3p0 − 2g2, g5' = 3p1 + 2g5
    threeMinusTwo(t, 48 + g(2), t, 16, x, xo + g(2), false);
    threeMinusTwo(t, 48 + g(5), t, 24, x, xo + g(5), true);
    // g1' = 3ξr1 + 2g1, g4' = 3r0 − 2g4
    f2.mulByXi(t, 40, t, 40);
    threeMinusTwo(t, 48 + g(1), t, 40, x, xo + g(1), true);
    threeMinusTwo(t, 48 + g(4), t, 32, x, xo + g(4), false);
    copy(z, zo, t, 48);
  }

  /** z = 3a − 2g, or 3a + 2g when plus (Fq2). */
  private static void threeMinusTwo(long[] z, int zo, long[] a, int ao, long[] g, int go, boolean plus) {
    if (plus) {
      Fq2Ops.add(z, zo, a, ao, g, go);
    } else {
      Fq2Ops.sub(z, zo, a, ao, g, go);
    }
    Fq2Ops.dbl(z, zo, z, zo);
    Fq2Ops.add(z, zo, z, zo, a, ao);
  }

  /** (a + b·s)² = (a² + ξb²) + ((a + b)² − a² − b²)·s into z (16 longs), using t[128..144). */
  private void fq4Square(long[] z, int zo, long[] x, int ao, int bo) {
    long[] t = this.t;
    f2.square(t, 128, x, ao);
    f2.square(t, 136, x, bo);
    Fq2Ops.add(z, zo + 8, x, ao, x, bo);
    f2.square(z, zo + 8, z, zo + 8);
    Fq2Ops.sub(z, zo + 8, z, zo + 8, t, 128);
    Fq2Ops.sub(z, zo + 8, z, zo + 8, t, 136);
    f2.mulByXi(t, 136, t, 136);
    Fq2Ops.add(z, zo, t, 128, t, 136);
  }
}
