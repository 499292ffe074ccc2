package io.kubz.field.msm;

import java.util.Arrays;

/**
 * The buckets of one Pippenger window: B_j = Σ_{i : digit_i = ±(j+1)} ±P_i for j &lt; 2^(c−1),
 * then the window sum Σ_j (j+1)·B_j by the running-sum trick (S ← S + B_j, T ← T + S, top down).
 *
 * <p>With many buckets the additions are done in affine coordinates in batches: a batch collects
 * up to {@code batchMax} pairs (bucket, point) with distinct buckets, inverts all denominators
 * x_P − x_B with one field inversion (Montgomery's trick: 3 multiplications each), then
 * λ = (y_P − y_B)/(x_P − x_B), x₃ = λ² − x_B − x_P, y₃ = λ(x_B − x₃) − y_B: about 6 multiplications
 * per addition against 11 for a mixed Jacobian one. A point whose bucket is already in the batch is
 * deferred to the next batch (up to batchMax/2 of them); past that, or when its x equals the
 * bucket's (doubling or cancellation), it goes into a Jacobian side bucket by a complete mixed
 * addition instead; the window sum adds both. With very few buckets (tiny inputs) all additions
 * are mixed Jacobian ones. One instance serves one thread, window after window.
 */
final class WindowBuckets {
  private final MsmCurve g;
  private final int f, a, j, buckets, copies, batchMax;
  private int batchLimit; // additions per inversion in the current window, ≤ batchMax
  private final boolean batch;
  private final long[] aff; // affine buckets
  private final boolean[] filled;
  private final long[] jac; // Jacobian side buckets, valid where sideStamp == window
  private final int[] sideStamp; // sideStamp[b] == window: side bucket b is in use this window
  private int window;
  private final int[] stamp; // stamp[b] == gen: bucket b is in the current batch
  private int gen = 1;
  private final int[] qBucket, qPoint; // the batch
  private final boolean[] qNeg;
  private int qn;
  private int[] pBucket, pPoint, pBucket2, pPoint2; // deferred additions (double-buffered)
  private boolean[] pNeg, pNeg2;
  private int pn;
  private final int pendMax;
  private final long[] den, pre, t, tmp;
  private long[] second; // the second array of points during a window, or null
  private int split = Integer.MAX_VALUE; // points from here on are in second

  WindowBuckets(MsmCurve g, int c, boolean batch, int batchMax) {
    this(g, c, 1, batch, batchMax);
  }

  /**
   * {@code copies} (a power of two) buckets per digit: point i goes to copy i mod copies, so that
   * few distinct digits (small scalars) still fill a batch with distinct buckets.
   */
  WindowBuckets(MsmCurve g, int c, int copies, boolean batch, int batchMax) {
    this.g = g;
    this.f = g.fieldLongs();
    this.a = g.affineLongs();
    this.j = g.jacobianLongs();
    this.copies = copies;
    this.buckets = (1 << (c - 1)) * copies;
    this.batch = batch;
    this.batchMax = batchMax;
    this.batchLimit = batchMax;
    this.jac = new long[buckets * j];
    this.sideStamp = new int[buckets];
    this.t = new long[g.scratchLongs()];
    this.tmp = new long[4 * f];
    if (batch) {
      aff = new long[buckets * a];
      filled = new boolean[buckets];
      stamp = new int[buckets];
      qBucket = new int[batchMax];
      qPoint = new int[batchMax];
      qNeg = new boolean[batchMax];
      pendMax = batchMax / 2;
      pBucket = new int[pendMax];
      pPoint = new int[pendMax];
      pNeg = new boolean[pendMax];
      pBucket2 = new int[pendMax];
      pPoint2 = new int[pendMax];
      pNeg2 = new boolean[pendMax];
      den = new long[batchMax * f];
      pre = new long[batchMax * f];
    } else {
      aff = null;
      filled = null;
      stamp = null;
      qBucket = qPoint = null;
      qNeg = null;
      den = pre = null;
      pendMax = 0;
    }
  }

