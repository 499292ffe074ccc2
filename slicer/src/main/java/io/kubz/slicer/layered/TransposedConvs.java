package io.kubz.slicer.layered;

import io.kubz.gkr.model.Layer;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.quant.QNode;
import java.util.Arrays;

/**
 * A transposed convolution as a convolution (weights stored once): y = ConvT(x) is the stride-1
 * convolution of the zero-upsampled x̂ (x̂[j·s] = x[j], zeros between; extent (in − 1)·s + 1)
 * with the flipped kernel W'[g·mg + m', c, u] = w[g·cg + c, m', K − 1 − u], dilation d and leading
 * pad P = d·(K − 1) − p: o·1 − P + u·d = o + p − (K − 1 − u)·d, which is i·s exactly for the
 * scatter's contributions y[o] += x[i]·w[K − 1 − u] with o = i·s − p + k·d. The same triples
 * (o, i, k) contribute, so the integers are the scatter's bit for bit. The upsampling is a 0/1
 * gather (one entry per input value, none at all for stride 1).
 */
final class TransposedConvs {
  private TransposedConvs() {}

  /** The Conv form, or −1 when it does not apply (a pad beyond d·(K − 1), more than 3 axes). */
  static int lower(Lowering l, QNode qn) {
    Node node = qn.node();
    Op.ConvTranspose op = (Op.ConvTranspose) node.op();
    int[] xs = l.shape(node.inputs().get(0));
    int[] ws = l.shape(node.inputs().get(1));
    int[] ys = l.shape(node.output());
    int r = xs.length - 2;
    if (r < 1 || r > 3) {
      return -1;
    }
    int[] in = Arrays.copyOfRange(xs, 2, xs.length);
    int[] kernel = Arrays.copyOfRange(ws, 2, ws.length);
    int[] out = Arrays.copyOfRange(ys, 2, ys.length);
    int[] up = new int[r];
    int[] pads = new int[r];
    for (int d = 0; d < r; d++) {
      pads[d] = op.dilations()[d] * (kernel[d] - 1) - op.pads()[d];
      if (pads[d] < 0) {
        return -1;
      }
      up[d] = (in[d] - 1) * op.strides()[d] + 1;
    }
    int n = xs[0];
    int c = xs[1];
    int mg = ws[1];
    int group = op.group();
    int cg = c / group;
    int mOut = mg * group;
    int nk = (int) Shapes.size(kernel);
    long[] w = qn.params()[1];
    long[] flipped = new long[mOut * cg * nk];
    for (int g = 0; g < group; g++) {
      for (int m = 0; m < mg; m++) {
        for (int ch = 0; ch < cg; ch++) {
          for (int u = 0; u < nk; u++) {
            flipped[((g * mg + m) * cg + ch) * nk + u] = w[((g * cg + ch) * mg + m) * nk + (nk - 1 - u)];
          }
        }
      }
    }
    int x = l.tensor(node.inputs().get(0));
    int upsampled = l.b.gather(x, upsample(n * c, in, up, op.strides()));
    long[] bias = node.inputs().size() > 2 ? Arrays.copyOf(qn.params()[2], mOut) : null;
    int[] ones = new int[r];
    Arrays.fill(ones, 1);
    return l.b.conv(new Layer.Conv(upsampled, n, c, mOut, group, up, out, kernel, ones, pads,
        Arrays.copyOf(op.dilations(), r), flipped, bias));
  }

  /** source[(p, j)] = (p, j / s) on every axis where s divides j, else −1: the zero-upsampling. */
  private static int[] upsample(int planes, int[] in, int[] up, int[] strides) {
    int r = in.length;
    int inArea = (int) Shapes.size(in);
    int upArea = (int) Shapes.size(up);
    int[] src = new int[planes * upArea];
    int[] j = new int[r];
    for (int f = 0; f < upArea; f++) {
      Contractions.unravel(f, up, j);
      int at = 0;
      for (int d = 0; d < r && at >= 0; d++) {
        at = j[d] % strides[d] != 0 ? -1 : at * in[d] + j[d] / strides[d];
      }
      for (int p = 0; p < planes; p++) {
        src[p * upArea + f] = at < 0 ? -1 : p * inArea + at;
      }
    }
    return src;
  }
}
