package io.kubz.field.msm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.Msm;
import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The small-integer MSM against Σ vᵢ·Pᵢ by double-and-add (Jacobian kernels, term by term), and on
 * large inputs against the general Pippenger engine (at a forced width, so that it does not hand the
 * values back to SmallMsm) on the same values as Fr scalars.
 */
class SmallMsmTest {
  private static final long MAX16 = (1 << 16) - 1;

  /** Σ values[i]·bases[i], each term by left-to-right double-and-add on |v|, negated for v &lt; 0. */
  static G1 naive(long[] bases, long[] values, int n) {
    long[] acc = new long[12], term = new long[12], t = new long[G1.SCRATCH_LONGS];
    G1.setInfinityJ(acc, 0);
    for (int i = 0; i < n; i++) {
      long v = values[i], m = v < 0 ? -v : v;
      G1.setInfinityJ(term, 0);
      for (int b = 63; b >= 0; b--) {
        G1.dblJ(term, 0, term, 0, t);
        if (((m >>> b) & 1) != 0) {
          G1.addMixed(term, 0, term, 0, bases, 8 * i, false, t);
        }
      }
      if (v < 0) {
        G1.negJ(term, 0, term, 0);
      }
      G1.addJ(acc, 0, acc, 0, term, 0, t);
    }
    return G1.fromJacobian(acc, 0);
  }

  static G1 run(long[] bases, long[] values, int n, int c) {
    return run(bases, values, n, c, 0);
  }

  static G1 run(long[] bases, long[] values, int n, int c, int parts) {
    long[] out = new long[12];
    SmallMsm.g1(bases, values, n, out, 0, c, parts);
    return G1.fromJacobian(out, 0);
  }

