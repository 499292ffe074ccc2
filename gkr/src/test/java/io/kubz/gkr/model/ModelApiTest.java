package io.kubz.gkr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubz.field.BadInputException;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The model API against naive oracles: sparse products, rescale rounding, validation. */
class ModelApiTest {
  @Property(tries = 200)
  void builderMatchesDenseProduct(@ForAll @IntRange(min = 1, max = 9) int rows,
      @ForAll @IntRange(min = 1, max = 9) int cols, @ForAll long seed) {
    Random rnd = new Random(seed);
    long[] dense = new long[rows * cols];
    SparseMatrix.Builder b = new SparseMatrix.Builder(rows, cols);
    for (int i = 0; i < rows; i++) {
      int n = rnd.nextInt(2 * cols + 1);
      for (int e = 0; e < n; e++) { // repeated columns in any order: summed
        int j = rnd.nextInt(cols);
        long v = rnd.nextInt(7) - 3;
        dense[i * cols + j] += v;
        b.add(i, j, v);
      }
    }
    SparseMatrix m = b.build();
    long[] x = rnd.longs(cols, -1000, 1000).toArray();
    long[] expect = new long[rows];
    int nnz = 0;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        expect[i] += dense[i * cols + j] * x[j];
        nnz += dense[i * cols + j] != 0 ? 1 : 0;
      }
    }
    assertArrayEquals(expect, m.apply(x));
    assertEquals(nnz, m.nnz(), "zeros are dropped, repeats merged");
    assertArrayEquals(expect, SparseMatrix.dense(rows, cols, dense).apply(x));
  }

  @Test
  void gatherReindexesAndZeroesMissingSources() {
    SparseMatrix g = SparseMatrix.gather(4, new int[] {3, -1, 0, 3});
    assertArrayEquals(new long[] {40, 0, 10, 40}, g.apply(new long[] {10, 20, 30, 40}));
  }

  @Property(tries = 500)
  void rescaleRoundsHalfUpLikeBigIntegerFloor(@ForAll @IntRange(min = -100000, max = 100000) int x,
      @ForAll @IntRange(min = 1, max = 12) int k) {
    Layer.Rescale r = new Layer.Rescale(1, 0, k, 24);
    BigInteger expect = BigInteger.valueOf(x).add(BigInteger.ONE.shiftLeft(k - 1))
        .divide(BigInteger.ONE.shiftLeft(k));
    // BigInteger.divide truncates toward zero: correct it to floor
    BigInteger num = BigInteger.valueOf(x).add(BigInteger.ONE.shiftLeft(k - 1));
    if (num.signum() < 0 && !num.mod(BigInteger.ONE.shiftLeft(k)).equals(BigInteger.ZERO)) {
      expect = expect.subtract(BigInteger.ONE);
    }
    assertEquals(expect.longValueExact(), Evaluator.rescale(r, new long[] {x})[0]);
  }

  @Test
  void rescaleOutsideItsRangeIsAWitnessError() {
    Layer.Rescale r = new Layer.Rescale(1, 0, 1, 4); // out in [-8, 8)
    assertEquals(7, Evaluator.rescale(r, new long[] {14})[0]);
    assertThrows(BadInputException.class, () -> Evaluator.rescale(r, new long[] {16}));
    assertEquals(-8, Evaluator.rescale(r, new long[] {-16})[0]);
    assertThrows(BadInputException.class, () -> Evaluator.rescale(r, new long[] {-18}));
  }

  @Test
  void evaluatorRunsEveryKind() {
    TableDef square = new TableDef("sq", new long[] {-2, -1, 0, 1, 2}, new long[] {4, 1, 0, 1, 4});
    LayeredModel m = new LayeredModel(List.of(
        new Layer.Input(3), // 0: x
        new Layer.Linear(3, List.of(new Layer.Term(0, SparseMatrix.dense(3, 3,
            new long[] {1, 0, 0, 0, 2, 0, 1, 1, 1}))), new long[] {0, 0, -1}), // 1: (x0, 2x1, Σx − 1)
        new Layer.Product(3, 0, 1), // 2: x ⊙ t1
        new Layer.Rescale(3, 2, 2, 8), // 3: round(t2 / 4)
        new Layer.Lookup(3, 3, 0), // 4: t3²
        new Layer.Max(3, new int[] {0, 4}, 8), // 5: max(x, t4)
        new Layer.MatMul(1, 1, 3, 1, 5, 0)), // 6: t5 · x
        new int[] {6}, List.of(square));
    long[][] v = Evaluator.run(m, new long[][] {{2, -1, 3}});
    assertArrayEquals(new long[] {2, -2, 3}, v[1]);
    assertArrayEquals(new long[] {4, 2, 9}, v[2]);
    assertArrayEquals(new long[] {1, 1, 2}, v[3]);
    assertArrayEquals(new long[] {1, 1, 4}, v[4]);
    assertArrayEquals(new long[] {2, 1, 4}, v[5]);
    assertArrayEquals(new long[] {4 - 1 + 12}, v[6]);
  }

  @Test
  void modelRefusesForwardReferencesAndShapeMismatches() {
    assertThrows(IllegalArgumentException.class, () -> new LayeredModel(List.of(
        new Layer.Input(2), new Layer.Product(2, 0, 2), new Layer.Input(2)), new int[] {1}, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new LayeredModel(List.of(
        new Layer.Input(2), new Layer.Linear(2, List.of(new Layer.Term(0, SparseMatrix.dense(2, 3,
            new long[6]))), null)), new int[] {1}, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new LayeredModel(List.of(
        new Layer.Input(2), new Layer.Lookup(2, 0, 0)), new int[] {1}, List.of()));
  }
}
