package io.kubz.field.msm;

import io.kubz.field.Fq;
import io.kubz.field.G1;
import java.util.Arrays;

/**
 * The 2^c affine G1 buckets of one small-scalar window, filled with batch-affine additions only:
 * B_d = Σ_{i : digit_i = d} sign_i·P_i for 1 ≤ d &lt; 2^c.
 *
 * <p>Points come in blocks of {@link #BLOCK}. A block is sorted by digit (counting sort over the
 * digits it touches), each digit's group being [B_d (if filled), its points…]; then every group is
 * summed by a tree of pairwise additions: at each level all adjacent pairs of a group,
 * (0,1), (2,3), …, are added at once, their denominators inverted together (Montgomery's trick:
 * 3 multiplications each and one inversion per level), then
 * λ = (y₂ − y₁)/(x₂ − x₁), x₃ = λ² − x₁ − x₂, y₃ = λ(x₁ − x₃) − y₁ — about 6 multiplications per
 * addition, against 11 for a mixed Jacobian one. Repeated digits (many equal small values) only make
 * the tree deeper; no addition ever waits for another. A pair with equal x is a doubling
 * (λ = 3x₁²/2y₁; BN254's G1 has no point with y = 0) or cancels (P + (−P): the pair vanishes, and
 * a group that cancels entirely leaves its bucket empty). One instance serves one thread.
 */
final class SortedBuckets {
  /** Points per block: the block's points (≤ 1 MiB) and scratch stay in the L2 cache. */
  static final int BLOCK = 1 << 13;

  private final int mask, blk;
  final long[] bucket; // affine, 8 longs per digit
  final boolean[] filled;
  private final int[] count; // per digit: points in the block, then its next write position
  private final int[] touched; // digits of the block, first-seen order
  private final int[] index, digit; // the block's points and their digits
  private final int[] grp; // digit of each list entry
  private final long[] pts; // the list being summed, affine
  private final int[] pairAt;
  private final byte[] kind;
  private final long[] den, pre;
  private final long[] t = new long[16];

  /** Buckets for digits below 2^c (1 ≤ c ≤ 16), for at most {@code points} points at a time. */
  SortedBuckets(int c, int points) {
    int nb = 1 << c;
    mask = nb - 1;
    blk = Math.max(1, Math.min(BLOCK, points));
    touched = new int[blk];
    index = new int[blk];
    digit = new int[blk];
    grp = new int[2 * blk];
    pts = new long[2 * blk * G1.AFFINE_LONGS];
    pairAt = new int[blk];
    kind = new byte[blk];
    den = new long[4 * blk];
    pre = new long[4 * blk];
    bucket = new long[nb * G1.AFFINE_LONGS];
    filled = new boolean[nb];
    count = new int[nb];
  }

  /** Empties every bucket. */
  void clear() {
    Arrays.fill(filled, false);
  }

  /**
   * B_d += sign(v_i)·P_i for i in [from, to) whose digit d = (|v_i| &gt;&gt;&gt; shift) mod 2^c lies
   * in [lo, hi) (1 ≤ lo; |v| read as unsigned, so Long.MIN_VALUE is 2^63). Points at infinity are
   * skipped.
   */
  void accumulate(long[] bases, long[] values, int from, int to, int shift, int lo, int hi) {
    for (int s = from; s < to; ) {
      s = block(bases, values, s, to, shift, lo, hi);
    }
  }

