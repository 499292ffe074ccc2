package io.kubz.slicer.interp;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.Tensor;
import java.util.Arrays;
import java.util.List;

/** Operations that move elements without arithmetic. */
final class LayoutKernels {
  private LayoutKernels() {}

  static Tensor reshape(Op.Reshape op, Tensor x, String what) {
    if (Shapes.size(op.shape()) != x.size()) {
      throw new BadInputException(what + ": cannot reshape " + Shapes.str(x.shape()) + " ("
          + x.size() + " values) to " + Shapes.str(op.shape()));
    }
    return Tensor.of(x.dtype(), op.shape(), x.data());
  }

  static Tensor transpose(Op.Transpose op, Tensor x) {
    int[] s = x.shape();
    int[] perm = op.perm();
    int r = s.length;
    int[] out = new int[r];
    for (int i = 0; i < r; i++) {
      out[i] = s[perm[i]];
    }
    int[] inStr = Shapes.strides(s);
    // Walking the output in row-major order, the input offset advances by inStr[perm[d]] on axis d.
    int[] step = new int[r];
    for (int i = 0; i < r; i++) {
      step[i] = inStr[perm[i]];
    }
    double[] xd = x.data();
    double[] y = new double[xd.length];
    int[] ctr = new int[r];
    int cur = 0;
    for (int k = 0; k < y.length; k++) {
      y[k] = xd[cur];
      for (int d = r - 1; d >= 0; d--) {
        ctr[d]++;
        cur += step[d];
        if (ctr[d] < out[d]) {
          break;
        }
        cur -= step[d] * ctr[d];
        ctr[d] = 0;
      }
    }
    return Tensor.of(x.dtype(), out, y);
  }

  static Tensor concat(Op.Concat op, List<Tensor> xs, String what) {
    int[] s0 = xs.get(0).shape();
    int axis = op.axis();
    int total = 0;
    for (Tensor t : xs) {
      int[] s = t.shape();
      boolean ok = s.length == s0.length;
      for (int d = 0; ok && d < s.length; d++) {
        ok = d == axis || s[d] == s0[d];
      }
      if (!ok) {
        throw new BadInputException(what + ": Concat inputs " + Shapes.str(s0) + " and "
            + Shapes.str(s) + " differ outside axis " + axis);
      }
      total += s[axis];
    }
    int outer = 1;
    for (int d = 0; d < axis; d++) {
      outer *= s0[d];
    }
    int inner = 1;
    for (int d = axis + 1; d < s0.length; d++) {
      inner *= s0[d];
    }
    double[] y = new double[outer * total * inner];
    int pos = 0;
    for (Tensor t : xs) {
      int chunk = t.dim(axis) * inner;
      for (int o = 0; o < outer; o++) {
        System.arraycopy(t.data(), o * chunk, y, o * total * inner + pos, chunk);
      }
      pos += chunk;
    }
    int[] shape = s0.clone();
    shape[axis] = total;
    return Tensor.of(xs.get(0).dtype(), shape, y);
  }

  static Tensor slice(Op.Slice op, Tensor x) {
    int[] s = x.shape();
    int[] out = op.outShape();
    int r = s.length;
    int[] inStr = Shapes.strides(s);
    int base = 0;
    int[] step = new int[r];
    for (int d = 0; d < r; d++) {
      base += op.starts()[d] * inStr[d];
      step[d] = op.steps()[d] * inStr[d];
    }
    return gatherStrided(x, out, base, step);
  }

  static Tensor gather(Op.Gather op, Tensor x) {
    int[] s = x.shape();
    int axis = op.axis();
    int outer = 1;
    for (int d = 0; d < axis; d++) {
      outer *= s[d];
    }
    int inner = 1;
    for (int d = axis + 1; d < s.length; d++) {
      inner *= s[d];
    }
    int[] idx = op.indices();
    double[] xd = x.data();
    double[] y = new double[outer * idx.length * inner];
    for (int o = 0; o < outer; o++) {
      for (int j = 0; j < idx.length; j++) {
        System.arraycopy(xd, (o * s[axis] + idx[j]) * inner, y, (o * idx.length + j) * inner, inner);
      }
    }
    int[] is = op.indicesShape();
    int[] shape = new int[s.length - 1 + is.length];
    System.arraycopy(s, 0, shape, 0, axis);
    System.arraycopy(is, 0, shape, axis, is.length);
    System.arraycopy(s, axis + 1, shape, axis + is.length, s.length - axis - 1);
    return Tensor.of(x.dtype(), shape, y);
  }

