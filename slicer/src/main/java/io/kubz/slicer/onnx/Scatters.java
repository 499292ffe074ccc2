package io.kubz.slicer.onnx;

import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * ScatterElements (and its deprecated name Scatter) and ScatterND, reduction none, and the
 * batch_dims of a GatherND by computed indices.
 *
 * <p>With constant indices a scatter is a re-indexing: with d = flatten(data) (n elements) and
 * u = flatten(updates), y[p] = (d ++ u)[π(p)] where π(p) = n + j for the last update j that writes
 * p, else p. It becomes Reshape, Reshape, Concat and a Gather with constant indices (no rows). With
 * computed indices it is {@link Op.ScatterElements} or {@link Op.ScatterND}. Duplicate indices:
 * ONNX leaves the result undefined; kubz lets the last write (row-major order of the indices) win,
 * here, in both interpreters and in the circuits.
 */
final class Scatters {
  private Scatters() {}

  static int batchDims(DecodeContext c) {
    long b = c.attrs.i("batch_dims", 0);
    int q = c.shape(1).length;
    if (b < 0 || b >= q || b >= c.shape(0).length) {
      throw c.error("batch_dims " + b + " does not fit indices " + Shapes.str(c.shape(1))
          + " and data " + Shapes.str(c.shape(0)));
    }
    return (int) b;
  }

  static List<Expansion.Step> expand(DecodeContext c) {
    String reduction = c.attrs.s("reduction", "none");
    if (!reduction.equals("none")) {
      throw new UnsupportedOpException(c.node.getOpType(), c.name, "reduction '" + reduction
          + "' is not supported (only 'none'); re-export the model with a plain scatter");
    }
    boolean nd = c.node.getOpType().equals("ScatterND");
    int[] s = c.shape(0);
    int[] is = c.shape(1);
    int[] us = c.shape(2);
    int axis = nd ? 0 : Shapes.axis(c.attrs.i("axis", 0), s.length, c.what);
    int[] want = nd ? updatesShape(c, s, is) : is;
    if (!nd && is.length != s.length) {
      throw c.error("indices " + Shapes.str(is) + " must have the rank of data " + Shapes.str(s));
    }
    if (!Arrays.equals(us, want)) {
      throw c.error("updates " + Shapes.str(us) + " must have shape " + Shapes.str(want));
    }
    for (int d = 0; !nd && d < s.length; d++) {
      if (d != axis && is[d] > s[d]) {
        throw c.error("indices " + Shapes.str(is) + " exceed data " + Shapes.str(s) + " on axis " + d);
      }
    }
    String out = c.node.getOutput(0);
    Tensor idx = c.constantOrNull(1);
    if (idx == null) {
      Op op = nd ? new Op.ScatterND() : new Op.ScatterElements(axis);
      return List.of(Expansion.Step.node(c.name, op, c.inputs(3), out));
    }
    int n = (int) Shapes.size(s);
    int m = (int) Shapes.size(us);
    int[] map = new int[n];
    for (int p = 0; p < n; p++) {
      map[p] = p;
    }
    int[] str = Shapes.strides(s);
    if (nd) {
      int k = is[is.length - 1];
      int inner = (int) Shapes.size(Arrays.copyOfRange(s, k, s.length));
      for (int t = 0; t < idx.size() / k; t++) {
        int base = 0;
        for (int j = 0; j < k; j++) {
          base += index(c, (long) idx.get(t * k + j), s[j]) * str[j];
        }
        for (int e = 0; e < inner; e++) {
          map[base + e] = n + t * inner + e;
        }
      }
    } else {
      int[] iStr = Shapes.strides(is);
      for (int j = 0; j < m; j++) {
        int off = 0;
        for (int d = 0; d < s.length; d++) {
          off += (d == axis ? index(c, (long) idx.get(j), s[d]) : j / iStr[d] % is[d]) * str[d];
        }
        map[off] = n + j;
      }
    }
    return List.of(
        Expansion.Step.node(c.name + "/data", new Op.Reshape(new int[] {n}), List.of(c.input(0)),
            out + "/data"),
        Expansion.Step.node(c.name + "/updates", new Op.Reshape(new int[] {m}), List.of(c.input(2)),
            out + "/updates"),
        Expansion.Step.node(c.name + "/both", new Op.Concat(0),
            List.of(out + "/data", out + "/updates"), out + "/both"),
        Expansion.Step.node(c.name, new Op.Gather(0, map, s.clone()), List.of(out + "/both"), out));
  }

  /** ScatterND's updates shape: indices.shape[..−1] ++ data.shape[k..]. */
  private static int[] updatesShape(DecodeContext c, int[] s, int[] is) {
    int k = is.length == 0 ? -1 : is[is.length - 1];
    if (k < 1 || k > s.length) {
      throw c.error("indices " + Shapes.str(is) + " do not address data " + Shapes.str(s));
    }
    int[] u = new int[is.length - 1 + s.length - k];
    System.arraycopy(is, 0, u, 0, is.length - 1);
    System.arraycopy(s, k, u, is.length - 1, s.length - k);
    return u;
  }

  private static int index(DecodeContext c, long v, int dim) {
    long w = v < 0 ? v + dim : v;
    if (w < 0 || w >= dim) {
      throw c.error("index " + v + " is out of range for an axis of extent " + dim);
    }
    return (int) w;
  }
}
