package io.kubz.field.msm;

import io.kubz.field.G1;

/**
 * Σ_{lo ≤ d &lt; hi} d·B_d for affine buckets B_d (the end of a Pippenger window), by running sums
 * kept in affine coordinates and advanced in batches.
 *
 * <p>The digits are cut into K chains of L consecutive digits, chain j starting at s_j = lo + jL.
 * Each chain runs the running-sum recurrence top-down, S_j ← S_j + B_d, T_j ← T_j + S_j, ending with
 * S_j = Σ B_d and T_j = Σ (d − s_j + 1)·B_d over its digits. The K chains are independent, so each
 * step is two batches of K affine additions under one inversion each ({@link BatchAffine}: about
 * 6.5 multiplications per addition, against 11 + 16 for the mixed and full Jacobian additions of the
 * plain recurrence). Then Σ d·B_d = Σ_j T_j + Σ_j (s_j − 1)·S_j
 * = Σ_j T_j + (lo − 1)·Σ_j S_j + L·Σ_j j·S_j, the last by a running sum over the K chains.
 */
final class BucketReduction {
  private BucketReduction() {}

  /** Fewest digits for which the chains pay off over the plain Jacobian recurrence. */
  static final int CHAINS_MIN = 1 << 10;

  /** out[oo..] (Jacobian) = Σ_{lo ≤ d &lt; hi} d·B_d (bucket d at bucket[8d..], if filled[d]). */
  static void sum(long[] bucket, boolean[] filled, int lo, int hi, long[] out, int oo) {
    int range = hi - lo;
    int logK = (32 - Integer.numberOfLeadingZeros(range)) / 2;
    int k = 1 << logK, len = (range + k - 1) / k;
    long[] s = new long[8 * k], tt = new long[8 * k];
    boolean[] sFull = new boolean[k], tFull = new boolean[k], active = new boolean[k];
    int[] src = new int[k];
    long[] den = new long[4 * k], inv = new long[4 * k], t = new long[12];
    byte[] kind = new byte[k];
    int[] list = new int[k];
    for (int r = 0; r < len; r++) {
      for (int j = 0; j < k; j++) { // S_j ← S_j + B_d, d the chain's r-th digit from the top
        int d = Math.min(hi, lo + (j + 1) * len) - 1 - r;
        active[j] = d >= lo + j * len; // a short last chain ends early
        src[j] = active[j] && filled[d] ? 8 * d : -1;
      }
      step(s, sFull, bucket, src, k, den, inv, kind, list, t);
      for (int j = 0; j < k; j++) { // T_j ← T_j + S_j
        src[j] = active[j] && sFull[j] ? 8 * j : -1;
      }
      step(tt, tFull, s, src, k, den, inv, kind, list, t);
    }
    // Σ T_j, V = Σ S_j and U = Σ_j j·S_j (running sum from the top), all Jacobian
    long[] total = new long[12], v = new long[12], u = new long[12], g = new long[G1.SCRATCH_LONGS];
    G1.setInfinityJ(total, 0);
    G1.setInfinityJ(v, 0);
    G1.setInfinityJ(u, 0);
    for (int j = k - 1; j >= 0; j--) {
      if (tFull[j]) {
        G1.addMixed(total, 0, total, 0, tt, 8 * j, false, g);
      }
      if (sFull[j]) {
        G1.addMixed(v, 0, v, 0, s, 8 * j, false, g);
      }
      if (j > 0) {
        G1.addJ(u, 0, u, 0, v, 0, g);
      }
    }
    mulSmall(u, len, g);
    mulSmall(v, lo - 1, g);
    G1.addJ(total, 0, total, 0, u, 0, g);
    G1.addJ(out, oo, total, 0, v, 0, g);
  }

  /** a_j ← a_j + b[src_j..] for every j with src_j ≥ 0, empty a_j (not full) and results handled. */
  private static void step(long[] a, boolean[] full, long[] b, int[] src, int k, long[] den,
      long[] inv, byte[] kind, int[] list, long[] t) {
    int np = 0;
    for (int j = 0; j < k; j++) {
      int so = src[j];
      if (so < 0) {
        continue;
      }
      if (!full[j]) {
        System.arraycopy(b, so, a, 8 * j, 8);
        full[j] = true;
        continue;
      }
      kind[np] = BatchAffine.denominator(den, 4 * np, a, 8 * j, b, so);
      list[np++] = j;
    }
    if (np == 0) {
      return;
    }
    BatchAffine.invertAll(den, inv, np, t);
    for (int p = 0; p < np; p++) {
      int j = list[p];
      if (kind[p] == BatchAffine.CANCEL) {
        full[j] = false;
      } else {
        BatchAffine.add(a, 8 * j, a, 8 * j, b, src[j], kind[p], inv, 4 * p, t);
      }
    }
  }

  /** p ← m·p (Jacobian, m ≥ 0) by double-and-add. */
  static void mulSmall(long[] p, int m, long[] g) {
    long[] acc = new long[12];
    G1.setInfinityJ(acc, 0);
    for (int b = 31 - Integer.numberOfLeadingZeros(Math.max(1, m)); b >= 0; b--) {
      G1.dblJ(acc, 0, acc, 0, g);
      if (((m >>> b) & 1) != 0) {
        G1.addJ(acc, 0, acc, 0, p, 0, g);
      }
    }
    System.arraycopy(acc, 0, p, 0, 12);
  }
}
