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
    int[] s = x.shape();
    boolean[] reduced = new boolean[s.length];
    for (int a : op.axes()) {
      reduced[a] = true;
    }
    int[] kept = s.clone();
    for (int a : op.axes()) {
      kept[a] = 1;
    }
    int no = (int) Shapes.size(kept);
    int[] idx = Shapes.broadcastIndex(kept, s);
    double init;
    switch (op.kind()) {
      case MAX:
        init = Double.NEGATIVE_INFINITY;
        break;
      case MIN:
        init = Double.POSITIVE_INFINITY;
        break;
      default:
        init = 0;
    }
    double[] y = new double[no];
    Arrays.fill(y, init);
    double[] xd = x.data();
    // broadcastIndex maps each input element to the output slot it reduces into.
    for (int i = 0; i < xd.length; i++) {
      int o = idx[i];
      switch (op.kind()) {
        case MAX:
          y[o] = Math.max(y[o], xd[i]);
          break;
        case MIN:
          y[o] = Math.min(y[o], xd[i]);
          break;
        default:
          y[o] += xd[i];
      }
    }
    if (op.kind() == Op.ReduceKind.MEAN) {
      int count = no == 0 ? 1 : xd.length / no;
      for (int o = 0; o < no; o++) {
        y[o] /= count;
      }
    }
    int[] shape = kept;
    if (!op.keepDims()) {
      shape = new int[s.length - op.axes().length];
      int w = 0;
      for (int d = 0; d < s.length; d++) {
        if (!reduced[d]) {
          shape[w++] = s[d];
        }
      }
    }
    return Tensor.of(x.dtype(), shape, y);
  }
}
