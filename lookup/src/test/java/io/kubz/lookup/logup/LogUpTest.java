package io.kubz.lookup.logup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** logUp kernels against naive oracles over random tables and query sets. */
class LogUpTest {
  static final BigInteger P = Fr.MODULUS;

  /** Random small entries (so that tuples repeat) including 0, 1, −1 and p−1 ≡ −1. */
  static long[][] randomColumns(Random rnd, int arity, int rows, int spread) {
    long[][] cols = new long[arity][4 * rows];
    for (int c = 0; c < arity; c++) {
      for (int i = 0; i < rows; i++) {
        long v = switch (rnd.nextInt(6)) {
          case 0 -> 0;
          case 1 -> 1;
          case 2 -> -1;
          default -> rnd.nextInt(spread) - spread / 2;
        };
        Fr.set(cols[c], 4 * i, v);
      }
    }
    return cols;
  }

  static boolean sameTuple(long[][] a, int i, long[][] b, int j) {
    for (int c = 0; c < a.length; c++) {
      if (!Fr.equal(a[c], 4 * i, b[c], 4 * j)) {
        return false;
      }
    }
    return true;
  }

  static int naiveFind(long[][] table, int rows, long[] sel, long[][] q, int i) {
    for (int j = 0; j < rows; j++) {
      if ((sel == null || !Fr.isZero(sel, 4 * j)) && sameTuple(q, i, table, j)) {
        return j;
      }
    }
    return -1;
  }

  @Property(tries = 80)
  void indexFindsTheFirstEqualRow(@ForAll @IntRange(min = 1, max = 3) int arity,
      @ForAll @IntRange(min = 1, max = 70) int rows, @ForAll @IntRange(min = 1, max = 60) int queries,
      @ForAll boolean withSelector, @ForAll long seed) {
    Random rnd = new Random(seed);
    long[][] table = randomColumns(rnd, arity, rows, 8);
    long[] sel = null;
    if (withSelector) {
      sel = new long[4 * rows];
      for (int i = 0; i < rows; i++) {
        Fr.set(sel, 4 * i, rnd.nextInt(3) == 0 ? 0 : 1);
      }
    }
    TupleIndex idx = TupleIndex.build(table, rows, sel);
    long[][] q = randomColumns(rnd, arity, queries, 10);
    for (int i = 0; i < queries; i++) {
      assertEquals(naiveFind(table, rows, sel, q, i), idx.find(q, i), "query " + i);
    }
  }

