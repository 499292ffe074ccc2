package io.kubz.slicer.interp;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.Tensor;
import java.util.Arrays;

/** Convolution and transposed convolution over any number of spatial axes. */
final class ConvKernels {
  private ConvKernels() {}

  /** y[n,m,o] = b[m] + Σ_{c in group(m), k} x[n,c,o·s − p + k·d] · w[m,c,k]. */
  static Tensor conv(Op.Conv op, Tensor x, Tensor w, Tensor b, String what) {
    int[] xs = x.shape();
    int[] ws = w.shape();
    if (xs.length < 3 || ws.length != xs.length) {
      throw new BadInputException(what + ": Conv needs X [N, C, spatial…] and W of the same rank, got "
          + Shapes.str(xs) + " and " + Shapes.str(ws));
    }
    int r = xs.length - 2;
    int n = xs[0];
    int c = xs[1];
    int m = ws[0];
    int g = op.group();
    int cg = ws[1];
    if (cg * g != c || m % g != 0) {
      throw new BadInputException(what + ": channels do not match: X has " + c + ", W expects "
          + cg + " per group × " + g + " groups");
    }
    int[] in = Arrays.copyOfRange(xs, 2, xs.length);
    int[] kernel = Arrays.copyOfRange(ws, 2, ws.length);
    int[] out = Windows.outShape(in, kernel, op.strides(), op.pads(), op.dilations(), false);
    for (int d : out) {
      if (d <= 0) {
        throw new BadInputException(what + ": the kernel does not fit the input " + Shapes.str(xs));
      }
    }
    int[] table = Windows.table(in, out, kernel, op.strides(), op.pads(), op.dilations());
    int no = (int) Shapes.size(out);
    int nk = (int) Shapes.size(kernel);
    int ni = (int) Shapes.size(in);
    int mg = m / g;
    double[] xd = x.data();
    double[] wd = w.data();
    double[] bd = b == null ? null : b.data();
    double[] y = new double[n * m * no];
    for (int bn = 0; bn < n; bn++) {
      for (int oc = 0; oc < m; oc++) {
        int group = oc / mg;
        int yo = (bn * m + oc) * no;
        double bias = bd == null ? 0 : bd[oc];
        for (int o = 0; o < no; o++) {
          double s = bias;
          for (int ic = 0; ic < cg; ic++) {
            int xo = (bn * c + group * cg + ic) * ni;
            int wo = (oc * cg + ic) * nk;
            int to = o * nk;
            for (int k = 0; k < nk; k++) {
              int off = table[to + k];
              if (off >= 0) {
                s += xd[xo + off] * wd[wo + k];
              }
            }
          }
          y[yo + o] = s;
        }
      }
    }
    int[] shape = new int[r + 2];
    shape[0] = n;
    shape[1] = m;
    System.arraycopy(out, 0, shape, 2, r);
    return Tensor.of(DType.FLOAT, shape, y);
  }

  /** Scatter form: y[n, g·M/g + m', i·s − p + k·d] += x[n,c,i] · w[c,m',k] for c in group g. */
  static Tensor convTranspose(Op.ConvTranspose op, Tensor x, Tensor w, Tensor b, String what) {
    int[] xs = x.shape();
    int[] ws = w.shape();
    if (xs.length < 3 || ws.length != xs.length) {
      throw new BadInputException(what + ": ConvTranspose needs X [N, C, spatial…] and W of the "
          + "same rank, got " + Shapes.str(xs) + " and " + Shapes.str(ws));
    }
    int r = xs.length - 2;
    int n = xs[0];
    int c = xs[1];
    int g = op.group();
    int mg = ws[1];
    int m = mg * g;
    if (ws[0] != c || c % g != 0) {
      throw new BadInputException(what + ": W has " + ws[0] + " input channels, X has " + c);
    }
    int cg = c / g;
    int[] in = Arrays.copyOfRange(xs, 2, xs.length);
    int[] kernel = Arrays.copyOfRange(ws, 2, ws.length);
    int[] out = new int[r];
    for (int d = 0; d < r; d++) {
      out[d] = op.strides()[d] * (in[d] - 1) + op.outputPadding()[d]
          + (kernel[d] - 1) * op.dilations()[d] + 1 - op.pads()[d] - op.pads()[d + r];
    }
    int ni = (int) Shapes.size(in);
    int nk = (int) Shapes.size(kernel);
    int no = (int) Shapes.size(out);
    int[] outStr = Shapes.strides(out);
    // scatter[i·K + k] = flat output offset hit by input position i and kernel position k, or −1.
    int[] scatter = new int[ni * nk];
    int[] iv = new int[r];
    int[] kv = new int[r];
    for (int i = 0; i < ni; i++) {
      Windows.unravel(i, in, iv);
      for (int k = 0; k < nk; k++) {
        Windows.unravel(k, kernel, kv);
        int off = 0;
        for (int d = 0; d < r; d++) {
          int p = iv[d] * op.strides()[d] - op.pads()[d] + kv[d] * op.dilations()[d];
          if (p < 0 || p >= out[d]) {
            off = -1;
            break;
          }
          off += p * outStr[d];
        }
        scatter[i * nk + k] = off;
      }
    }
    double[] xd = x.data();
    double[] wd = w.data();
    double[] y = new double[n * m * no];
    for (int bn = 0; bn < n; bn++) {
      for (int ic = 0; ic < c; ic++) {
        int group = ic / cg;
        int xo = (bn * c + ic) * ni;
        for (int om = 0; om < mg; om++) {
          int oc = group * mg + om;
          int yo = (bn * m + oc) * no;
          int wo = (ic * mg + om) * nk;
          for (int i = 0; i < ni; i++) {
            double xv = xd[xo + i];
            for (int k = 0; k < nk; k++) {
              int off = scatter[i * nk + k];
              if (off >= 0) {
                y[yo + off] += xv * wd[wo + k];
              }
            }
          }
        }
      }
    }
    if (b != null) {
      double[] bd = b.data();
      for (int bn = 0; bn < n; bn++) {
        for (int oc = 0; oc < m; oc++) {
          int yo = (bn * m + oc) * no;
          for (int o = 0; o < no; o++) {
            y[yo + o] += bd[oc];
          }
        }
      }
    }
    int[] shape = new int[r + 2];
    shape[0] = n;
    shape[1] = m;
    System.arraycopy(out, 0, shape, 2, r);
    return Tensor.of(DType.FLOAT, shape, y);
  }
}
