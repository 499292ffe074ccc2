package io.kubz.gkr.model;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;
import io.kubz.gkr.mle.Mle;
import java.util.Arrays;

/**
 * The tables of a {@link ConvStep}, shared by prover and verifier (see {@link ConvStep} for the
 * maths). Flat field tables, 4 limbs per element; outputs never alias inputs.
 */
final class ConvKernels {
  private ConvKernels() {}

  /** Below this many products a kernel runs on one thread. */
  private static final int PARALLEL_MIN = 1 << 14;

  /** eq tables of consecutive segments of a point, lowest variables first: widths[i] variables each. */
  static long[][] eqs(long[] point, int... widths) {
    long[][] out = new long[widths.length][];
    int at = 0;
    for (int i = 0; i < widths.length; i++) {
      out[i] = Mle.eq(Arrays.copyOfRange(point, 4 * at, 4 * (at + widths[i])));
      at += widths[i];
    }
    return out;
  }

  /** The coordinates [from, from + len) of a point. */
  static long[] part(long[] point, int from, int len) {
    return Arrays.copyOfRange(point, 4 * from, 4 * (from + len));
  }

  /**
   * q(f) for every flat output index f = ((b·M + m)·O0 + o0)·O1 + o1)·O2 + o2: its index in the
   * padded output view, q = (((((b·2^vg + g)·2^vm + m')·2^vo0 + o0)·2^vo1 + o1)·2^vo2 + o2) with
   * m = g·mg + m'.
   */
  static int[] outIndex(ConvShape s) {
    int[] o = s.o();
    int vo0 = ConvShape.bits(o[0]);
    int vo1 = ConvShape.bits(o[1]);
    int vo2 = ConvShape.bits(o[2]);
    int vm = ConvShape.bits(s.mg());
    int vg = ConvShape.bits(s.groups());
    int[] q = new int[s.n() * s.outChannels() * s.outArea()];
    int f = 0;
    for (int b = 0; b < s.n(); b++) {
      for (int m = 0; m < s.outChannels(); m++) {
        int head = (((b << vg) | (m / s.mg())) << vm) | (m % s.mg());
        for (int i0 = 0; i0 < o[0]; i0++) {
          for (int i1 = 0; i1 < o[1]; i1++) {
            for (int i2 = 0; i2 < o[2]; i2++) {
              q[f++] = (((((head << vo0) | i0) << vo1) | i1) << vo2) | i2;
            }
          }
        }
      }
    }
    return q;
  }

  /**
   * out[(p·K + u)·inner + q] = Σ_(i &lt; O, pos[i·K+u] ≥ 0) eq[i]·in[(p·A + pos[i·K+u])·inner + q]
   * for p &lt; outer, u &lt; K, q &lt; inner: one spatial axis of x contracted against eq(ρ_o, ·).
   */
  static long[] contract(long[] in, int outer, int a, int inner, int[] pos, int o, int k, long[] eq) {
    long[] out = new long[4 * outer * k * inner];
    int chunk = Math.max(1, PARALLEL_MIN / Math.max(1, o * k * inner));
    Parallel.forRange(0, outer, chunk, (from, to) -> {
      long[] t = new long[4];
      for (int p = from; p < to; p++) {
        for (int i = 0; i < o; i++) {
          for (int u = 0; u < k; u++) {
            int at = pos[i * k + u];
            if (at < 0) {
              continue;
            }
            int src = 4 * (p * a + at) * inner;
            int dst = 4 * (p * k + u) * inner;
            for (int q = 0; q < 4 * inner; q += 4) {
              Fr.mul(t, 0, eq, 4 * i, in, src + q);
              Fr.add(out, dst + q, out, dst + q, t, 0);
            }
          }
        }
      }
    });
    return out;
  }

  /** T[a] = Σ_(i &lt; O, u &lt; K, pos[i·K+u] = a) eqU[u]·eqO[i] over a &lt; A: one axis of the wiring. */
  static long[] axisWeights(int[] pos, int a, int o, int k, long[] eqO, long[] eqU) {
    long[] t = new long[4 * a];
    long[] p = new long[4];
    for (int i = 0; i < o; i++) {
      for (int u = 0; u < k; u++) {
        int at = pos[i * k + u];
        if (at >= 0) {
          Fr.mul(p, 0, eqO, 4 * i, eqU, 4 * u);
          Fr.add(t, 4 * at, t, 4 * at, p, 0);
        }
      }
    }
    return t;
  }

