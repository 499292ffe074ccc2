package io.kubz.slicer.interp;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.Tensor;
import java.util.Arrays;

/** Softmax, batch normalisation and reductions. */
final class NormKernels {
  private NormKernels() {}

  /** softmax(x)ᵢ = exp(xᵢ − max x) / Σⱼ exp(xⱼ − max x) along the axis (or rows when coerced). */
  static Tensor softmax(Op.Softmax op, Tensor x) {
    int[] s = x.shape();
    int axis = op.axis();
    int outer = 1;
    int len;
    int inner;
    if (op.coerce2d()) {
      for (int i = 0; i < axis; i++) {
        outer *= s[i];
      }
      len = x.size() / Math.max(outer, 1);
      inner = 1;
    } else {
      for (int i = 0; i < axis; i++) {
        outer *= s[i];
      }
      len = s[axis];
      inner = 1;
      for (int i = axis + 1; i < s.length; i++) {
        inner *= s[i];
      }
    }
    double[] xd = x.data();
    double[] y = new double[xd.length];
    for (int o = 0; o < outer; o++) {
      for (int in = 0; in < inner; in++) {
        int base = o * len * inner + in;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < len; j++) {
          max = Math.max(max, xd[base + j * inner]);
        }
        double sum = 0;
        for (int j = 0; j < len; j++) {
          double e = Math.exp(xd[base + j * inner] - max);
          y[base + j * inner] = e;
          sum += e;
        }
        for (int j = 0; j < len; j++) {
          y[base + j * inner] /= sum;
        }
      }
    }
    return Tensor.of(x.dtype(), s, y);
  }

  static Tensor batchNorm(Op.BatchNorm op, Tensor x, Tensor scale, Tensor bias, Tensor mean,
      Tensor var, String what) {
    int[] s = x.shape();
    if (s.length < 2) {
      throw new BadInputException(what + ": BatchNormalization needs [N, C, …], got " + Shapes.str(s));
    }
    int c = s[1];
    for (Tensor t : new Tensor[] {scale, bias, mean, var}) {
      if (t.size() != c) {
        throw new BadInputException(what + ": a parameter has " + t.size() + " values for " + c
            + " channels");
      }
    }
    int inner = x.size() / (s[0] * c);
    double[] xd = x.data();
    double[] y = new double[xd.length];
    for (int n = 0; n < s[0]; n++) {
      for (int ch = 0; ch < c; ch++) {
        double a = scale.get(ch) / Math.sqrt(var.get(ch) + op.epsilon());
        double b = bias.get(ch) - a * mean.get(ch);
        int base = (n * c + ch) * inner;
        for (int i = 0; i < inner; i++) {
          y[base + i] = a * xd[base + i] + b;
        }
      }
    }
    return Tensor.of(x.dtype(), s, y);
  }

  static Tensor reduce(Op.Reduce op, Tensor x) {
    return reduce(Kind.valueOf(op.kind().name()), op.axes(), op.keepDims(), x);
  }

  static Tensor reduce(Op.NormReduce op, Tensor x) {
    return reduce(Kind.valueOf(op.kind().name()), op.axes(), op.keepDims(), x);
  }

  /** Every reduction kind, linear and not. */
  private enum Kind {
    SUM,
    MEAN,
    MAX,
    MIN,
    L1,
    L2,
    LOG_SUM_EXP
  }

  private static Tensor reduce(Kind k, int[] axes, boolean keepDims, Tensor x) {
    int[] s = x.shape();
    boolean[] reduced = new boolean[s.length];
    for (int a : axes) {
      reduced[a] = true;
    }
    int[] kept = s.clone();
    for (int a : axes) {
      kept[a] = 1;
    }
    int no = (int) Shapes.size(kept);
    // idx[i] is the output slot that input element i reduces into.
    int[] idx = Shapes.broadcastIndex(kept, s);
    double[] xd = x.data();
    double[] y = new double[no];
    double[] max = null;
    if (k == Kind.MAX || k == Kind.MIN || k == Kind.LOG_SUM_EXP) {
      max = new double[no];
      Arrays.fill(max, k == Kind.MIN ? Double.POSITIVE_INFINITY
          : Double.NEGATIVE_INFINITY);
      for (int i = 0; i < xd.length; i++) {
        max[idx[i]] = k == Kind.MIN ? Math.min(max[idx[i]], xd[i])
            : Math.max(max[idx[i]], xd[i]);
      }
      if (k != Kind.LOG_SUM_EXP) {
        y = max;
      }
    }
    if (k != Kind.MAX && k != Kind.MIN) {
      for (int i = 0; i < xd.length; i++) {
        double v = xd[i];
        switch (k) {
          case L1:
            v = Math.abs(v);
            break;
          case L2:
            v = v * v;
            break;
          case LOG_SUM_EXP:
            // log Σ exp(x) = m + log Σ exp(x − m), m the maximum, to avoid overflow.
            v = Math.exp(v - max[idx[i]]);
            break;
          default:
            break;
        }
        y[idx[i]] += v;
      }
      int count = no == 0 ? 1 : xd.length / no;
      for (int o = 0; o < no; o++) {
        if (k == Kind.MEAN) {
          y[o] /= count;
        } else if (k == Kind.L2) {
          y[o] = Math.sqrt(y[o]);
        } else if (k == Kind.LOG_SUM_EXP) {
          y[o] = max[o] + Math.log(y[o]);
        }
      }
    }
    int[] shape = kept;
    if (!keepDims) {
      shape = new int[s.length - axes.length];
      int w = 0;
      for (int d = 0; d < s.length; d++) {
        if (!reduced[d]) {
          shape[w++] = s[d];
        }
      }
    }
    return Tensor.of(x.dtype(), shape, y);
  }

  /** Normalises each of {@code outer} rows of {@code len} values; returns x̂. */
  private static double[] normalizeRows(double[] xd, int outer, int len, double eps) {
    double[] y = new double[xd.length];
    for (int o = 0; o < outer; o++) {
      int base = o * len;
      double mean = 0;
      for (int j = 0; j < len; j++) {
        mean += xd[base + j];
      }
      mean /= len;
      double var = 0;
      for (int j = 0; j < len; j++) {
        double d = xd[base + j] - mean;
        var += d * d;
      }
      double inv = 1 / Math.sqrt(var / len + eps);
      for (int j = 0; j < len; j++) {
        y[base + j] = (xd[base + j] - mean) * inv;
      }
    }
    return y;
  }

  static Tensor layerNorm(Op.LayerNorm op, Tensor x, Tensor scale, Tensor bias, String what) {
    int[] s = x.shape();
    int[] tail = Arrays.copyOfRange(s, op.axis(), s.length);
    int len = (int) Shapes.size(tail);
    double[] y = normalizeRows(x.data(), len == 0 ? 0 : x.size() / len, len, op.epsilon());
    int[] si = Shapes.broadcastIndex(scale.shape(), tail);
    int[] bi = bias == null ? null : Shapes.broadcastIndex(bias.shape(), tail);
    Shapes.broadcast(scale.shape(), tail, what);
    for (int i = 0; i < y.length; i++) {
      int j = i % len;
      y[i] = y[i] * scale.get(si[j]) + (bias == null ? 0 : bias.get(bi[j]));
    }
    return Tensor.of(x.dtype(), s, y);
  }

  static Tensor instanceNorm(Op.InstanceNorm op, Tensor x, Tensor scale, Tensor bias,
      String what) {
    int[] s = x.shape();
    if (s.length < 3 || scale.size() != s[1] || bias.size() != s[1]) {
      throw new BadInputException(what + ": InstanceNormalization needs [N, C, …] with C scales "
          + "and biases, got " + Shapes.str(s));
    }
    int c = s[1];
    int len = x.size() / (s[0] * c);
    double[] y = normalizeRows(x.data(), s[0] * c, len, op.epsilon());
    for (int i = 0; i < y.length; i++) {
      int ch = (i / len) % c;
      y[i] = y[i] * scale.get(ch) + bias.get(ch);
    }
    return Tensor.of(x.dtype(), s, y);
  }

  static Tensor argExtreme(Op.ArgExtreme op, Tensor x) {
    int[] s = x.shape();
    int axis = op.axis();
    int outer = 1;
    for (int d = 0; d < axis; d++) {
      outer *= s[d];
    }
    int len = s[axis];
    int inner = x.size() / Math.max(1, outer * len);
    double[] xd = x.data();
    double[] y = new double[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int in = 0; in < inner; in++) {
        int best = 0;
        double bv = xd[o * len * inner + in];
        for (int j = 1; j < len; j++) {
          double v = xd[(o * len + j) * inner + in];
          boolean better = op.max() ? v > bv : v < bv;
          if (better || (op.selectLast() && v == bv)) {
            best = j;
            bv = v;
          }
        }
        y[o * inner + in] = best;
      }
    }
    int[] shape;
    if (op.keepDims()) {
      shape = s.clone();
      shape[axis] = 1;
    } else {
      shape = new int[s.length - 1];
      for (int d = 0, w = 0; d < s.length; d++) {
        if (d != axis) {
          shape[w++] = s[d];
        }
      }
    }
    return Tensor.of(io.kubz.slicer.ir.DType.INT64, shape, y);
  }
}