  /**
   * Accumulates points base0 + i (i &lt; n) with digits {@code digits[off + i]} (0, or
   * (|d|·2 + sign) − 1, see {@link #code}) and writes the window sum (Jacobian) to {@code out[oo..]}.
   */
  void window(long[] bases, int base0, char[] digits, int off, int n, long[] out, int oo) {
    window(bases, null, base0, n, digits, off, n, out, oo);
  }

  /**
   * As above over n entries of which entry e is point base0 + e of {@code bases} for e &lt; half and
   * point base0 + e − half of {@code second} otherwise (the GLV images φ(P), {@link GlvMsm}).
   */
  void window(long[] bases, long[] second, int base0, int half, char[] digits, int off, int n,
      long[] out, int oo) {
    this.second = second;
    this.split = second == null ? Integer.MAX_VALUE : bases.length / a;
    window++; // side buckets of earlier windows are stale, without clearing (buckets·j longs)
    if (batch) {
      Arrays.fill(filled, false);
    }
    // a top window's batch cut below 16 does not pay for its inversion (about 60 multiplications)
    boolean affine = batch && (batchLimit == batchMax || batchLimit >= 16);
    for (int i = 0; i < n; i++) {
      int d = digits[off + i] + 1;
      if (d == 1) {
        continue;
      }
      int b = ((d >>> 1) - 1) * copies + (i & (copies - 1));
      boolean neg = (d & 1) != 0;
      int p = i < half ? base0 + i : split + base0 + i - half;
      if (!affine) {
        g.addMixed(jac, side(b), jac, b * j, src(bases, p), off(p), neg, t);
      } else {
        add(bases, b, p, neg);
        if (qn == batchLimit) {
          flush(bases);
          drain(bases);
        }
      }
    }
    if (affine) {
      while (qn > 0 || pn > 0) {
        flush(bases);
        drain(bases);
      }
    }
    this.second = null;
    reduce(out, oo);
  }

  /**
   * Caps the batch at a quarter of the buckets a window's digits can reach, 2^(bits − 1)·copies for digits
   * of up to {@code bits} bits (a top window holds the scalars' last few bits): a batch nearly as
   * large as the buckets in use would defer most points and spill them into Jacobian side buckets.
   * Applies to the following windows.
   */
  void limitBatch(int bits) {
    long reach = (1L << Math.min(30, Math.max(0, bits - 1))) * copies;
    batchLimit = (int) Math.max(1, Math.min(batchMax, reach / 4));
  }

  /** The digit code of a signed digit ±abs (abs ≤ 2^15; −2^15 excluded): 0 for 0. */
  static char code(int abs, boolean negative) {
    return (char) (abs == 0 ? 0 : ((abs << 1) | (negative ? 1 : 0)) - 1);
  }

  /** Offset of side bucket b, set to infinity at its first use in this window. */
  private int side(int b) {
    if (sideStamp[b] != window) {
      sideStamp[b] = window;
      g.setInfinityJ(jac, b * j);
    }
    return b * j;
  }

  /** The array holding point p (numbered across both arrays). */
  private long[] src(long[] bases, int p) {
    return p < split ? bases : second;
  }

  /** Offset of point p in its array. */
  private int off(int p) {
    return (p < split ? p : p - split) * a;
  }

  /** Bucket b ← b ± P_i: fills an empty bucket, else queues the affine addition or defers it. */
  private void add(long[] bases, int b, int i, boolean neg) {
    int bo = b * a, po = off(i);
    long[] pts = src(bases, i);
    if (!filled[b]) {
      System.arraycopy(pts, po, aff, bo, f);
      if (neg) {
        g.fNeg(aff, bo + f, pts, po + f);
      } else {
        System.arraycopy(pts, po + f, aff, bo + f, f);
      }
      filled[b] = true;
    } else if (stamp[b] == gen) { // bucket already in this batch: retry after the flush
      if (pn < pendMax) {
        pBucket[pn] = b;
        pPoint[pn] = i;
        pNeg[pn++] = neg;
      } else {
        g.addMixed(jac, side(b), jac, b * j, pts, po, neg, t);
      }
    } else if (g.fEqual(aff, bo, pts, po)) { // doubling or cancellation: the complete formula
      g.addMixed(jac, side(b), jac, b * j, pts, po, neg, t);
    } else {
      stamp[b] = gen;
      qBucket[qn] = b;
      qPoint[qn] = i;
      qNeg[qn++] = neg;
    }
  }

