package io.kubz.slicer.lower;

import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.slicer.interp.Windows;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.plan.Partial;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.Arrays;

/**
 * Gemm, MatMul and Conv with constant weights as multiply-accumulate rows ({@link Mac}): one dot
 * product per output element, the weights in fixed columns, then the rescale.
 */
final class Linear {
  private Linear() {}

  /** The (activation index, weight) pairs of each output, laid out as dot products. */
  record Dots(int outputs, int length, int[] act, long[] weight, long[] bias) {}

  static AssignedCell[] matmul(Synth s, QuantizedGraph q, QNode qn) {
    java.util.List<Partial> sums = s.sums.get(qn.node().output());
    if (sums != null) {
      return Contraction.combine(s, q, qn, sums);
    }
    Dots d = matmulDots(q, qn);
    return finish(s, q, qn, d, Lowering.in(s, qn, qn.isParam(0) ? 1 : 0),
        Lowering.inValues(s, q, qn, qn.isParam(0) ? 1 : 0));
  }

  static AssignedCell[] conv(Synth s, QuantizedGraph q, QNode qn) {
    Dots d = convDots(q, qn);
    int[] mkp = convMkp(q, qn);
    if (mkp != null) {
      int[][] rect = rectangle(mkp[0], mkp[2], q.graph().shape(qn.node().output())[0], s.needed(qn.node().output()));
      if (useFreivalds(rect[0].length, mkp[1], rect[1].length, count(d.outputs(), s.needed(qn.node().output())),
          s.lanes())) {
        return freivalds(s, q, qn, d, mkp[0], rect);
      }
    }
    return finish(s, q, qn, d, Lowering.in(s, qn, 0), Lowering.inValues(s, q, qn, 0));
  }

  static AssignedCell[] finish(Synth s, QuantizedGraph q, QNode qn, Dots d, AssignedCell[] x, long[] xv) {
    Mac mac = s.mac();
    AssignedCell[] acc = new AssignedCell[d.outputs()];
    long[] accV = new long[d.outputs()];
    int len = d.length();
    AssignedCell[] xs = new AssignedCell[len];
    long[] vs = new long[len];
    long[] ws = new long[len];
    for (int o = 0; o < d.outputs(); o++) {
      if (!s.needs(qn.node().output(), o)) {
        continue;
      }
      long total = d.bias()[o];
      for (int j = 0; j < len; j++) {
        int a = d.act()[o * len + j];
        xs[j] = a < 0 ? null : Lowering.cell(x, a, qn);
        vs[j] = a < 0 ? 0 : xv[a];
        ws[j] = d.weight()[o * len + j];
        total += vs[j] * ws[j];
      }
      acc[o] = mac.dot(qn.name(), xs, vs, ws, d.bias()[o]);
      accV[o] = total;
    }
    return Lowering.rescale(s, qn.node().output(), acc, accV, qn.shift(), Lowering.outValues(s, q, qn));
  }

  /** (M, K, P) of a convolution as W[M×K]·X[K×P], or null when it is not one product (groups). */
  static int[] convMkp(QuantizedGraph q, QNode qn) {
    Op.Conv op = (Op.Conv) qn.node().op();
    if (op.group() != 1) {
      return null;
    }
    int[] ys = q.graph().shape(qn.node().output());
    int[] wsh = q.graph().shape(qn.node().inputs().get(1));
    int m = wsh[0];
    int k = (int) (Shapes.size(wsh) / m);
    int p = (int) (Shapes.size(ys) / m);
    return new int[] {m, k, p};
  }

  /**
   * The channels and the columns (p = batch·positions + position) of W·X that cover the needed
   * outputs (null: all): a split slice checks this sub-product. Its columns are those of needed
   * outputs, so its im2col entries are in the needed outputs' field; extra channels only add rows.
   */
  static int[][] rectangle(int m, int p, int batch, java.util.BitSet needed) {
    int no = p / batch;
    java.util.BitSet ch = new java.util.BitSet();
    java.util.BitSet cols = new java.util.BitSet();
    if (needed == null) {
      ch.set(0, m);
      cols.set(0, p);
    } else {
      for (int y = needed.nextSetBit(0); y >= 0; y = needed.nextSetBit(y + 1)) {
        ch.set(y / no % m);
        cols.set(y / no / m * no + y % no);
      }
    }
    return new int[][] {ch.stream().toArray(), cols.stream().toArray()};
  }

