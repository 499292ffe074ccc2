package io.kubz.slicer.quant;

import io.kubz.lookup.table.FixedPoint;
import io.kubz.slicer.interp.Kernels;
import io.kubz.slicer.interp.Windows;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Integer kernels of the quantized semantics (see the package documentation). */
final class IntKernels {
  /** Products are summed in doubles only while every partial sum is an exact integer. */
  private static final double EXACT = 0x1p52;

  private IntKernels() {}

  /**
   * acc = Σ a·w (+ bias) of a Gemm, MatMul, Conv or ConvTranspose with alpha = beta = 1, computed by
   * the float kernel on integer-valued doubles. Exactness: every partial sum is bounded by
   * max|a|·max|w|·|W| + max|bias| (each output sums at most |W| products); below 2^52 every
   * double operation is exact, so the result equals the integer sum in any order.
   */
  static long[] linear(Op op, List<long[]> ins, List<int[]> shapes, String what) {
    double bound = maxAbs(ins.get(0)) * maxAbs(ins.get(1)) * (double) ins.get(1).length
        + (ins.size() > 2 ? maxAbs(ins.get(2)) : 0);
    if (bound >= EXACT) {
      throw new ArithmeticException(what + ": accumulator could exceed 2^52 (bound " + bound
          + "); lower activation_scale or param_scale");
    }
    List<Tensor> t = new ArrayList<>();
    for (int i = 0; i < ins.size(); i++) {
      t.add(Tensor.of(shapes.get(i), toDoubles(ins.get(i))));
    }
    double[] out = Kernels.apply(op, t, what).data();
    long[] r = new long[out.length];
    for (int i = 0; i < out.length; i++) {
      r[i] = (long) out[i];
    }
    return r;
  }

