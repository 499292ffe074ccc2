package io.kubz.gkr.sumcheck;

import io.kubz.field.Fr;

/**
 * Where one round's tables come from. Round 0 reads the caller's tables in place (table j from
 * element offset off[j]/4 of tab[j], the pair i at 2i, 2i+1). A later round reads the previous
 * round's tables (4·half entries each) and binds their variable to r on the way:
 * g[2i] = s[4i] + r·(s[4i+1] − s[4i]), g[2i+1] = s[4i+2] + r·(s[4i+3] − s[4i+2]), writing g into
 * dst[j] (2·half entries; never the source, so chunks may run in parallel). Weights likewise: none
 * (wSrc null), read in place (wDst null), or summed from the previous round's,
 * w[i] = w'[2i] + w'[2i+1] = Σ_{x_k} eq(z_k, x_k)·w[i] (the eq weights of {@link EqSumcheckProver}).
 */
record RoundInput(long[][] tab, int[] off, long[] r, int ro, long[][] dst, long[] wSrc,
    long[] wDst) {
  /** Round 0 over the caller's tables: nothing bound, weights read as they are. */
  static RoundInput first(long[][] tab, int[] off, long[] w) {
    return new RoundInput(tab, off, null, 0, null, w, null);
  }

  boolean weighted() {
    return wSrc != null;
  }

  /**
   * lh[8j..8j+4) = g_j[2i], lh[8j+4..8j+8) = g_j[2i+1] for every table (binding and storing them when
   * this round binds), and w[0..4) = the pair's weight when weighted. Allocation-free.
   */
  void load(int i, long[] lh, long[] w) {
    if (r == null) {
      for (int j = 0; j < tab.length; j++) {
        System.arraycopy(tab[j], off[j] + 8 * i, lh, 8 * j, 8);
      }
    } else {
      for (int j = 0; j < tab.length; j++) {
        long[] s = tab[j];
        int so = off[j] + 16 * i;
        long[] g = dst[j];
        Fr.sub(lh, 8 * j, s, so + 4, s, so);
        Fr.mul(lh, 8 * j, lh, 8 * j, r, ro);
        Fr.add(g, 8 * i, s, so, lh, 8 * j);
        Fr.sub(lh, 8 * j + 4, s, so + 12, s, so + 8);
        Fr.mul(lh, 8 * j + 4, lh, 8 * j + 4, r, ro);
        Fr.add(g, 8 * i + 4, s, so + 8, lh, 8 * j + 4);
        System.arraycopy(g, 8 * i, lh, 8 * j, 8);
      }
    }
    if (wSrc != null) {
      if (wDst == null) {
        Fr.copy(w, 0, wSrc, 4 * i);
      } else {
        Fr.add(wDst, 4 * i, wSrc, 8 * i, wSrc, 8 * i + 4);
        Fr.copy(w, 0, wDst, 4 * i);
      }
    }
  }

  /** The array holding this round's table j (after {@link #load}); its entries start at {@link #at}. */
  long[] current(int j) {
    return r == null ? tab[j] : dst[j];
  }

  int at(int j) {
    return r == null ? off[j] : 0;
  }

  /** This round's weight table (after the round's pass). */
  long[] weights() {
    return wDst == null ? wSrc : wDst;
  }
}