  static long count(long outputs, java.util.BitSet needed) {
    return needed == null ? outputs : needed.cardinality();
  }

  /** Whether Freivalds' check over an m×p rectangle takes fewer rows than a dot product per needed output. */
  static boolean useFreivalds(long m, long k, long p, long needed, int lanes) {
    long[] f = Freivalds.rows(m, k, p, lanes);
    return f[0] + f[1] < needed * Mac.rows((int) k, lanes);
  }

  /** Whether Freivalds' check takes fewer rows than one dot product per output. */
  static boolean freivaldsCheaper(long m, long k, long p, int lanes) {
    return useFreivalds(m, k, p, m * p, lanes);
  }

  /**
   * C = W·X by Freivalds' check (group 1) over the rectangle's channels and columns: X's rows are
   * the im2col copies of the input, and a padded position is a copy of the constant 0
   * ({@link Freivalds}, issue #16), so that C is the convolution of the input padded with zeros.
   */
  private static AssignedCell[] freivalds(Synth s, QuantizedGraph q, QNode qn, Dots d, int m, int[][] rect) {
    Freivalds f = s.freivalds();
    AssignedCell[] x = Lowering.in(s, qn, 0);
    long[] xv = Lowering.inValues(s, q, qn, 0);
    int k = d.length();
    int[] ys = q.graph().shape(qn.node().output());
    int no = (int) (Shapes.size(ys) / ((long) ys[0] * m));
    int[] chans = rect[0];
    int p = rect[1].length;
    // output y of (batch bn, channel oc, position o) is (bn·M + oc)·no + o; column c = bn·no + o
    int[] col = new int[p];
    for (int pi = 0; pi < p; pi++) {
      int c = rect[1][pi];
      col[pi] = (c / no * m) * no + c % no;
    }
    AssignedCell[] u = new AssignedCell[k + 1];
    AssignedCell[] seq = new AssignedCell[p];
    for (int kk = 0; kk < k; kk++) {
      for (int pi = 0; pi < p; pi++) {
        int a = d.act()[col[pi] * k + kk];
        seq[pi] = a < 0 ? null : Lowering.cell(x, a, qn);
      }
      u[kk] = f.horner(qn.name() + " X·r", seq, null, null);
    }
    java.util.Arrays.fill(seq, s.arith.constant(1));
    u[k] = f.horner(qn.name() + " 1·r", seq, null, null);
    AssignedCell[] acc = new AssignedCell[d.outputs()];
    long[] accV = new long[d.outputs()];
    for (int oc : chans) {
      for (int pi = 0; pi < p; pi++) {
        int y = col[pi] + oc * no;
        long t = d.bias()[y];
        for (int j = 0; j < k; j++) {
          int a = d.act()[y * k + j];
          t += a < 0 ? 0 : xv[a] * d.weight()[y * k + j];
        }
        accV[y] = t;
      }
    }
    for (int oc : chans) {
      io.kubz.field.Fr[] fresh = new io.kubz.field.Fr[p];
      AssignedCell[] cells = new AssignedCell[p];
      int first = col[0] + oc * no;
      long[] w = new long[k + 1];
      System.arraycopy(d.weight(), first * k, w, 0, k);
      w[k] = d.bias()[first];
      for (int pi = 0; pi < p; pi++) {
        fresh[pi] = io.kubz.field.Fr.of(accV[col[pi] + oc * no]);
      }
      AssignedCell v = f.horner(qn.name() + " C·r", null, fresh, cells);
      f.equal(v, f.dot(qn.name() + " W·(X·r)", u, w));
      for (int pi = 0; pi < p; pi++) {
        acc[col[pi] + oc * no] = cells[pi];
      }
    }
    return Lowering.rescale(s, qn.node().output(), acc, accV, qn.shift(), Lowering.outValues(s, q, qn));
  }

