package io.kubz.plonkish.prover;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;
import io.kubz.poly.ntt.Domain;
import io.kubz.poly.ntt.Ntt;
import java.math.BigInteger;

/** Column-polynomial helpers of the prover: shifted evaluations and evaluation at a point. */
public final class PolyOps {
  private static final java.util.concurrent.ConcurrentHashMap<Integer, Domain> DOMAINS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private PolyOps() {}

  /** The shared domain of size 2^k (its twiddles are computed once). */
  public static Domain domain(int k) {
    return DOMAINS.computeIfAbsent(k, Domain::of);
  }

  /**
   * Coefficients of the domain polynomials FIRST = L_0, LAST = L_u and BLIND = Σ_{i&gt;u} L_i on
   * the domain of size 2^k, in that order.
   */
  public static long[][] domainPolys(int k, int usable) {
    int n = 1 << k;
    long[][] out = new long[3][4 * n];
    Fr.setOne(out[0], 0);
    Fr.setOne(out[1], 4 * usable);
    for (int i = usable + 1; i < n; i++) {
      Fr.setOne(out[2], 4 * i);
    }
    for (long[] a : out) {
      Ntt.radix2().inverse(domain(k), a);
    }
    return out;
  }

  /** a[i] ← a[i]·s^i for i &lt; n, in place. */
  static void scaleByPowers(long[] a, int n, Fr s) {
    long[] sl = new long[4];
    s.writeTo(sl, 0);
    Parallel.forRange(0, n, 1 << 12, (from, to) -> {
      long[] p = new long[4];
      Fr.pow(p, 0, sl, 0, BigInteger.valueOf(from));
      for (int i = from; i < to; i++) {
        Fr.mul(a, 4 * i, a, 4 * i, p, 0);
        Fr.mul(p, 0, p, 0, sl, 0);
      }
    });
  }

  /** Evaluations of the coefficient vector {@code coeffs} (n elements) at s·ω^i, i &lt; n. */
  static long[] onCoset(long[] coeffs, Domain d, Fr s) {
    long[] a = java.util.Arrays.copyOf(coeffs, 4 * d.size());
    scaleByPowers(a, d.size(), s);
    Ntt.radix2().forward(d, a);
    return a;
  }

  /** As {@link #onCoset(long[], Domain, Fr)} with the powers of s given ({@link #powers}). */
  static long[] onCoset(long[] coeffs, Domain d, long[] powers) {
    int n = d.size();
    long[] a = new long[4 * n];
    int len = Math.min(n, coeffs.length / 4);
    Parallel.forRange(0, len, 1 << 12, (from, to) -> {
      for (int i = from; i < to; i++) {
        Fr.mul(a, 4 * i, coeffs, 4 * i, powers, 4 * i); // a_i·s^i
      }
    });
    Ntt.radix2().forward(d, a);
    return a;
  }

  /** Coefficients → evaluation at z (Horner per chunk, chunks joined by powers of z). */
  public static Fr evaluate(long[] coeffs, int n, Fr z) {
    long[] zl = new long[4];
    z.writeTo(zl, 0);
    int chunks = Math.max(1, Math.min(Parallel.threads() * 2, n / 4096));
    long[] partial = new long[4 * chunks];
    int used = Parallel.forChunks(0, n, chunks, (c, from, to) -> {
      // Σ_{i∈[from,to)} a_i·z^i = z^from · Horner(a_from..a_{to−1})
      long[] acc = new long[4];
      for (int i = to - 1; i >= from; i--) {
        Fr.mul(acc, 0, acc, 0, zl, 0);
        Fr.add(acc, 0, acc, 0, coeffs, 4 * i);
      }
      long[] p = new long[4];
      Fr.pow(p, 0, zl, 0, BigInteger.valueOf(from));
      Fr.mul(partial, 4 * c, acc, 0, p, 0);
    });
    long[] sum = new long[4];
    for (int c = 0; c < used; c++) {
      Fr.add(sum, 0, sum, 0, partial, 4 * c);
    }
    return Fr.readFrom(sum, 0);
  }
}
