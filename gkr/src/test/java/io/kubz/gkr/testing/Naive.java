package io.kubz.gkr.testing;

import io.kubz.field.Fr;
import java.math.BigInteger;
import java.util.Random;

/** Oracles by the definitions, on BigInteger: f̃(r) = Σ_i f[i]·Π_k eq(r_k, bit k of i). */
public final class Naive {
  private static final BigInteger P = Fr.MODULUS;

  private Naive() {}

  public static BigInteger[] big(long[] flat) {
    BigInteger[] out = new BigInteger[flat.length / 4];
    for (int i = 0; i < out.length; i++) {
      out[i] = Fr.toBigInteger(flat, 4 * i);
    }
    return out;
  }

  /** Σ_i f[i]·Π_k (bit_k(i) ? r_k : 1 − r_k): the MLE by its definition, variable k = bit k. */
  public static BigInteger mle(BigInteger[] f, BigInteger[] r) {
    BigInteger sum = BigInteger.ZERO;
    for (int i = 0; i < f.length; i++) {
      sum = sum.add(f[i].multiply(eq(r, i)));
    }
    return sum.mod(P);
  }

  public static BigInteger eq(BigInteger[] r, int bits) {
    BigInteger w = BigInteger.ONE;
    for (int k = 0; k < r.length; k++) {
      w = w.multiply(((bits >> k) & 1) == 1 ? r[k] : BigInteger.ONE.subtract(r[k]).mod(P)).mod(P);
    }
    return w;
  }

  public static long[] randomTable(Random rnd, int vars) {
    long[] t = new long[4 << vars];
    for (int i = 0; i < 1 << vars; i++) {
      Fr.random(rnd).writeTo(t, 4 * i);
    }
    return t;
  }

  public static long[] randomPoint(Random rnd, int vars) {
    return flat(rnd, vars);
  }

  private static long[] flat(Random rnd, int n) {
    long[] t = new long[4 * n];
    for (int i = 0; i < n; i++) {
      Fr.random(rnd).writeTo(t, 4 * i);
    }
    return t;
  }

  public static long[] small(long... values) {
    long[] t = new long[4 * values.length];
    for (int i = 0; i < values.length; i++) {
      Fr.set(t, 4 * i, values[i]);
    }
    return t;
  }
}
