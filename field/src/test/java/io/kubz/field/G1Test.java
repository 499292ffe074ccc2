package io.kubz.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** G1 kernels and value type against the naive BigInteger oracle {@link NaiveG1}. */
class G1Test {
  private static final BigInteger Q = NaiveG1.Q, R = NaiveG1.R;
  private static final BigInteger[] G = NaiveG1.G, NEG_G = NaiveG1.neg(NaiveG1.G);

  @Provide
  Arbitrary<BigInteger[]> points() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.randomValue(NaiveG1::random)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(NaiveG1.INF, G, NEG_G)));
  }

  @Provide
  Arbitrary<BigInteger> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, R.subtract(BigInteger.ONE)),
        Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, R.subtract(BigInteger.ONE),
            R, R.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)));
  }

  /** Montgomery affine longs of a naive point. */
  static long[] affine(BigInteger[] p) {
    long[] a = new long[8];
    if (!NaiveG1.isInf(p)) {
      Fq.fromBigInteger(a, 0, p[0]);
      Fq.fromBigInteger(a, 4, p[1]);
    }
    return a;
  }

  /** Jacobian longs (x·z², y·z³, z) for a random z ≠ 0, so that the kernels see Z ≠ 1. */
  static long[] jacobian(BigInteger[] p, long seed) {
    long[] j = new long[12];
    if (NaiveG1.isInf(p)) {
      Fq.set(j, 0, 7);
      Fq.set(j, 4, 9); // arbitrary X, Y: Z = 0 decides
      return j;
    }
    BigInteger z = new BigInteger(250, new Random(seed)).add(BigInteger.ONE);
    Fq.fromBigInteger(j, 0, p[0].multiply(z.pow(2)));
    Fq.fromBigInteger(j, 4, p[1].multiply(z.pow(3)));
    Fq.fromBigInteger(j, 8, z);
    return j;
  }

  static BigInteger[] naiveOfJ(long[] j, int o) {
    long[] a = new long[8];
    G1.toAffine(a, 0, j, o);
    return new BigInteger[] {Fq.toBigInteger(a, 0), Fq.toBigInteger(a, 4)};
  }

  static void assertPoint(BigInteger[] expected, BigInteger[] actual) {
    assertEquals(expected[0], actual[0], "x");
    assertEquals(expected[1], actual[1], "y");
  }

  @Property(tries = 60)
  void addJMatchesOracle(@ForAll("points") BigInteger[] p, @ForAll("points") BigInteger[] q,
      @ForAll boolean same, @ForAll long seed) {
    if (same) {
      q = p; // P + P must double
    }
    BigInteger[] expected = NaiveG1.add(p, q);
    long[] jp = jacobian(p, seed), jq = jacobian(q, seed + 1);
    long[] z = new long[12];
    G1.addJ(z, 0, jp, 0, jq, 0);
    assertPoint(expected, naiveOfJ(z, 0));
    G1.addJ(jp, 0, jp, 0, jq, 0); // output aliases the first input
    assertPoint(expected, naiveOfJ(jp, 0));
    // P + (−P) = O
    long[] jn = jacobian(NaiveG1.neg(q), seed + 2);
    G1.addJ(z, 0, jq, 0, jn, 0);
    assertTrue(G1.isInfinityJ(z, 0));
  }

  @Property(tries = 60)
  void addMixedMatchesOracle(@ForAll("points") BigInteger[] p, @ForAll("points") BigInteger[] q,
      @ForAll boolean same, @ForAll boolean negate, @ForAll long seed) {
    if (same) {
      q = p;
    }
    BigInteger[] expected = NaiveG1.add(p, negate ? NaiveG1.neg(q) : q);
    long[] jp = jacobian(p, seed);
    long[] aq = affine(q);
    long[] t = new long[G1.SCRATCH_LONGS];
    G1.addMixed(jp, 0, jp, 0, aq, 0, negate, t);
    assertPoint(expected, naiveOfJ(jp, 0));
    long[] z = new long[12];
    G1.addMixed(z, 0, jacobian(p, seed), 0, aq, 0);
    assertPoint(NaiveG1.add(p, q), naiveOfJ(z, 0));
  }

  @Property(tries = 40)
  void dblJMatchesOracle(@ForAll("points") BigInteger[] p, @ForAll long seed) {
    long[] j = jacobian(p, seed);
    G1.dblJ(j, 0, j, 0);
    assertPoint(NaiveG1.add(p, p), naiveOfJ(j, 0));
  }

  @Property(tries = 10)
  void batchToAffineMatchesToAffine(@ForAll("points") BigInteger[] p,
      @ForAll("points") BigInteger[] q, @ForAll long seed) {
    BigInteger[][] pts = {p, NaiveG1.INF, q, G, NaiveG1.add(p, q)};
    long[] jac = new long[12 * pts.length];
    for (int i = 0; i < pts.length; i++) {
      System.arraycopy(jacobian(pts[i], seed + i), 0, jac, 12 * i, 12);
    }
    long[] aff = new long[8 * pts.length];
    G1.batchToAffine(jac, 0, aff, 0, pts.length);
    for (int i = 0; i < pts.length; i++) {
      assertArrayEquals(affine(pts[i]), Arrays.copyOfRange(aff, 8 * i, 8 * i + 8));
    }
  }

  // ------------------------------------------------------------------ group laws on the value type

  @Property(tries = 30)
  void groupLaws(@ForAll("points") BigInteger[] a, @ForAll("points") BigInteger[] b,
      @ForAll("points") BigInteger[] c) {
    G1 p = NaiveG1.toG1(a), q = NaiveG1.toG1(b), s = NaiveG1.toG1(c);
    assertEquals(p.add(q).add(s), p.add(q.add(s)), "associativity");
    assertEquals(p.add(q), q.add(p), "commutativity");
    assertEquals(p, p.add(G1.INFINITY), "identity");
    assertEquals(p, G1.INFINITY.add(p), "identity (left)");
    assertTrue(p.add(p.neg()).isInfinity(), "inverse");
    assertEquals(p.add(p), p.dbl(), "doubling = adding");
    assertEquals(NaiveG1.toG1(NaiveG1.add(a, b)), p.add(q), "oracle");
  }

  @Property(tries = 25)
  void scalarMulMatchesOracle(@ForAll("points") BigInteger[] a, @ForAll("scalars") BigInteger k) {
    G1 p = NaiveG1.toG1(a);
    assertEquals(NaiveG1.toG1(NaiveG1.mul(k.mod(R), a)), p.mul(k));
    assertEquals(p.mul(k), p.mul(Fr.of(k)));
    assertEquals(p.mul(k).neg(), p.mul(k.negate()), "negative scalars");
  }

  @Property(tries = 20)
  void scalarMulDistributes(@ForAll("points") BigInteger[] a, @ForAll("scalars") BigInteger x,
      @ForAll("scalars") BigInteger y) {
    G1 p = NaiveG1.toG1(a);
    assertEquals(p.mul(x.add(y)), p.mul(x).add(p.mul(y)), "(a+b)P = aP + bP");
    assertEquals(p.mul(x).mul(y), p.mul(x.multiply(y)), "a(bP) = (ab)P");
  }

  @Example
  void orderIsR() {
    assertTrue(NaiveG1.isInf(NaiveG1.mul(R, G)), "oracle: r·G = O");
    assertTrue(G1.generator().mul(R).isInfinity());
    BigInteger[] p = NaiveG1.random(new Random(5));
    assertTrue(NaiveG1.isInf(NaiveG1.mul(R, p)), "cofactor 1: r·P = O for any curve point");
    assertTrue(NaiveG1.toG1(p).mul(R).isInfinity());
    assertEquals(G1.generator().neg(), G1.generator().mul(R.subtract(BigInteger.ONE)));
  }

  // ------------------------------------------------------------------ encodings

  @Property(tries = 30)
  void encodingsRoundTrip(@ForAll("points") BigInteger[] a) {
    G1 p = NaiveG1.toG1(a);
    byte[] evm = p.toEvmBytes();
    assertEquals(64, evm.length);
    assertEquals(a[0], new BigInteger(1, Arrays.copyOfRange(evm, 0, 32)));
    assertEquals(a[1], new BigInteger(1, Arrays.copyOfRange(evm, 32, 64)));
    assertEquals(p, G1.fromEvmBytes(evm, 0));
    byte[] c = p.toCompressed();
    assertEquals(32, c.length);
    assertEquals(p, G1.fromCompressed(c));
    int flag = c[0] & 0xC0;
    if (p.isInfinity()) {
      assertEquals(0x40, flag);
    } else {
      assertEquals(a[1].compareTo(Q.shiftRight(1)) > 0 ? 0xC0 : 0x80, flag);
    }
    long[] l = new long[10];
    p.writeAffine(l, 1);
    assertEquals(p, G1.readAffine(l, 1));
  }

  @Example
  void generatorEncodings() {
    G1 g = G1.generator();
    byte[] evm = g.toEvmBytes();
    assertEquals(1, evm[31]);
    assertEquals(2, evm[63]);
    byte[] c = g.toCompressed();
    assertEquals((byte) 0x80, c[0], "y = 2 is the smaller root: flag 10");
    assertEquals(1, c[31]);
    assertEquals((byte) 0xC0, g.neg().toCompressed()[0]);
    assertArrayEquals(new byte[64], G1.INFINITY.toEvmBytes());
    assertTrue(G1.fromEvmBytes(new byte[64], 0).isInfinity());
    assertEquals(BigInteger.ONE, g.x().toBigInteger());
    assertTrue(G1.of(Fq.of(1), Fq.of(2)).equals(g));
  }

  @Example
  void badEncodingsAreRejected() {
    byte[] evm = G1.generator().toEvmBytes();
    byte[] offCurve = evm.clone();
    offCurve[63] = 3;
    assertThrows(IllegalArgumentException.class, () -> G1.fromEvmBytes(offCurve, 0));
    byte[] big = evm.clone();
    byte[] qb = Q.add(BigInteger.ONE).toByteArray(); // x = q + 1 ≡ 1: non-canonical
    System.arraycopy(qb, qb.length - 32, big, 0, 32);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> G1.fromEvmBytes(big, 0));
    assertTrue(e.getMessage().contains("canonical"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> G1.fromEvmBytes(new byte[63], 0));
    byte[] zeroX = new byte[64];
    zeroX[63] = 1; // (0, 1)
    assertThrows(IllegalArgumentException.class, () -> G1.fromEvmBytes(zeroX, 0));

    byte[] c = G1.generator().toCompressed();
    byte[] noFlag = c.clone();
    noFlag[0] &= 0x3F;
    assertThrows(IllegalArgumentException.class, () -> G1.fromCompressed(noFlag));
    byte[] badInf = new byte[32];
    badInf[0] = 0x40;
    badInf[31] = 1;
    assertThrows(IllegalArgumentException.class, () -> G1.fromCompressed(badInf));
    assertThrows(IllegalArgumentException.class, () -> G1.fromCompressed(new byte[31]));
    byte[] cq = c.clone();
    byte[] qq = Q.toByteArray();
    System.arraycopy(qq, qq.length - 32, cq, 0, 32);
    cq[0] |= (byte) 0x80; // x = q (top bits of q are 00)
    assertThrows(IllegalArgumentException.class, () -> G1.fromCompressed(cq));
    // an x with x³ + 3 a non-square
    BigInteger x = BigInteger.ZERO;
    while (x.pow(3).add(BigInteger.valueOf(3)).modPow(Q.shiftRight(1), Q).equals(BigInteger.ONE)) {
      x = x.add(BigInteger.ONE);
    }
    byte[] ns = new byte[32];
    byte[] xb = x.toByteArray();
    System.arraycopy(xb, 0, ns, 32 - xb.length, xb.length);
    ns[0] |= (byte) 0x80;
    assertThrows(IllegalArgumentException.class, () -> G1.fromCompressed(ns));
    assertThrows(IllegalArgumentException.class, () -> G1.of(Fq.of(1), Fq.of(3)));
    long[] off = new long[8];
    Fq.set(off, 0, 1);
    Fq.set(off, 4, 3);
    assertFalse(G1.isOnCurve(off, 0));
    assertThrows(IllegalArgumentException.class, () -> G1.readAffine(off, 0));
  }
}
