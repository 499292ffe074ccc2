package io.kubz.slicer.quant;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;

/**
 * Integer semantics of comparisons, booleans, Where and binary Max/Min. A boolean is an activation
 * like any other, at the activation scale s: true is 1.0, held as 2^s, false is 0, so a Cast of a
 * boolean to float is the identity and a mask multiplies as any tensor. And, Or, Xor, Not and
 * Where's condition accept only 0 and 2^s (what comparisons produce): the circuit constrains
 * c·(c − 2^s) = 0, so any other value is refused here with the node's name.
 */
final class LogicKernels {
  private LogicKernels() {}

  /** Comparisons (2^s or 0), logical operations on booleans, Max and Min. */
  static long[] binary(Op.BinaryKind kind, long[] a, int[] sa, long[] b, int[] sb, int[] out, int s, String what) {
    long one = 1L << s;
    int[] ia = Shapes.broadcastIndex(sa, out);
    int[] ib = Shapes.broadcastIndex(sb, out);
    long[] y = new long[ia.length];
    for (int o = 0; o < y.length; o++) {
      long x = a[ia[o]];
      long z = b[ib[o]];
      switch (kind) {
        case MAX -> y[o] = Math.max(x, z);
        case MIN -> y[o] = Math.min(x, z);
        case LESS -> y[o] = x < z ? one : 0;
        case LESS_OR_EQUAL -> y[o] = x <= z ? one : 0;
        case GREATER -> y[o] = x > z ? one : 0;
        case GREATER_OR_EQUAL -> y[o] = x >= z ? one : 0;
        case EQUAL -> y[o] = x == z ? one : 0;
        case AND -> y[o] = bool(x, one, what) && bool(z, one, what) ? one : 0;
        case OR -> y[o] = bool(x, one, what) || bool(z, one, what) ? one : 0;
        case XOR -> y[o] = bool(x, one, what) != bool(z, one, what) ? one : 0;
        default -> throw new IllegalArgumentException(kind + " is not a comparison or logical operation");
      }
    }
    return y;
  }

  static long[] not(long[] x, int s, String what) {
    long one = 1L << s;
    long[] y = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = bool(x[i], one, what) ? 0 : one;
    }
    return y;
  }

  /** y = x where cond is true, else z; the three broadcast to {@code out}. */
  static long[] where(long[] c, int[] sc, long[] x, int[] sx, long[] z, int[] sz, int[] out, int s, String what) {
    long one = 1L << s;
    int[] ic = Shapes.broadcastIndex(sc, out);
    int[] ix = Shapes.broadcastIndex(sx, out);
    int[] iz = Shapes.broadcastIndex(sz, out);
    long[] y = new long[ic.length];
    for (int o = 0; o < y.length; o++) {
      y[o] = bool(c[ic[o]], one, what) ? x[ix[o]] : z[iz[o]];
    }
    return y;
  }

  /**
   * ArgMax/ArgMin along the axis as the running comparison the circuit proves: the candidate moves
   * to j when x_j beats it strictly (the first index among equal values, as ONNX), or also on equality
   * with selectLast; the index i is held as i·2^s (its real value i).
   */
  static long[] argExtreme(Op.ArgExtreme op, long[] x, int[] xs, int s) {
    int outer = 1;
    for (int d = 0; d < op.axis(); d++) {
      outer *= xs[d];
    }
    int len = xs[op.axis()];
    int inner = x.length / Math.max(1, outer * len);
    long[] y = new long[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int in = 0; in < inner; in++) {
        int best = 0;
        long bv = x[o * len * inner + in];
        for (int j = 1; j < len; j++) {
          long v = x[(o * len + j) * inner + in];
          if ((op.max() ? v > bv : v < bv) || (op.selectLast() && v == bv)) {
            best = j;
            bv = v;
          }
        }
        y[o * inner + in] = (long) best << s;
      }
    }
    return y;
  }

  /** Whether v (0 or 2^s) is true. */
  static boolean bool(long v, long one, String what) {
    if (v != 0 && v != one) {
      throw new BadInputException(what + ": reads " + v + " where a boolean (0 or " + one + ", i.e. 1.0) is"
          + " expected: logical operations and Where's condition must come from comparisons or constant masks");
    }
    return v == one;
  }
}
