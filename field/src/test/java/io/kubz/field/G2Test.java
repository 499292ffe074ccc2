package io.kubz.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/** G2 group laws, kernels against the value type, subgroup membership and both byte codecs. */
class G2Test {
  private static final BigInteger R = Fr.MODULUS;
  private static final BigInteger Q = Fq.MODULUS;

  @Provide
  Arbitrary<BigInteger> scalars() {
    return Arbitraries.oneOf(Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
        R.subtract(BigInteger.ONE), R),
        Arbitraries.bigIntegers().between(BigInteger.ZERO, R.subtract(BigInteger.ONE)));
  }

  /** A point of the twist, almost surely outside G2 (the cofactor is about q). */
  static G2 randomTwistPoint(Random rnd) {
    Fq2 b = Fq2.of(3, 0).mul(Fq2.XI.inverse());
    while (true) {
      Fq2 x = Fq2.random(rnd);
      Fq2 y = x.square().mul(x).add(b).sqrt();
      if (y != null) {
        return G2.of(x, y);
      }
    }
  }

  @Test
  void generatorHasOrderR() {
    G2 g = G2.generator();
    assertTrue(g.isOnCurve());
    assertTrue(g.inSubgroup());
    assertFalse(g.isInfinity());
    assertTrue(g.mul(R).isInfinity());
    assertEquals(g.neg(), g.mul(R.subtract(BigInteger.ONE)));
  }

  @Test
  void twistOrderIsRTimesCofactor() {
    // #E'(Fq2) = r·(2q − r): clearing the cofactor lands in G2, and a random point is not in G2
    Random rnd = new Random(7);
    for (int i = 0; i < 3; i++) {
      G2 p = randomTwistPoint(rnd);
      assertFalse(p.inSubgroup());
      G2 cleared = p.mul(Q.shiftLeft(1).subtract(R));
      assertTrue(cleared.inSubgroup());
      assertFalse(cleared.isInfinity());
    }
  }

  @Test
  void psiSubgroupTestAgreesWithOrderR() {
    BigInteger x = MillerLoop.X;
    BigInteger lhs = x.add(BigInteger.ONE).add(Q.multiply(x)).add(Q.pow(2).multiply(x))
        .subtract(Q.pow(3).multiply(x.shiftLeft(1)));
    assertEquals(BigInteger.ZERO, lhs.mod(R), "(x + 1) + q·x + q²·x − 2q³·x ≡ 0 (mod r)");
    Random rnd = new Random(5);
    for (int i = 0; i < 6; i++) {
      G2 bad = randomTwistPoint(rnd);
      assertFalse(bad.mul(R).isInfinity());
      assertFalse(bad.inSubgroup());
      G2 good = G2.generator().mul(new BigInteger(250, rnd));
      assertTrue(good.mul(R).isInfinity());
      assertTrue(good.inSubgroup());
      // a G2 point plus a point outside G2 is outside G2
      assertFalse(good.add(bad).inSubgroup());
    }
    // ψ acts as [q] on G2
    G2 g = G2.generator();
    long[] j = new long[24];
    g.writeJacobian(j, 0);
    G2Ops.LOCAL.get().psi(j, 0, j, 0, 1);
    assertEquals(g.mul(Q.mod(R)), G2.fromJacobian(j, 0));
  }

  @Property(tries = 15)
  void groupLaws(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b,
      @ForAll("scalars") BigInteger c) {
    G2 g = G2.generator();
    G2 p = g.mul(a);
    G2 q = g.mul(b);
    G2 r = g.mul(c);
    assertEquals(p.add(q).add(r), p.add(q.add(r)));
    assertEquals(p.add(q), q.add(p));
    assertEquals(g.mul(a.add(b)), p.add(q));
    assertEquals(p.dbl(), p.add(p));
    assertEquals(G2.INFINITY, p.add(p.neg()));
    assertEquals(p, p.add(G2.INFINITY));
    assertEquals(p, G2.INFINITY.add(p));
    assertEquals(g.mul(a.multiply(b)), p.mul(b));
    assertEquals(p.mul(a.negate()), p.neg().mul(a));
  }

  @Property(tries = 20)
  void jacobianKernelsMatchAffine(@ForAll("scalars") BigInteger a, @ForAll("scalars") BigInteger b,
      @ForAll long seed) {
    G2 p = G2.generator().mul(a);
    G2 q = G2.generator().mul(b);
    Fq2 s = Fq2.random(new Random(seed));
    long[] j = new long[48];
    scaled(j, 0, p, s);
    scaled(j, 24, q, s.square().add(Fq2.ONE));
    long[] z = new long[24];
    G2.addJ(z, 0, j, 0, j, 24);
    assertEquals(p.add(q), G2.fromJacobian(z, 0));
    G2.addJ(j, 0, j, 0, j, 0); // aliased doubling through add
    assertEquals(p.dbl(), G2.fromJacobian(j, 0));
    long[] qa = new long[16];
    q.writeAffine(qa, 0);
    scaled(j, 0, p, s);
    G2.addMixed(j, 0, j, 0, qa, 0);
    assertEquals(p.add(q), G2.fromJacobian(j, 0));
    scaled(j, 0, p, s);
    G2.dblJ(j, 0, j, 0);
    assertEquals(p.dbl(), G2.fromJacobian(j, 0));
  }

  /** Writes p in Jacobian form with Z = s (X = x·s², Y = y·s³); infinity as Z = 0. */
  private static void scaled(long[] z, int zo, G2 p, Fq2 s) {
    if (p.isInfinity() || s.isZero()) {
      p.writeJacobian(z, zo);
      return;
    }
    p.x().mul(s.square()).writeTo(z, zo);
    p.y().mul(s.square().mul(s)).writeTo(z, zo + 8);
    s.writeTo(z, zo + 16);
  }

  @Test
  void batchToAffineKeepsInfinities() {
    int n = 5;
    long[] jac = new long[24 * n];
    G2[] want = new G2[n];
    for (int i = 0; i < n; i++) {
      want[i] = i == 2 ? G2.INFINITY : G2.generator().mul(BigInteger.valueOf(1000 + i));
      scaled(jac, 24 * i, want[i], Fq2.of(i + 3, i));
    }
    long[] aff = new long[16 * n];
    G2.batchToAffine(jac, 0, aff, 0, n);
    for (int i = 0; i < n; i++) {
      assertEquals(want[i], G2.readAffine(aff, 16 * i));
    }
  }

  @Property(tries = 10)
  void codecsRoundTrip(@ForAll("scalars") BigInteger a) {
    G2 p = G2.generator().mul(a);
    assertEquals(p, G2.fromEvmBytes(p.toEvmBytes(), 0));
    assertEquals(p, G2.fromCompressed(p.toCompressed()));
    assertEquals(p.neg(), G2.fromCompressed(p.neg().toCompressed()));
    if (!p.isInfinity()) {
      assertNotEquals(p.toCompressed()[0] & 0xC0, p.neg().toCompressed()[0] & 0xC0);
    }
  }

  @Test
  void evmLayoutIsImaginaryFirst() {
    byte[] b = G2.generator().toEvmBytes();
    assertEquals(128, b.length);
    byte[] xc1 = java.util.Arrays.copyOfRange(b, 0, 32);
    assertEquals(new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634"),
        new BigInteger(1, xc1));
    assertArrayEquals(new byte[128], G2.INFINITY.toEvmBytes());
    assertEquals(G2.INFINITY, G2.fromEvmBytes(new byte[128], 0));
    byte[] inf = G2.INFINITY.toCompressed();
    assertEquals(0x40, inf[0] & 0xFF);
    assertEquals(G2.INFINITY, G2.fromCompressed(inf));
  }

  @Test
  void decodingRejectsBadPoints() {
    byte[] g = G2.generator().toEvmBytes();
    // non-canonical: x.c1 + q does not fit below 2^256? q < 2^254, so x.c1 + q is a 32-byte value ≥ q
    byte[] nc = g.clone();
    byte[] big = new BigInteger(1, java.util.Arrays.copyOfRange(g, 0, 32)).add(Q).toByteArray();
    java.util.Arrays.fill(nc, 0, 32, (byte) 0);
    System.arraycopy(big, 0, nc, 32 - big.length, big.length);
    assertThrows(IllegalArgumentException.class, () -> G2.fromEvmBytes(nc, 0));
    // off the curve
    byte[] off = g.clone();
    off[127] ^= 1;
    assertThrows(IllegalArgumentException.class, () -> G2.fromEvmBytes(off, 0));
    // on the twist, outside G2
    G2 bad = randomTwistPoint(new Random(3));
    assertTrue(bad.isOnCurve());
    assertThrows(IllegalArgumentException.class, () -> G2.fromEvmBytes(bad.toEvmBytes(), 0));
    assertThrows(IllegalArgumentException.class, () -> G2.fromCompressed(bad.toCompressed()));
    // short input, bad flags, dirty infinity
    assertThrows(IllegalArgumentException.class, () -> G2.fromEvmBytes(g, 1));
    byte[] c = G2.generator().toCompressed();
    c[0] &= 0x3F;
    assertThrows(IllegalArgumentException.class, () -> G2.fromCompressed(c));
    byte[] dirty = G2.INFINITY.toCompressed();
    dirty[63] = 1;
    assertThrows(IllegalArgumentException.class, () -> G2.fromCompressed(dirty));
    assertThrows(IllegalArgumentException.class,
        () -> G2.of(G2.generator().x(), G2.generator().y().add(Fq2.ONE)));
  }
}