  /**
   * n points from a pool of {@code distinct} random points, each also taken negated or as infinity
   * now and then, so that equal points (doublings) and P + (−P) meet in one bucket.
   */
  static long[] points(Random rnd, int n, int distinct) {
    G1[] pool = new G1[Math.max(1, distinct)];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = G1.generator().mul(new BigInteger(250, rnd));
    }
    long[] bases = new long[8 * n];
    for (int i = 0; i < n; i++) {
      G1 p = pool[rnd.nextInt(pool.length)];
      int k = rnd.nextInt(20);
      (k == 0 ? G1.INFINITY : k < 5 ? p.neg() : p).writeAffine(bases, 8 * i);
    }
    return bases;
  }

  /** Values of one of several shapes: special values, 16-bit of mixed sign, few distinct, wide. */
  static long[] values(Random rnd, int n, int mix) {
    long[] few = {1, -1, 7, MAX16, -MAX16};
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = switch (mix) {
        case 0 -> new long[] {0, 1, -1, MAX16, -MAX16}[rnd.nextInt(5)];
        case 1 -> rnd.nextInt(1 << 17) - MAX16; // mixed signs, |v| < 2^16
        case 2 -> few[rnd.nextInt(few.length)]; // repeated buckets
        case 3 -> rnd.nextInt(3) == 0 ? rnd.nextInt(1 << 16) : 0; // mostly zero
        case 4 -> rnd.nextLong() >> rnd.nextInt(64); // any width
        default -> rnd.nextInt(8) == 0 ? Long.MIN_VALUE : rnd.nextBoolean() ? Long.MAX_VALUE : -3;
      };
    }
    return v;
  }

  @Provide
  Arbitrary<Integer> widths() {
    return Arbitraries.of(0, 0, 1, 2, 5, 8, 13, 16);
  }

  @Property(tries = 60)
  void agreesWithDoubleAndAdd(@ForAll @IntRange(min = 0, max = 160) int n,
      @ForAll @IntRange(min = 0, max = 5) int mix, @ForAll @IntRange(min = 1, max = 40) int distinct,
      @ForAll("widths") int c, @ForAll @IntRange(min = 0, max = 3) int parts, @ForAll long seed) {
    Random rnd = new Random(seed);
    long[] bases = points(rnd, n, distinct), vals = values(rnd, n, mix);
    G1 expected = naive(bases, vals, n);
    assertEquals(expected, run(bases, vals, n, c, parts),
        "n = " + n + ", c = " + c + ", parts = " + parts);
    long[] scalars = new long[4 * n];
    for (int i = 0; i < n; i++) {
      Fr.set(scalars, 4 * i, vals[i]);
    }
    assertEquals(expected, Msm.g1(bases, scalars, n), "Msm.g1 of the Fr forms, n = " + n);
  }

  @Test
  void emptyAndAllZeroAreInfinity() {
    assertEquals(G1.INFINITY, Msm.g1SmallInts(new long[0], new long[0], 0));
    Random rnd = new Random(1);
    assertEquals(G1.INFINITY, Msm.g1SmallInts(points(rnd, 5, 5), new long[5], 5));
    long[] bases = points(rnd, 2, 1);
    G1.generator().writeAffine(bases, 0);
    G1.generator().neg().writeAffine(bases, 8);
    assertEquals(G1.INFINITY, Msm.g1SmallInts(bases, new long[] {5, 5}, 2), "5·G + 5·(−G)");
    assertEquals(G1.generator().mul(BigInteger.TEN), Msm.g1SmallInts(bases, new long[] {5, -5}, 2));
  }

  /** Two equal points with one digit: the tree's first level must double, not divide by zero. */
  @Test
  void equalPointsDouble() {
    long[] bases = new long[24];
    G1 p = G1.generator().mul(BigInteger.valueOf(12345));
    for (int i = 0; i < 3; i++) {
      p.writeAffine(bases, 8 * i);
    }
    for (int c : new int[] {1, 3, 16}) {
      assertEquals(p.mul(BigInteger.valueOf(6)), run(bases, new long[] {2, 2, 2}, 3, c), "c = " + c);
      assertEquals(p.mul(BigInteger.valueOf(2)), run(bases, new long[] {3, -3, 2}, 3, c), "c = " + c);
    }
  }

  /**
   * Several blocks on every thread, deep trees (one value everywhere) and buckets that carry over
   * from block to block and cancel there: against the general MSM on the same values as Fr scalars.
   */
  @Test
  void largeInputsAgreeWithTheGeneralMsm() {
    Random rnd = new Random(5);
    int n = 4 * SortedBuckets.BLOCK + 77;
    long[] bases = distinctPoints(rnd, n);
    for (int mix = 0; mix < 4; mix++) {
      long[] vals = new long[n];
      for (int i = 0; i < n; i++) {
        vals[i] = switch (mix) {
          case 0 -> 1; // one bucket: a tree of depth 13 per block
          case 1 -> rnd.nextInt(1 << 17) - MAX16;
          case 2 -> i < n / 2 ? 3 : -3; // the second half cancels the first only in sum
          default -> rnd.nextInt(4) == 0 ? rnd.nextInt(200) : 0;
        };
      }
      if (mix == 2) { // bases[n − 1 − i] = bases[i]: the bucket of 3 ends empty
        for (int i = 0; i < n / 2; i++) {
          System.arraycopy(bases, 8 * i, bases, 8 * (n - 1 - i), 8);
        }
      }
      long[] scalars = new long[4 * n];
      for (int i = 0; i < n; i++) {
        Fr.set(scalars, 4 * i, vals[i]);
      }
      G1 expected = pippenger(bases, scalars, n);
      assertEquals(expected, Msm.g1SmallInts(bases, vals, n), "mix " + mix);
      assertEquals(expected, Msm.g1(bases, scalars, n), "mix " + mix + ": Msm.g1 of the Fr forms");
      assertEquals(expected, run(bases, vals, n, 16), "mix " + mix + ", c = 16");
      assertEquals(expected, run(bases, vals, n, 6), "mix " + mix + ", c = 6");
      assertEquals(expected, run(bases, vals, n, 16, 3), "mix " + mix + ", c = 16, 3 parts");
    }
  }

  /**
   * The general engine at a forced width (11), which never hands small scalars to SmallMsm: an
   * oracle independent of the code under test.
   */
  static G1 pippenger(long[] bases, long[] scalars, int n) {
    long[] out = new long[12];
    Pippenger.msm(G1Curve.INSTANCE, bases, scalars, n, out, 0, 11);
    return G1.fromJacobian(out, 0);
  }

  /** P_i = G + i·S for a random S (distinct points, one addition each). */
  static long[] distinctPoints(Random rnd, int n) {
    long[] jac = new long[12 * n], step = new long[12];
    G1.generator().mul(new BigInteger(250, rnd)).writeJacobian(step, 0);
    G1.generator().writeJacobian(jac, 0);
    for (int i = 1; i < n; i++) {
      G1.addJ(jac, 12 * i, jac, 12 * (i - 1), step, 0);
    }
    long[] bases = new long[8 * n];
    G1.batchToAffine(jac, 0, bases, 0, n);
    return bases;
  }

  /**
   * The chained affine running sums against the plain Jacobian ones, on bucket ranges of every
   * shape: empty buckets, equal and opposite buckets (doublings and cancellations in the chains),
   * ranges not a multiple of the chain count, lo above 1.
   */
  @Property(tries = 25)
  void chainedBucketSumsAgreeWithRunningSums(@ForAll @IntRange(min = 1, max = 3000) int range,
      @ForAll @IntRange(min = 1, max = 5000) int lo, @ForAll @IntRange(min = 0, max = 3) int shape,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    int hi = lo + range;
    long[] bucket = new long[8 * hi];
    boolean[] filled = new boolean[hi];
    G1 p = G1.generator().mul(new BigInteger(250, rnd));
    long[] pool = distinctPoints(rnd, 64), scalars = new long[4 * hi];
    for (int d = lo; d < hi; d++) {
      int k = rnd.nextInt(4);
      if (shape == 0 && k == 0 || shape == 1 && rnd.nextInt(50) != 0) {
        continue; // empty (shape 1: nearly all empty)
      }
      if (shape == 2) {
        (k < 2 ? p : p.neg()).writeAffine(bucket, 8 * d);
      } else {
        System.arraycopy(pool, 8 * rnd.nextInt(64), bucket, 8 * d, 8);
      }
      filled[d] = true;
      Fr.set(scalars, 4 * d, d);
    }
    G1 expected = pippenger(bucket, scalars, hi); // empty buckets have scalar 0
    long[] out = new long[12];
    BucketReduction.sum(bucket, filled, lo, hi, out, 0);
    assertEquals(expected, G1.fromJacobian(out, 0), "[" + lo + ", " + hi + ")");
  }

  /** The digit ranges tile [1, 2^c) in order, and split a skewed histogram by cost, not by digit. */
  @Test
  void digitRangesTileTheBucketsByCost() {
    long[] vals = new long[10000];
    for (int i = 0; i < vals.length; i++) {
      vals[i] = i % 2 == 0 ? 1 : i % 7; // half the points in bucket 1
    }
    int[] b = SmallMsm.split(vals, vals.length, 8, 2, 4);
    for (int w = 0; w < 2; w++) {
      assertEquals(1, b[5 * w]);
      assertEquals(256, b[5 * w + 4]);
      for (int k = 0; k < 4; k++) {
        assertTrue(b[5 * w + k] <= b[5 * w + k + 1], "window " + w + " bound " + k);
      }
    }
    assertEquals(2, b[1], "bucket 1 alone is a part's share");
    assertTrue(Math.abs(b[5 + 1] - 64) <= 1 && Math.abs(b[5 + 2] - 128) <= 1,
        "window 1 has no digits: equal bucket counts, got " + java.util.Arrays.toString(b));
  }

  @Test
  void windowWidthFollowsTheCostModel() {
    assertEquals(16, SmallMsm.windowBits(1 << 20, 16), "2^20 values < 2^16");
    assertEquals(8, SmallMsm.windowBits(1 << 16, 16), "2^16 values: two 8-bit windows");
    assertEquals(1, SmallMsm.windowBits(1000, 1), "0/1 values");
  }

  @Test
  void rejectsShortArrays() {
    assertThrows(IllegalArgumentException.class, () -> Msm.g1SmallInts(new long[8], new long[2], 2));
    assertThrows(IllegalArgumentException.class, () -> Msm.g1SmallInts(new long[16], new long[1], 2));
    assertThrows(IllegalArgumentException.class, () -> run(new long[8], new long[1], 1, 17));
  }
}
