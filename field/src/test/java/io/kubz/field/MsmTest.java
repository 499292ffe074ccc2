package io.kubz.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.internal.G1ScalarMul;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Msm.g1 equals the sum of single scalar multiplications, on every size 1..40 and larger ones. */
class MsmTest {
  private static final BigInteger R = NaiveG1.R;

  /** n bases and scalars with the special cases mixed in; returns the expected sum. */
  static G1 fill(Random rnd, int n, long[] bases, long[] scalars) {
    G1[] pool = new G1[Math.max(1, n / 3)];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = NaiveG1.toG1(NaiveG1.random(rnd));
    }
    long[] acc = new long[12], term = new long[12];
    for (int i = 0; i < n; i++) {
      G1 p;
      int kind = rnd.nextInt(10);
      p = kind == 0 ? G1.INFINITY
          : kind == 1 ? pool[rnd.nextInt(pool.length)] // repeated points
          : kind == 2 ? pool[rnd.nextInt(pool.length)].neg()
          : NaiveG1.toG1(NaiveG1.random(rnd));
      BigInteger k;
      int sk = rnd.nextInt(12);
      k = sk == 0 ? BigInteger.ZERO
          : sk == 1 ? R.subtract(BigInteger.ONE)
          : sk == 2 ? BigInteger.ONE
          : sk == 3 ? BigInteger.valueOf(rnd.nextInt(64))
          : new BigInteger(256, rnd).mod(R);
      p.writeAffine(bases, 8 * i);
      Fr.of(k).writeTo(scalars, 4 * i);
      G1ScalarMul.mul(term, 0, bases, 8 * i, k); // Jacobian sums: one inversion per term, not three
      G1.addJ(acc, 0, acc, 0, term, 0);
    }
    return G1.fromJacobian(acc, 0);
  }

  static void check(Random rnd, int n) {
    long[] bases = new long[8 * n], scalars = new long[4 * n];
    G1 expected = fill(rnd, n, bases, scalars);
    assertEquals(expected, Msm.g1(bases, scalars, n), "n = " + n);
  }

  @Test
  void everySmallSize() {
    Random rnd = new Random(1);
    for (int n = 1; n <= 40; n++) {
      check(rnd, n);
    }
  }

  @Test
  void largerSizes() {
    Random rnd = new Random(2);
    for (int i = 0; i < 3; i++) {
      check(rnd, 41 + rnd.nextInt(1024 - 41));
    }
    check(rnd, 1024);
  }

  @Test
  void degenerateInputs() {
    assertTrue(Msm.g1(new long[0], new long[0], 0).isInfinity());
    int n = 70;
    long[] bases = new long[8 * n], scalars = new long[4 * n];
    G1 g = G1.generator();
    for (int i = 0; i < n; i++) {
      g.writeAffine(bases, 8 * i);
      Fr.of(R.subtract(BigInteger.ONE)).writeTo(scalars, 4 * i);
    }
    assertEquals(g.mul(BigInteger.valueOf(-n)), Msm.g1(bases, scalars, n), "same point, scalar r−1");
    // P and −P with equal scalars cancel
    for (int i = 0; i < n; i += 2) {
      g.neg().writeAffine(bases, 8 * i);
    }
    assertTrue(Msm.g1(bases, scalars, n).isInfinity());
    assertEquals(G1.INFINITY, Msm.g1(bases, new long[4 * n], n), "zero scalars");
    // only the first n terms count
    assertEquals(g, Msm.g1(bases, scalars, 1), "(r−1)·(−G) = G");
    assertThrows(IllegalArgumentException.class, () -> Msm.g1(bases, scalars, n + 1));
  }
}
