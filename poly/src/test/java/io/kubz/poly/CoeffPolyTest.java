package io.kubz.poly;

import static io.kubz.poly.TestValues.P;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.poly.ntt.Domain;
import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CoeffPolyTest {
  private static CoeffPoly random(Random rnd, int size) {
    return CoeffPoly.of(TestValues.frs(rnd, size));
  }

  /** Schoolbook product with BigInteger. */
  private static BigInteger[] naiveMul(BigInteger[] a, BigInteger[] b) {
    BigInteger[] c = new BigInteger[a.length + b.length - 1];
    java.util.Arrays.fill(c, BigInteger.ZERO);
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        c[i + j] = c[i + j].add(a[i].multiply(b[j])).mod(P);
      }
    }
    return c;
  }

  @Property(tries = 40)
  void mulMatchesSchoolbook(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int na,
      @ForAll @IntRange(min = 1, max = 300) int nb) {
    Random rnd = new Random(seed);
    CoeffPoly a = random(rnd, na);
    CoeffPoly b = random(rnd, nb);
    assertArrayEquals(naiveMul(TestValues.big(a), TestValues.big(b)), TestValues.big(a.mul(b)));
  }

  @Property(tries = 40)
  void addSubScaleEvaluate(@ForAll long seed, @ForAll @IntRange(min = 0, max = 100) int na,
      @ForAll @IntRange(min = 0, max = 100) int nb) {
    Random rnd = new Random(seed);
    CoeffPoly a = random(rnd, na);
    CoeffPoly b = random(rnd, nb);
    Fr z = TestValues.fr(rnd);
    Fr s = TestValues.fr(rnd);
    BigInteger zb = z.toBigInteger();
    BigInteger ea = TestValues.horner(TestValues.big(a), zb);
    BigInteger eb = TestValues.horner(TestValues.big(b), zb);
    assertEquals(ea, a.evaluate(z).toBigInteger());
    assertEquals(ea.add(eb).mod(P), a.add(b).evaluate(z).toBigInteger());
    assertEquals(ea.subtract(eb).mod(P), a.sub(b).evaluate(z).toBigInteger());
    assertEquals(ea.multiply(s.toBigInteger()).mod(P), a.scale(s).evaluate(z).toBigInteger());
  }

  @Property(tries = 5)
  void parallelHornerOnLargePolys(@ForAll long seed) {
    Random rnd = new Random(seed);
    CoeffPoly a = random(rnd, 50_000 + rnd.nextInt(1000));
    Fr z = TestValues.fr(rnd);
    assertEquals(TestValues.horner(TestValues.big(a), z.toBigInteger()), a.evaluate(z).toBigInteger());
  }

  @Property(tries = 40)
  void divisionByLinear(@ForAll long seed, @ForAll @IntRange(min = 0, max = 200) int n) {
    Random rnd = new Random(seed);
    CoeffPoly p = random(rnd, n);
    Fr z = TestValues.fr(rnd);
    CoeffPoly q = p.divideByLinear(z);
    // p = q·(X − z) + p(z)
    CoeffPoly back = q.mul(CoeffPoly.of(z.neg(), Fr.ONE)).add(CoeffPoly.of(p.evaluate(z)));
    assertTrue(back.sameAs(p));
  }

  @Property(tries = 40)
  void divisionByVanishing(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int size,
      @ForAll @IntRange(min = 0, max = 6) int logn) {
    Random rnd = new Random(seed);
    int n = 1 << logn;
    CoeffPoly p = random(rnd, size);
    CoeffPoly[] qr = p.divideByVanishing(n);
    assertTrue(qr[1].degree() < n);
    CoeffPoly zh = CoeffPoly.zero(n + 1);
    Fr.set(zh.limbs(), 0, -1);
    Fr.setOne(zh.limbs(), 4 * n);
    assertTrue(qr[0].mul(zh).add(qr[1]).sameAs(p));
  }

  @Property(tries = 20)
  void lagrangeRoundTripsAndBarycentric(@ForAll long seed, @ForAll @IntRange(min = 0, max = 9) int k) {
    Random rnd = new Random(seed);
    Domain d = Domain.of(k);
    CoeffPoly p = random(rnd, 1 + rnd.nextInt(d.size()));
    LagrangePoly e = p.toLagrange(d);
    LagrangePoly c = p.toCoset(d);
    assertTrue(e.toCoeff().sameAs(p));
    assertTrue(c.toCoeff().sameAs(p));
    Fr z = Fr.random(rnd);
    assertEquals(p.evaluate(z), e.evaluate(z));
    assertEquals(p.evaluate(z), c.evaluate(z));
    int i = rnd.nextInt(d.size());
    assertEquals(p.evaluate(d.element(i)), e.evaluate(d.element(i)), "z in H");
    assertEquals(p.evaluate(d.element(i)), e.value(i));
    Fr xi = d.cosetShift().mul(d.element(i));
    assertEquals(p.evaluate(xi), c.evaluate(xi), "z in gH");
    assertEquals(p.evaluate(xi), c.value(i));
    // L_i(z) is the evaluation of the unit vector e_i
    Fr[] unit = new Fr[d.size()];
    java.util.Arrays.fill(unit, Fr.ZERO);
    unit[i] = Fr.ONE;
    assertEquals(LagrangePoly.of(d, unit).evaluate(z), d.lagrange(i, z));
    assertEquals(Fr.ONE, d.lagrange(i, d.element(i)));
    if (d.size() > 1) {
      assertEquals(Fr.ZERO, d.lagrange(i, d.element(i + 1)));
    }
  }

  @Property(tries = 20)
  void pointwiseOpsMatchCoefficientOps(@ForAll long seed) {
    Random rnd = new Random(seed);
    Domain d = Domain.of(6);
    CoeffPoly a = random(rnd, 32);
    CoeffPoly b = random(rnd, 32);
    Fr s = TestValues.fr(rnd);
    assertTrue(a.toLagrange(d).mul(b.toLagrange(d)).toCoeff().sameAs(a.mul(b)));
    assertTrue(a.toCoset(d).add(b.toCoset(d)).toCoeff().sameAs(a.add(b)));
    assertTrue(a.toLagrange(d).sub(b.toLagrange(d)).toCoeff().sameAs(a.sub(b)));
    assertTrue(a.toLagrange(d).scale(s).toCoeff().sameAs(a.scale(s)));
    assertThrows(IllegalArgumentException.class, () -> a.toLagrange(d).add(b.toCoset(d)));
    assertThrows(IllegalArgumentException.class,
        () -> a.toLagrange(d).add(b.toLagrange(Domain.of(7))));
  }

  @Property(tries = 10)
  void cosetDivisionByVanishing(@ForAll long seed, @ForAll @IntRange(min = 0, max = 5) int logn) {
    Random rnd = new Random(seed);
    int n = 1 << logn;
    CoeffPoly q = random(rnd, 1 + rnd.nextInt(3 * n));
    CoeffPoly zh = CoeffPoly.zero(n + 1);
    Fr.set(zh.limbs(), 0, -1);
    Fr.setOne(zh.limbs(), 4 * n);
    CoeffPoly p = q.mul(zh);
    Domain big = Domain.of(logn + 2);
    assertTrue(p.toCoset(big).divideByVanishing(n).toCoeff().sameAs(q));
  }

  @Property(tries = 20)
  void interpolationPassesThroughPoints(@ForAll long seed, @ForAll @IntRange(min = 0, max = 12) int k) {
    Random rnd = new Random(seed);
    Fr[] xs = new Fr[k];
    Fr[] ys = TestValues.frs(rnd, k);
    for (int i = 0; i < k; i++) {
      xs[i] = Fr.random(rnd);
    }
    CoeffPoly p = Interpolation.interpolate(xs, ys);
    assertTrue(p.degree() < Math.max(k, 1));
    for (int i = 0; i < k; i++) {
      assertEquals(ys[i], p.evaluate(xs[i]));
    }
  }

  @Property(tries = 10)
  void degreeIgnoresTrailingZeros(@ForAll long seed) {
    Random rnd = new Random(seed);
    CoeffPoly p = CoeffPoly.of(Fr.random(rnd), Fr.random(rnd), Fr.ZERO, Fr.ZERO);
    assertEquals(1, p.degree());
    assertEquals(-1, CoeffPoly.zero(5).degree());
    assertEquals(2, p.resize(2).size());
    assertThrows(IllegalArgumentException.class, () -> p.resize(1));
  }
}
