package io.kubz.slicer.layered;

import io.kubz.gkr.model.Layer;
import io.kubz.gkr.model.SparseMatrix;
import io.kubz.slicer.interp.Windows;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.quant.QNode;
import java.util.Arrays;

/**
 * The exact accumulators acc = Σ a·w (+ bias) of Gemm, MatMul, Conv and ConvTranspose, before
 * their rescale: one linear layer when one factor is a constant (its values are the matrix: im2col
 * for a convolution, strides, pads, dilations and groups included), a {@link
 * io.kubz.gkr.model.Layer.MatMul} of the two gathered operands when both are activations.
 */
final class Contractions {
  private Contractions() {}

  /**
   * Batched product shape: out[s,i,k] = Σ_j A[a[(s·m+i)·n+j]]·B[b[(s·n+j)·p+k]], with a and b the
   * flat index of each operand entry (transposition, broadcasting and rank-1 promotion folded in).
   */
  private record View(int batch, int m, int n, int p, int[] a, int[] b) {}

  static int gemm(Lowering l, QNode qn) {
    Node node = qn.node();
    Op.Gemm op = (Op.Gemm) node.op();
    int[] as = l.shape(node.inputs().get(0));
    int[] bs = l.shape(node.inputs().get(1));
    int m = op.transA() ? as[1] : as[0];
    int n = op.transA() ? as[0] : as[1];
    int p = op.transB() ? bs[0] : bs[1];
    int[] a = new int[m * n];
    int[] b = new int[n * p];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        a[i * n + j] = op.transA() ? j * m + i : i * n + j;
      }
    }
    for (int j = 0; j < n; j++) {
      for (int k = 0; k < p; k++) {
        b[j * p + k] = op.transB() ? k * n + j : j * p + k;
      }
    }
    int[] tensors = new int[0];
    SparseMatrix[] mats = new SparseMatrix[0];
    long[] bias = null;
    if (node.inputs().size() > 2) {
      int[] idx = Shapes.broadcastIndex(l.shape(node.inputs().get(2)), new int[] {m, p});
      if (qn.isParam(2)) {
        bias = new long[m * p];
        for (int o = 0; o < bias.length; o++) {
          bias[o] = qn.params()[2][idx[o]];
        }
      } else {
        // an activation bias is brought to the product's scale: C·2^(s_a + s_b − s)
        long scale = 1L << (qn.inScales()[0] + qn.inScales()[1] - qn.outScale());
        int c = l.tensor(node.inputs().get(2));
        Triplets t = new Triplets(m * p, l.b.size(c));
        for (int o = 0; o < idx.length; o++) {
          t.add(o, idx[o], scale);
        }
        tensors = new int[] {c};
        mats = new SparseMatrix[] {t.build()};
      }
    }
    return contract(l, qn, new View(1, m, n, p, a, b), tensors, mats, bias);
  }

  static int matmul(Lowering l, QNode qn) {
    Node node = qn.node();
    int[] as = l.shape(node.inputs().get(0));
    int[] bs = l.shape(node.inputs().get(1));
    Shapes.MatMul mm = Shapes.matMul(as, bs, node.label());
    int m = mm.m();
    int n = mm.k();
    int p = mm.n();
    int[] ai = mm.aIndex();
    int[] bi = mm.bIndex();
    int nb = mm.batches();
    int[] a = new int[nb * m * n];
    int[] b = new int[nb * n * p];
    for (int s = 0; s < nb; s++) {
      for (int e = 0; e < m * n; e++) {
        a[s * m * n + e] = ai[s] * m * n + e;
      }
      for (int e = 0; e < n * p; e++) {
        b[s * n * p + e] = bi[s] * n * p + e;
      }
    }
    return contract(l, qn, new View(nb, m, n, p, a, b), new int[0], new SparseMatrix[0], null);
  }

  /** The accumulator of a view, plus extra terms and a bias. */
  private static int contract(Lowering l, QNode qn, View v, int[] extra, SparseMatrix[] extraMats, long[] bias) {
    Node node = qn.node();
    boolean aConst = qn.isParam(0);
    boolean bConst = qn.isParam(1);
    int rows = v.batch() * v.m() * v.p();
    if (aConst && bConst) {
      throw Lowering.unsupported(node);
    }
    if (!aConst && !bConst) {
      int a = l.b.gather(l.tensor(node.inputs().get(0)), v.a());
      int b = l.b.gather(l.tensor(node.inputs().get(1)), v.b());
      int y = l.b.matmul(v.batch(), v.m(), v.n(), v.p(), a, b);
      if (extra.length == 0 && bias == null) {
        return y;
      }
      return l.b.linear(rows, append(extra, y), append(extraMats, SparseMatrix.gather(rows, identity(rows))), bias);
    }
    int x = l.tensor(node.inputs().get(aConst ? 1 : 0));
    long[] w = qn.params()[aConst ? 0 : 1];
    if (!aConst && extra.length == 0) {
      int c = rowwise(l, v, x, w, bias);
      if (c >= 0) {
        return c;
      }
    }
    Triplets t = new Triplets(rows, l.b.size(x));
    for (int s = 0; s < v.batch(); s++) {
      for (int i = 0; i < v.m(); i++) {
        for (int k = 0; k < v.p(); k++) {
          int row = (s * v.m() + i) * v.p() + k;
          for (int j = 0; j < v.n(); j++) {
            int ae = v.a()[(s * v.m() + i) * v.n() + j];
            int be = v.b()[(s * v.n() + j) * v.p() + k];
            t.add(row, aConst ? be : ae, aConst ? w[ae] : w[be]);
          }
        }
      }
    }
    return l.b.linear(rows, append(extra, x), append(extraMats, t.build()), bias);
  }

  /**
   * x·W for an activation x of r = batch·m rows (r &gt; 1) read in its own row-major order and one
   * constant W shared by every row, with no bias or one per column: a 1×1 {@link Layer.Conv} with
   * batch r, channels n and outChannels p on a single spatial position (out[t, k] = bias[k] + Σ_j
   * x[t, j]·W[j, k], the layout of [r, n] and [r, p] row-major), which stores W once and is proved
   * in O(r·(n + p) + n·p) instead of a matrix of r·n·p entries (a transformer's token-wise
   * projections). −1 when the view is not of that form.
   */
  private static int rowwise(Lowering l, View v, int x, long[] w, long[] bias) {
    int r = v.batch() * v.m();
    int n = v.n();
    int p = v.p();
    if (r < 2 || l.b.size(x) != r * n) {
      return -1;
    }
    for (int e = 0; e < r * n; e++) {
      if (v.a()[e] != e) {
        return -1;
      }
    }
    for (int e = n * p; e < v.b().length; e++) {
      if (v.b()[e] != v.b()[e % (n * p)]) {
        return -1;
      }
    }
    long[] perColumn = null;
    if (bias != null) {
      perColumn = Arrays.copyOf(bias, p);
      for (int o = 0; o < bias.length; o++) {
        if (bias[o] != perColumn[o % p]) {
          return -1;
        }
      }
    }
    long[] weights = new long[p * n];
    for (int j = 0; j < n; j++) {
      for (int k = 0; k < p; k++) {
        weights[k * n + j] = w[v.b()[j * p + k]];
      }
    }
    int[] one = {1};
    return l.b.conv(new Layer.Conv(x, r, n, p, 1, one, one, one, one, new int[] {0}, one, weights, perColumn));
  }

  /**
   * y[n,m,o] = b[m] + Σ_{c in group(m), k} x[n,c,o·s − p + k·d]·w[m,c,k]: a {@link Layer.Conv}
   * (weights stored once, proved without im2col) unless the window and the output are a single
   * position (a dense product, where the matrix has no more entries than the weights), or the
   * convolution has more than 3 spatial axes.
   */
  static int conv(Lowering l, QNode qn) {
    Node node = qn.node();
    Op.Conv op = (Op.Conv) node.op();
    if (qn.isParam(0)) {
      throw Lowering.unsupported(node);
    }
    int[] xs = l.shape(node.inputs().get(0));
    int[] ws = l.shape(node.inputs().get(1));
    int[] ys = l.shape(node.output());
    int[] in = Arrays.copyOfRange(xs, 2, xs.length);
    int[] kernel = Arrays.copyOfRange(ws, 2, ws.length);
    int[] out = Arrays.copyOfRange(ys, 2, ys.length);
    int r = in.length;
    if (r >= 1 && r <= 3 && Shapes.size(kernel) * Shapes.size(out) > 1) {
      long[] bias = node.inputs().size() > 2 ? qn.params()[2].clone() : null;
      return l.b.conv(new Layer.Conv(l.tensor(node.inputs().get(0)), xs[0], xs[1], ws[0], op.group(), in, out,
          kernel, Arrays.copyOf(op.strides(), r), Arrays.copyOf(op.pads(), r), Arrays.copyOf(op.dilations(), r),
          qn.params()[1], bias));
    }
    int[] table = Windows.table(in, out, kernel, op.strides(), op.pads(), op.dilations());
    int n = xs[0];
    int c = xs[1];
    int mOut = ws[0];
    int cg = ws[1];
    int mg = mOut / op.group();
    int no = (int) Shapes.size(out);
    int nk = (int) Shapes.size(kernel);
    int ni = (int) Shapes.size(in);
    long[] w = qn.params()[1];
    long[] bias = node.inputs().size() > 2 ? new long[n * mOut * no] : null;
    int x = l.tensor(node.inputs().get(0));
    SparseMatrix.Builder mb = new SparseMatrix.Builder(n * mOut * no, l.b.size(x));
    for (int bn = 0; bn < n; bn++) {
      for (int oc = 0; oc < mOut; oc++) {
        int group = oc / mg;
        for (int o = 0; o < no; o++) {
          int row = (bn * mOut + oc) * no + o;
          if (bias != null) {
            bias[row] = qn.params()[2][oc];
          }
          for (int ic = 0; ic < cg; ic++) {
            int xo = (bn * c + group * cg + ic) * ni;
            for (int k = 0; k < nk; k++) {
              int off = table[o * nk + k];
              if (off >= 0) {
                mb.add(row, xo + off, w[(oc * cg + ic) * nk + k]);
              }
            }
          }
        }
      }
    }
    return l.b.linear(x, mb.build(), bias);
  }

  /**
   * Scatter form: y[n, g·M/g + m', i·s − p + k·d] += x[n,c,i]·w[c,m',k] for c in group g; a
   * {@link Layer.Conv} on the upsampled input ({@link TransposedConvs}) where that applies.
   */
  static int convTranspose(Lowering l, QNode qn) {
    Node node = qn.node();
    Op.ConvTranspose op = (Op.ConvTranspose) node.op();
    if (qn.isParam(0)) {
      throw Lowering.unsupported(node);
    }
    int asConv = TransposedConvs.lower(l, qn);
    if (asConv >= 0) {
      return asConv;
    }
    int[] xs = l.shape(node.inputs().get(0));
    int[] ws = l.shape(node.inputs().get(1));
    int[] ys = l.shape(node.output());
    int r = xs.length - 2;
    int[] in = Arrays.copyOfRange(xs, 2, xs.length);
    int[] kernel = Arrays.copyOfRange(ws, 2, ws.length);
    int[] out = Arrays.copyOfRange(ys, 2, ys.length);
    int n = xs[0];
    int c = xs[1];
    int mg = ws[1];
    int mOut = mg * op.group();
    int cg = c / op.group();
    int ni = (int) Shapes.size(in);
    int nk = (int) Shapes.size(kernel);
    int no = (int) Shapes.size(out);
    int[] outStr = Shapes.strides(out);
    int[] iv = new int[r];
    int[] kv = new int[r];
    int[] scatter = new int[ni * nk];
    for (int i = 0; i < ni; i++) {
      unravel(i, in, iv);
      for (int k = 0; k < nk; k++) {
        unravel(k, kernel, kv);
        int off = 0;
        for (int d = 0; d < r && off >= 0; d++) {
          int pos = iv[d] * op.strides()[d] - op.pads()[d] + kv[d] * op.dilations()[d];
          off = pos < 0 || pos >= out[d] ? -1 : off + pos * outStr[d];
        }
        scatter[i * nk + k] = off;
      }
    }
    long[] w = qn.params()[1];
    int x = l.tensor(node.inputs().get(0));
    Triplets t = new Triplets(n * mOut * no, l.b.size(x));
    for (int bn = 0; bn < n; bn++) {
      for (int ic = 0; ic < c; ic++) {
        int group = ic / cg;
        for (int om = 0; om < mg; om++) {
          int yo = (bn * mOut + group * mg + om) * no;
          for (int i = 0; i < ni; i++) {
            for (int k = 0; k < nk; k++) {
              int off = scatter[i * nk + k];
              if (off >= 0) {
                t.add(yo + off, (bn * c + ic) * ni + i, w[(ic * mg + om) * nk + k]);
              }
            }
          }
        }
      }
    }
    long[] bias = null;
    if (node.inputs().size() > 2) {
      bias = new long[n * mOut * no];
      for (int o = 0; o < bias.length; o++) {
        bias[o] = qn.params()[2][(o / no) % mOut];
      }
    }
    return l.b.linear(x, t.build(), bias);
  }

  /** Unfolded batch norm: acc = x·a[c] + b[c] per channel (axis 1), rescaled after. */
  static int batchNorm(Lowering l, QNode qn) {
    Node node = qn.node();
    int[] xs = l.shape(node.inputs().get(0));
    int x = l.tensor(node.inputs().get(0));
    int size = l.b.size(x);
    int channels = xs[1];
    int inner = (int) (Shapes.size(xs) / ((long) xs[0] * channels));
    long[] a = qn.params()[1];
    long[] b = qn.params()[2];
    SparseMatrix.Builder mb = new SparseMatrix.Builder(size, size);
    long[] bias = new long[size];
    for (int i = 0; i < size; i++) {
      int ch = (i / inner) % channels;
      mb.add(i, i, a[ch]);
      bias[i] = b[ch];
    }
    return l.b.linear(x, mb.build(), bias);
  }

  static void unravel(int flat, int[] shape, int[] idx) {
    for (int d = shape.length - 1; d >= 0; d--) {
      idx[d] = flat % shape[d];
      flat /= shape[d];
    }
  }

  static int[] identity(int n) {
    int[] s = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = i;
    }
    return s;
  }

  private static int[] append(int[] a, int x) {
    int[] r = Arrays.copyOf(a, a.length + 1);
    r[a.length] = x;
    return r;
  }

  private static SparseMatrix[] append(SparseMatrix[] a, SparseMatrix x) {
    SparseMatrix[] r = Arrays.copyOf(a, a.length + 1);
    r[a.length] = x;
    return r;
  }
}
