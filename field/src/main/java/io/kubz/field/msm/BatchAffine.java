package io.kubz.field.msm;

import io.kubz.field.Fq;

/**
 * Affine G1 additions P + Q whose denominators are inverted together (Montgomery's trick: one
 * inversion and 3 multiplications per addition), then λ = (y_Q − y_P)/(x_Q − x_P), or 3x_P²/2y_P
 * when P = Q, x₃ = λ² − x_P − x_Q, y₃ = λ(x_P − x₃) − y_P: 3 more multiplications. P = −Q is flagged
 * {@link #CANCEL} (the sum is infinity); BN254's G1 has no point with y = 0, so 2y_P is invertible.
 * Points are 8 longs (x‖y, Montgomery), finite.
 */
final class BatchAffine {
  private BatchAffine() {}

  static final byte ADD = 0, DOUBLE = 1, CANCEL = 2;

  /** den[dn..] = the denominator of p + q (1 for a cancellation); returns the kind of addition. */
  static byte denominator(long[] den, int dn, long[] p, int po, long[] q, int qo) {
    Fq.sub(den, dn, q, qo, p, po); // x_Q − x_P
    if (!Fq.isZero(den, dn)) {
      return ADD;
    }
    if (Fq.equal(p, po + 4, q, qo + 4)) {
      Fq.dbl(den, dn, p, po + 4); // 2y_P
      return DOUBLE;
    }
    Fq.setOne(den, dn);
    return CANCEL;
  }

  /**
   * inv[4k..] = 1/den[4k..] for k &lt; n (all non-zero), with one field inversion; t: 8 longs of
   * scratch. inv and den must not overlap.
   */
  static void invertAll(long[] den, long[] inv, int n, long[] t) {
    final int acc = 0, ia = 4;
    Fq.setOne(t, acc);
    for (int k = 0; k < n; k++) {
      System.arraycopy(t, acc, inv, 4 * k, 4); // Π_{m<k} den_m
      Fq.mul(t, acc, t, acc, den, 4 * k);
    }
    Fq.inverse(t, ia, t, acc);
    for (int k = n - 1; k >= 0; k--) {
      Fq.mul(inv, 4 * k, inv, 4 * k, t, ia);
      Fq.mul(t, ia, t, ia, den, 4 * k);
    }
  }

  /**
   * z = p + q for an {@link #ADD} or {@link #DOUBLE} whose inverted denominator is inv[io..];
   * z may alias p or q. t: 12 longs of scratch.
   */
  static void add(long[] z, int zo, long[] p, int po, long[] q, int qo, byte kind, long[] inv, int io,
      long[] t) {
    final int lam = 0, x3 = 4, y3 = 8;
    if (kind == ADD) {
      Fq.sub(t, lam, q, qo + 4, p, po + 4); // y_Q − y_P
    } else {
      Fq.square(t, lam, p, po);
      Fq.dbl(t, x3, t, lam);
      Fq.add(t, lam, t, lam, t, x3); // 3x_P²
    }
    Fq.mul(t, lam, t, lam, inv, io); // λ
    Fq.square(t, x3, t, lam);
    Fq.sub(t, x3, t, x3, p, po);
    Fq.sub(t, x3, t, x3, q, qo); // x₃ = λ² − x_P − x_Q
    Fq.sub(t, y3, p, po, t, x3);
    Fq.mul(t, y3, t, y3, t, lam);
    Fq.sub(t, y3, t, y3, p, po + 4); // y₃ = λ(x_P − x₃) − y_P
    System.arraycopy(t, x3, z, zo, 8);
  }
}
