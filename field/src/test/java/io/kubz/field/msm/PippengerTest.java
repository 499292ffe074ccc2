package io.kubz.field.msm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.internal.G1ScalarMul;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Both bucket strategies at forced window widths, with many bucket collisions. */
class PippengerTest {
  private static final BigInteger R = Fr.MODULUS;

  private static G1 run(long[] bases, long[] scalars, int n, int c) {
    long[] out = new long[12];
    Pippenger.msm(G1Curve.INSTANCE, bases, scalars, n, out, 0, c);
    return G1.fromJacobian(out, 0);
  }

  @Test
  void everyWindowWidthAgrees() {
    Random rnd = new Random(7);
    int n = 1200;
    long[] bases = new long[8 * n], scalars = new long[4 * n];
    G1[] pool = new G1[40];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = G1.generator().mul(new BigInteger(254, rnd));
    }
    BigInteger[] few = {BigInteger.valueOf(3), R.subtract(BigInteger.ONE), BigInteger.valueOf(1 << 20),
        new BigInteger(254, rnd).mod(R)};
    long[] acc = new long[12], term = new long[12];
    for (int i = 0; i < n; i++) {
      G1 p = pool[rnd.nextInt(pool.length)];
      if (rnd.nextInt(3) == 0) {
        p = p.neg(); // equal x, opposite y in the same bucket
      }
      if (rnd.nextInt(50) == 0) {
        p = G1.INFINITY;
      }
      BigInteger k = rnd.nextBoolean() ? few[rnd.nextInt(few.length)] : new BigInteger(254, rnd).mod(R);
      p.writeAffine(bases, 8 * i);
      Fr.of(k).writeTo(scalars, 4 * i);
      G1ScalarMul.mul(term, 0, bases, 8 * i, k);
      G1.addJ(acc, 0, acc, 0, term, 0);
    }
    G1 expected = G1.fromJacobian(acc, 0);
    for (int c : new int[] {2, 7, 11, 12, 13, 15}) {
      assertEquals(expected, run(bases, scalars, n, c), "c = " + c);
    }
    long[] out = new long[12];
    Pippenger.msm(G1Curve.INSTANCE, bases, scalars, n, out, 0, 11, 500); // blocks 500, 500, 200
    assertEquals(expected, G1.fromJacobian(out, 0), "in blocks");
  }

  @Test
  void tinyInputsAtTheChosenWidth() { // Msm.g1 sums these term by term; the engine must agree
    Random rnd = new Random(9);
    for (int n = 1; n <= 10; n++) {
      long[] bases = new long[8 * n], scalars = new long[4 * n];
      long[] acc = new long[12], term = new long[12];
      G1.setInfinityJ(acc, 0);
      for (int i = 0; i < n; i++) {
        G1 p = i == 3 ? G1.INFINITY : G1.generator().mul(new BigInteger(254, rnd));
        BigInteger k = i == 1 ? R.subtract(BigInteger.ONE) : new BigInteger(254, rnd).mod(R);
        p.writeAffine(bases, 8 * i);
        Fr.of(k).writeTo(scalars, 4 * i);
        G1ScalarMul.mul(term, 0, bases, 8 * i, k);
        G1.addJ(acc, 0, acc, 0, term, 0);
      }
      assertEquals(G1.fromJacobian(acc, 0), run(bases, scalars, n, Pippenger.windowBits(n)), "n = " + n);
    }
  }

  @Test
  void recodingReconstructsTheScalar() {
    Random rnd = new Random(8);
    for (int c = 1; c <= Pippenger.MAX_C; c++) {
      int windows = Pippenger.SCALAR_BITS / c + 1;
      for (int t = 0; t < 20; t++) {
        BigInteger k = t == 0 ? R.subtract(BigInteger.ONE) : t == 1 ? R.shiftRight(1)
            : t == 2 ? R.shiftRight(1).add(BigInteger.ONE) : t == 3 ? BigInteger.ZERO
            : new BigInteger(254, rnd).mod(R);
        long[] scalar = new long[4], mag = new long[4];
        Fr.of(k).writeTo(scalar, 0);
        boolean neg = Pippenger.magnitude(mag, 0, scalar, 0);
        assertTrue(Pippenger.bitLength(mag, 0) <= 253, "a signed magnitude is at most (r − 1)/2");
        char[] digits = new char[windows];
        Pippenger.recode(mag, 0, neg, c, windows, digits, 1, 0);
        BigInteger back = BigInteger.ZERO;
        for (int w = windows - 1; w >= 0; w--) {
          int e = digits[w] == 0 ? 0 : digits[w] + 1; // codes are (|d|·2 + sign) − 1
          int d = e >>> 1;
          assertTrue(d <= 1 << (c - 1), "digit bound");
          assertTrue(d != 0 || digits[w] == 0, "zero digits carry no sign");
          back = back.shiftLeft(c).add(BigInteger.valueOf((e & 1) != 0 ? -d : d));
        }
        assertEquals(k, back.mod(R), "c = " + c);
      }
    }
  }

  /** Small signed values (selectors, quantized weights, limbs) take few windows: same sums. */
  @Test
  void smallSignedScalarsAtTheChosenWidth() {
    Random rnd = new Random(10);
    int n = 700;
    long[] bases = new long[8 * n];
    for (int i = 0; i < n; i++) {
      (i == 5 ? G1.INFINITY : G1.generator().mul(new BigInteger(254, rnd))).writeAffine(bases, 8 * i);
    }
    for (int bits : new int[] {1, 2, 5, 9, 17, 40, 64}) {
      for (boolean signed : new boolean[] {false, true}) {
        long[] scalars = new long[4 * n], acc = new long[12], term = new long[12];
        G1.setInfinityJ(acc, 0);
        for (int i = 0; i < n; i++) {
          BigInteger k = new BigInteger(bits, rnd);
          if (signed && rnd.nextBoolean()) {
            k = k.negate();
          }
          if (i % 97 == 0) {
            k = signed ? BigInteger.ONE.shiftLeft(bits).negate() : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
          }
          Fr.of(k.mod(R)).writeTo(scalars, 4 * i);
          G1ScalarMul.mul(term, 0, bases, 8 * i, k.mod(R));
          G1.addJ(acc, 0, acc, 0, term, 0);
        }
        G1 expected = G1.fromJacobian(acc, 0);
        assertEquals(expected, run(bases, scalars, n, 0), "bits " + bits + (signed ? " signed" : ""));
        assertEquals(expected, run(bases, scalars, n, 3), "bits " + bits + " at c = 3");
      }
    }
  }

  /** Selector-like scalars over few distinct points: bucket copies, doublings and cancellations. */
  @Test
  void zeroOneScalarsOverRepeatedPoints() {
    Random rnd = new Random(11);
    int n = 4096;
    G1[] pool = new G1[6];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = G1.generator().mul(new BigInteger(254, rnd));
    }
    long[] bases = new long[8 * n], scalars = new long[4 * n], acc = new long[12], term = new long[12];
    G1.setInfinityJ(acc, 0);
    for (int i = 0; i < n; i++) {
      G1 p = pool[rnd.nextInt(pool.length)];
      BigInteger k = BigInteger.valueOf(rnd.nextInt(3) - 1).mod(R); // −1, 0, 1
      p.writeAffine(bases, 8 * i);
      Fr.of(k).writeTo(scalars, 4 * i);
      G1ScalarMul.mul(term, 0, bases, 8 * i, k);
      G1.addJ(acc, 0, acc, 0, term, 0);
    }
    assertTrue(Pippenger.copies(n, 1, Pippenger.windowBits(n, 1)) > 1, "the case under test uses copies");
    assertEquals(G1.fromJacobian(acc, 0), run(bases, scalars, n, 0));
  }

  /**
   * Wide scalars with few distinct values (round constants over many rows) are grouped by value
   * first; one more distinct value than the limit falls back to plain windows. Both equal the sum.
   */
  @Test
  void fewDistinctWideScalarsAreGroupedByValue() {
    Random rnd = new Random(12);
    int n = 2048; // limit: max(16, n / 256) = 16 distinct values
    G1[] pool = new G1[30];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = G1.generator().mul(new BigInteger(254, rnd));
    }
    for (int distinct : new int[] {1, 5, 16, 17}) {
      BigInteger[] values = new BigInteger[distinct];
      for (int v = 0; v < distinct; v++) {
        values[v] = new BigInteger(254, rnd).mod(R);
      }
      long[] bases = new long[8 * n], scalars = new long[4 * n], acc = new long[12], term = new long[12];
      G1.setInfinityJ(acc, 0);
      for (int i = 0; i < n; i++) {
        G1 p = i % 41 == 0 ? G1.INFINITY : pool[rnd.nextInt(pool.length)];
        if (rnd.nextInt(4) == 0) {
          p = p.neg(); // cancellations within one value's sum
        }
        BigInteger k = i % 7 == 0 ? BigInteger.ZERO : values[rnd.nextInt(distinct)];
        if (rnd.nextBoolean()) {
          k = R.subtract(k).mod(R); // the same magnitude, negated
        }
        p.writeAffine(bases, 8 * i);
        Fr.of(k).writeTo(scalars, 4 * i);
        G1ScalarMul.mul(term, 0, bases, 8 * i, k);
        G1.addJ(acc, 0, acc, 0, term, 0);
      }
      assertEquals(G1.fromJacobian(acc, 0), run(bases, scalars, n, 0), distinct + " distinct values");
    }
  }

  /** Mostly zero scalars (a column used on a few rows) size the windows by the non-zero terms. */
  @Test
  void sparseWideScalars() {
    Random rnd = new Random(14);
    int n = 3000;
    long[] bases = new long[8 * n], scalars = new long[4 * n], acc = new long[12], term = new long[12];
    G1.setInfinityJ(acc, 0);
    for (int i = 0; i < n; i++) {
      G1.generator().mul(BigInteger.valueOf(i + 1)).writeAffine(bases, 8 * i);
      if (i % 50 == 3) {
        BigInteger k = new BigInteger(254, rnd).mod(R);
        Fr.of(k).writeTo(scalars, 4 * i);
        G1ScalarMul.mul(term, 0, bases, 8 * i, k);
        G1.addJ(acc, 0, acc, 0, term, 0);
      }
    }
    assertEquals(G1.fromJacobian(acc, 0), run(bases, scalars, n, 0));
  }

  @Test
  void smallScalarsTakeNarrowWindows() {
    assertTrue(Pippenger.windowBits(1 << 16, 1) <= 2, "0/1 scalars");
    assertTrue(Pippenger.windowBits(1 << 16, 16) <= Pippenger.windowBits(1 << 16));
  }

  @Test
  void windowWidthGrowsWithSize() {
    assertTrue(Pippenger.windowBits(1) <= 3);
    assertTrue(Pippenger.windowBits(1 << 16) >= 11);
    assertTrue(Pippenger.windowBits(1 << 20) >= Pippenger.windowBits(1 << 16));
  }
}
