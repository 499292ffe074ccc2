package io.kubz.field.msm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.internal.Glv;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The GLV engine at every window width and in blocks, against the plain engine (PippengerTest). */
class GlvMsmTest {
  private static final BigInteger R = Fr.MODULUS;

  @Test
  void everyWindowWidthAndBlockingAgrees() {
    Random rnd = new Random(11);
    int n = 700;
    long[] bases = new long[8 * n], scalars = new long[4 * n];
    G1[] pool = new G1[30];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = G1.generator().mul(new BigInteger(254, rnd));
    }
    for (int i = 0; i < n; i++) {
      G1 p = pool[rnd.nextInt(pool.length)];
      int kind = rnd.nextInt(8);
      p = kind == 0 ? p.neg() : kind == 1 ? p.mul(Glv.LAMBDA) : kind == 2 ? G1.INFINITY : p;
      BigInteger k = rnd.nextInt(10) == 0 ? R.subtract(BigInteger.valueOf(rnd.nextInt(3)))
          : new BigInteger(254, rnd).mod(R);
      p.writeAffine(bases, 8 * i);
      Fr.of(k).writeTo(scalars, 4 * i);
    }
    long[] out = new long[12];
    Pippenger.msm(G1Curve.INSTANCE, bases, scalars, n, out, 0, 13);
    G1 expected = G1.fromJacobian(out, 0);
    long[] mag = new long[4 * n];
    boolean[] neg = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (!G1.isInfinityAffine(bases, 8 * i)) {
        neg[i] = Pippenger.magnitude(mag, 4 * i, scalars, 4 * i);
      }
    }
    for (int c = 1; c <= GlvMsm.MAX_C; c++) {
      GlvMsm.g1(bases, mag.clone(), neg, n, out, 0, c); // the halves overwrite mag
      assertEquals(expected, G1.fromJacobian(out, 0), "c = " + c);
    }
    GlvMsm.g1(bases, mag.clone(), neg, n, out, 0, 16, 300); // blocks of 300, 300, 100 points
    assertEquals(expected, G1.fromJacobian(out, 0), "in blocks");
    Pippenger.msm(G1Curve.INSTANCE, bases, scalars, n, out, 0);
    assertEquals(expected, G1.fromJacobian(out, 0), "the automatic choice");
  }

  /** Digit codes reconstruct ±k for both signs at every width, including the widest halves. */
  @Test
  void recodingReconstructsSignedHalves() {
    Random rnd = new Random(12);
    BigInteger top = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE.shiftLeft(112)).subtract(BigInteger.ONE);
    for (int c = 1; c <= GlvMsm.MAX_C; c++) {
      for (int t = 0; t < 40; t++) {
        BigInteger half = BigInteger.ONE.shiftLeft(c - 1); // a digit of exactly 2^(c−1), both signs
        BigInteger k = t == 0 ? top : t == 1 ? BigInteger.ZERO : t == 2 ? BigInteger.ONE.shiftLeft(126)
            : t == 3 || t == 4 ? half : t == 5 ? half.add(half.shiftLeft(c)).add(half.shiftLeft(3 * c))
            : new BigInteger(1 + rnd.nextInt(126), rnd);
        boolean negative = (t & 1) != 0 || t == 0;
        int windows = Math.max(1, k.bitLength()) / c + 1;
        char[] digits = new char[windows];
        GlvMsm.recode(k.longValue(), k.shiftRight(64).longValue(), negative, c, windows, digits, 1, 0);
        BigInteger back = BigInteger.ZERO;
        for (int w = windows - 1; w >= 0; w--) {
          int e = digits[w] == 0 ? 0 : digits[w] + 1;
          int d = e >>> 1;
          assertTrue(d <= 1 << (c - 1), "digit bound");
          back = back.shiftLeft(c).add(BigInteger.valueOf((e & 1) != 0 ? -d : d));
        }
        assertEquals(negative ? k.negate() : k, back, "c = " + c + ", k = " + k);
      }
    }
  }

  @Test
  void costModelWidensTheWindowForTwiceThePoints() {
    assertEquals(16, GlvMsm.windowBits(1 << 21, 127), "2^20 points: 8 windows of 16 bits");
    assertTrue(GlvMsm.windowBits(1 << 17, 127) >= Pippenger.windowBits(1 << 16));
  }
}
