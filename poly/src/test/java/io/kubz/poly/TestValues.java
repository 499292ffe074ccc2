package io.kubz.poly;

import io.kubz.field.Fr;
import java.math.BigInteger;
import java.util.Random;

/** Random field data for tests, with the special values 0, 1, −1 and p − 2 mixed in. */
public final class TestValues {
  public static final BigInteger P = Fr.MODULUS;

  private TestValues() {}

  public static Fr fr(Random rnd) {
    return switch (rnd.nextInt(8)) {
      case 0 -> Fr.ZERO;
      case 1 -> Fr.ONE;
      case 2 -> Fr.ONE.neg();
      case 3 -> Fr.of(P.subtract(BigInteger.TWO));
      default -> Fr.random(rnd);
    };
  }

  public static Fr[] frs(Random rnd, int n) {
    Fr[] out = new Fr[n];
    for (int i = 0; i < n; i++) {
      out[i] = fr(rnd);
    }
    return out;
  }

  /** n random elements, flat Montgomery limbs. */
  public static long[] flat(Random rnd, int n) {
    long[] a = new long[4 * n];
    for (int i = 0; i < n; i++) {
      fr(rnd).writeTo(a, 4 * i);
    }
    return a;
  }

  public static BigInteger[] big(long[] a) {
    BigInteger[] out = new BigInteger[a.length / 4];
    for (int i = 0; i < out.length; i++) {
      out[i] = Fr.toBigInteger(a, 4 * i);
    }
    return out;
  }

  public static BigInteger[] big(CoeffPoly p) {
    return big(p.limbs());
  }

  /** Σ c_i z^i mod p with BigInteger (the oracle). */
  public static BigInteger horner(BigInteger[] c, BigInteger z) {
    BigInteger acc = BigInteger.ZERO;
    for (int i = c.length - 1; i >= 0; i--) {
      acc = acc.multiply(z).add(c[i]).mod(P);
    }
    return acc;
  }
}
