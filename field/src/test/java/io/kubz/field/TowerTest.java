package io.kubz.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Fq2, Fq6, Fq12 against naive oracles (BigInteger, schoolbook products), field laws, Frobenius. */
class TowerTest {
  private static final BigInteger Q = Fq.MODULUS;

  @Provide
  Arbitrary<Fq2> fq2s() {
    return Arbitraries.oneOf(
        Arbitraries.of(Fq2.ZERO, Fq2.ONE, Fq2.ONE.neg(), Fq2.of(0, 1), Fq2.of(-1, -1), Fq2.XI),
        Arbitraries.longs().map(s -> Fq2.random(new Random(s))));
  }

  @Provide
  Arbitrary<Fq6> fq6s() {
    return Arbitraries.oneOf(Arbitraries.of(Fq6.ZERO, Fq6.ONE, Fq6.ONE.neg()),
        Arbitraries.longs().map(s -> Fq6.random(new Random(s))));
  }

  @Provide
  Arbitrary<Fq12> fq12s() {
    return Arbitraries.oneOf(Arbitraries.of(Fq12.ZERO, Fq12.ONE),
        Arbitraries.longs().map(s -> Fq12.random(new Random(s))));
  }

  private static BigInteger b(Fq x) {
    return x.toBigInteger();
  }

  @Property(tries = 200)
  void fq2MulMatchesBigInteger(@ForAll("fq2s") Fq2 x, @ForAll("fq2s") Fq2 y) {
    BigInteger a0 = b(x.c0()), a1 = b(x.c1()), b0 = b(y.c0()), b1 = b(y.c1());
    Fq2 want = Fq2.of(a0.multiply(b0).subtract(a1.multiply(b1)).mod(Q),
        a0.multiply(b1).add(a1.multiply(b0)).mod(Q));
    assertEquals(want, x.mul(y));
    assertEquals(x.mul(x), x.square());
    assertEquals(x.mul(Fq2.of(9, 1)), x.mulByXi());
    assertEquals(x.add(y).sub(y), x);
    assertEquals(x.conjugate(), x.pow(Q), "conjugation is the Frobenius");
    if (!x.isZero()) {
      assertEquals(Fq2.ONE, x.mul(x.inverse()));
    }
  }

