package io.kubz.gkr.model;

import io.kubz.field.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random small layered models for the protocol tests, with inputs their ranges accept. */
final class Models {
  private Models() {}

  record Case(LayeredModel model, long[][] inputs) {}

  /** ReLU on [−2^(bits−1), 2^(bits−1)). */
  static TableDef relu(int bits) {
    int n = 1 << bits;
    long[] in = new long[n];
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      in[i] = i - n / 2;
      out[i] = Math.max(0, in[i]);
    }
    return new TableDef("relu" + bits, in, out);
  }

  /** x ↦ x/2 (floor) on [−2^(bits−1), 2^(bits−1)): another table over overlapping inputs. */
  static TableDef half(int bits) {
    int n = 1 << bits;
    long[] in = new long[n];
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      in[i] = i - n / 2;
      out[i] = Math.floorDiv(in[i], 2);
    }
    return new TableDef("half" + bits, in, out);
  }

  static SparseMatrix dense(Random rnd, int rows, int cols, int max) {
    long[] w = new long[rows * cols];
    for (int i = 0; i < w.length; i++) {
      w[i] = rnd.nextInt(2 * max + 1) - max;
    }
    return SparseMatrix.dense(rows, cols, w);
  }

  static long[] vector(Random rnd, int n, int max) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = rnd.nextInt(2 * max + 1) - max;
    }
    return v;
  }

  /**
   * input → dense → rescale → relu → dense(relu, input) + bias → rescale → relu (the same table)
   * → half (another table) ; max(two gathers of the relu) ; product(relu, half) ; a rescale by
   * 2^17..2^24 (a remainder wider than a limb) → outputs. Sizes
   * are random and odd ones and 1 occur; several tensors have several consumers.
   */
  static Case mlp(long seed) {
    for (long s = seed; ; s += 1_000_003) {
      try {
        Case c = tryMlp(s);
        Evaluator.run(c.model(), c.inputs());
        return c;
      } catch (BadInputException e) {
        // ranges refused these weights: the next seed
      }
    }
  }

  private static Case tryMlp(long seed) {
    Random rnd = new Random(seed);
    int n0 = 1 + rnd.nextInt(9);
    int n1 = 1 + rnd.nextInt(9);
    int n2 = 1 + rnd.nextInt(7);
    List<Layer> l = new ArrayList<>();
    l.add(new Layer.Input(n0)); // 0
    l.add(new Layer.Linear(n1, List.of(new Layer.Term(0, dense(rnd, n1, n0, 3))), vector(rnd, n1, 20))); // 1
    l.add(new Layer.Rescale(n1, 1, 1 + rnd.nextInt(4), 6)); // 2
    l.add(new Layer.Lookup(n1, 2, 0)); // 3
    l.add(new Layer.Linear(n2, List.of(new Layer.Term(3, dense(rnd, n2, n1, 2)),
        new Layer.Term(0, dense(rnd, n2, n0, 2))), rnd.nextBoolean() ? null : vector(rnd, n2, 9))); // 4
    l.add(new Layer.Rescale(n2, 4, 2 + rnd.nextInt(3), 6)); // 5
    l.add(new Layer.Lookup(n2, 5, 0)); // 6
    l.add(new Layer.Lookup(n2, 5, 1)); // 7
    int[] src = new int[n2];
    int[] src2 = new int[n2];
    for (int i = 0; i < n2; i++) {
      src[i] = rnd.nextInt(n1);
      src2[i] = rnd.nextInt(n1);
    }
    l.add(new Layer.Linear(n2, List.of(new Layer.Term(3, SparseMatrix.gather(n1, src))), null)); // 8
    l.add(new Layer.Linear(n2, List.of(new Layer.Term(3, SparseMatrix.gather(n1, src2))), null)); // 9
    l.add(new Layer.Max(n2, new int[] {8, 9, 6}, 7)); // 10
    l.add(new Layer.Product(n2, 6, 7)); // 11
    l.add(new Layer.Rescale(n2, 4, 17 + rnd.nextInt(8), 2)); // 12: a remainder of several limbs
    LayeredModel m = new LayeredModel(l, new int[] {10, 11, 7, 12}, List.of(relu(6), half(6)));
    return new Case(m, new long[][] {vector(rnd, n0, 9)});
  }

  /** input → dense → rescale → relu → dense: the smallest model with every committed kind but max. */
  static Case small(long seed) {
    for (long s = seed; ; s += 1_000_003) {
      Random rnd = new Random(s);
      List<Layer> l = new ArrayList<>();
      l.add(new Layer.Input(5));
      l.add(new Layer.Linear(6, List.of(new Layer.Term(0, dense(rnd, 6, 5, 3))), vector(rnd, 6, 5)));
      l.add(new Layer.Rescale(6, 1, 3, 6));
      l.add(new Layer.Lookup(6, 2, 0));
      l.add(new Layer.Linear(3, List.of(new Layer.Term(3, dense(rnd, 3, 6, 2))), null));
      Case c = new Case(new LayeredModel(l, new int[] {4}, List.of(relu(6))),
          new long[][] {vector(rnd, 5, 9)});
      try {
        Evaluator.run(c.model(), c.inputs());
        return c;
      } catch (BadInputException e) {
        // the next seed
      }
    }
  }

  /**
   * input → dense → rescale to 6 bits → max(y, 0) (the lowering's ReLU: a two-input max whose sum of
   * differences is range-checked once) → dense → output, and the pooled form max(y_a, y_b, 0) of two
   * gathers; outputs 4 (the dense), 3 (the ReLU) and 7 (the pool). Inputs make y take both signs.
   */
  static Case reluMax(long seed) {
    for (long s = seed; ; s += 1_000_003) {
      Random rnd = new Random(s);
      int n = 3 + rnd.nextInt(6);
      List<Layer> l = new ArrayList<>();
      l.add(new Layer.Input(5)); // 0
      l.add(new Layer.Linear(n, List.of(new Layer.Term(0, dense(rnd, n, 5, 3))), vector(rnd, n, 5))); // 1
      l.add(new Layer.Rescale(n, 1, 2, 6)); // 2
      l.add(new Layer.Linear(n, List.of(new Layer.Term(0, new SparseMatrix.Builder(n, 5).build())), new long[n])); // 3: zeros
      l.add(new Layer.Max(n, new int[] {2, 3}, 6)); // 4 = relu(y)
      l.add(new Layer.Linear(2, List.of(new Layer.Term(4, dense(rnd, 2, n, 2))), null)); // 5
      int[] a = new int[n - 1];
      int[] b = new int[n - 1];
      for (int i = 0; i < n - 1; i++) {
        a[i] = i;
        b[i] = i + 1;
      }
      l.add(new Layer.Linear(n - 1, List.of(new Layer.Term(2, SparseMatrix.gather(n, a))), null)); // 6
      l.add(new Layer.Linear(n - 1, List.of(new Layer.Term(2, SparseMatrix.gather(n, b))), null)); // 7
      l.add(new Layer.Linear(n - 1, List.of(new Layer.Term(0, new SparseMatrix.Builder(n - 1, 5).build())),
          new long[n - 1])); // 8: zeros
      l.add(new Layer.Max(n - 1, new int[] {6, 7, 8}, 6)); // 9 = max(y_i, y_(i+1), 0)
      Case c = new Case(new LayeredModel(l, new int[] {5, 4, 9}, List.of()), new long[][] {vector(rnd, 5, 9)});
      try {
        long[][] v = Evaluator.run(c.model(), c.inputs());
        boolean neg = false;
        boolean pos = false;
        for (long y : v[2]) {
          neg |= y < 0;
          pos |= y > 0;
        }
        if (neg && pos) {
          return c;
        }
      } catch (BadInputException e) {
        // the next seed
      }
    }
  }

  /**
   * Attention-like: q = W_q·x, k = W_k·x, v = W_v·x (as batch×m×n, batch×n×p, batch×p×r), a = q·k,
   * rescale, o = a·v; odd dimensions (odd sizes and 1 occur) and a matmul of a tensor with itself.
   */
  static Case attention(long seed) {
    Random rnd = new Random(seed);
    int batch = 1 + rnd.nextInt(2);
    int m = 1 + rnd.nextInt(3);
    int n = 1 + rnd.nextInt(5);
    int p = 1 + rnd.nextInt(3);
    int r = 1 + rnd.nextInt(3);
    int in = 1 + rnd.nextInt(6);
    List<Layer> l = new ArrayList<>();
    l.add(new Layer.Input(in)); // 0
    l.add(new Layer.Linear(batch * m * n, List.of(new Layer.Term(0, dense(rnd, batch * m * n, in, 3))), null)); // 1
    l.add(new Layer.Linear(batch * n * p, List.of(new Layer.Term(0, dense(rnd, batch * n * p, in, 3))), null)); // 2
    l.add(new Layer.MatMul(batch, m, n, p, 1, 2)); // 3
    l.add(new Layer.Rescale(batch * m * p, 3, 4, 12)); // 4
    l.add(new Layer.Linear(batch * p * r, List.of(new Layer.Term(0, dense(rnd, batch * p * r, in, 3))), null)); // 5
    l.add(new Layer.MatMul(batch, m, p, r, 4, 5)); // 6
    int sq = 1 + rnd.nextInt(3);
    l.add(new Layer.Linear(sq * sq, List.of(new Layer.Term(0, dense(rnd, sq * sq, in, 2))), null)); // 7
    l.add(new Layer.MatMul(1, sq, sq, sq, 7, 7)); // 8: a square matrix times itself
    LayeredModel model = new LayeredModel(l, new int[] {6, 8}, List.of());
    return new Case(model, new long[][] {vector(rnd, in, 5)});
  }
}
