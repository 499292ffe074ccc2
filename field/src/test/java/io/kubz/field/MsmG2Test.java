package io.kubz.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.msm.Pippenger;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Msm.g2 (the generic engine over Fq2) equals the sum of G2 scalar multiplications. */
class MsmG2Test {
  private static final BigInteger R = Fr.MODULUS;

  private static G2 fill(Random rnd, G2[] pool, int n, long[] bases, long[] scalars) {
    G2 expected = G2.INFINITY;
    for (int i = 0; i < n; i++) {
      int kind = rnd.nextInt(10);
      G2 p = kind == 0 ? G2.INFINITY
          : kind < 4 ? pool[rnd.nextInt(pool.length)].neg()
          : pool[rnd.nextInt(pool.length)];
      int sk = rnd.nextInt(8);
      BigInteger k = sk == 0 ? BigInteger.ZERO
          : sk == 1 ? R.subtract(BigInteger.ONE)
          : sk == 2 ? BigInteger.valueOf(5)
          : new BigInteger(256, rnd).mod(R);
      p.writeAffine(bases, 16 * i);
      Fr.of(k).writeTo(scalars, 4 * i);
      expected = expected.add(p.mul(k));
    }
    return expected;
  }

  private static G2[] pool(Random rnd, int size) {
    G2[] pool = new G2[size];
    for (int i = 0; i < size; i++) {
      pool[i] = G2.generator().mul(new BigInteger(254, rnd));
    }
    return pool;
  }

  @Test
  void smallAndMediumSizes() {
    Random rnd = new Random(11);
    G2[] pool = pool(rnd, 12);
    for (int n : new int[] {1, 2, 3, 5, 8, 13, 21, 100}) {
      long[] bases = new long[16 * n], scalars = new long[4 * n];
      G2 expected = fill(rnd, pool, n, bases, scalars);
      assertEquals(expected, Msm.g2(bases, scalars, n), "n = " + n);
    }
    assertTrue(Msm.g2(new long[0], new long[0], 0).isInfinity());
  }

  /** Wide scalars with few distinct values take the grouped path: same sum as forced windows. */
  @Test
  void fewDistinctWideScalarsOverFq2() {
    Random rnd = new Random(13);
    G2[] pool = pool(rnd, 8);
    int n = 1100;
    BigInteger[] values = new BigInteger[6];
    for (int v = 0; v < values.length; v++) {
      values[v] = new BigInteger(254, rnd).mod(R);
    }
    long[] bases = new long[16 * n], scalars = new long[4 * n];
    for (int i = 0; i < n; i++) {
      G2 p = i % 37 == 0 ? G2.INFINITY : pool[rnd.nextInt(pool.length)];
      BigInteger k = i % 5 == 0 ? BigInteger.ZERO : values[rnd.nextInt(values.length)];
      p.writeAffine(bases, 16 * i);
      Fr.of(rnd.nextBoolean() ? k : R.subtract(k).mod(R)).writeTo(scalars, 4 * i);
    }
    long[] forced = new long[G2.JACOBIAN_LONGS];
    Pippenger.msm(Msm.g2Curve(), bases, scalars, n, forced, 0, 11);
    assertEquals(G2.fromJacobian(forced, 0), Msm.g2(bases, scalars, n));
  }

  @Test
  void batchAffineBucketsOverFq2() {
    Random rnd = new Random(12);
    G2[] pool = pool(rnd, 16);
    int n = 400;
    long[] bases = new long[16 * n], scalars = new long[4 * n];
    G2 expected = fill(rnd, pool, n, bases, scalars);
    for (int c : new int[] {5, 11}) {
      long[] out = new long[G2.JACOBIAN_LONGS];
      Pippenger.msm(Msm.g2Curve(), bases, scalars, n, out, 0, c);
      assertEquals(expected, G2.fromJacobian(out, 0), "c = " + c);
    }
  }
}