  @Provide
  Arbitrary<BigInteger> raw() {
    BigInteger qm1 = Q.subtract(BigInteger.ONE);
    return Arbitraries.oneOf(Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, qm1, qm1.shiftRight(1),
        Q.divide(BigInteger.valueOf(9)), Q.divide(BigInteger.valueOf(9)).add(BigInteger.ONE)),
        Arbitraries.bigIntegers().between(BigInteger.ZERO, qm1));
  }

  @Property(tries = 2000)
  void nineAddIsExact(@ForAll("raw") BigInteger a, @ForAll("raw") BigInteger b) {
    // the kernel is linear, so it can be checked on plain limbs: z = 9a ± b mod q
    long[] x = new long[8];
    io.kubz.field.internal.Mont4.fromBigInteger(x, 0, a);
    io.kubz.field.internal.Mont4.fromBigInteger(x, 4, b);
    long[] z = new long[4];
    Fq2Ops.nineAdd(z, 0, x, 0, x, 4, true);
    assertEquals(a.multiply(BigInteger.valueOf(9)).subtract(b).mod(Q), io.kubz.field.internal.Mont4.toBigInteger(z, 0));
    Fq2Ops.nineAdd(x, 0, x, 0, x, 4, false);
    assertEquals(a.multiply(BigInteger.valueOf(9)).add(b).mod(Q), io.kubz.field.internal.Mont4.toBigInteger(x, 0));
  }

  @Property(tries = 100)
  void fq2KernelsAllowAliasing(@ForAll("fq2s") Fq2 x, @ForAll("fq2s") Fq2 y) {
    Fq2Ops ops = new Fq2Ops();
    long[] a = new long[16];
    x.writeTo(a, 0);
    y.writeTo(a, 8);
    ops.mul(a, 0, a, 0, a, 8);
    assertEquals(x.mul(y), Fq2.readFrom(a, 0));
    ops.square(a, 8, a, 8);
    assertEquals(y.square(), Fq2.readFrom(a, 8));
    ops.mulByXi(a, 8, a, 8);
    assertEquals(y.square().mulByXi(), Fq2.readFrom(a, 8));
    x.writeTo(a, 0);
    ops.inverse(a, 0, a, 0);
    assertEquals(x.isZero() ? Fq2.ZERO : x.inverse(), Fq2.readFrom(a, 0));
  }

  @Property(tries = 200)
  void fq2Sqrt(@ForAll("fq2s") Fq2 x) {
    Fq2 sq = x.square();
    Fq2 r = sq.sqrt();
    assertNotNull(r);
    assertEquals(sq, r.square());
    // ξ is a non-square in Fq2 (it defines the sextic extension), so ξ·x² has no root for x ≠ 0
    if (!x.isZero()) {
      assertNull(sq.mulByXi().sqrt());
    }
  }

  /** Schoolbook product in Fq2[v]/(v³ − ξ). */
  private static Fq6 naiveMul6(Fq6 x, Fq6 y) {
    Fq2[] a = {x.c0(), x.c1(), x.c2()};
    Fq2[] c = {Fq2.ZERO, Fq2.ZERO, Fq2.ZERO, Fq2.ZERO, Fq2.ZERO};
    Fq2[] bb = {y.c0(), y.c1(), y.c2()};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        c[i + j] = c[i + j].add(a[i].mul(bb[j]));
      }
    }
    return Fq6.of(c[0].add(c[3].mulByXi()), c[1].add(c[4].mulByXi()), c[2]);
  }

  @Property(tries = 100)
  void fq6MatchesSchoolbook(@ForAll("fq6s") Fq6 x, @ForAll("fq6s") Fq6 y) {
    assertEquals(naiveMul6(x, y), x.mul(y));
    assertEquals(naiveMul6(x, x), x.square());
    assertEquals(naiveMul6(x, Fq6.of(Fq2.ZERO, Fq2.ONE, Fq2.ZERO)), x.mulByV());
    if (!x.isZero()) {
      assertEquals(Fq6.ONE, x.mul(x.inverse()));
    }
  }

  @Property(tries = 50)
  void fq6SparseMul(@ForAll("fq6s") Fq6 x, @ForAll("fq2s") Fq2 b0, @ForAll("fq2s") Fq2 b1) {
    Fq6Ops ops = new Fq6Ops();
    long[] a = new long[40];
    x.writeTo(a, 0);
    b0.writeTo(a, 24);
    b1.writeTo(a, 32);
    ops.mulBy01(a, 0, a, 0, a, 24, 32);
    assertEquals(x.mul(Fq6.of(b0, b1, Fq2.ZERO)), Fq6.readFrom(a, 0));
    x.writeTo(a, 0);
    ops.mulByFq2(a, 0, a, 0, a, 24);
    assertEquals(x.mul(Fq6.of(b0, Fq2.ZERO, Fq2.ZERO)), Fq6.readFrom(a, 0));
  }

  @Property(tries = 50)
  void fq12MatchesSchoolbook(@ForAll("fq12s") Fq12 x, @ForAll("fq12s") Fq12 y) {
    Fq6 a0 = x.c0(), a1 = x.c1(), b0 = y.c0(), b1 = y.c1();
    Fq12 want = Fq12.of(a0.mul(b0).add(a1.mul(b1).mulByV()), a0.mul(b1).add(a1.mul(b0)));
    assertEquals(want, x.mul(y));
    assertEquals(x.mul(x), x.square());
    if (!x.isZero()) {
      assertEquals(Fq12.ONE, x.mul(x.inverse()));
      assertTrue(x.mul(x.inverse()).isOne());
    }
  }

  @Property(tries = 30)
  void fq12FieldLaws(@ForAll("fq12s") Fq12 x, @ForAll("fq12s") Fq12 y, @ForAll("fq12s") Fq12 z) {
    assertEquals(x.mul(y).mul(z), x.mul(y.mul(z)));
    assertEquals(x.mul(y), y.mul(x));
    assertEquals(x.mul(y.add(z)), x.mul(y).add(x.mul(z)));
    assertEquals(x.add(y).add(z), x.add(y.add(z)));
  }

  @Property(tries = 30)
  void fq6FieldLaws(@ForAll("fq6s") Fq6 x, @ForAll("fq6s") Fq6 y, @ForAll("fq6s") Fq6 z) {
    assertEquals(x.mul(y).mul(z), x.mul(y.mul(z)));
    assertEquals(x.mul(y), y.mul(x));
    assertEquals(x.mul(y.add(z)), x.mul(y).add(x.mul(z)));
  }

  @Property(tries = 50)
  void fq2FieldLaws(@ForAll("fq2s") Fq2 x, @ForAll("fq2s") Fq2 y, @ForAll("fq2s") Fq2 z) {
    assertEquals(x.mul(y).mul(z), x.mul(y.mul(z)));
    assertEquals(x.mul(y), y.mul(x));
    assertEquals(x.mul(y.add(z)), x.mul(y).add(x.mul(z)));
  }

  @Property(tries = 20)
  void fq12KernelsAllowAliasing(@ForAll("fq12s") Fq12 x, @ForAll("fq12s") Fq12 y) {
    Fq12Ops ops = new Fq12Ops();
    long[] a = new long[96];
    x.writeTo(a, 0);
    y.writeTo(a, 48);
    ops.mul(a, 48, a, 0, a, 48);
    assertEquals(x.mul(y), Fq12.readFrom(a, 48));
    ops.square(a, 0, a, 0);
    assertEquals(x.square(), Fq12.readFrom(a, 0));
    x.writeTo(a, 0);
    ops.inverse(a, 0, a, 0);
    assertEquals(x.isZero() ? Fq12.ZERO : x.inverse(), Fq12.readFrom(a, 0));
    x.writeTo(a, 0);
    ops.frobenius(a, 0, a, 0, 1);
    assertEquals(x.frobenius(1), Fq12.readFrom(a, 0));
    ops.mul(a, 0, a, 0, a, 0);
    assertEquals(x.frobenius(1).square(), Fq12.readFrom(a, 0));
  }

  @Property(tries = 30)
  void lineProductMatchesFullProduct(@ForAll("fq12s") Fq12 x, @ForAll("fq2s") Fq2 la,
      @ForAll("fq2s") Fq2 lb, @ForAll("fq2s") Fq2 lc) {
    // l = a + b·w + c·w³ = (a, 0, 0) + (b, c, 0)·w
    Fq12 l = Fq12.of(Fq6.of(la, Fq2.ZERO, Fq2.ZERO), Fq6.of(lb, lc, Fq2.ZERO));
    Fq12Ops ops = new Fq12Ops();
    long[] a = new long[72];
    x.writeTo(a, 0);
    la.writeTo(a, 48);
    lb.writeTo(a, 56);
    lc.writeTo(a, 64);
    ops.mulByLine(a, 0, a, 0, a, 48);
    assertEquals(x.mul(l), Fq12.readFrom(a, 0));
  }

  @Property(tries = 10)
  void fq12FrobeniusIsPowerOfQ(@ForAll("fq12s") Fq12 x) {
    Fq12 f1 = x.pow(Q);
    assertEquals(f1, x.frobenius(1));
    assertEquals(f1.pow(Q), x.frobenius(2));
    assertEquals(f1.pow(Q).pow(Q), x.frobenius(3));
    assertEquals(x, x.frobenius(12));
    assertEquals(x.conjugate(), x.frobenius(6));
  }

  @Property(tries = 20)
  void cyclotomicSquareMatchesSquareAfterEasyPart(@ForAll("fq12s") Fq12 x) {
    if (x.isZero()) {
      return;
    }
    // x^((q⁶ − 1)(q² + 1)) lies in the cyclotomic subgroup
    Fq12 t = x.conjugate().mul(x.inverse());
    t = t.frobenius(2).mul(t);
    Fq12Ops ops = new Fq12Ops();
    long[] a = new long[48];
    t.writeTo(a, 0);
    ops.cyclotomicSquare(a, 0, a, 0);
    assertEquals(t.square(), Fq12.readFrom(a, 0));
    assertEquals(t.inverse(), t.conjugate(), "inverse is conjugation on the cyclotomic subgroup");
  }

  @Test
  void frobeniusCoefficientsAreXiPowers() {
    // γ[1][1]^6 = ξ^(q − 1), and ξ is a sextic non-residue: ξ^((q² − 1)/2), ξ^((q² − 1)/3) ≠ 1
    Fq2 g11 = Fq2.readFrom(TowerConstants.FROBENIUS[1][1], 0);
    assertEquals(Fq2.XI.pow(Q.subtract(BigInteger.ONE)), g11.pow(BigInteger.valueOf(6)));
    BigInteger q2m1 = Q.multiply(Q).subtract(BigInteger.ONE);
    assertTrue(!Fq2.XI.pow(q2m1.shiftRight(1)).equals(Fq2.ONE));
    assertTrue(!Fq2.XI.pow(q2m1.divide(BigInteger.valueOf(3))).equals(Fq2.ONE));
    assertEquals(Fq2.of(3, 0), Fq2.readFrom(TowerConstants.TWIST_B, 0).mul(Fq2.XI));
    assertThrows(ArithmeticException.class, () -> Fq12.ZERO.inverse());
  }
}
