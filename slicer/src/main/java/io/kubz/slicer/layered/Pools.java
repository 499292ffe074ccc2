package io.kubz.slicer.layered;

import io.kubz.slicer.interp.Windows;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.quant.QNode;
import java.util.Arrays;

/**
 * Pooling and reductions over windows: max pooling and ReduceMax/Min as a {@link
 * io.kubz.gkr.model.Layer.Max} of one gathered tensor per window position (a padded position repeats
 * a real one of its window, which leaves the maximum unchanged; a window with no real position gives
 * 0, as the interpreter); sums as a linear layer; average pooling, GlobalAveragePool and ReduceMean
 * as the exact rounded division of {@link Means}.
 */
final class Pools {
  private Pools() {}

  static int lower(Lowering l, QNode qn) {
    Node n = qn.node();
    if (qn.isParam(0)) {
      throw Lowering.unsupported(n);
    }
    int x = l.tensor(n.inputs().get(0));
    int[] xs = l.shape(n.inputs().get(0));
    int[][] windows;
    int[] counts;
    boolean max;
    boolean min = false;
    if (n.op() instanceof Op.Pool p) {
      int nc = xs[0] * xs[1];
      int[] ys = l.shape(n.output());
      int[] in = Arrays.copyOfRange(xs, 2, xs.length);
      int[] out = Arrays.copyOfRange(ys, 2, ys.length);
      int[] table = Windows.table(in, out, p.kernel(), p.strides(), p.pads(), p.dilations());
      int nIn = (int) Shapes.size(in);
      int nOut = (int) Shapes.size(out);
      int nk = (int) Shapes.size(p.kernel());
      max = p.kind() == Op.PoolKind.MAX;
      windows = new int[nc * nOut][];
      counts = new int[nc * nOut];
      for (int c = 0; c < nc; c++) {
        for (int o = 0; o < nOut; o++) {
          int[] w = new int[nk];
          int valid = 0;
          for (int k = 0; k < nk; k++) {
            int off = table[o * nk + k];
            if (off >= 0) {
              w[valid++] = c * nIn + off;
            }
          }
          windows[c * nOut + o] = Arrays.copyOf(w, valid);
          counts[c * nOut + o] = p.countIncludePad()
              ? Windows.paddedCount(in, out, p.kernel(), p.strides(), p.pads(), p.dilations(), o) : valid;
        }
      }
    } else if (n.op() instanceof Op.GlobalAveragePool) {
      int nc = xs[0] * xs[1];
      int ni = (int) (Shapes.size(xs) / nc);
      max = false;
      windows = new int[nc][ni];
      counts = new int[nc];
      for (int c = 0; c < nc; c++) {
        for (int i = 0; i < ni; i++) {
          windows[c][i] = c * ni + i;
        }
        counts[c] = ni;
      }
    } else {
      Op.Reduce r = (Op.Reduce) n.op();
      windows = reduceWindows(r, xs);
      counts = new int[windows.length];
      Arrays.fill(counts, windows.length == 0 ? 0 : windows[0].length);
      max = r.kind() == Op.ReduceKind.MAX || r.kind() == Op.ReduceKind.MIN;
      min = r.kind() == Op.ReduceKind.MIN;
      if (r.kind() == Op.ReduceKind.SUM) {
        return sum(l, x, windows);
      }
    }
    if (max) {
      int src = min ? Elementwise.negate(l, x) : x;
      int y = maxOver(l, src, windows);
      return min ? Elementwise.negate(l, y) : y;
    }
    double natural = l.b.bound(x);
    return Means.lower(l.b, x, windows, counts, l.outBits(qn, natural), n.label());
  }

  /**
   * Entry o of the output: the maximum of x over windows[o] (0 for an empty window). When x is a
   * ReLU lowered as max(y, 0), the pool is taken over y with the 0 added to the same maximum:
   * max_k max(y_k, 0) = max(max_k y_k, 0) exactly, and one maximum of |windows| entries replaces the
   * ReLU's |x| committed outputs.
   */
  private static int maxOver(Lowering l, int x, int[][] windows) {
    Integer pre = l.relus.get(x);
    int src = pre == null ? x : pre;
    int positions = 1;
    for (int[] w : windows) {
      positions = Math.max(positions, w.length);
    }
    int[] gathered = new int[positions];
    for (int k = 0; k < positions; k++) {
      int[] idx = new int[windows.length];
      for (int o = 0; o < windows.length; o++) {
        int[] w = windows[o];
        idx[o] = w.length == 0 ? -1 : w[k < w.length ? k : 0];
      }
      gathered[k] = l.b.gather(src, idx);
    }
    if (pre != null) {
      return l.b.maxWithZero(((io.kubz.gkr.model.Layer.Rescale) l.b.layer(src)).outBits(), gathered);
    }
    return l.b.max(gathered);
  }

  private static int sum(Lowering l, int x, int[][] windows) {
    io.kubz.gkr.model.SparseMatrix.Builder mb = new io.kubz.gkr.model.SparseMatrix.Builder(windows.length, l.b.size(x));
    for (int o = 0; o < windows.length; o++) {
      for (int src : windows[o]) {
        mb.add(o, src, 1);
      }
    }
    return l.b.linear(x, mb.build(), null);
  }

  /** The input entries of each output entry of a reduction, in input order (the interpreter's layout). */
  private static int[][] reduceWindows(Op.Reduce r, int[] xs) {
    return Shapes.reduceWindows(r.axes(), xs);
  }
}
