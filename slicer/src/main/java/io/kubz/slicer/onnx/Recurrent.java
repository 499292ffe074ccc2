package io.kubz.slicer.onnx;

import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Op.BinaryKind;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.UnaryKind;
import io.kubz.slicer.onnx.Expansion.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * LSTM, GRU and RNN unrolled over their static sequence length into MatMul, Add, Mul, Sub, Slice,
 * Gather, Concat and element-wise activations, per direction (forward, reverse, bidirectional),
 * with the ONNX gate equations (gate order iofc for LSTM, zrh for GRU; default activations
 * Sigmoid/Tanh/Tanh, Sigmoid/Tanh, Tanh):
 *
 * <pre>
 * LSTM: i = f(xWᵢ + hRᵢ + pᵢ⊙c + b), f' = f(xW_f + hR_f + p_f⊙c + b), g̃ = g(xW_c + hR_c + b),
 *       c' = f'⊙c + i⊙g̃,  o = f(xW_o + hR_o + p_o⊙c' + b),  h' = o⊙h(c')
 * GRU:  z = f(xW_z + hR_z + b), r = f(xW_r + hR_r + b),
 *       h̃ = g(xW_h + (r⊙h)R_h + b)  or, with linear_before_reset, g(xW_h + r⊙(hR_h + Rb_h) + Wb_h),
 *       h' = h̃ + z⊙(h − h̃)
 * RNN:  h' = f(xW + hR + b)
 * </pre>
 *
 * The input projection xW + Wb + Rb is one MatMul over the whole sequence; each step slices its
 * row. Weights are constants, so the transposes and bias sums fold at import. A missing initial
 * state (or a constant zero one) drops the terms it multiplies.
 */
final class Recurrent {
  private final DecodeContext c;
  private final List<Step> steps = new ArrayList<>();
  private final String prefix;
  private int counter;

  private Recurrent(DecodeContext c) {
    this.c = c;
    this.prefix = c.name + "/";
  }

  static List<Step> expand(DecodeContext c, Set<String> referenced) {
    Recurrent r = new Recurrent(c);
    r.unroll(referenced);
    return r.steps;
  }

  private String op(Op op, String... inputs) {
    String out = prefix + "t" + counter++;
    steps.add(Step.node(out, op, Arrays.asList(inputs), out));
    return out;
  }

  private void opTo(String out, Op op, String... inputs) {
    steps.add(Step.node(c.name + "/" + out, op, Arrays.asList(inputs), out));
  }

  private String bin(BinaryKind k, String a, String b) {
    return op(new Op.Binary(k), a, b);
  }

  /** Columns [from, from + n) of a [rows, cols] tensor. */
  private String cols(String x, int rows, int from, int n) {
    return op(new Op.Slice(new int[] {0, from}, new int[] {1, 1}, new int[] {rows, n}), x);
  }

  /** Entry d of the leading axis (the axis dropped). */
  private String pick(String x, int d) {
    return op(new Op.Gather(0, new int[] {d}, new int[0]), x);
  }

  private void unroll(Set<String> referenced) {
    String type = c.node.getOpType();
    int gates = type.equals("LSTM") ? 4 : type.equals("GRU") ? 3 : 1;
    int[] xs = c.shape(0);
    if (xs.length != 3) {
      throw c.error("X must be 3-d, got " + Arrays.toString(xs));
    }
    boolean batchFirst = c.attrs.i("layout", 0) != 0;
    int seq = batchFirst ? xs[1] : xs[0];
    int batch = batchFirst ? xs[0] : xs[1];
    int[] ws = c.shape(1);
    int h = (int) c.attrs.i("hidden_size", ws[1] / gates);
    String direction = c.attrs.s("direction", "forward");
    int dirs = direction.equals("bidirectional") ? 2 : 1;
    if (!direction.equals("forward") && !direction.equals("reverse") && dirs == 1) {
      throw c.error("unknown direction '" + direction + "'");
    }
    if (ws.length != 3 || ws[0] != dirs || ws[1] != gates * h || ws[2] != xs[2]) {
      throw c.error("W " + Arrays.toString(ws) + " does not fit " + dirs + " direction(s), "
          + gates + " gate(s) of hidden size " + h + " and input size " + xs[2]);
    }
    if (c.hasInput(4)) {
      Tensor lens = c.constant(4, "sequence_lens");
      for (int k = 0; k < lens.size(); k++) {
        if (lens.get(k) != seq) {
          throw new UnsupportedOpException(type, c.name, "sequence_lens shorter than the sequence "
              + "(" + (long) lens.get(k) + " < " + seq + ") are not supported; pad the batch");
        }
      }
    }
    if (c.attrs.i("input_forget", 0) != 0) {
      throw new UnsupportedOpException(type, c.name, "input_forget=1 is not supported");
    }
    Op clip = c.attrs.has("clip") ? new Op.Clip(-c.attrs.f("clip", 0), c.attrs.f("clip", 0)) : null;
    Op.Unary[] act = Activations.of(c, type, gates == 4 ? 3 : gates == 3 ? 2 : 1, dirs);
    String x = batchFirst ? op(new Op.Transpose(new int[] {1, 0, 2}), c.input(0)) : c.input(0);
    boolean lbr = c.attrs.i("linear_before_reset", 0) != 0;
    int per = act.length / dirs;
    String[][] hs = new String[dirs][seq];
    String[] lastC = new String[dirs];
    for (int d = 0; d < dirs; d++) {
      boolean reverse = direction.equals("reverse") || d == 1;
      String wT = op(new Op.Transpose(new int[] {1, 0}), pick(c.input(1), d));
      String rT = op(new Op.Transpose(new int[] {1, 0}), pick(c.input(2), d));
      String xw = op(new Op.MatMul(), x, wT);
      if (c.hasInput(3)) {
        String bd = pick(c.input(3), d);
        String wb = op(new Op.Slice(new int[] {0}, new int[] {1}, new int[] {gates * h}), bd);
        String rb = op(new Op.Slice(new int[] {gates * h}, new int[] {1}, new int[] {gates * h}),
            bd);
        if (gates == 3 && lbr) {
          double[] mask = new double[3 * h];
          Arrays.fill(mask, 0, 2 * h, 1);
          String m = prefix + "mask";
          steps.add(Step.constant(m, Tensor.of(new int[] {3 * h}, mask)));
          rb = bin(BinaryKind.MUL, rb, m);
        }
        xw = bin(BinaryKind.ADD, xw, bin(BinaryKind.ADD, wb, rb));
      }
      String hPrev = state(5, d, batch, h);
      String cPrev = gates == 4 ? state(6, d, batch, h) : null;
      String[] p = new String[3];
      if (gates == 4 && c.hasInput(7)) {
        String pd = pick(c.input(7), d);
        for (int k = 0; k < 3; k++) {
          p[k] = op(new Op.Slice(new int[] {k * h}, new int[] {1}, new int[] {h}), pd);
        }
      }
      String rbh = null;
      if (gates == 3 && lbr && c.hasInput(3)) {
        rbh = op(new Op.Slice(new int[] {5 * h}, new int[] {1}, new int[] {h}),
            pick(c.input(3), d));
      }
      String rzr = gates == 3 ? cols(rT, h, 0, 2 * h) : null;
      String rh = gates == 3 ? cols(rT, h, 2 * h, h) : null;
      Op.Unary f = act[d * per];
      Op.Unary g = per > 1 ? act[d * per + 1] : null;
      Op.Unary hAct = per > 2 ? act[d * per + 2] : null;
      for (int s = 0; s < seq; s++) {
        int t = reverse ? seq - 1 - s : s;
        String xt = pick(xw, t);
        String hr = null;
        if (gates != 3 && hPrev != null) {
          hr = op(new Op.MatMul(), hPrev, rT);
        }
        String pre = hr == null ? xt : bin(BinaryKind.ADD, xt, hr);
        if (gates == 4) {
          String[] gs = new String[4];
          for (int k = 0; k < 4; k++) {
            gs[k] = cols(pre, batch, k * h, h);
          }
          String i = act(f, clip, peep(gs[0], p[0], cPrev));
          String fg = act(f, clip, peep(gs[2], p[2], cPrev));
          String cc = act(g, clip, gs[3]);
          String ic = bin(BinaryKind.MUL, i, cc);
          String cNew = cPrev == null ? ic : bin(BinaryKind.ADD, bin(BinaryKind.MUL, fg, cPrev), ic);
          String o = act(f, clip, peep(gs[1], p[1], cNew));
          hPrev = bin(BinaryKind.MUL, o, op(hAct, cNew));
          cPrev = cNew;
        } else if (gates == 3) {
          String zr = cols(xt, batch, 0, 2 * h);
          if (hPrev != null) {
            zr = bin(BinaryKind.ADD, zr, op(new Op.MatMul(), hPrev, rzr));
          }
          String z = act(f, clip, cols(zr, batch, 0, h));
          String r = act(f, clip, cols(zr, batch, h, h));
          String xh = cols(xt, batch, 2 * h, h);
          String inner;
          if (lbr) {
            String hr2 = hPrev == null ? rbh
                : rbh == null ? op(new Op.MatMul(), hPrev, rh)
                : bin(BinaryKind.ADD, op(new Op.MatMul(), hPrev, rh), rbh);
            inner = hr2 == null ? null : bin(BinaryKind.MUL, r, hr2);
          } else {
            inner = hPrev == null ? null
                : op(new Op.MatMul(), bin(BinaryKind.MUL, r, hPrev), rh);
          }
          String hh = act(g, clip, inner == null ? xh : bin(BinaryKind.ADD, xh, inner));
          hPrev = hPrev == null ? bin(BinaryKind.SUB, hh, bin(BinaryKind.MUL, z, hh))
              : bin(BinaryKind.ADD, hh, bin(BinaryKind.MUL, z, bin(BinaryKind.SUB, hPrev, hh)));
        } else {
          hPrev = act(f, clip, pre);
        }
        hs[d][t] = hPrev;
      }
      lastC[d] = cPrev;
    }
    outputs(referenced, hs, lastC, seq, batch, h, dirs, batchFirst);
  }

  /** Y [seq, dirs, batch, H] (batch first: [batch, seq, dirs, H]), Y_h and Y_c [dirs, batch, H]. */
  private void outputs(Set<String> referenced, String[][] hs, String[] lastC, int seq, int batch,
      int h, int dirs, boolean batchFirst) {
    String y = output(0, referenced);
    if (y != null) {
      String[] perDir = new String[dirs];
      for (int d = 0; d < dirs; d++) {
        String[] rows = new String[seq];
        for (int t = 0; t < seq; t++) {
          rows[t] = op(new Op.Reshape(new int[] {1, 1, batch, h}), hs[d][t]);
        }
        perDir[d] = seq == 1 ? rows[0] : op(new Op.Concat(0), rows);
      }
      String all = dirs == 1 ? perDir[0] : op(new Op.Concat(1), perDir);
      if (batchFirst) {
        opTo(y, new Op.Transpose(new int[] {2, 0, 1, 3}), all);
      } else {
        opTo(y, new Op.Reshape(new int[] {seq, dirs, batch, h}), all);
      }
    }
    String[] last = new String[dirs];
    for (int d = 0; d < dirs; d++) {
      last[d] = hs[d][d == 1 || c.attrs.s("direction", "forward").equals("reverse") ? 0 : seq - 1];
    }
    state(output(1, referenced), last, batch, h, batchFirst);
    if (lastC[0] != null) {
      state(output(2, referenced), lastC, batch, h, batchFirst);
    }
  }

  private void state(String out, String[] perDir, int batch, int h, boolean batchFirst) {
    if (out == null) {
      return;
    }
    int dirs = perDir.length;
    String[] r = new String[dirs];
    for (int d = 0; d < dirs; d++) {
      r[d] = op(new Op.Reshape(new int[] {1, batch, h}), perDir[d]);
    }
    String all = dirs == 1 ? r[0] : op(new Op.Concat(0), r);
    if (batchFirst) {
      opTo(out, new Op.Transpose(new int[] {1, 0, 2}), all);
    } else {
      opTo(out, new Op.Reshape(new int[] {dirs, batch, h}), all);
    }
  }

  private String output(int k, Set<String> referenced) {
    return k < c.node.getOutputCount() && !c.node.getOutput(k).isEmpty()
        && referenced.contains(c.node.getOutput(k)) ? c.node.getOutput(k) : null;
  }

  /** The initial state (input k) of direction d as [batch, H], or null when absent or zero. */
  private String state(int k, int d, int batch, int h) {
    if (!c.hasInput(k)) {
      return null;
    }
    Tensor t = c.constantOrNull(k);
    if (t != null && Arrays.stream(t.data()).allMatch(v -> v == 0)) {
      return null;
    }
    boolean batchFirst = c.attrs.i("layout", 0) != 0;
    String s = batchFirst ? op(new Op.Transpose(new int[] {1, 0, 2}), c.input(k)) : c.input(k);
    return op(new Op.Reshape(new int[] {batch, h}), pick(s, d));
  }

  private String peep(String gate, String p, String cell) {
    return p == null || cell == null ? gate : bin(BinaryKind.ADD, gate, bin(BinaryKind.MUL, p, cell));
  }

  private String act(Op.Unary f, Op clip, String x) {
    return op(f, clip == null ? x : op(clip, x));
  }

  /** The activations attribute, defaulted per operator, as IR unary operations. */
  static final class Activations {
    private Activations() {}

    static Op.Unary[] of(DecodeContext c, String type, int per, int dirs) {
      String[] names = c.attrs.strings("activations");
      if (names == null || names.length == 0) {
        String[] dflt = type.equals("LSTM") ? new String[] {"Sigmoid", "Tanh", "Tanh"}
            : type.equals("GRU") ? new String[] {"Sigmoid", "Tanh"} : new String[] {"Tanh"};
        names = new String[per * dirs];
        for (int k = 0; k < names.length; k++) {
          names[k] = dflt[k % per];
        }
      }
      if (names.length != per * dirs) {
        throw c.error("activations must name " + per * dirs + " functions, got "
            + names.length);
      }
      float[] alpha = c.attrs.floats("activation_alpha");
      float[] beta = c.attrs.floats("activation_beta");
      int ai = 0;
      int bi = 0;
      Op.Unary[] r = new Op.Unary[names.length];
      for (int k = 0; k < names.length; k++) {
        switch (names[k].toLowerCase()) {
          case "sigmoid":
            r[k] = new Op.Unary(UnaryKind.SIGMOID, 0, 0);
            break;
          case "tanh":
            r[k] = new Op.Unary(UnaryKind.TANH, 0, 0);
            break;
          case "relu":
            r[k] = new Op.Unary(UnaryKind.RELU, 0, 0);
            break;
          case "leakyrelu":
            r[k] = new Op.Unary(UnaryKind.LEAKY_RELU, take(alpha, ai++, 0.01), 0);
            break;
          case "elu":
            r[k] = new Op.Unary(UnaryKind.ELU, take(alpha, ai++, 1), 0);
            break;
          case "hardsigmoid":
            r[k] = new Op.Unary(UnaryKind.HARD_SIGMOID, take(alpha, ai++, 0.2),
                take(beta, bi++, 0.5));
            break;
          case "softsign":
            r[k] = new Op.Unary(UnaryKind.SOFTSIGN, 0, 0);
            break;
          case "softplus":
            r[k] = new Op.Unary(UnaryKind.SOFTPLUS, 0, 0);
            break;
          default:
            throw new UnsupportedOpException(type, c.name, "activation '" + names[k]
                + "' is not supported (Sigmoid, Tanh, Relu, LeakyRelu, Elu, HardSigmoid, "
                + "Softsign, Softplus are)");
        }
      }
      return r;
    }

    private static double take(float[] v, int k, double dflt) {
      return v != null && k < v.length ? v[k] : dflt;
    }
  }
}
