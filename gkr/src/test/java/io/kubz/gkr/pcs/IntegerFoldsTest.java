package io.kubz.gkr.pcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.Msm;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The folds committed from integers against the folds committed as field elements. */
class IntegerFoldsTest {
  private final HyperKzg pcs = new HyperKzg(HyperKzgTest.SRS);

  /** Signed values of up to {@code bits} bits, a quarter of them zero, some at the extremes. */
  static long[] ints(Random rnd, int n, int bits) {
    long[] v = new long[1 << n];
    long max = bits >= 63 ? Long.MAX_VALUE : (1L << bits) - 1;
    for (int i = 0; i < v.length; i++) {
      int kind = rnd.nextInt(8);
      v[i] = kind < 2 ? 0 : kind == 2 ? max : kind == 3 ? -max
          : (bits >= 63 ? rnd.nextLong() : rnd.nextLong() % (max + 1));
    }
    return v;
  }

  static long[] fr(long[] ints) {
    long[] f = new long[4 * ints.length];
    for (int i = 0; i < ints.length; i++) {
      Fr.set(f, 4 * i, ints[i]);
    }
    return f;
  }

  @Property(tries = 40)
  void aFoldCommittedFromIntegersIsTheFoldsCommitment(@ForAll @IntRange(min = 1, max = 9) int n,
      @ForAll @IntRange(min = 1, max = 63) int bits, @ForAll long seed) {
    Random rnd = new Random(seed);
    long[] v = ints(rnd, n, bits);
    Fr[] u = Mles.point(rnd, n);
    long[] f = fr(v);
    long[] ul = new long[4];
    for (int i = 1; i < n; i++) {
      u[i - 1].writeTo(ul, 0);
      f = Folding.fold(f, 1 << (n - i), ul, 0);
      G1 direct = Msm.g1(HyperKzgTest.SRS.g1Powers(), f, 1 << (n - i));
      assertEquals(direct, IntegerFolds.commit(HyperKzgTest.SRS.g1Powers(), v, n, i, u), "fold " + i);
    }
  }

  @Property(tries = 20)
  void theProofIsTheSameBitForBit(@ForAll @IntRange(min = 1, max = 10) int n,
      @ForAll @IntRange(min = 1, max = 40) int bits, @ForAll long seed) {
    Random rnd = new Random(seed);
    long[] v = ints(rnd, n, bits);
    long[] f = fr(v);
    Fr[] u = Mles.point(rnd, n);
    G1 c = pcs.commitIntegers(v);
    assertEquals(pcs.commit(f), c);
    HyperKzg.Opening plain = pcs.open(HyperKzgTest.transcript(), c, f, u);
    HyperKzg.Opening fromInts = pcs.open(HyperKzgTest.transcript(), c, f, v, u, n - 1);
    assertEquals(plain.value(), fromInts.value());
    assertArrayEquals(plain.proof().toBytes(), fromInts.proof().toBytes());
    assertTrue(pcs.verify(HyperKzgTest.transcript(), c, u, fromInts.value(), fromInts.proof()));
  }

  @Test
  void levelsFollowTheWidthOfTheValues() {
    assertEquals(3, IntegerFolds.levels(new long[] {1, 65535, -3}, 20, 1 << 10), "16 bits: 2, 4, 8 passes");
    assertEquals(2, IntegerFolds.levels(new long[] {1 << 20}, 20, 1 << 10), "21 bits: 2 passes a residue");
    assertEquals(1, IntegerFolds.levels(new long[] {Long.MIN_VALUE}, 20, 1 << 10), "64 bits: 4 passes a residue");
    assertEquals(0, IntegerFolds.levels(new long[] {1}, 10, 1 << 10), "folds below the minimum size");
    assertEquals(1, IntegerFolds.levels(new long[] {1}, 2, 1), "never the last fold's level n");
  }
}