  @Property(tries = 80)
  void multiplicitiesCountSelectedQueries(@ForAll @IntRange(min = 1, max = 2) int arity,
      @ForAll @IntRange(min = 1, max = 40) int rows, @ForAll @IntRange(min = 1, max = 50) int queries,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    long[][] table = randomColumns(rnd, arity, rows, 6);
    long[][] q = randomColumns(rnd, arity, queries, 8);
    long[] s = new long[4 * queries];
    for (int i = 0; i < queries; i++) {
      Fr.set(s, 4 * i, rnd.nextInt(4)); // weights 0..3
    }
    long[] m = new long[4 * rows];
    List<Integer> missing = new ArrayList<>();
    int absent = LogUp.count(TupleIndex.build(table, rows, null), q, s, queries, m, missing::add);
    long[] expect = new long[rows];
    List<Integer> expectMissing = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      long w = Fr.toBigInteger(s, 4 * i).longValueExact();
      if (w == 0) {
        continue;
      }
      int j = naiveFind(table, rows, null, q, i);
      if (j < 0) {
        expectMissing.add(i);
      } else {
        expect[j] += w;
      }
    }
    assertEquals(expectMissing, missing);
    assertEquals(expectMissing.size(), absent);
    for (int j = 0; j < rows; j++) {
      assertEquals(BigInteger.valueOf(expect[j]), Fr.toBigInteger(m, 4 * j));
    }
  }

  @Property(tries = 60)
  void identityHoldsExactlyForHonestQueries(@ForAll @IntRange(min = 1, max = 3) int arity,
      @ForAll @IntRange(min = 1, max = 40) int rows, @ForAll @IntRange(min = 1, max = 40) int queries,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    long[][] table = randomColumns(rnd, arity, rows, 6);
    // queries drawn from the table rows, then compressed
    long[][] q = new long[arity][4 * queries];
    for (int i = 0; i < queries; i++) {
      int j = rnd.nextInt(rows);
      for (int c = 0; c < arity; c++) {
        Fr.copy(q[c], 4 * i, table[c], 4 * j);
      }
    }
    long[] theta = new long[4];
    long[] alpha = new long[4];
    Fr.random(rnd).writeTo(theta, 0);
    Fr.random(rnd).writeTo(alpha, 0);
    long[] m = new long[4 * rows];
    assertEquals(0, LogUp.count(TupleIndex.build(table, rows, null), q, null, queries, m, null));
    long[] f = new long[4 * queries];
    long[] t = new long[4 * rows];
    LogUp.compress(q, theta, queries, f);
    LogUp.compress(table, theta, rows, t);
    assertTrue(LogUp.defect(alpha, new long[][] {f}, new long[][] {null}, queries, m, t, rows).isZero());

    // tampered multiplicity: one more on a random row
    long[] m2 = m.clone();
    int r = rnd.nextInt(rows);
    long[] one = new long[4];
    Fr.setOne(one, 0);
    Fr.add(m2, 4 * r, m2, 4 * r, one, 0);
    assertFalse(LogUp.defect(alpha, new long[][] {f}, new long[][] {null}, queries, m2, t, rows).isZero());

    // one query moved off the table (an entry no table row has): the defect cannot vanish
    long[][] q3 = new long[arity][];
    for (int c = 0; c < arity; c++) {
      q3[c] = q[c].clone();
    }
    Fr.set(q3[0], 4 * rnd.nextInt(queries), 1000 + rnd.nextInt(1000));
    long[] m3 = new long[4 * rows];
    assertEquals(1, LogUp.count(TupleIndex.build(table, rows, null), q3, null, queries, m3, null));
    long[] f3 = new long[4 * queries];
    LogUp.compress(q3, theta, queries, f3);
    assertFalse(LogUp.defect(alpha, new long[][] {f3}, new long[][] {null}, queries, m3, t, rows).isZero());
  }

  @Property(tries = 40)
  void kernelsMatchBigIntegerFormulas(@ForAll @IntRange(min = 1, max = 4) int arity,
      @ForAll @IntRange(min = 1, max = 20) int rows, @ForAll long seed) {
    Random rnd = new Random(seed);
    long[][] cols = new long[arity][4 * rows];
    for (long[] c : cols) {
      for (int i = 0; i < rows; i++) {
        Fr.random(rnd).writeTo(c, 4 * i);
      }
    }
    Fr theta = Fr.random(rnd);
    Fr alpha = Fr.random(rnd);
    long[] th = new long[4];
    long[] al = new long[4];
    theta.writeTo(th, 0);
    alpha.writeTo(al, 0);
    long[] out = new long[4 * rows];
    LogUp.compress(cols, th, rows, out);
    long[] h = new long[4 * rows];
    long[] sel = new long[4 * rows];
    for (int i = 0; i < rows; i++) {
      Fr.random(rnd).writeTo(sel, 4 * i);
    }
    LogUp.inverseSum(al, new long[][] {cols[0], out}, new long[][] {sel, null}, rows, h);
    long[] phi = new long[4 * (rows + 1)];
    LogUp.runningSum(al, h, sel, cols[arity - 1], rows, phi);
    BigInteger a = alpha.toBigInteger();
    BigInteger acc = BigInteger.ZERO;
    assertEquals(BigInteger.ZERO, Fr.toBigInteger(phi, 0));
    for (int i = 0; i < rows; i++) {
      BigInteger c = BigInteger.ZERO;
      for (int j = arity - 1; j >= 0; j--) {
        c = c.multiply(theta.toBigInteger()).add(Fr.toBigInteger(cols[j], 4 * i)).mod(P);
      }
      assertEquals(c, Fr.toBigInteger(out, 4 * i));
      BigInteger s = Fr.toBigInteger(sel, 4 * i);
      BigInteger hi = s.multiply(a.subtract(Fr.toBigInteger(cols[0], 4 * i)).modInverse(P))
          .add(a.subtract(c).modInverse(P)).mod(P);
      assertEquals(hi, Fr.toBigInteger(h, 4 * i));
      acc = acc.add(hi).subtract(s.multiply(a.subtract(Fr.toBigInteger(cols[arity - 1], 4 * i)).modInverse(P))).mod(P);
      assertEquals(acc, Fr.toBigInteger(phi, 4 * (i + 1)));
    }
  }

  @Test
  void specialValuesIndexAndCompress() {
    long[][] t = new long[1][4 * 4];
    Fr.set(t[0], 0, 0);
    Fr.set(t[0], 4, 1);
    Fr.set(t[0], 8, -1);
    Fr.fromBigInteger(t[0], 12, P.subtract(BigInteger.ONE)); // p − 1 ≡ −1: a repeat of row 2
    TupleIndex idx = TupleIndex.build(t, 4, null);
    assertEquals(3, idx.distinct());
    assertEquals(2, idx.find(new long[][] {t[0]}, 3));
    long[] out = new long[16];
    LogUp.compress(t, new long[4], 4, out);
    assertArrayEquals(t[0], out);
  }
}
