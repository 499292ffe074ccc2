package io.kubz.gkr.sumcheck;

import io.kubz.field.Fr;

/**
 * The buffers of one sumcheck run: round 0 reads the caller's tables in place, round 1 binds them
 * into buffer A (2^(v−1) entries per table), round 2 into B (2^(v−2)), round 3 into A again, and
 * so on; eq weights (when given, 2^(v−1) entries for round 0) ping-pong the same way. Everything is
 * allocated here, once per run, and no table is copied.
 */
final class Rounds {
  private final long[][] src;
  private final int[] off;
  private final long[] w0;
  private final long[][] a;
  private final long[][] b;
  private final long[] wa;
  private final long[] wb;
  private RoundInput cur;

  Rounds(long[][] tables, int[] offsets, int v, long[] weights) {
    src = tables;
    off = offsets;
    w0 = weights;
    int m = tables.length;
    a = new long[m][];
    b = new long[m][];
    for (int j = 0; j < m; j++) {
      a[j] = v >= 2 ? new long[4 << (v - 1)] : null;
      b[j] = v >= 3 ? new long[4 << (v - 2)] : null;
    }
    wa = weights != null && v >= 2 ? new long[4 << (v - 2)] : null;
    wb = weights != null && v >= 3 ? new long[4 << (v - 3)] : null;
  }

  /** The input of round k; for k ≥ 1 it binds variable k − 1 to point[k − 1] on the way. */
  RoundInput next(int k, long[] point) {
    if (k == 0) {
      cur = RoundInput.first(src, off, w0);
    } else {
      long[][] dst = k % 2 == 1 ? a : b;
      long[] wd = w0 == null ? null : k % 2 == 1 ? wa : wb;
      long[][] tab = new long[src.length][];
      for (int j = 0; j < tab.length; j++) {
        tab[j] = cur.current(j);
      }
      int[] at = new int[src.length];
      for (int j = 0; j < at.length; j++) {
        at[j] = cur.at(j);
      }
      cur = new RoundInput(tab, at, point, 4 * (k - 1), dst, cur.weights(), wd);
    }
    return cur;
  }

  RoundInput current() {
    return cur;
  }

  /** Every table's value at the point once all v rounds ran: the last round's pair bound to r_{v−1}. */
  long[] finals(long[] point) {
    int v = point.length / 4;
    long[] out = new long[4 * src.length];
    for (int j = 0; j < src.length; j++) {
      if (v == 0) {
        Fr.copy(out, 4 * j, src[j], off[j]);
      } else {
        long[] t = cur.current(j);
        int o = cur.at(j);
        Fr.sub(out, 4 * j, t, o + 4, t, o);
        Fr.mul(out, 4 * j, out, 4 * j, point, 4 * (v - 1));
        Fr.add(out, 4 * j, out, 4 * j, t, o);
      }
    }
    return out;
  }
}
