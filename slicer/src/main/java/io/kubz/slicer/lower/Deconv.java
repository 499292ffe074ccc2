package io.kubz.slicer.lower;

import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.Arrays;

/**
 * ConvTranspose with constant weights as a re-indexed convolution: input position i and kernel
 * position k of channel c scatter x[c, i]·w[c, m, k] into output position i·s − p + k·d of channel m
 * (the float kernel's definition); gathering the contributions of each output gives one dot
 * product per output, proved by multiply-accumulate rows ({@link Mac}), then the rescale. The
 * outputs no contribution reaches hold the bias alone.
 */
final class Deconv {
  private Deconv() {}

  /** Per output element, the input indices and weights that reach it (ascending input index). */
  record Gathered(int[][] act, long[][] weight, long[] bias) {}

  static Gathered gather(QuantizedGraph q, QNode qn) {
    Node n = qn.node();
    Op.ConvTranspose op = (Op.ConvTranspose) n.op();
    int[] xs = q.graph().shape(n.inputs().get(0));
    int[] ws = q.graph().shape(n.inputs().get(1));
    int[] ys = q.graph().shape(n.output());
    int r = xs.length - 2;
    int c = xs[1];
    int g = op.group();
    int mg = ws[1];
    int m = mg * g;
    int cg = c / g;
    int[] in = Arrays.copyOfRange(xs, 2, xs.length);
    int[] kernel = Arrays.copyOfRange(ws, 2, ws.length);
    int[] out = Arrays.copyOfRange(ys, 2, ys.length);
    int ni = (int) Shapes.size(in);
    int nk = (int) Shapes.size(kernel);
    int no = (int) Shapes.size(out);
    int[] outStr = Shapes.strides(out);
    long[] wq = qn.params()[1];
    long[] bq = n.inputs().size() > 2 ? qn.params()[2] : null;
    int outputs = xs[0] * m * no;
    int[] count = new int[outputs];
    int[] iv = new int[r];
    int[] kv = new int[r];
    int[] scatter = new int[ni * nk];
    for (int i = 0; i < ni; i++) {
      unravel(i, in, iv);
      for (int k = 0; k < nk; k++) {
        unravel(k, kernel, kv);
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
    // two passes: count the contributions of each output, then fill them
    int[][] act = new int[outputs][];
    long[][] weight = new long[outputs][];
    for (int pass = 0; pass < 2; pass++) {
      for (int bn = 0; bn < xs[0]; bn++) {
        for (int ic = 0; ic < c; ic++) {
          int group = ic / cg;
          for (int om = 0; om < mg; om++) {
            int yo = (bn * m + group * mg + om) * no;
            for (int i = 0; i < ni; i++) {
              for (int k = 0; k < nk; k++) {
                int off = scatter[i * nk + k];
                if (off < 0) {
                  continue;
                }
                int y = yo + off;
                if (pass == 1) {
                  act[y][count[y]] = (bn * c + ic) * ni + i;
                  weight[y][count[y]] = wq[(ic * mg + om) * nk + k];
                }
                count[y]++;
              }
            }
          }
        }
      }
      if (pass == 0) {
        for (int y = 0; y < outputs; y++) {
          act[y] = new int[count[y]];
          weight[y] = new long[count[y]];
          count[y] = 0;
        }
      }
    }
    long[] bias = new long[outputs];
    for (int y = 0; y < outputs; y++) {
      bias[y] = bq == null ? 0 : bq[(y / no) % m];
    }
    return new Gathered(act, weight, bias);
  }

  static AssignedCell[] lower(Synth s, QuantizedGraph q, QNode qn) {
    if (qn.isParam(0) || !qn.isParam(1) || (qn.node().inputs().size() > 2 && !qn.isParam(2))) {
      throw Lowering.unsupported(qn.node());
    }
    Gathered gd = gather(q, qn);
    AssignedCell[] x = Lowering.in(s, qn, 0);
    long[] xv = Lowering.inValues(s, q, qn, 0);
    int outputs = gd.bias().length;
    AssignedCell[] acc = new AssignedCell[outputs];
    long[] accV = new long[outputs];
    for (int o = 0; o < outputs; o++) {
      int[] a = gd.act()[o];
      AssignedCell[] xs = new AssignedCell[a.length];
      long[] vs = new long[a.length];
      long total = gd.bias()[o];
      for (int j = 0; j < a.length; j++) {
        xs[j] = x[a[j]];
        vs[j] = xv[a[j]];
        total += vs[j] * gd.weight()[o][j];
      }
      acc[o] = s.mac().dot(qn.name(), xs, vs, gd.weight()[o], gd.bias()[o]);
      accV[o] = total;
    }
    return Lowering.rescale(s, qn.node().output(), acc, accV, qn.shift(), Lowering.outValues(s, q, qn));
  }

  /** idx ← the multi-index of {@code flat} in a row-major array of {@code shape}. */
  private static void unravel(int flat, int[] shape, int[] idx) {
    for (int d = shape.length - 1; d >= 0; d--) {
      idx[d] = flat % shape[d];
      flat /= shape[d];
    }
  }

  /** Multiply-accumulate rows: Σ over outputs of ⌈n_o/m⌉ + 1. */
  static long macRows(QuantizedGraph q, QNode qn, int lanes) {
    long rows = 0;
    for (int[] a : gather(q, qn).act()) {
      rows += Mac.rows(a.length, lanes);
    }
    return rows;
  }
}
