package io.kubz.slicer.ir;

import io.kubz.field.BadInputException;
import java.util.Arrays;

/** Shape arithmetic: sizes, row-major strides, axis normalisation and numpy broadcasting. */
public final class Shapes {
  private Shapes() {}

  /** The number of elements of a shape (1 for rank 0). */
  public static long size(int[] shape) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
      }
      n *= d;
    }
    return n;
  }

  /** Row-major strides: stride[i] = product of shape[i+1..]. */
  public static int[] strides(int[] shape) {
    int[] s = new int[shape.length];
    int acc = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= shape[i];
    }
    return s;
  }

  /** An axis in [0, rank), from ONNX's [-rank, rank). */
  public static int axis(long axis, int rank, String what) {
    long a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new BadInputException(what + ": axis " + axis + " is out of range for rank " + rank);
    }
    return (int) a;
  }

  /**
   * The numpy broadcast of two shapes: aligned at the right, each pair of extents equal or one of
   * them 1.
   */
  public static int[] broadcast(int[] a, int[] b, String what) {
    int r = Math.max(a.length, b.length);
    int[] out = new int[r];
    for (int i = 0; i < r; i++) {
      int da = i < r - a.length ? 1 : a[i - (r - a.length)];
      int db = i < r - b.length ? 1 : b[i - (r - b.length)];
      if (da != db && da != 1 && db != 1) {
        throw new BadInputException(
            what
                + ": shapes "
                + Arrays.toString(a)
                + " and "
                + Arrays.toString(b)
                + " do not broadcast");
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /**
   * For each flat index of {@code out}, the flat index of the element of a tensor of shape {@code
   * in} that broadcasts to it.
   */
  public static int[] broadcastIndex(int[] in, int[] out) {
    int n = Math.toIntExact(size(out));
    int[] idx = new int[n];
    int r = out.length;
    int[] inStrides = new int[r];
    int[] inStr = strides(in);
    for (int i = 0; i < in.length; i++) {
      inStrides[r - in.length + i] = in[i] == 1 ? 0 : inStr[i];
    }
    int[] counter = new int[r];
    int cur = 0;
    for (int k = 0; k < n; k++) {
      idx[k] = cur;
      for (int d = r - 1; d >= 0; d--) {
        counter[d]++;
        cur += inStrides[d];
        if (counter[d] < out[d]) {
          break;
        }
        cur -= inStrides[d] * counter[d];
        counter[d] = 0;
      }
    }
    return idx;
  }

  /** "[1, 3, 28, 28]". */
  public static String str(int[] shape) {
    return Arrays.toString(shape);
  }

  /** Entries of a reduction's output over {@code axes} of a tensor of shape xs (kept dimensions). */
  public static int reducedSize(int[] axes, int[] xs) {
    int[] kept = xs.clone();
    for (int a : axes) {
      kept[a] = 1;
    }
    return (int) size(kept);
  }

  /**
   * For each input index of a reduction over {@code axes}, the output index it contributes to
   * (row-major, reduced dimensions of size 1): the layout both the interpreter and the GKR lowering use.
   */
  public static int[] reduceTargets(int[] axes, int[] xs) {
    int rank = xs.length;
    boolean[] reduced = new boolean[rank];
    for (int a : axes) {
      reduced[a] = true;
    }
    int[] kept = xs.clone();
    for (int a = 0; a < rank; a++) {
      if (reduced[a]) {
        kept[a] = 1;
      }
    }
    int[] keptStrides = strides(kept);
    int size = (int) size(xs);
    int[] target = new int[size];
    int[] idx = new int[rank];
    for (int i = 0; i < size; i++) {
      int rem = i;
      for (int d = rank - 1; d >= 0; d--) {
        idx[d] = rem % xs[d];
        rem /= xs[d];
      }
      int o = 0;
      for (int d = 0; d < rank; d++) {
        o += (reduced[d] ? 0 : idx[d]) * keptStrides[d];
      }
      target[i] = o;
    }
    return target;
  }

  /**
   * The input indices of each output entry of a reduction over {@code axes}, in input order (the
   * interpreter's accumulation order): what the plonkish and the GKR lowerings both sum or compare.
   */
  public static int[][] reduceWindows(int[] axes, int[] xs) {
    int[] target = reduceTargets(axes, xs);
    int[] count = new int[reducedSize(axes, xs)];
    for (int o : target) {
      count[o]++;
    }
    int[][] w = new int[count.length][];
    for (int o = 0; o < w.length; o++) {
      w[o] = new int[count[o]];
      count[o] = 0;
    }
    for (int i = 0; i < target.length; i++) {
      w[target[i]][count[target[i]]++] = i;
    }
    return w;
  }

  /**
   * The shapes of a numpy MatMul of A (shape {@code as}) by B ({@code bs}): a 1-D A is a row [1, k],
   * a 1-D B a column [k, 1]; the dimensions before the last two broadcast to {@code batch}. Batch
   * entry p multiplies matrix {@code aIndex[p]} of A (m×k, row-major) by matrix {@code bIndex[p]} of
   * B (k×n).
   */
  public record MatMul(int m, int k, int n, int[] batch, int[] aIndex, int[] bIndex) {
    /** Entries of the broadcast batch. */
    public int batches() {
      return aIndex.length;
    }
  }

  /** {@link MatMul} of A by B; a mismatch of the inner dimension or the batches is a bad input naming {@code what}. */
  public static MatMul matMul(int[] as, int[] bs, String what) {
    int[] a = as.length == 1 ? new int[] {1, as[0]} : as;
    int[] b = bs.length == 1 ? new int[] {bs[0], 1} : bs;
    int m = a[a.length - 2];
    int k = a[a.length - 1];
    int n = b[b.length - 1];
    if (b[b.length - 2] != k) {
      throw new BadInputException(what + ": MatMul inner dimensions differ: " + str(as) + " × " + str(bs));
    }
    int[] aBatch = Arrays.copyOf(a, a.length - 2);
    int[] bBatch = Arrays.copyOf(b, b.length - 2);
    int[] batch = broadcast(aBatch, bBatch, what);
    return new MatMul(m, k, n, batch, broadcastIndex(aBatch, batch), broadcastIndex(bBatch, batch));
  }
}