  /** Gemm / 2-D MatMul with exactly one constant operand. */
  static Dots matmulDots(QuantizedGraph q, QNode qn) {
    Node n = qn.node();
    boolean transA = false;
    boolean transB = false;
    if (n.op() instanceof Op.Gemm g) {
      transA = g.transA();
      transB = g.transB();
    }
    if (qn.isParam(0) == qn.isParam(1)) {
      throw new io.kubz.field.BadInputException(n.label() + ": a product of two activations (or of two constants)"
          + " cannot be lowered yet");
    }
    int[] as = q.graph().shape(n.inputs().get(0));
    int[] bs = q.graph().shape(n.inputs().get(1));
    if (bs.length != 2 || (as.length != 2 && (qn.isParam(0) || n.op() instanceof Op.Gemm))) {
      throw new io.kubz.field.BadInputException(n.label() + ": only 2-D weight matrices can be lowered, got "
          + Shapes.str(as) + " × " + Shapes.str(bs));
    }
    int k = transB ? bs[1] : bs[0];
    int cols = transB ? bs[0] : bs[1];
    int rows = (int) (Shapes.size(as) / k);
    int[] out = {rows, cols};
    long[] bias = new long[rows * cols];
    if (n.inputs().size() > 2) {
      if (!qn.isParam(2)) {
        throw new io.kubz.field.BadInputException(n.label() + ": a bias that is not a constant cannot be lowered yet");
      }
      int[] idx = Shapes.broadcastIndex(q.graph().shape(n.inputs().get(2)), out);
      for (int o = 0; o < bias.length; o++) {
        bias[o] = qn.params()[2][idx[o]];
      }
    }
    int[] act = new int[rows * cols * k];
    long[] w = new long[rows * cols * k];
    boolean aConst = qn.isParam(0);
    long[] c = qn.params()[aConst ? 0 : 1];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        int o = i * cols + j;
        for (int t = 0; t < k; t++) {
          int ai = transA ? t * rows + i : i * k + t;
          int bi = transB ? j * k + t : t * cols + j;
          act[o * k + t] = aConst ? bi : ai;
          w[o * k + t] = c[aConst ? ai : bi];
        }
      }
    }
    return new Dots(rows * cols, k, act, w, bias);
  }

  /** Conv: im2col through the window table; padded positions have act = −1. */
  static Dots convDots(QuantizedGraph q, QNode qn) {
    Node n = qn.node();
    Op.Conv op = (Op.Conv) n.op();
    int[] xs = q.graph().shape(n.inputs().get(0));
    int[] wsh = q.graph().shape(n.inputs().get(1));
    int batch = xs[0];
    int c = xs[1];
    int m = wsh[0];
    int cg = wsh[1];
    int mg = m / op.group();
    int[] in = Arrays.copyOfRange(xs, 2, xs.length);
    int[] kernel = Arrays.copyOfRange(wsh, 2, wsh.length);
    int[] out = Windows.outShape(in, kernel, op.strides(), op.pads(), op.dilations(), false);
    int[] table = Windows.table(in, out, kernel, op.strides(), op.pads(), op.dilations());
    int no = (int) Shapes.size(out);
    int nk = (int) Shapes.size(kernel);
    int ni = (int) Shapes.size(in);
    int len = cg * nk;
    int outputs = batch * m * no;
    int[] act = new int[outputs * len];
    long[] w = new long[outputs * len];
    long[] bias = new long[outputs];
    long[] wq = qn.params()[1];
    long[] bq = n.inputs().size() > 2 ? qn.params()[2] : null;
    for (int bn = 0; bn < batch; bn++) {
      for (int oc = 0; oc < m; oc++) {
        int group = oc / mg;
        for (int o = 0; o < no; o++) {
          int y = (bn * m + oc) * no + o;
          bias[y] = bq == null ? 0 : bq[oc];
          for (int ic = 0; ic < cg; ic++) {
            int xo = (bn * c + group * cg + ic) * ni;
            int wo = (oc * cg + ic) * nk;
            for (int kk = 0; kk < nk; kk++) {
              int off = table[o * nk + kk];
              int j = y * len + ic * nk + kk;
              act[j] = off < 0 ? -1 : xo + off;
              w[j] = wq[wo + kk];
            }
          }
        }
      }
    }
    return new Dots(outputs, len, act, w, bias);
  }
}
