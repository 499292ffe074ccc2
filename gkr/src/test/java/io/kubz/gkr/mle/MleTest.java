package io.kubz.gkr.mle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubz.field.Fr;
import io.kubz.gkr.testing.Naive;
import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MleTest {
  @Property(tries = 40)
  void evaluateMatchesDefinition(@ForAll @IntRange(min = 0, max = 9) int v, @ForAll long seed) {
    Random rnd = new Random(seed);
    long[] f = Naive.randomTable(rnd, v);
    long[] r = Naive.randomPoint(rnd, v);
    assertEquals(Naive.mle(Naive.big(f), Naive.big(r)), Mle.evaluate(f, r).toBigInteger());
  }

  @Property(tries = 10)
  void largeTablesTakeTheParallelPathAndAgree(@ForAll @IntRange(min = 14, max = 15) int v,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    long[] f = Naive.randomTable(rnd, v);
    long[] r = Naive.randomPoint(rnd, v);
    long[] eq = Mle.eq(r);
    Fr dot = Fr.ZERO;
    for (int i = 0; i < 1 << v; i++) {
      dot = dot.add(Fr.readFrom(f, 4 * i).mul(Fr.readFrom(eq, 4 * i)));
    }
    assertEquals(dot, Mle.evaluate(f, r));
  }

  @Property(tries = 30)
  void eqTableMatchesDefinition(@ForAll @IntRange(min = 0, max = 8) int v, @ForAll long seed) {
    Random rnd = new Random(seed);
    long[] r = Naive.randomPoint(rnd, v);
    long[] eq = Mle.eq(r);
    BigInteger[] rb = Naive.big(r);
    for (int i = 0; i < 1 << v; i++) {
      assertEquals(Naive.eq(rb, i), Fr.toBigInteger(eq, 4 * i), "entry " + i);
    }
    long[] s = Naive.randomPoint(rnd, v);
    assertEquals(Naive.mle(Naive.big(eq), Naive.big(s)), Mle.eqAt(r, 0, s, 0, v).toBigInteger());
  }

  @Test
  void fixFirstPairsAdjacentEntries() {
    long[] f = Naive.small(3, 10, 5, 7, 1, 1, 2, 9);
    long[] r = Naive.small(4);
    long[] out = new long[16];
    Mle.fixFirst(out, f, 4, r, 0);
    // f[2i] + 4·(f[2i+1] − f[2i])
    long[] want = Naive.small(3 + 4 * 7, 5 + 4 * 2, 1, 2 + 4 * 7);
    for (int i = 0; i < 4; i++) {
      assertEquals(Fr.readFrom(want, 4 * i), Fr.readFrom(out, 4 * i), "entry " + i);
    }
    Mle.fixFirst(f, f, 4, r, 0);
    for (int i = 0; i < 4; i++) {
      assertEquals(Fr.readFrom(want, 4 * i), Fr.readFrom(f, 4 * i), "in place, entry " + i);
    }
  }

  /** A row-major rows×cols matrix: column bits are variables 0..c−1, row bits above them. */
  private static void checkMatrix(int rows, int cols) {
    long[] m = new long[4 * rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        Fr.set(m, 4 * (i * cols + j), 100L * i + j);
      }
    }
    int cb = Integer.numberOfTrailingZeros(cols);
    int rbits = Integer.numberOfTrailingZeros(rows);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        Fr[] p = new Fr[cb + rbits];
        for (int k = 0; k < cb; k++) {
          p[k] = Fr.of((j >> k) & 1);
        }
        for (int k = 0; k < rbits; k++) {
          p[cb + k] = Fr.of((i >> k) & 1);
        }
        assertEquals(Fr.of(100L * i + j), Mle.evaluate(m, Mle.point(p)), rows + "x" + cols);
      }
    }
    // binding variable 0 (the lowest column bit) to 2 extrapolates along a row: 2·m[0][1] − m[0][0]
    Fr[] p = new Fr[cb + rbits];
    java.util.Arrays.fill(p, Fr.ZERO);
    p[0] = Fr.of(2);
    assertEquals(Fr.of(2), Mle.evaluate(m, Mle.point(p)));
  }

  @Test
  void nonSquareShapesFixTheBitOrder() {
    checkMatrix(4, 8);
    checkMatrix(8, 2);
  }
}
