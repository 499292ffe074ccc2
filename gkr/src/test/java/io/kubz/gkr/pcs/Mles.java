package io.kubz.gkr.pcs;

import io.kubz.field.Fr;
import java.math.BigInteger;
import java.util.Random;

/** Test helpers: random MLEs and the naive BigInteger evaluation oracle. */
final class Mles {
  private Mles() {}

  static final BigInteger R = Fr.MODULUS;

  /** 2^n evaluations, a mix of small signed integers, special values and full-width elements. */
  static long[] random(Random rnd, int n) {
    long[] e = new long[4 << n];
    for (int i = 0; i < (1 << n); i++) {
      Fr v = switch (rnd.nextInt(6)) {
        case 0 -> Fr.ZERO;
        case 1 -> Fr.ONE.neg();
        case 2, 3 -> Fr.of(rnd.nextInt(1 << 16) - (1 << 15));
        default -> Fr.random(rnd);
      };
      v.writeTo(e, 4 * i);
    }
    return e;
  }

  static Fr[] point(Random rnd, int n) {
    Fr[] u = new Fr[n];
    for (int i = 0; i < n; i++) {
      u[i] = rnd.nextInt(8) == 0 ? Fr.of(rnd.nextInt(2)) : Fr.random(rnd);
    }
    return u;
  }

  /** f~(u) = Σ_b f[b]·Π_i (b_i ? u_i : 1 − u_i), variable i = bit i of b, in BigInteger. */
  static Fr evaluate(long[] f, Fr[] u) {
    int size = f.length / 4;
    BigInteger sum = BigInteger.ZERO;
    for (int b = 0; b < size; b++) {
      BigInteger term = Fr.toBigInteger(f, 4 * b);
      for (int i = 0; i < u.length; i++) {
        BigInteger ui = u[i].toBigInteger();
        term = term.multiply(((b >> i) & 1) == 1 ? ui : BigInteger.ONE.subtract(ui)).mod(R);
      }
      sum = sum.add(term);
    }
    return Fr.of(sum.mod(R));
  }

  /** Σ_b f[b]·x^b in BigInteger (the univariate polynomial HyperKZG commits). */
  static Fr univariate(long[] f, Fr x) {
    BigInteger xb = x.toBigInteger();
    BigInteger acc = BigInteger.ZERO;
    for (int b = f.length / 4 - 1; b >= 0; b--) {
      acc = acc.multiply(xb).add(Fr.toBigInteger(f, 4 * b)).mod(R);
    }
    return Fr.of(acc);
  }
}