  static long[] rescale(long[] x, int k) {
    long[] r = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      r[i] = FixedPoint.rescale(x[i], k);
    }
    return r;
  }

  /** ⌊(x + ⌊d/2⌋) / d⌋: x/d rounded half up, for d &gt; 0 (a circuit proves q·d + r = x + ⌊d/2⌋, 0 ≤ r &lt; d). */
  static long divRound(long x, long d) {
    return Math.floorDiv(x + d / 2, d);
  }

  /** a[bi(o)] op b[bj(o)] with numpy broadcasting; {@code f} combines two values. */
  interface LongOp {
    long apply(long a, long b);
  }

  static long[] broadcast(long[] a, int[] sa, long[] b, int[] sb, int[] out, LongOp f) {
    int[] ia = Shapes.broadcastIndex(sa, out);
    int[] ib = Shapes.broadcastIndex(sb, out);
    long[] r = new long[ia.length];
    for (int o = 0; o < r.length; o++) {
      r[o] = f.apply(a[ia[o]], b[ib[o]]);
    }
    return r;
  }

  /** Max or average pooling; average divides the window sum by its count, rounding half up. */
  static long[] pool(Op.Pool p, long[] x, int[] xs, int[] ys) {
    int nc = xs[0] * xs[1];
    int[] in = java.util.Arrays.copyOfRange(xs, 2, xs.length);
    int[] out = java.util.Arrays.copyOfRange(ys, 2, ys.length);
    int[] table = Windows.table(in, out, p.kernel(), p.strides(), p.pads(), p.dilations());
    int nIn = (int) Shapes.size(in);
    int nOut = (int) Shapes.size(out);
    int nk = (int) Shapes.size(p.kernel());
    long[] y = new long[nc * nOut];
    for (int c = 0; c < nc; c++) {
      for (int o = 0; o < nOut; o++) {
        long acc = p.kind() == Op.PoolKind.MAX ? Long.MIN_VALUE : 0;
        int valid = 0;
        for (int k = 0; k < nk; k++) {
          int off = table[o * nk + k];
          if (off < 0) {
            continue;
          }
          long v = x[c * nIn + off];
          acc = p.kind() == Op.PoolKind.MAX ? Math.max(acc, v) : acc + v;
          valid++;
        }
        if (p.kind() == Op.PoolKind.AVERAGE) {
          int count = p.countIncludePad()
              ? Windows.paddedCount(in, out, p.kernel(), p.strides(), p.pads(), p.dilations(), o) : valid;
          acc = divRound(acc, count);
        } else if (valid == 0) {
          acc = 0;
        }
        y[c * nOut + o] = acc;
      }
    }
    return y;
  }

  static long[] globalAveragePool(long[] x, int[] xs) {
    int nc = xs[0] * xs[1];
    int ni = x.length / nc;
    long[] y = new long[nc];
    for (int p = 0; p < nc; p++) {
      long s = 0;
      for (int i = 0; i < ni; i++) {
        s += x[p * ni + i];
      }
      y[p] = divRound(s, ni);
    }
    return y;
  }

  /** Reduction over axes; MEAN divides the exact sum by the count, rounding half up. */
  static long[] reduce(Op.Reduce r, long[] x, int[] xs) {
    int[] target = Shapes.reduceTargets(r.axes(), xs);
    int nOut = Shapes.reducedSize(r.axes(), xs);
    long[] acc = new long[nOut];
    boolean[] seen = new boolean[nOut];
    for (int i = 0; i < x.length; i++) {
      int o = target[i];
      long v = x[i];
      switch (r.kind()) {
        case MAX: acc[o] = seen[o] ? Math.max(acc[o], v) : v; break;
        case MIN: acc[o] = seen[o] ? Math.min(acc[o], v) : v; break;
        default: acc[o] += v;
      }
      seen[o] = true;
    }
    if (r.kind() == Op.ReduceKind.MEAN) {
      int count = 1;
      for (int a : r.axes()) {
        count *= xs[a];
      }
      for (int o = 0; o < nOut; o++) {
        acc[o] = divRound(acc[o], count);
      }
    }
    return acc;
  }

  static double maxAbs(long[] v) {
    long m = 0;
    for (long x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }

  static double[] toDoubles(long[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }

  /**
   * Gather by an activation index: the index tensor holds i·2^t (t its scale) for i in [0, dim);
   * anything else (a fraction, a negative or out-of-range index) has no one-hot witness and is
   * refused naming the node.
   */
  static long[] gather(QNode qn, int axis, long[] x, int[] xs, long[] idx) {
    int t = qn.inScales()[1];
    int dim = xs[axis];
    int outer = 1;
    for (int d = 0; d < axis; d++) {
      outer *= xs[d];
    }
    int inner = 1;
    for (int d = axis + 1; d < xs.length; d++) {
      inner *= xs[d];
    }
    long[] y = new long[outer * idx.length * inner];
    for (int j = 0; j < idx.length; j++) {
      int i = index(qn, idx[j], t, dim);
      for (int o = 0; o < outer; o++) {
        System.arraycopy(x, (o * dim + i) * inner, y, (o * idx.length + j) * inner, inner);
      }
    }
    return y;
  }

  /** GatherElements by an activation index tensor of shape us (the output's). */
  static long[] gatherElements(QNode qn, int axis, long[] x, int[] xs, long[] idx, int[] us) {
    int t = qn.inScales()[1];
    int[] xStr = io.kubz.slicer.ir.Shapes.strides(xs);
    int[] uStr = io.kubz.slicer.ir.Shapes.strides(us);
    long[] y = new long[idx.length];
    for (int j = 0; j < y.length; j++) {
      int off = 0;
      for (int d = 0; d < xs.length; d++) {
        off += (d == axis ? index(qn, idx[j], t, xs[d]) : j / uStr[d] % us[d]) * xStr[d];
      }
      y[j] = x[off];
    }
    return y;
  }

  /** i when v = i·2^t with i in [0, dim), else a clear error. */
  static int index(QNode qn, long v, int t, int dim) {
    long i = v >> t;
    if ((i << t) != v || i < 0 || i >= dim) {
      throw new io.kubz.field.BadInputException(qn.node().label() + ": index "
          + (double) v / (1L << t) + " is not an integer in [0, " + dim + "); kubz proves a gather "
          + "by an activation only for such indices");
    }
    return (int) i;
  }
}
