package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.Arrays;

/**
 * Gather from a constant table T (n rows along the axis) by an activation index u = i·2^t, with the
 * index written in two digits i = a·B + b (B a divisor of n, A = n/B): one-hots h^A over A and h^B
 * over B (booleans, each summing to 1) with
 * <pre>  Σ_a (a·B·2^t)·h^A_a + Σ_b (b·2^t)·h^B_b = u,   z_a = Σ_b h^B_b·T[a·B + b],   y = Σ_a h^A_a·z_a  </pre>
 * Exactly one h^A_a and one h^B_b are 1, so i = a·B + b &lt; n and y = T[i]. The one-hots cost about
 * 5/3·(A + B) rows instead of 5/3·n, and gathers of several tables by the same index element (the
 * node arrays of a tree ensemble) share them within a slice. B is chosen per node to minimise the
 * rows ({@link #digit}); B = n is the plain one-hot of {@link Selection}.
 */
final class TableGather {
  private TableGather() {}

  /** The one-hots of one index element: h^A (null when A = 1) and h^B, with their values. */
  private record Digits(AssignedCell[] ha, Fr[] hav, AssignedCell[] hb, Fr[] hbv) {}

  static AssignedCell[] gather(Synth s, QuantizedGraph q, QNode qn) {
    int axis = ((Op.DynamicGather) qn.node().op()).axis();
    int[] xs = q.graph().shape(qn.node().inputs().get(0));
    int dim = xs[axis];
    int outer = (int) Shapes.size(Arrays.copyOf(xs, axis));
    int inner = (int) Shapes.size(Arrays.copyOfRange(xs, axis + 1, xs.length));
    int b = digit(dim, (long) outer * inner);
    int a = dim / b;
    long[] xv = qn.params()[0];
    AssignedCell[] u = Lowering.in(s, qn, 1);
    long[] uv = Lowering.inValues(s, q, qn, 1);
    long[] y = Lowering.outValues(s, q, qn);
    int t = qn.inScales()[1];
    String out = qn.node().output();
    AssignedCell[] result = new AssignedCell[y.length];
    for (int j = 0; j < uv.length; j++) {
      if (!Selection.anyNeeded(s, out, j, outer, uv.length, inner)) {
        continue;
      }
      String key = qn.node().inputs().get(1) + "#" + j + "/" + dim + "/" + b + "/" + t;
      Digits d = (Digits) s.memo.get(key);
      if (d == null) {
        d = digits(s, Lowering.cell(u, j, qn), uv[j], t, a, b);
        s.memo.put(key, d);
      }
      for (int o = 0; o < outer; o++) {
        for (int e = 0; e < inner; e++) {
          int yo = (o * uv.length + j) * inner + e;
          if (s.needs(out, yo)) {
            result[yo] = select(s, d, xv, o * dim * inner + e, inner, a, b, y[yo]);
          }
        }
      }
    }
    return result;
  }

  private static Digits digits(Synth s, AssignedCell u, long uv, int t, int a, int b) {
    int i = (int) (uv >> t); // the integer interpreter checked uv = i·2^t, 0 ≤ i < a·b
    Fr[] hbv = new Fr[b];
    if (a == 1) {
      return new Digits(null, null, Selection.oneHot(s, new AssignedCell[] {u}, new long[] {uv},
          new long[] {1}, t, hbv), hbv);
    }
    Fr[] hav = new Fr[a];
    AssignedCell[] ha = bits(s, i / b, hav);
    AssignedCell[] hb = bits(s, i % b, hbv);
    AssignedCell[] cells = new AssignedCell[a + b];
    Fr[] vals = new Fr[a + b];
    Fr[] coeff = new Fr[a + b];
    for (int k = 0; k < a + b; k++) {
      cells[k] = k < a ? ha[k] : hb[k - a];
      vals[k] = k < a ? hav[k] : hbv[k - a];
      coeff[k] = Fr.of((long) (k < a ? k * b : k - a) << t);
    }
    Selection.linear(s, "digit index", cells, vals, coeff, u, null);
    return new Digits(ha, hav, hb, hbv);
  }

