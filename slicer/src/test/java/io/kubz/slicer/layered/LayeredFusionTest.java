package io.kubz.slicer.layered;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.gkr.model.Evaluator;
import io.kubz.gkr.model.Layer;
import io.kubz.gkr.model.LayeredModel;
import io.kubz.gkr.model.SparseMatrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Merging linear layers keeps every output and drops exactly the merged intermediates. */
class LayeredFusionTest {
  private static long[] random(SplittableRandom rnd, int n) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = rnd.nextLong(-1000, 1000);
    }
    return v;
  }

  private static SparseMatrix dense(SplittableRandom rnd, int rows, int cols) {
    return SparseMatrix.dense(rows, cols, random(rnd, rows * cols));
  }

  @Test
  void chainsOfReindexingMergeAndKeepTheirValues() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int trial = 0; trial < 50; trial++) {
      LayerBuilder b = new LayerBuilder();
      int n = 1 + rnd.nextInt(7);
      int x = b.input(n, 1000);
      int y = b.input(n, 1000);
      // an addition with a bias, re-indexed twice, then a dense layer, a shared tensor and a max
      int sum = b.linear(n, new int[] {x, y}, new SparseMatrix[] {dense(rnd, n, n), dense(rnd, n, n)}, random(rnd, n));
      int[] perm = new int[n];
      for (int i = 0; i < n; i++) {
        perm[i] = (i * 3 + 1) % n;
      }
      int moved = b.gather(sum, perm);
      int padded = b.gather(moved, new int[] {-1, 0, n - 1});
      int dense = b.linear(padded, dense(rnd, 2, 3), random(rnd, 2));
      int shared = b.linear(x, dense(rnd, 2, n), null);
      int twice = b.linear(2, new int[] {shared, dense}, new SparseMatrix[] {
          SparseMatrix.gather(2, new int[] {1, 0}), SparseMatrix.gather(2, new int[] {0, 1})}, null);
      int top = b.max(shared, twice);
      LayeredModel before = b.build(new int[] {top, shared});
      LayeredModel after = Fusion.fuse(before);
      long[][] in = {random(rnd, n), random(rnd, n)};
      long[][] vb = Evaluator.run(before, in);
      long[][] va = Evaluator.run(after, in);
      for (int o = 0; o < 2; o++) {
        assertArrayEquals(vb[before.outputs()[o]], va[after.outputs()[o]]);
      }
      assertEquals(2, after.inputs().length);
      // the re-indexings (and the dense layer into the sum) merge; the shared tensor and the max stay
      assertTrue(after.layers().size() < before.layers().size(), after.layers().size() + " layers");
      assertTrue(after.layers().get(after.outputs()[1]) instanceof Layer.Linear);
    }
  }
}
