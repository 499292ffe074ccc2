package io.kubz.plonkish.verifier;

import io.kubz.field.Fr;

/**
 * An instance column's polynomial at a point z ∉ H, as {@code Protocol.instanceAt} defines it,
 * Σ_i v_i·L_i(z) = (z^n − 1)/n · Σ_i v_i·ω^i/(z − ω^i), but with ω^i stepped row by row and the
 * z − ω^i of the non-zero cells inverted in one batch: a few multiplications per cell instead of
 * an exponentiation and an inversion, so that a bundle's public values cost the verifier time in
 * proportion to their bytes with a small constant.
 */
final class InstanceEvaluation {
  private InstanceEvaluation() {}

  static Fr at(Fr[] values, Fr z, int k) {
    int n = 1 << k;
    long[] w = new long[4];
    Fr.rootOfUnity(w, 0, k);
    Fr omega = Fr.readFrom(w, 0);
    int m = 0;
    for (Fr v : values) {
      m += v.isZero() ? 0 : 1;
    }
    long[] wi = new long[4 * m];
    long[] den = new long[4 * m];
    Fr p = Fr.ONE;
    int j = 0;
    for (Fr v : values) {
      if (!v.isZero()) {
        p.writeTo(wi, 4 * j);
        z.sub(p).writeTo(den, 4 * j);
        j++;
      }
      p = p.mul(omega);
    }
    Fr.batchInverse(den, 0, m);
    Fr sum = Fr.ZERO;
    j = 0;
    for (Fr v : values) {
      if (!v.isZero()) {
        sum = sum.add(v.mul(Fr.readFrom(wi, 4 * j)).mul(Fr.readFrom(den, 4 * j)));
        j++;
      }
    }
    return sum.mul(z.pow(n).sub(Fr.ONE).mul(Fr.of(n).inverse()));
  }
}