  /** Booleans h_k (values into hv, 1 at {@code sel}) with Σ h = 1. */
  private static AssignedCell[] bits(Synth s, int sel, Fr[] hv) {
    Fr[] ones = new Fr[hv.length];
    for (int k = 0; k < hv.length; k++) {
      ones[k] = Fr.ONE;
      hv[k] = k == sel ? Fr.ONE : Fr.ZERO;
    }
    AssignedCell[] h = new AssignedCell[hv.length];
    Selection.linear(s, "one-hot Σh", h, hv, ones, s.arith.constant(1), null);
    for (AssignedCell c : h) {
      s.arith.row("one-hot bit", new Fr[] {Fr.ONE.neg()}, Fr.ONE, null, new AssignedCell[] {c, c}, null);
    }
    return h;
  }

  /** y = Σ_a h^A_a·Σ_b h^B_b·T[base + (a·B + b)·stride]. */
  private static AssignedCell select(Synth s, Digits d, long[] xv, int base, int stride, int a, int b, long y) {
    int sb = 0;
    for (int k = 0; k < b; k++) {
      sb = d.hbv[k].isZero() ? sb : k;
    }
    if (a == 1) {
      return Selection.linear(s, "select", d.hb.clone(), d.hbv, weights(xv, base, stride, b), null, Fr.of(y));
    }
    AssignedCell acc = null;
    Fr sum = Fr.ZERO;
    for (int k = 0; k < a; k++) {
      int at = base + k * b * stride;
      long zv = xv[at + sb * stride];
      AssignedCell z = Selection.linear(s, "select digit", d.hb.clone(), d.hbv, weights(xv, at, stride, b), null,
          Fr.of(zv));
      sum = sum.add(d.hav[k].mul(Fr.of(zv)));
      Fr[] cf = {null, null, acc == null ? null : Fr.ONE, Fr.ONE.neg(), null};
      AssignedCell[] src = {d.ha[k], z, acc, null, null};
      acc = s.arith.row("select", cf, Fr.ONE, null, src, new Fr[] {null, null, null, k == a - 1 ? Fr.of(y) : sum})[3];
    }
    return acc;
  }

  private static Fr[] weights(long[] xv, int base, int stride, int n) {
    Fr[] w = new Fr[n];
    for (int k = 0; k < n; k++) {
      w[k] = Fr.of(xv[base + k * stride]);
    }
    return w;
  }

  /**
   * The digit B (a divisor of n) that minimises 5/3·(A + B) + outputs·(A·⌈B/3⌉ + A) per index
   * element, against the plain one-hot's 5/3·n + outputs·⌈n/3⌉ (B = n).
   */
  static int digit(int n, long outputs) {
    int best = n;
    long bestRows = oneHotRows(n) + outputs * ((n + 2) / 3);
    for (int b = 2; b < n; b++) {
      if (n % b != 0) {
        continue;
      }
      int a = n / b;
      long r = splitRows(a, b) + outputs * ((long) a * ((b + 2) / 3) + a);
      if (r < bestRows) {
        best = b;
        bestRows = r;
      }
    }
    return best;
  }

  /** Rows of a plain one-hot over n: Σh, the bits and the index sum. */
  static long oneHotRows(long n) {
    return n + 2 * ((n + 2) / 3);
  }

  /** Rows of the digit one-hots of one index element over n (shared by the gathers of one slice). */
  static long digitsRows(int n, long outputs) {
    int b = digit(n, outputs);
    int a = n / b;
    return a == 1 ? oneHotRows(n) : splitRows(a, b);
  }

  /** Bits, Σ of each one-hot, and the index sum over both. */
  private static long splitRows(long a, long b) {
    return a + b + (a + 2) / 3 + (b + 2) / 3 + (a + b + 2) / 3;
  }

  /** Rows of the selection of one output element. */
  static long selectRows(int n, long outputs) {
    int b = digit(n, outputs);
    int a = n / b;
    return a == 1 ? (n + 2) / 3 : (long) a * ((b + 2) / 3) + a;
  }
}
