package io.kubz.gkr.model;

/**
 * The integer semantics of a {@link LayeredModel}: every tensor's values for given inputs (the
 * prover's witness and the reference the lowering is tested against). Arithmetic is exact: an
 * overflow of a long is an ArithmeticException, a value outside a rescale's range, a table or a
 * max's difference width is a {@link io.kubz.field.BadInputException}.
 */
public final class Evaluator {
  private Evaluator() {}

  /** Every tensor's values, index = tensor id; {@code inputs} in the order of {@link LayeredModel#inputs()}. */
  public static long[][] run(LayeredModel model, long[][] inputs) {
    int[] ids = model.inputs();
    if (inputs.length != ids.length) {
      throw new IllegalArgumentException(inputs.length + " inputs for a model of " + ids.length);
    }
    long[][] v = new long[model.layers().size()][];
    int next = 0;
    for (int t = 0; t < v.length; t++) {
      Layer l = model.layers().get(t);
      if (l instanceof Layer.Input in) {
        long[] x = inputs[next++];
        if (x.length != in.size()) {
          throw new IllegalArgumentException("input " + t + " needs " + in.size() + " values, got " + x.length);
        }
        v[t] = x.clone();
      } else {
        v[t] = compute(model, v, t);
      }
    }
    return v;
  }

  /**
   * Recomputes every non-input tensor from {@code from} on (a test seam: a malicious prover changes
   * one tensor and recomputes everything after it).
   */
  static void rerun(LayeredModel model, long[][] v, int from) {
    for (int t = from; t < v.length; t++) {
      if (!(model.layers().get(t) instanceof Layer.Input)) {
        v[t] = compute(model, v, t);
      }
    }
  }

  private static long[] compute(LayeredModel model, long[][] v, int t) {
    Layer l = model.layers().get(t);
    if (l instanceof Layer.Linear lin) {
      long[] y = lin.bias() == null ? new long[lin.size()] : lin.bias().clone();
      for (Layer.Term term : lin.terms()) {
        long[] p = term.matrix().apply(v[term.tensor()]);
        for (int i = 0; i < y.length; i++) {
          y[i] = Math.addExact(y[i], p[i]);
        }
      }
      return y;
    } else if (l instanceof Layer.Product p) {
      long[] a = v[p.a()];
      long[] b = v[p.b()];
      long[] y = new long[p.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = Math.multiplyExact(a[i], b[i]);
      }
      return y;
    } else if (l instanceof Layer.MatMul m) {
      return matmul(m, v[m.a()], v[m.b()]);
    } else if (l instanceof Layer.Rescale r) {
      return rescale(r, v[r.input()]);
    } else if (l instanceof Layer.Lookup k) {
      TableDef table = model.tables().get(k.table());
      long[] x = v[k.input()];
      long[] y = new long[k.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = table.apply(x[i]);
      }
      return y;
    } else if (l instanceof Layer.Max mx) {
      return max(mx, v);
    } else if (l instanceof Layer.Conv cv) {
      return conv(cv, v[cv.input()]);
    }
    throw new IllegalStateException("unknown layer " + l);
  }

  static long[] matmul(Layer.MatMul m, long[] a, long[] b) {
    long[] y = new long[m.size()];
    for (int s = 0; s < m.batch(); s++) {
      for (int i = 0; i < m.m(); i++) {
        for (int k = 0; k < m.p(); k++) {
          long acc = 0;
          for (int j = 0; j < m.n(); j++) {
            acc = Math.addExact(acc, Math.multiplyExact(a[(s * m.m() + i) * m.n() + j],
                b[(s * m.n() + j) * m.p() + k]));
          }
          y[(s * m.m() + i) * m.p() + k] = acc;
        }
      }
    }
    return y;
  }

  /** The convolution's integers ({@link Layer.Conv}), exact; output channels split between threads. */
  static long[] conv(Layer.Conv cv, long[] x) {
    ConvShape s = ConvShape.of(cv);
    int[][] pos = {s.positions(0), s.positions(1), s.positions(2)};
    int[] a = s.a();
    int[] o = s.o();
    int[] k = s.k();
    int area = s.outArea();
    int inArea = s.inArea();
    int kArea = s.kernelArea();
    long[] w = cv.weights();
    long[] y = new long[cv.size()];
    io.kubz.field.Parallel.forRange(0, s.n() * s.outChannels(), 1, (from, to) -> {
      for (int row = from; row < to; row++) {
        int m = row % s.outChannels();
        int yo = row * area;
        if (cv.bias() != null) {
          java.util.Arrays.fill(y, yo, yo + area, cv.bias()[m]);
        }
        for (int c = 0; c < s.cg(); c++) {
          int xo = ((row / s.outChannels()) * s.channels() + (m / s.mg()) * s.cg() + c) * inArea;
          for (int u = 0; u < kArea; u++) {
            long wv = w[(m * s.cg() + c) * kArea + u];
            if (wv == 0) {
              continue;
            }
            int u0 = u / (k[1] * k[2]);
            int u1 = (u / k[2]) % k[1];
            int u2 = u % k[2];
            for (int i0 = 0; i0 < o[0]; i0++) {
              int a0 = pos[0][i0 * k[0] + u0];
              for (int i1 = 0; i1 < o[1] && a0 >= 0; i1++) {
                int a1 = pos[1][i1 * k[1] + u1];
                for (int i2 = 0; i2 < o[2] && a1 >= 0; i2++) {
                  int a2 = pos[2][i2 * k[2] + u2];
                  if (a2 >= 0) {
                    int f = yo + (i0 * o[1] + i1) * o[2] + i2;
                    y[f] = Math.addExact(y[f], Math.multiplyExact(wv, x[xo + (a0 * a[1] + a1) * a[2] + a2]));
                  }
                }
              }
            }
          }
        }
      }
    });
    return y;
  }

  /** ⌊(x + 2^(k−1)) / 2^k⌋ of each entry, range-checked. */
  public static long[] rescale(Layer.Rescale r, long[] x) {
    long half = 1L << (r.shift() - 1);
    long lo = -(1L << (r.outBits() - 1));
    long hi = 1L << (r.outBits() - 1);
    long[] y = new long[r.size()];
    for (int i = 0; i < y.length; i++) {
      long q = Math.floorDiv(Math.addExact(x[i], half), 1L << r.shift());
      if (q < lo || q >= hi) {
        throw new io.kubz.field.BadInputException("rescaled value " + q + " outside [" + lo + ", " + hi
            + "): a wider range is needed");
      }
      y[i] = q;
    }
    return y;
  }

  static long[] max(Layer.Max mx, long[][] v) {
    long[] y = new long[mx.size()];
    long limit = 1L << mx.diffBits();
    for (int i = 0; i < y.length; i++) {
      long m = Long.MIN_VALUE;
      for (int in : mx.inputs()) {
        m = Math.max(m, v[in][i]);
      }
      for (int in : mx.inputs()) {
        if (m - v[in][i] >= limit) {
          throw new io.kubz.field.BadInputException("a max whose inputs differ by " + (m - v[in][i])
              + " ≥ 2^" + mx.diffBits());
        }
      }
      y[i] = m;
    }
    return y;
  }
}
