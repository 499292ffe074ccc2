package io.kubz.bench;

import io.kubz.gkr.model.Evaluator;
import io.kubz.gkr.model.Layer;
import io.kubz.gkr.model.LayeredModel;
import io.kubz.gkr.model.SparseMatrix;
import io.kubz.gkr.model.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A LeNet-5-sized layered model with random weights: conv 1→6 5×5 on 28×28, rescale, ReLU table,
 * 2×2 average pool (a window sum and a rescale), conv 6→16 5×5, rescale, ReLU, pool, dense 256→120,
 * 120→84, 84→10 with rescales and ReLUs between. Shifts are chosen from one sample input so that
 * every rescale stays in 8 bits (the calibration a real lowering does).
 */
public final class LeNetLayered {
  private LeNetLayered() {}

  /** The model and one input. */
  public record Case(LayeredModel model, long[][] inputs) {}

  public static Case build(long seed) {
    Random rnd = new Random(seed);
    long[] input = new long[28 * 28];
    for (int i = 0; i < input.length; i++) {
      input[i] = rnd.nextInt(128);
    }
    List<Layer> l = new ArrayList<>();
    List<TableDef> tables = List.of(relu(8));
    l.add(new Layer.Input(784));
    int x = 0;
    x = conv(l, rnd, x, 1, 6, 28);
    x = requant(l, tables, input, x, true);
    x = pool(l, x, 6, 24);
    x = requant(l, tables, input, x, false);
    x = conv(l, rnd, x, 6, 16, 12);
    x = requant(l, tables, input, x, true);
    x = pool(l, x, 16, 8);
    x = requant(l, tables, input, x, false);
    x = dense(l, rnd, x, 256, 120);
    x = requant(l, tables, input, x, true);
    x = dense(l, rnd, x, 120, 84);
    x = requant(l, tables, input, x, true);
    x = dense(l, rnd, x, 84, 10);
    return new Case(new LayeredModel(l, new int[] {x}, tables), new long[][] {input});
  }

  private static int conv(List<Layer> l, Random rnd, int x, int ic, int oc, int h) {
    int o = h - 4;
    SparseMatrix.Builder b = new SparseMatrix.Builder(oc * o * o, ic * h * h);
    long[] w = new long[oc * ic * 25];
    for (int i = 0; i < w.length; i++) {
      w[i] = rnd.nextInt(63) - 31;
    }
    long[] bias = new long[oc * o * o];
    for (int c = 0; c < oc; c++) {
      long bc = rnd.nextInt(201) - 100;
      for (int y = 0; y < o; y++) {
        for (int z = 0; z < o; z++) {
          int row = (c * o + y) * o + z;
          bias[row] = bc;
          for (int k = 0; k < ic; k++) {
            for (int u = 0; u < 5; u++) {
              for (int v = 0; v < 5; v++) {
                b.add(row, (k * h + y + u) * h + z + v, w[((c * ic + k) * 5 + u) * 5 + v]);
              }
            }
          }
        }
      }
    }
    l.add(new Layer.Linear(oc * o * o, List.of(new Layer.Term(x, b.build())), bias));
    return l.size() - 1;
  }

  /** 2×2 window sums (the rescale after it divides by 4). */
  private static int pool(List<Layer> l, int x, int c, int h) {
    int o = h / 2;
    SparseMatrix.Builder b = new SparseMatrix.Builder(c * o * o, c * h * h);
    for (int k = 0; k < c; k++) {
      for (int y = 0; y < o; y++) {
        for (int z = 0; z < o; z++) {
          for (int u = 0; u < 2; u++) {
            for (int v = 0; v < 2; v++) {
              b.add((k * o + y) * o + z, (k * h + 2 * y + u) * h + 2 * z + v, 1);
            }
          }
        }
      }
    }
    l.add(new Layer.Linear(c * o * o, List.of(new Layer.Term(x, b.build())), null));
    return l.size() - 1;
  }

  private static int dense(List<Layer> l, Random rnd, int x, int in, int out) {
    long[] w = new long[in * out];
    for (int i = 0; i < w.length; i++) {
      w[i] = rnd.nextInt(63) - 31;
    }
    long[] bias = new long[out];
    for (int i = 0; i < out; i++) {
      bias[i] = rnd.nextInt(201) - 100;
    }
    l.add(new Layer.Linear(out, List.of(new Layer.Term(x, SparseMatrix.dense(out, in, w))), bias));
    return l.size() - 1;
  }

  /** A rescale to 8 bits with the smallest shift the sample allows, then ReLU when asked. */
  private static int requant(List<Layer> l, List<TableDef> tables, long[] input, int x, boolean relu) {
    long[][] v = Evaluator.run(new LayeredModel(l, new int[] {x}, tables), new long[][] {input});
    long max = 1;
    for (long a : v[x]) {
      max = Math.max(max, Math.abs(a));
    }
    int shift = Math.max(1, 64 - Long.numberOfLeadingZeros(max) - 6);
    int size = l.get(x).size();
    l.add(new Layer.Rescale(size, x, shift, 8));
    int r = l.size() - 1;
    if (relu) {
      l.add(new Layer.Lookup(size, r, 0));
      return l.size() - 1;
    }
    return r;
  }

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
}