  /**
   * K(j) over x's 2^vars flat entries, j = (((b·C + g·cg + c)·A0 + a0)·A1 + a1)·A2 + a2:
   * eqN[b]·eqG[g]·eqC[c]·T0[a0]·T1[a1]·T2[a2] (zero beyond the input's entries).
   */
  static long[] inputWeights(ConvShape s, long[] eqN, long[] eqG, long[] eqC, long[][] t, int vars) {
    long[] k = new long[4 << vars];
    int[] a = s.a();
    int area = s.inArea();
    long[] t12 = new long[4 * a[1] * a[2]];
    for (int a1 = 0; a1 < a[1]; a1++) {
      for (int a2 = 0; a2 < a[2]; a2++) {
        Fr.mul(t12, 4 * (a1 * a[2] + a2), t[1], 4 * a1, t[2], 4 * a2);
      }
    }
    long[] sp = new long[4 * area];
    for (int a0 = 0; a0 < a[0]; a0++) {
      for (int r = 0; r < a[1] * a[2]; r++) {
        Fr.mul(sp, 4 * (a0 * a[1] * a[2] + r), t[0], 4 * a0, t12, 4 * r);
      }
    }
    long[] ch = new long[4];
    for (int b = 0; b < s.n(); b++) {
      for (int g = 0; g < s.groups(); g++) {
        for (int c = 0; c < s.cg(); c++) {
          Fr.mul(ch, 0, eqN, 4 * b, eqG, 4 * g);
          Fr.mul(ch, 0, ch, 0, eqC, 4 * c);
          if (Fr.isZero(ch, 0)) {
            continue;
          }
          int base = 4 * (b * s.channels() + g * s.cg() + c) * area;
          for (int r = 0; r < area; r++) {
            Fr.mul(k, base + 4 * r, ch, 0, sp, 4 * r);
          }
        }
      }
    }
    return k;
  }

  /**
   * Whether x's flat layout is its padded view (b, g, c, a0, a1, a2) on {@code vars} variables, a2
   * lowest: every flat index is its own padded index (power-of-two extents, but the batch).
   */
  static boolean inputAligned(ConvShape s, int vars) {
    int[] a = s.a();
    int[] va = {ConvShape.bits(a[0]), ConvShape.bits(a[1]), ConvShape.bits(a[2])};
    int vc = ConvShape.bits(s.cg());
    int vg = ConvShape.bits(s.groups());
    if (vars != ConvShape.bits(s.n()) + vg + vc + va[0] + va[1] + va[2]) {
      return false;
    }
    int j = 0;
    for (int b = 0; b < s.n(); b++) {
      for (int ci = 0; ci < s.channels(); ci++) {
        int head = (((b << vg) | (ci / s.cg())) << vc) | (ci % s.cg());
        for (int a0 = 0; a0 < a[0]; a0++) {
          for (int a1 = 0; a1 < a[1]; a1++) {
            for (int a2 = 0; a2 < a[2]; a2++) {
              if (((((((head << va[0]) | a0) << va[1]) | a1) << va[2]) | a2) != j++) {
                return false;
              }
            }
          }
        }
      }
    }
    return true;
  }

  /**
   * K~(τ) on an aligned input ({@link #inputAligned}): K is a product over the view's segments, so
   * K~(τ) = Π_segments Σ_i K_segment(i)·eq(τ_segment, i), in O(N + G + cg + Σ_d (A_d + O_d·K_d)).
   *
   * @param er eq tables of ρ's segments (o2, o1, o0, m', g, b); es of σ's (u2, u1, u0, c, g, b)
   */
  static Fr inputWeightAt(ConvShape s, long[][] er, long[][] es, long[] tau) {
    int[] a = s.a();
    long[][] et = eqs(tau, ConvShape.bits(a[2]), ConvShape.bits(a[1]), ConvShape.bits(a[0]),
        ConvShape.bits(s.cg()), ConvShape.bits(s.groups()), ConvShape.bits(s.n()));
    Fr v = dot(es[5], et[5], s.n()).mul(dot(es[4], et[4], s.groups())).mul(dot(es[3], et[3], s.cg()));
    for (int d = 0; d < 3; d++) {
      long[] t = axisWeights(s.positions(d), a[d], s.o()[d], s.k()[d], er[2 - d], es[2 - d]);
      v = v.mul(dot(t, et[2 - d], a[d]));
    }
    return v;
  }