  /** Gather with indices read from a tensor: each must be in [−dim, dim) (negative from the end). */
  static Tensor gather(int axis, Tensor x, Tensor indices, String what) {
    int dim = x.shape()[axis];
    int[] idx = new int[indices.size()];
    for (int k = 0; k < idx.length; k++) {
      double v = indices.get(k);
      if (v != Math.rint(v) || v < -dim || v >= dim) {
        throw new BadInputException(what + ": index " + v + " is outside [" + -dim + ", " + dim
            + ") (axis " + axis + " of " + Shapes.str(x.shape()) + "); check the input");
      }
      idx[k] = (int) (v < 0 ? v + dim : v);
    }
    return gather(new Op.Gather(axis, idx, indices.shape()), x);
  }

  /** GatherElements with indices read from a tensor of the output's shape (rank of x). */
  static Tensor gatherElements(int axis, Tensor x, Tensor indices, String what) {
    int[] s = x.shape();
    int[] is = indices.shape();
    if (is.length != s.length) {
      throw new BadInputException(what + ": indices " + Shapes.str(is) + " must have the rank of "
          + Shapes.str(s));
    }
    int[] xStr = Shapes.strides(s);
    int[] iStr = Shapes.strides(is);
    double[] y = new double[indices.size()];
    for (int j = 0; j < y.length; j++) {
      int off = 0;
      for (int d = 0; d < s.length; d++) {
        int c = j / iStr[d] % is[d];
        if (d == axis) {
          double v = indices.get(j);
          if (v != Math.rint(v) || v < -s[d] || v >= s[d]) {
            throw new BadInputException(what + ": index " + v + " is outside [" + -s[d] + ", "
                + s[d] + ") (axis " + axis + " of " + Shapes.str(s) + "); check the input");
          }
          c = (int) (v < 0 ? v + s[d] : v);
        } else if (c >= s[d]) {
          throw new BadInputException(what + ": indices " + Shapes.str(is) + " exceed "
              + Shapes.str(s));
        }
        off += c * xStr[d];
      }
      y[j] = x.data()[off];
    }
    return Tensor.of(x.dtype(), is, y);
  }

  /** Constant, reflect or edge padding; a negative pad crops. */
  static Tensor pad(Op.Pad op, Tensor x, String what) {
    int[] s = x.shape();
    int r = s.length;
    int[] p = op.pads();
    int[] out = new int[r];
    for (int d = 0; d < r; d++) {
      out[d] = s[d] + p[d] + p[d + r];
      if (out[d] < 0) {
        throw new BadInputException(what + ": pads " + Arrays.toString(p) + " crop more than "
            + Shapes.str(s));
      }
      if (op.mode() == Op.PadMode.REFLECT && (p[d] >= s[d] || p[d + r] >= s[d]) && p[d] + p[d + r] > 0) {
        throw new BadInputException(what + ": reflect padding must be smaller than the axis ("
            + Shapes.str(s) + ", pads " + Arrays.toString(p) + ")");
      }
    }
    int[] inStr = Shapes.strides(s);
    double[] xd = x.data();
    double[] y = new double[(int) Shapes.size(out)];
    int[] ctr = new int[r];
    for (int k = 0; k < y.length; k++) {
      Windows.unravel(k, out, ctr);
      int off = 0;
      boolean inside = true;
      for (int d = 0; d < r; d++) {
        int i = ctr[d] - p[d];
        if (i < 0 || i >= s[d]) {
          if (op.mode() == Op.PadMode.CONSTANT) {
            inside = false;
            break;
          }
          i = op.mode() == Op.PadMode.EDGE ? Math.max(0, Math.min(s[d] - 1, i)) : reflect(i, s[d]);
        }
        off += i * inStr[d];
      }
      y[k] = inside ? xd[off] : op.value();
    }
    return Tensor.of(x.dtype(), out, y);
  }

  private static int reflect(int i, int n) {
    if (n == 1) {
      return 0;
    }
    int period = 2 * (n - 1);
    int m = Math.floorMod(i, period);
    return m < n ? m : period - m;
  }

  /** out[j] = x[base + Σ j_d·step_d]. */
  private static Tensor gatherStrided(Tensor x, int[] out, int base, int[] step) {
    int r = out.length;
    double[] xd = x.data();
    double[] y = new double[(int) Shapes.size(out)];
    int[] ctr = new int[r];
    int cur = base;
    for (int k = 0; k < y.length; k++) {
      y[k] = xd[cur];
      for (int d = r - 1; d >= 0; d--) {
        ctr[d]++;
        cur += step[d];
        if (ctr[d] < out[d]) {
          break;
        }
        cur -= step[d] * ctr[d];
        ctr[d] = 0;
      }
    }
    return Tensor.of(x.dtype(), out, y);
  }
}