  /** Takes the next (up to) blk selected points from index s on; returns the index after them. */
  private int block(long[] bases, long[] values, int s, int to, int shift, int lo, int hi) {
    int nt = 0, k = 0, i = s;
    for (; i < to && k < blk; i++) {
      long v = values[i];
      int d = (int) (((v < 0 ? -v : v) >>> shift) & mask);
      if (d < lo || d >= hi || G1.isInfinityAffine(bases, G1.AFFINE_LONGS * i)) {
        continue;
      }
      index[k] = i;
      digit[k++] = d;
      if (count[d]++ == 0) {
        touched[nt++] = d;
      }
    }
    // lay out the groups: [bucket if filled, then the points], in first-seen order of digits
    int pos = 0;
    for (int q = 0; q < nt; q++) {
      int d = touched[q], cnt = count[d];
      if (filled[d]) {
        System.arraycopy(bucket, d * 8, pts, pos * 8, 8);
        grp[pos++] = d;
        filled[d] = false;
      }
      count[d] = pos;
      pos += cnt;
    }
    for (int q = 0; q < k; q++) {
      int d = digit[q], at = count[d]++, po = at * 8, bo = index[q] * 8;
      grp[at] = d;
      System.arraycopy(bases, bo, pts, po, 4);
      if (values[index[q]] < 0) {
        Fq.neg(pts, po + 4, bases, bo + 4);
      } else {
        System.arraycopy(bases, bo + 4, pts, po + 4, 4);
      }
    }
    for (int q = 0; q < nt; q++) {
      count[touched[q]] = 0;
    }
    int left = sumGroups(pos);
    for (int q = 0; q < left; q++) {
      int d = grp[q];
      System.arraycopy(pts, q * 8, bucket, d * 8, 8);
      filled[d] = true;
    }
    return i;
  }

  /**
   * Adds adjacent entries of equal digit, level by level, until every digit has at most one entry;
   * entries found alone are written to their buckets on the way. Returns the number of entries
   * left in the list (compacted in place, order kept), each alone in its digit.
   */
  private int sumGroups(int m) {
    while (true) {
      int np = 0;
      for (int k = 0; k + 1 < m; ) {
        if (grp[k] != grp[k + 1]) {
          k++;
          continue;
        }
        kind[np] = BatchAffine.denominator(den, 4 * np, pts, 8 * k, pts, 8 * k + 8);
        pairAt[np++] = k;
        k += 2;
      }
      if (np == 0) {
        return m;
      }
      BatchAffine.invertAll(den, pre, np, t);
      // results and unpaired entries: an entry alone in its group (no surviving neighbour of its
      // digit) is final and goes straight to its bucket; the others are compacted for the next level
      int w = 0, p = 0, last = -1;
      for (int k = 0; k < m; ) {
        int g = grp[k];
        boolean pair = p < np && pairAt[p] == k;
        int next = k + (pair ? 2 : 1) < m ? grp[k + (pair ? 2 : 1)] : -1;
        if (pair && kind[p] == BatchAffine.CANCEL) {
          k += 2;
          p++;
          continue;
        }
        long[] dst = pts;
        int o = w * 8;
        if (g != last && g != next) {
          dst = bucket;
          o = g * 8;
          filled[g] = true;
        } else {
          grp[w++] = g;
        }
        if (pair) {
          BatchAffine.add(dst, o, pts, 8 * k, pts, 8 * k + 8, kind[p], pre, 4 * p, t); // o ≤ 8k
          k += 2;
          p++;
        } else {
          if (dst != pts || o != 8 * k) {
            System.arraycopy(pts, 8 * k, dst, o, 8);
          }
          k++;
        }
        last = g;
      }
      m = w;
    }
  }

  /**
   * out[oo..] (Jacobian) = Σ_{lo ≤ d &lt; hi} d·B_d: by {@link BucketReduction} for many buckets;
   * for few, running sums from the top (S ← S + B_d, T ← T + S) give T = Σ (d − lo + 1)·B_d and
   * S = Σ B_d, and the result is T + (lo − 1)·S. tt: {@link G1#SCRATCH_LONGS} longs of scratch.
   */
  void windowSum(long[] out, int oo, int lo, int hi, long[] tt) {
    if (hi - lo >= BucketReduction.CHAINS_MIN) {
      BucketReduction.sum(bucket, filled, lo, hi, out, oo);
      return;
    }
    long[] s = new long[G1.JACOBIAN_LONGS], sum = new long[G1.JACOBIAN_LONGS];
    G1.setInfinityJ(s, 0);
    G1.setInfinityJ(sum, 0);
    for (int d = hi - 1; d >= lo; d--) {
      if (filled[d]) {
        G1.addMixed(s, 0, s, 0, bucket, d * 8, false, tt);
      }
      G1.addJ(sum, 0, sum, 0, s, 0, tt);
    }
    BucketReduction.mulSmall(s, lo - 1, tt);
    G1.addJ(out, oo, sum, 0, s, 0, tt);
  }
}
