package io.kubz.poly.ntt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;
import io.kubz.poly.TestValues;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NttTest {
  private static final BigInteger P = Fr.MODULUS;
  private final Ntt ntt = Ntt.radix2();

  /** A_i = Σ_j a_j x_i^j with x_i = s·ω^i, all in BigInteger: O(n²). */
  private static BigInteger[] naiveDft(BigInteger[] a, BigInteger omega, BigInteger s) {
    int n = a.length;
    BigInteger[] out = new BigInteger[n];
    BigInteger x = s;
    for (int i = 0; i < n; i++) {
      out[i] = TestValues.horner(a, x);
      x = x.multiply(omega).mod(P);
    }
    return out;
  }

  @Test
  void rootsHaveExactOrder() {
    for (int k = 0; k <= Domain.MAX_LOG2; k++) {
      BigInteger w = Domain.of(k).omega().toBigInteger();
      assertEquals(BigInteger.ONE, w.modPow(BigInteger.ONE.shiftLeft(k), P), "ω^(2^k) = 1, k=" + k);
      if (k > 0) {
        assertEquals(P.subtract(BigInteger.ONE), w.modPow(BigInteger.ONE.shiftLeft(k - 1), P),
            "ω^(2^(k-1)) = −1, k=" + k);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> Domain.of(29));
    assertThrows(IllegalArgumentException.class, () -> Domain.of(-1));
    assertEquals(Domain.of(5).size(), 32);
    assertEquals(Domain.atLeast(33).size(), 64);
    assertEquals(Domain.atLeast(1).size(), 1);
  }

  @Test
  void cosetShiftIsANonResidue() {
    BigInteger g = BigInteger.valueOf(Domain.COSET_SHIFT);
    assertEquals(P.subtract(BigInteger.ONE), g.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P));
  }

  @Test
  void forwardMatchesNaiveDftUpTo1024() {
    Random rnd = new Random(1);
    for (int k = 0; k <= 10; k++) {
      Domain d = Domain.of(k);
      long[] a = TestValues.flat(rnd, d.size());
      BigInteger[] expect = naiveDft(TestValues.big(a), d.omega().toBigInteger(), BigInteger.ONE);
      long[] x = a.clone();
      ntt.forward(d, x);
      assertArrayEquals(expect, TestValues.big(x), "forward, n=2^" + k);
      long[] br = a.clone();
      ntt.forwardToBitReversed(d, br);
      for (int i = 0; i < d.size(); i++) {
        int j = k == 0 ? 0 : Integer.reverse(i) >>> (32 - k);
        assertEquals(expect[i], Fr.toBigInteger(br, 4 * j), "bit-reversed, n=2^" + k);
      }
      long[] viaPermutation = br.clone();
      Ntt.bitReverse(viaPermutation, k);
      assertArrayEquals(x, viaPermutation, "bitReverse(forwardToBitReversed) = forward, n=2^" + k);
      ntt.inverse(d, x);
      assertArrayEquals(a, x, "inverse(forward(a)) = a, n=2^" + k);
      ntt.inverseFromBitReversed(d, br);
      assertArrayEquals(a, br, "inverseFromBitReversed, n=2^" + k);
    }
  }

  @Test
  void cosetForwardMatchesNaiveUpTo1024() {
    Random rnd = new Random(2);
    for (int k = 0; k <= 10; k++) {
      Domain d = Domain.of(k);
      long[] a = TestValues.flat(rnd, d.size());
      BigInteger[] expect = naiveDft(TestValues.big(a), d.omega().toBigInteger(),
          BigInteger.valueOf(Domain.COSET_SHIFT));
      long[] x = a.clone();
      ntt.cosetForward(d, x);
      assertArrayEquals(expect, TestValues.big(x), "coset forward, n=2^" + k);
      ntt.cosetInverse(d, x);
      assertArrayEquals(a, x, "coset round trip, n=2^" + k);
    }
  }

  @Test
  void roundTripsBeyond() {
    Random rnd = new Random(3);
    for (int k = 11; k <= 17; k++) {
      Domain d = Domain.of(k);
      long[] a = TestValues.flat(rnd, d.size());
      long[] x = a.clone();
      ntt.forward(d, x);
      assertNotEquals(a[4], x[4]);
      // spot-check evaluations against Horner: A_i = a(ω^i)
      BigInteger[] coeffs = TestValues.big(a);
      for (int i : new int[] {5, rnd.nextInt(d.size()), d.size() - 1}) {
        BigInteger wi = d.omega().toBigInteger().modPow(BigInteger.valueOf(i), P);
        assertEquals(TestValues.horner(coeffs, wi), Fr.toBigInteger(x, 4 * i), "A_" + i + ", 2^" + k);
      }
      ntt.inverse(d, x);
      assertArrayEquals(a, x, "round trip 2^" + k);
      ntt.cosetForward(d, x);
      ntt.cosetInverse(d, x);
      assertArrayEquals(a, x, "coset round trip 2^" + k);
    }
  }

  @Test
  void singleThreadAgreesWithParallel() {
    Random rnd = new Random(4);
    Domain d = Domain.of(15);
    long[] a = TestValues.flat(rnd, d.size());
    long[] par = a.clone();
    ntt.forward(d, par);
    int saved = Parallel.threads();
    long[] seq = a.clone();
    try {
      Parallel.setThreads(1);
      ntt.forward(d, seq);
    } finally {
      Parallel.setThreads(saved);
    }
    assertArrayEquals(par, seq);
  }

  @Test
  void rejectsShortArrays() {
    assertThrows(IllegalArgumentException.class, () -> ntt.forward(Domain.of(3), new long[28]));
  }
}