  /** Re-offers the deferred additions to the (fresh) batch; fewer than batchMax of them. */
  private void drain(long[] bases) {
    int m = pn;
    int[] bs = pBucket, ps = pPoint;
    boolean[] ns = pNeg;
    pBucket = pBucket2;
    pPoint = pPoint2;
    pNeg = pNeg2;
    pBucket2 = bs;
    pPoint2 = ps;
    pNeg2 = ns;
    pn = 0;
    for (int k = 0; k < m; k++) {
      add(bases, bs[k], ps[k], ns[k]);
    }
  }

  /** Performs the queued affine additions B ← B ± P with one inversion. */
  private void flush(long[] bases) {
    if (qn == 0) {
      return;
    }
    final int acc = 0, inv = f, lam = 2 * f, x3 = 3 * f;
    g.fSetOne(tmp, acc);
    for (int k = 0; k < qn; k++) {
      int ko = k * f;
      System.arraycopy(tmp, acc, pre, ko, f); // pre_k = Π_{m<k} den_m
      g.fSub(den, ko, src(bases, qPoint[k]), off(qPoint[k]), aff, qBucket[k] * a); // den_k = x_P − x_B
      g.fMul(tmp, acc, tmp, acc, den, ko);
    }
    g.fInverse(tmp, inv, tmp, acc);
    for (int k = qn - 1; k >= 0; k--) {
      int ko = k * f;
      g.fMul(pre, ko, pre, ko, tmp, inv); // 1/den_k
      g.fMul(tmp, inv, tmp, inv, den, ko); // 1/Π_{m<k} den_m
    }
    for (int k = 0; k < qn; k++) {
      int bo = qBucket[k] * a, po = off(qPoint[k]), ko = k * f;
      long[] pts = src(bases, qPoint[k]);
      if (qNeg[k]) { // (−y_P − y_B)
        g.fAdd(tmp, lam, pts, po + f, aff, bo + f);
        g.fNeg(tmp, lam, tmp, lam);
      } else {
        g.fSub(tmp, lam, pts, po + f, aff, bo + f);
      }
      g.fMul(tmp, lam, tmp, lam, pre, ko); // λ
      g.fSquare(tmp, x3, tmp, lam);
      g.fSub(tmp, x3, tmp, x3, aff, bo);
      g.fSub(tmp, x3, tmp, x3, pts, po); // x₃ = λ² − x_B − x_P
      g.fSub(aff, bo, aff, bo, tmp, x3); // x_B − x₃
      g.fMul(aff, bo, aff, bo, tmp, lam);
      g.fSub(aff, bo + f, aff, bo, aff, bo + f); // y₃ = λ(x_B − x₃) − y_B
      System.arraycopy(tmp, x3, aff, bo, f);
    }
    qn = 0;
    gen++;
  }

  /** out = Σ_d d·(its affine and side buckets, every copy), by running sums from the top. */
  private void reduce(long[] out, int oo) {
    long[] s = new long[j], tot = new long[j];
    g.setInfinityJ(s, 0);
    g.setInfinityJ(tot, 0);
    for (int b = buckets - 1; b >= 0; b--) {
      if (batch && filled[b]) {
        g.addMixed(s, 0, s, 0, aff, b * a, false, t);
      }
      if (sideStamp[b] == window && !g.isInfinityJ(jac, b * j)) {
        g.addJ(s, 0, s, 0, jac, b * j, t);
      }
      if (b % copies == 0) { // all copies of digit b / copies + 1 are in s
        g.addJ(tot, 0, tot, 0, s, 0, t);
      }
    }
    System.arraycopy(tot, 0, out, oo, j);
  }
}
