package io.kubz.gkr.mle;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;

/**
 * Static kernels on MLE tables (see the package documentation for the bit order). Kernels do not
 * allocate beyond what their documentation says; above {@link #PARALLEL_MIN} entries they run
 * through {@link Parallel}.
 */
public final class Mle {
  /** Smallest chunk handed to one worker. */
  public static final int PARALLEL_MIN = 1 << 12;

  private Mle() {}

  /** The number of variables of a table of 2^v elements; IllegalArgumentException otherwise. */
  public static int vars(long[] table) {
    int n = table.length / 4;
    if (table.length % 4 != 0 || Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException(n + " elements is not a power of two");
    }
    return Integer.numberOfTrailingZeros(n);
  }

  /**
   * Binds variable 0 to r: dst[i] = src[2i] + r·(src[2i+1] − src[2i]) for i &lt; half. dst may be
   * src (then the loop runs ascending on the calling thread, which never overwrites an entry it
   * still has to read); otherwise the two must not overlap and large tables run in parallel.
   */
  public static void fixFirst(long[] dst, long[] src, int half, long[] r, int ro) {
    if (dst == src || half < 2 * PARALLEL_MIN) {
      fixFirstRange(dst, src, r, ro, 0, half);
    } else {
      Parallel.forRange(0, half, PARALLEL_MIN, (from, to) -> fixFirstRange(dst, src, r, ro, from, to));
    }
  }

  private static void fixFirstRange(long[] dst, long[] src, long[] r, int ro, int from, int to) {
    long[] d = new long[4]; // one temporary per call (per chunk), none per element
    for (int i = from; i < to; i++) {
      // dst[i] ← src[2i] + r·(src[2i+1] − src[2i])
      Fr.sub(d, 0, src, 8 * i + 4, src, 8 * i);
      Fr.mul(d, 0, d, 0, r, ro);
      Fr.add(dst, 4 * i, src, 8 * i, d, 0);
    }
  }

  /**
   * out[0..2^v) = c·eq(r, x) for every x, r = point[po..po+4v): variable k is processed with the
   * table at size 2^k, e[i + 2^k] = e[i]·r_k, e[i] = e[i] − e[i + 2^k], so it becomes bit k.
   * O(2^v) products; out must hold 2^v elements.
   */
  public static void eq(long[] out, long[] point, int po, int v, long[] c, int co) {
    Fr.copy(out, 0, c, co);
    for (int k = 0; k < v; k++) {
      int size = 1 << k;
      int rk = po + 4 * k;
      Parallel.forRange(0, size, PARALLEL_MIN, (from, to) -> {
        for (int i = from; i < to; i++) {
          Fr.mul(out, 4 * (i + size), out, 4 * i, point, rk);
          Fr.sub(out, 4 * i, out, 4 * i, out, 4 * (i + size));
        }
      });
    }
  }

  /** A fresh table of eq(r, ·) over the v = point.length/4 variables of the point. */
  public static long[] eq(long[] point) {
    int v = point.length / 4;
    long[] out = new long[4 << v];
    long[] one = new long[4];
    Fr.setOne(one, 0);
    eq(out, point, 0, v, one, 0);
    return out;
  }

  /**
   * z = f̃(r) for the 2^v-entry table f and r = point[po..po+4v), by binding variables 0, 1, …
   * in turn into a scratch of 2^(v−1) elements (allocated here; the table is not modified).
   */
  public static void evaluate(long[] z, int zo, long[] table, int v, long[] point, int po) {
    if (v == 0) {
      Fr.copy(z, zo, table, 0);
      return;
    }
    long[] w = new long[4 << (v - 1)];
    fixFirst(w, table, 1 << (v - 1), point, po);
    for (int k = 1; k < v; k++) {
      int half = 1 << (v - 1 - k);
      if (half >= 2 * PARALLEL_MIN) {
        long[] next = new long[4 * half];
        fixFirst(next, w, half, point, po + 4 * k);
        w = next;
      } else {
        fixFirst(w, w, half, point, po + 4 * k);
      }
    }
    Fr.copy(z, zo, w, 0);
  }

  /** f̃(point) for a table of point.length/4 variables. */
  public static Fr evaluate(long[] table, long[] point) {
    int v = vars(table);
    if (point.length != 4 * v) {
      throw new IllegalArgumentException(v + " variables but a point of " + point.length / 4);
    }
    long[] z = new long[4];
    evaluate(z, 0, table, v, point, 0);
    return Fr.readFrom(z, 0);
  }

  /** eq(a, b) = Π_k (a_k·b_k + (1 − a_k)(1 − b_k)) for two points of v coordinates. */
  public static Fr eqAt(long[] a, int ao, long[] b, int bo, int v) {
    long[] acc = new long[4];
    long[] t = new long[4];
    long[] u = new long[4];
    Fr.setOne(acc, 0);
    for (int k = 0; k < v; k++) {
      // a·b + (1 − a)(1 − b) = 1 − a − b + 2ab
      Fr.mul(t, 0, a, ao + 4 * k, b, bo + 4 * k);
      Fr.dbl(t, 0, t, 0);
      Fr.sub(t, 0, t, 0, a, ao + 4 * k);
      Fr.sub(t, 0, t, 0, b, bo + 4 * k);
      Fr.setOne(u, 0);
      Fr.add(t, 0, t, 0, u, 0);
      Fr.mul(acc, 0, acc, 0, t, 0);
    }
    return Fr.readFrom(acc, 0);
  }

  /** A flat point from values. */
  public static long[] point(Fr... coords) {
    long[] p = new long[4 * coords.length];
    for (int i = 0; i < coords.length; i++) {
      coords[i].writeTo(p, 4 * i);
    }
    return p;
  }

  /**
   * The MLE of x ↦ [x &lt; count] over s variables at z (the validity mask of a tensor of count
   * entries padded to 2^s): Σ over the set bits i of count of (1 − z_i)·Π_{i &lt; k &lt; s} (z_k if bit
   * k of count else 1 − z_k), and 1 when count ≥ 2^s. O(s).
   */
  public static Fr prefix(long[] z, int s, long count) {
    if (count >= 1L << s) {
      return Fr.ONE;
    }
    Fr sum = Fr.ZERO;
    Fr above = Fr.ONE; // Π over bits k > i of eq(z_k, bit k of count)
    for (int i = s - 1; i >= 0; i--) {
      Fr zi = Fr.readFrom(z, 4 * i);
      if (((count >> i) & 1) == 1) {
        sum = sum.add(above.mul(Fr.ONE.sub(zi)));
        above = above.mul(zi);
      } else {
        above = above.mul(Fr.ONE.sub(zi));
      }
    }
    return sum;
  }
}
