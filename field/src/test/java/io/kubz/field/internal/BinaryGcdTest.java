package io.kubz.field.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fq;
import io.kubz.field.Fr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The binary GCD finishes within its step bound (no Fermat fallback) and inverts plain limbs. */
class BinaryGcdTest {
  @Test
  void invertsWithoutFallback() {
    for (BigInteger p : List.of(Fr.MODULUS, Fq.MODULUS)) {
      long inv = BigInteger.ONE.shiftLeft(64).subtract(p.modInverse(BigInteger.ONE.shiftLeft(64))).longValue();
      List<BigInteger> ys = new ArrayList<>();
      for (int k = 0; k < 254; k++) {
        ys.add(BigInteger.ONE.shiftLeft(k).mod(p));
        ys.add(p.subtract(BigInteger.ONE.shiftLeft(k).mod(p)));
        ys.add(BigInteger.ONE.shiftLeft(k).subtract(BigInteger.ONE).mod(p));
      }
      ys.add(p.shiftRight(1));
      ys.add(p.subtract(BigInteger.TWO));
      Random rnd = new Random(7);
      for (int i = 0; i < 600; i++) {
        ys.add(new BigInteger(p.bitLength() + 8, rnd).mod(p));
        ys.add(new BigInteger(1 + rnd.nextInt(p.bitLength()), rnd).mod(p)); // short values too
      }
      for (BigInteger y : ys) {
        if (y.signum() == 0) {
          continue;
        }
        long[] a = new long[4];
        Mont4.fromBigInteger(a, 0, y);
        long[] z = new long[4];
        assertTrue(BinaryGcd.invert(z, 0, a, 0, Mont4.limb(p, 0), Mont4.limb(p, 1),
            Mont4.limb(p, 2), Mont4.limb(p, 3), inv), "no convergence for " + y);
        assertEquals(y.modInverse(p), Mont4.toBigInteger(z, 0), "inverse of " + y);
      }
    }
  }
}
