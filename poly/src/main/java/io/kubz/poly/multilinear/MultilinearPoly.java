package io.kubz.poly.multilinear;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;

/**
 * A multilinear polynomial in v variables given by its 2^v evaluations on the hypercube, flat
 * (4 limbs each, Montgomery), x_1 the most significant index bit. Immutable from the outside:
 * operations return new polynomials; {@link #limbs()} exposes the backing array for provers.
 */
public final class MultilinearPoly {
  private final int vars;
  private final long[] t;

  private MultilinearPoly(int vars, long[] t) {
    this.vars = vars;
    this.t = t;
  }

  /** Wraps 2^v evaluations (length 4·2^v) without copying. */
  public static MultilinearPoly wrap(long[] evals) {
    int n = evals.length / 4;
    if (evals.length % 4 != 0 || Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException(n + " evaluations is not a power of two");
    }
    return new MultilinearPoly(Integer.numberOfTrailingZeros(n), evals);
  }

  public static MultilinearPoly of(Fr... evals) {
    long[] t = new long[4 * evals.length];
    for (int i = 0; i < evals.length; i++) {
      evals[i].writeTo(t, 4 * i);
    }
    return wrap(t);
  }

  public int numVars() {
    return vars;
  }

  public int size() {
    return 1 << vars;
  }

  public long[] limbs() {
    return t;
  }

  public Fr value(int i) {
    return Fr.readFrom(t, 4 * i);
  }

  /** f̃(r, x_2, …, x_v): t'[i] ← t[i] + r·(t[i + half] − t[i]). */
  public MultilinearPoly fixFirstVariable(Fr r) {
    if (vars == 0) {
      throw new IllegalStateException("no variable left to fix");
    }
    long[] rl = new long[4];
    r.writeTo(rl, 0);
    int half = 1 << (vars - 1);
    long[] z = new long[4 * half];
    fold(t, z, half, rl);
    return new MultilinearPoly(vars - 1, z);
  }

  /** z[i] = x[i] + r·(x[i + half] − x[i]) for i &lt; half; z may alias x. */
  static void fold(long[] x, long[] z, int half, long[] r) {
    Parallel.forRange(0, half, 1 << 12, (from, to) -> {
      long[] d = new long[4];
      for (int i = from; i < to; i++) {
        Fr.sub(d, 0, x, 4 * (i + half), x, 4 * i);
        Fr.mul(d, 0, d, 0, r, 0);
        Fr.add(z, 4 * i, x, 4 * i, d, 0);
      }
    });
  }

  /** f̃(r_1, …, r_v) by folding every variable in turn (O(2^v)). */
  public Fr evaluate(Fr... r) {
    if (r.length != vars) {
      throw new IllegalArgumentException(vars + " variables but " + r.length + " values");
    }
    long[] w = t.clone();
    long[] rl = new long[4];
    for (int k = 0; k < vars; k++) {
      r[k].writeTo(rl, 0);
      fold(w, w, 1 << (vars - 1 - k), rl);
    }
    return Fr.readFrom(w, 0);
  }

  /**
   * The table eq(b, r) for all b ∈ {0,1}^v in the same index order, built variable by variable:
   * each entry e splits into e·(1 − r_k) (b_k = 0) and e·r_k (b_k = 1), b_k a new low bit.
   */
  public static MultilinearPoly eqTable(Fr... r) {
    int v = r.length;
    long[] e = new long[4];
    Fr.setOne(e, 0);
    long[] rk = new long[4];
    for (int k = 0; k < v; k++) {
      r[k].writeTo(rk, 0);
      long[] src = e;
      long[] dst = new long[8 << k];
      Parallel.forRange(0, 1 << k, 1 << 12, (from, to) -> {
        for (int i = from; i < to; i++) {
          Fr.mul(dst, 4 * (2 * i + 1), src, 4 * i, rk, 0);
          Fr.sub(dst, 4 * (2 * i), src, 4 * i, dst, 4 * (2 * i + 1));
        }
      });
      e = dst;
    }
    return new MultilinearPoly(v, e);
  }
}
