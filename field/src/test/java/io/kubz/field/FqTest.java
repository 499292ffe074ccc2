package io.kubz.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Fq constants, legendre/sqrt, and the value type against the kernels and BigInteger. */
class FqTest {
  private static final BigInteger P = Fq.MODULUS;

  @Provide
  Arbitrary<BigInteger> elements() {
    return Arbitraries.oneOf(Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE)),
        Arbitraries.bigIntegers().between(BigInteger.ZERO, P.subtract(BigInteger.ONE)));
  }

  @Test
  void constantsAreRederived() {
    assertTrue(P.isProbablePrime(100));
    assertEquals(-1L, Fq.INV * Fq.P0, "INV = -q^-1 mod 2^64");
    assertEquals(P, new BigInteger(Long.toUnsignedString(Fq.P3)).shiftLeft(192)
        .add(new BigInteger(Long.toUnsignedString(Fq.P2)).shiftLeft(128))
        .add(new BigInteger(Long.toUnsignedString(Fq.P1)).shiftLeft(64))
        .add(new BigInteger(Long.toUnsignedString(Fq.P0))));
    assertTrue(Fq.P3 >>> 62 == 0, "no-carry Montgomery needs q < 2^254");
  }

  @Property(tries = 200)
  void legendreIsEulersCriterion(@ForAll("elements") BigInteger x) {
    long[] a = new long[6];
    Fq.fromBigInteger(a, 1, x);
    BigInteger euler = x.modPow(P.shiftRight(1), P);
    int want = x.signum() == 0 ? 0 : euler.equals(BigInteger.ONE) ? 1 : -1;
    assertEquals(want, Fq.legendre(a, 1));
    long[] z = {7, 7, 7, 7, 7, 7};
    boolean ok = Fq.sqrt(z, 2, a, 1);
    assertEquals(want >= 0, ok);
    if (ok) {
      BigInteger s = Fq.toBigInteger(z, 2);
      assertEquals(x, s.multiply(s).mod(P));
    } else {
      assertArrayEquals(new long[] {7, 7, 7, 7, 7, 7}, z, "no root: output untouched");
    }
    Fq.sqrt(a, 1, a, 1); // aliased
  }

  @Property(tries = 100)
  void squaresHaveRoots(@ForAll("elements") BigInteger x) {
    long[] a = new long[4];
    Fq.fromBigInteger(a, 0, x.multiply(x));
    assertTrue(Fq.sqrt(a, 0, a, 0));
    BigInteger s = Fq.toBigInteger(a, 0);
    assertTrue(s.equals(x) || s.equals(P.subtract(x).mod(P)));
  }

  @Test
  void qIsThreeModFour() {
    assertEquals(3, P.mod(BigInteger.valueOf(4)).intValue());
    assertEquals(-1, Fq.legendre(neg1(), 0), "-1 is a non-residue when q = 3 mod 4");
  }

  private static long[] neg1() {
    long[] z = new long[4];
    Fq.set(z, 0, -1);
    return z;
  }

  @Property(tries = 150)
  void valueTypeMatchesBigInteger(@ForAll("elements") BigInteger x, @ForAll("elements") BigInteger y,
      @ForAll long e) {
    Fq a = Fq.of(x);
    Fq b = Fq.of(y);
    assertEquals(x.add(y).mod(P), a.add(b).toBigInteger());
    assertEquals(x.subtract(y).mod(P), a.sub(b).toBigInteger());
    assertEquals(x.multiply(y).mod(P), a.mul(b).toBigInteger());
    assertEquals(x.negate().mod(P), a.neg().toBigInteger());
    assertEquals(x.multiply(x).mod(P), a.square().toBigInteger());
    if (x.signum() != 0) {
      assertEquals(x.modInverse(P), a.inverse().toBigInteger());
      assertEquals(x.modPow(BigInteger.valueOf(e), P), a.pow(e).toBigInteger());
    } else {
      assertThrows(ArithmeticException.class, a::inverse);
    }
    assertEquals(x.signum() == 0, a.isZero());
    assertEquals(x.equals(y), a.equals(b));
    assertEquals(a, Fq.of(x.subtract(P)));
    assertEquals(a.hashCode(), Fq.of(x.add(P)).hashCode());
    assertEquals(x.toString(), a.toString());
    BigInteger signed = x.compareTo(P.shiftRight(1)) > 0 ? x.subtract(P) : x;
    assertEquals(signed, a.toSignedBigInteger());
    assertEquals(a, Fq.fromBytesBE(a.toBytesBE()));
    assertArrayEquals(FieldKernelContract.fixed32(x), a.toBytesBE());
    long[] arr = new long[9];
    a.writeTo(arr, 3);
    assertEquals(a, Fq.readFrom(arr, 3));
    long[] prod = new long[4];
    Fq.mul(prod, 0, arr, 3, arr, 3);
    assertEquals(a.square(), Fq.readFrom(prod, 0));
  }

  @Test
  void valueTypeEdges() {
    assertEquals(BigInteger.ZERO, Fq.ZERO.toBigInteger());
    assertEquals(BigInteger.ONE, Fq.ONE.toBigInteger());
    assertEquals(P.subtract(BigInteger.valueOf(5)), Fq.of(-5).toBigInteger());
    assertEquals(BigInteger.valueOf(-5), Fq.of(-5).toSignedBigInteger());
    assertEquals(Fq.of(Long.MIN_VALUE), Fq.of(BigInteger.valueOf(Long.MIN_VALUE)));
    assertThrows(ArithmeticException.class, () -> Fq.ZERO.pow(-1));
    assertThrows(IllegalArgumentException.class, () -> Fq.fromBytesBE(FieldKernelContract.fixed32(P)));
    assertThrows(IllegalArgumentException.class, () -> Fq.fromBytesBE(new byte[31]));
    Random rnd = new Random(1);
    for (int i = 0; i < 50; i++) {
      BigInteger v = Fq.random(rnd).toBigInteger();
      assertTrue(v.signum() >= 0 && v.compareTo(P) < 0);
    }
    assertNotEquals(Fq.random(rnd), Fq.random(rnd));
  }
}
