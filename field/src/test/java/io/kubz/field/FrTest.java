package io.kubz.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Fr constants, roots of unity, and the value type against the kernels and BigInteger. */
class FrTest {
  private static final BigInteger P = Fr.MODULUS;

  @Provide
  Arbitrary<BigInteger> elements() {
    return Arbitraries.oneOf(Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE)),
        Arbitraries.bigIntegers().between(BigInteger.ZERO, P.subtract(BigInteger.ONE)));
  }

  @Test
  void constantsAreRederived() {
    assertTrue(P.isProbablePrime(100));
    assertEquals(-1L, Fr.INV * Fr.P0, "INV = -r^-1 mod 2^64");
    assertEquals(P, new BigInteger(Long.toUnsignedString(Fr.P3)).shiftLeft(192)
        .add(new BigInteger(Long.toUnsignedString(Fr.P2)).shiftLeft(128))
        .add(new BigInteger(Long.toUnsignedString(Fr.P1)).shiftLeft(64))
        .add(new BigInteger(Long.toUnsignedString(Fr.P0))));
    assertTrue(Fr.P3 >>> 62 == 0, "no-carry Montgomery needs r < 2^254");
    BigInteger m = P.subtract(BigInteger.ONE);
    assertEquals(Fr.TWO_ADICITY, m.getLowestSetBit());
    // 5 is a quadratic non-residue, so 5^((r-1)/2^28) has order exactly 2^28 (checked below too)
    assertEquals(m, BigInteger.valueOf(Fr.GENERATOR).modPow(m.shiftRight(1), P));
  }

  @Test
  void knownAnswersFromLibff() throws java.io.IOException {
    String text;
    try (var in = FrTest.class.getResourceAsStream("/vectors/field/fr_constants.json")) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    JsonNode m = new ObjectMapper().readTree(text);
    assertEquals(P, new BigInteger(m.get("modulus").asText()));
    assertEquals(BigInteger.valueOf(Fr.GENERATOR), new BigInteger(m.get("multiplicative_generator").asText()));
    assertEquals(new BigInteger(m.get("root_of_unity_2_28").asText()), root(Fr.TWO_ADICITY).toBigInteger());
    // 5 generates F_r^*: 5^((r-1)/q) != 1 for every prime q dividing r - 1
    BigInteger rest = P.subtract(BigInteger.ONE);
    BigInteger product = BigInteger.ONE;
    for (JsonNode pe : m.get("r_minus_1_factors")) {
      BigInteger q = new BigInteger(pe.get(0).asText());
      int e = Integer.parseInt(pe.get(1).asText());
      assertTrue(q.isProbablePrime(64), q + " is prime");
      product = product.multiply(q.pow(e));
      assertNotEquals(BigInteger.ONE, BigInteger.valueOf(Fr.GENERATOR).modPow(rest.divide(q), P), "q = " + q);
    }
    assertEquals(rest, product, "the factorization multiplies back to r - 1");
  }

  @Test
  void rootsOfUnityHaveExactOrder() {
    for (int k = 0; k <= Fr.TWO_ADICITY; k++) {
      Fr w = root(k);
      assertEquals(Fr.ONE, w.pow(BigInteger.ONE.shiftLeft(k)), "w^(2^k) = 1 for k = " + k);
      if (k > 0) {
        assertNotEquals(Fr.ONE, w.pow(BigInteger.ONE.shiftLeft(k - 1)), "order below 2^" + k);
        assertEquals(root(k - 1), w.square(), "roots are consistent squares");
      }
    }
    assertEquals(Fr.ONE.neg(), root(1));
    assertThrows(IllegalArgumentException.class, () -> Fr.rootOfUnity(new long[4], 0, 29));
    assertThrows(IllegalArgumentException.class, () -> Fr.rootOfUnity(new long[4], 0, -1));
  }

  private static Fr root(int k) {
    long[] z = new long[4];
    Fr.rootOfUnity(z, 0, k);
    return Fr.readFrom(z, 0);
  }

  @Property(tries = 150)
  void valueTypeMatchesBigInteger(@ForAll("elements") BigInteger x, @ForAll("elements") BigInteger y,
      @ForAll long e) {
    Fr a = Fr.of(x);
    Fr b = Fr.of(y);
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
    assertEquals(a, Fr.of(x.subtract(P)));
    assertEquals(a.hashCode(), Fr.of(x.add(P)).hashCode());
    assertEquals(x.toString(), a.toString());
    BigInteger signed = x.compareTo(P.shiftRight(1)) > 0 ? x.subtract(P) : x;
    assertEquals(signed, a.toSignedBigInteger());
    assertEquals(a, Fr.fromBytesBE(a.toBytesBE()));
    assertArrayEquals(FieldKernelContract.fixed32(x), a.toBytesBE());
    long[] arr = new long[9];
    a.writeTo(arr, 3);
    assertEquals(a, Fr.readFrom(arr, 3));
    long[] prod = new long[4];
    Fr.mul(prod, 0, arr, 3, arr, 3);
    assertEquals(a.square(), Fr.readFrom(prod, 0));
  }

  @Test
  void valueTypeEdges() {
    assertEquals(BigInteger.ZERO, Fr.ZERO.toBigInteger());
    assertEquals(BigInteger.ONE, Fr.ONE.toBigInteger());
    assertEquals(P.subtract(BigInteger.valueOf(5)), Fr.of(-5).toBigInteger());
    assertEquals(BigInteger.valueOf(-5), Fr.of(-5).toSignedBigInteger());
    assertEquals(Fr.of(Long.MIN_VALUE), Fr.of(BigInteger.valueOf(Long.MIN_VALUE)));
    assertThrows(ArithmeticException.class, () -> Fr.ZERO.pow(-1));
    assertThrows(IllegalArgumentException.class, () -> Fr.fromBytesBE(FieldKernelContract.fixed32(P)));
    assertThrows(IllegalArgumentException.class, () -> Fr.fromBytesBE(new byte[31]));
    Random rnd = new Random(1);
    for (int i = 0; i < 50; i++) {
      BigInteger v = Fr.random(rnd).toBigInteger();
      assertTrue(v.signum() >= 0 && v.compareTo(P) < 0);
    }
    assertNotEquals(Fr.random(rnd), Fr.random(rnd));
  }
}