  /** Σ_(i &lt; n) x[i]·y[i]. */
  private static Fr dot(long[] x, long[] y, int n) {
    return dot(java.util.Arrays.copyOf(x, 4 * n), y);
  }

  /** Every value in [−max, max] in Montgomery form at index v + max, max = max|w| (empty above 2^16). */
  static long[] montgomery(long[] w) {
    long max = 0;
    for (long v : w) {
      max = Math.max(max, Math.abs(v));
    }
    if (max > 1 << 16 || max < 0) {
      return new long[0];
    }
    long[] t = new long[4 * (2 * (int) max + 1)];
    for (int i = 0; i < t.length / 4; i++) {
      Fr.set(t, 4 * i, i - max);
    }
    return t;
  }

  /** z = w as a field element, from the Montgomery table when it has one. */
  static void weight(long[] z, long[] mont, long w) {
    if (mont.length == 0) {
      Fr.set(z, 0, w);
    } else {
      Fr.copy(z, 0, mont, 4 * (int) (w + (mont.length / 4 - 1) / 2));
    }
  }

  /**
   * Σ_(m, c, u) w[m, c, u]·eqG[m / mg]·eqM[m mod mg]·eqC[c]·eqU[uIdx(u)]: the weights' MLE at a
   * point (uIdx: the padded kernel index (u0·2^vk1 + u1)·2^vk2 + u2). One product per weight.
   */
  static Fr weightAt(Layer.Conv cv, ConvShape s, long[] eqG, long[] eqM, long[] eqC, long[] eqU) {
    int[] uIdx = kernelIndex(s);
    long[] w = cv.weights();
    long[] mont = montgomery(w);
    int kArea = s.kernelArea();
    long[] acc = new long[4];
    long[] row = new long[4];
    long[] cAcc = new long[4];
    long[] p = new long[4];
    long[] wv = new long[4];
    for (int m = 0; m < s.outChannels(); m++) {
      Fr.setZero(row, 0);
      for (int c = 0; c < s.cg(); c++) {
        Fr.setZero(cAcc, 0);
        int base = (m * s.cg() + c) * kArea;
        for (int u = 0; u < kArea; u++) {
          if (w[base + u] != 0) {
            weight(wv, mont, w[base + u]);
            Fr.mul(p, 0, wv, 0, eqU, 4 * uIdx[u]);
            Fr.add(cAcc, 0, cAcc, 0, p, 0);
          }
        }
        Fr.mul(cAcc, 0, cAcc, 0, eqC, 4 * c);
        Fr.add(row, 0, row, 0, cAcc, 0);
      }
      Fr.mul(row, 0, row, 0, eqG, 4 * (m / s.mg()));
      Fr.mul(row, 0, row, 0, eqM, 4 * (m % s.mg()));
      Fr.add(acc, 0, acc, 0, row, 0);
    }
    return Fr.readFrom(acc, 0);
  }

  /** The padded kernel index of every flat kernel position u = (u0·K1 + u1)·K2 + u2. */
  static int[] kernelIndex(ConvShape s) {
    int[] k = s.k();
    int v1 = ConvShape.bits(k[1]);
    int v2 = ConvShape.bits(k[2]);
    int[] idx = new int[s.kernelArea()];
    int f = 0;
    for (int u0 = 0; u0 < k[0]; u0++) {
      for (int u1 = 0; u1 < k[1]; u1++) {
        for (int u2 = 0; u2 < k[2]; u2++) {
          idx[f++] = (((u0 << v1) | u1) << v2) | u2;
        }
      }
    }
    return idx;
  }

  /** Σ_i a[i]·b[i] over the shorter table. */
  static Fr dot(long[] a, long[] b) {
    long[] acc = new long[4];
    long[] p = new long[4];
    for (int i = 0; i < a.length && i < b.length; i += 4) {
      Fr.mul(p, 0, a, i, b, i);
      Fr.add(acc, 0, acc, 0, p, 0);
    }
    return Fr.readFrom(acc, 0);
  }
}
