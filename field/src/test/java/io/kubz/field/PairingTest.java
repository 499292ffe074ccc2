package io.kubz.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

/** The optimal ate pairing: parameters, the exact final exponent, bilinearity, non-degeneracy. */
class PairingTest {
  private static final BigInteger Q = Fq.MODULUS;
  private static final BigInteger R = Fr.MODULUS;
  private static final BigInteger X = MillerLoop.X;

  private static BigInteger poly(long... coeffsHighFirst) {
    BigInteger acc = BigInteger.ZERO;
    for (long c : coeffsHighFirst) {
      acc = acc.multiply(X).add(BigInteger.valueOf(c));
    }
    return acc;
  }

  @Test
  void bnParameterGeneratesBothModuli() {
    assertEquals(Q, poly(36, 36, 24, 6, 1), "q = 36x⁴ + 36x³ + 24x² + 6x + 1");
    assertEquals(R, poly(36, 36, 18, 6, 1), "r = 36x⁴ + 36x³ + 18x² + 6x + 1");
    BigInteger six = X.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO);
    BigInteger fromNaf = BigInteger.ZERO;
    for (int i = MillerLoop.NAF.length - 1; i >= 0; i--) {
      fromNaf = fromNaf.shiftLeft(1).add(BigInteger.valueOf(MillerLoop.NAF[i]));
    }
    assertEquals(six, fromNaf);
    for (int i = 1; i < MillerLoop.NAF.length; i++) {
      assertFalse(MillerLoop.NAF[i] != 0 && MillerLoop.NAF[i - 1] != 0, "NAF has no adjacent digits");
    }
  }

  @Test
  void finalExpDigitsRebuildX() {
    long acc = 0;
    for (int i = FinalExp.X_WNAF.length - 1; i >= 0; i--) {
      acc = 2 * acc + FinalExp.X_WNAF[i];
      assertTrue(FinalExp.X_WNAF[i] == 0 || (FinalExp.X_WNAF[i] & 1) != 0);
    }
    assertEquals(X.longValueExact(), acc);
  }

  @Test
  void hardPartChainIsTheExactExponent() {
    BigInteger hard = Q.pow(4).subtract(Q.pow(2)).add(BigInteger.ONE);
    assertEquals(BigInteger.ZERO, hard.mod(R));
    BigInteger l3 = BigInteger.ONE;
    BigInteger l2 = poly(6, 0, 1);
    BigInteger l1 = poly(-36, -18, -12, 1);
    BigInteger l0 = poly(-36, -30, -18, -2);
    assertEquals(hard.divide(R), l0.add(l1.multiply(Q)).add(l2.multiply(Q.pow(2))).add(l3.multiply(Q.pow(3))));
  }

  @Test
  void finalExponentiationIsThePower() {
    Fq12 f = Fq12.random(new Random(11));
    BigInteger e = Q.pow(12).subtract(BigInteger.ONE).divide(R);
    assertEquals(f.pow(e), Pairing.finalExponentiation(f));
  }

  @Test
  void nonDegenerateOfOrderR() {
    Fq12 e = Pairing.pair(G1.generator(), G2.generator());
    assertFalse(e.isOne());
    assertTrue(e.pow(R).isOne());
    assertEquals(e.conjugate(), e.inverse(), "pairing values are in the cyclotomic subgroup");
    assertTrue(Pairing.pair(G1.INFINITY, G2.generator()).isOne());
    assertTrue(Pairing.pair(G1.generator(), G2.INFINITY).isOne());
    assertTrue(Pairing.check(new G1[0], new G2[0]));
    assertThrows(IllegalArgumentException.class,
        () -> Pairing.check(new G1[] {G1.generator()}, new G2[0]));
  }

  @Test
  void threadsDoNotShareScratch() throws Exception {
    int n = 8;
    G1[] ps = new G1[n];
    G2[] qs = new G2[n];
    Fq12[] want = new Fq12[n];
    for (int i = 0; i < n; i++) {
      ps[i] = G1.generator().mul(BigInteger.valueOf(31L * i + 1));
      qs[i] = G2.generator().mul(BigInteger.valueOf(17L * i + 2));
      want[i] = Pairing.pair(ps[i], qs[i]);
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<Fq12>> got = new java.util.ArrayList<>();
      for (int r = 0; r < 3; r++) {
        for (int i = 0; i < n; i++) {
          int k = i;
          got.add(pool.submit(() -> Pairing.pair(ps[k], qs[k])));
        }
      }
      for (int j = 0; j < got.size(); j++) {
        assertEquals(want[j % n], got.get(j).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Provide
  Arbitrary<BigInteger> scalars() {
    return Arbitraries.oneOf(Arbitraries.of(BigInteger.ONE, BigInteger.TWO, R.subtract(BigInteger.ONE)),
        Arbitraries.bigIntegers().between(BigInteger.ONE, R.subtract(BigInteger.ONE)));
  }

  @Property(tries = 6)
  void bilinear(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b) {
    G1 p = G1.generator();
    G2 q = G2.generator();
    Fq12 e = Pairing.pair(p, q);
    Fq12 eab = Pairing.pair(p.mul(a), q.mul(b));
    BigInteger ab = a.multiply(b).mod(R);
    assertEquals(e.pow(ab), eab);
    assertEquals(Pairing.pair(p.mul(ab), q), eab);
    assertEquals(Pairing.pair(p, q.mul(ab)), eab);
  }

  @Property(tries = 4)
  void multiPairIsTheProduct(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b,
      @ForAll("scalars") BigInteger c) {
    G1[] ps = {G1.generator().mul(a), G1.generator().mul(b), G1.INFINITY, G1.generator().mul(c)};
    G2[] qs = {G2.generator().mul(c), G2.generator(), G2.generator().mul(a), G2.INFINITY};
    Fq12 prod = Fq12.ONE;
    for (int i = 0; i < ps.length; i++) {
      prod = prod.mul(Pairing.pair(ps[i], qs[i]));
    }
    assertEquals(prod, Pairing.multiPair(ps, qs));
    G2Prepared[] prepared = new G2Prepared[qs.length];
    for (int i = 0; i < qs.length; i++) {
      prepared[i] = Pairing.prepare(qs[i]);
      assertEquals(qs[i], prepared[i].point());
    }
    assertEquals(prod, Pairing.multiPair(ps, prepared));
    assertEquals(prod.conjugate(), Pairing.finalExponentiation(Pairing.millerLoop(ps, qs)).conjugate());
    // e(aP, cQ)·e(−acP, Q) = 1, and any perturbation breaks it
    G1 acp = G1.generator().mul(a.multiply(c).mod(R)).neg();
    assertTrue(Pairing.check(new G1[] {ps[0], acp}, new G2[] {qs[0], G2.generator()}));
    assertTrue(Pairing.check(new G1[] {ps[0], acp}, new G2Prepared[] {prepared[0], Pairing.prepare(G2.generator())}));
    assertFalse(Pairing.check(new G1[] {ps[0], acp.add(G1.generator())}, new G2[] {qs[0], G2.generator()}));
    assertNotEquals(Pairing.pair(ps[0], qs[0]), Pairing.pair(ps[0], qs[0].dbl()));
  }
}
