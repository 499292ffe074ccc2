package io.kubz.field;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubz.field.internal.Glv;
import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Full-width G1 MSMs (which take the GLV path) against the naive sum Σ kᵢ·Pᵢ of the BigInteger
 * oracle, with edge scalars (0, 1, r − 1, λ-related, halves of both signs) and colliding points
 * (P, −P, φ(P) = λ·P and −φ(P) among the bases, so that bucket additions meet equal x).
 */
class MsmGlvTest {
  private static final BigInteger R = NaiveG1.R, L = Glv.LAMBDA, ONE = BigInteger.ONE;
  private static final BigInteger[] EDGE = {BigInteger.ZERO, ONE, R.subtract(ONE), L, R.subtract(L),
      L.add(ONE), L.pow(2).mod(R), R.shiftRight(1), R.shiftRight(1).add(ONE), Glv.LAMBDA.negate().mod(R),
      ONE.shiftLeft(127), ONE.shiftLeft(253), R.subtract(ONE.shiftLeft(128)), BigInteger.TWO};

  private static G1 naive(BigInteger[][] points, BigInteger[] ks) {
    BigInteger[] acc = NaiveG1.INF;
    for (int i = 0; i < ks.length; i++) {
      acc = NaiveG1.add(acc, NaiveG1.mul(ks[i], points[i]));
    }
    return NaiveG1.toG1(acc);
  }

  private static G1 fast(BigInteger[][] points, BigInteger[] ks) {
    int n = ks.length;
    long[] bases = new long[8 * n], scalars = new long[4 * n];
    for (int i = 0; i < n; i++) {
      NaiveG1.toG1(points[i]).writeAffine(bases, 8 * i);
      Fr.of(ks[i]).writeTo(scalars, 4 * i);
    }
    return Msm.g1(bases, scalars, n);
  }

  /** Random inputs mixed with edge scalars and points related by −1 and λ. */
  @Property(tries = 12)
  void agreesWithTheNaiveSum(@ForAll @IntRange(min = 9, max = 90) int n, @ForAll long seed) {
    Random rnd = new Random(seed);
    BigInteger[][] pool = new BigInteger[6][];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = NaiveG1.random(rnd);
    }
    BigInteger[][] points = new BigInteger[n][];
    BigInteger[] ks = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      BigInteger[] p = pool[rnd.nextInt(pool.length)];
      switch (rnd.nextInt(6)) {
        case 0 -> p = NaiveG1.neg(p);
        case 1 -> p = NaiveG1.mul(L, p); // φ(P)
        case 2 -> p = NaiveG1.neg(NaiveG1.mul(L, p));
        case 3 -> p = rnd.nextInt(8) == 0 ? NaiveG1.INF : p;
        default -> { }
      }
      points[i] = p;
      ks[i] = i == 0 || rnd.nextInt(3) > 0 ? new BigInteger(254, rnd).mod(R) : EDGE[rnd.nextInt(EDGE.length)];
    }
    ks[0] = R.subtract(ONE.shiftLeft(2)); // full width, so the GLV path is taken
    assertEquals(naive(points, ks), fast(points, ks), "n = " + n);
  }

  /** Pairs k·φ(P) + (−k·λ)·P = 0: the halves of the two terms cancel bucket by bucket. */
  @Test
  void cancellingTermsSumToInfinity() {
    Random rnd = new Random(4);
    int n = 40;
    BigInteger[][] points = new BigInteger[n][];
    BigInteger[] ks = new BigInteger[n];
    for (int i = 0; i < n; i += 2) {
      BigInteger[] p = NaiveG1.random(rnd);
      BigInteger k = i < 8 ? EDGE[i] : new BigInteger(254, rnd).mod(R);
      // k·φ(P) − (k·λ)·P = 0
      points[i] = NaiveG1.mul(L, p);
      ks[i] = k;
      points[i + 1] = p;
      ks[i + 1] = k.multiply(L).negate().mod(R);
    }
    ks[n - 2] = R.subtract(ONE); // keep the widest scalar full width
    ks[n - 1] = L; // (r − 1)·φ(P) + λ·P = 0
    assertEquals(G1.INFINITY, fast(points, ks));
  }
}
