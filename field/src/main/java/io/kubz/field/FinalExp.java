package io.kubz.field;

/**
 * The final exponentiation f ↦ f^((q¹² − 1)/r) of the BN254 pairing. Easy part:
 * m = f^((q⁶ − 1)(q² + 1)) = (conj(f)/f)^(q² + 1), which lands in the cyclotomic subgroup (inverse =
 * conjugate, Granger–Scott squaring). Hard part (q⁴ − q² + 1)/r = λ0 + λ1·q + λ2·q² + λ3·q³ with
 * λ3 = 1, λ2 = 6x² + 1, λ1 = −36x³ − 18x² − 12x + 1, λ0 = −36x³ − 30x² − 18x − 2, evaluated by the
 * vectorial addition chain of Scott, Benger, Charlemagne, Dominguez Perez, Kachisa, "On the final
 * exponentiation for calculating pairings on ordinary elliptic curves" (Pairing 2009), §5:
 * y0 = m^(q + q² + q³), y1 = m⁻¹, y2 = (m^(x²))^(q²), y3 = (m^x)^(−q), y4 = (m^x·(m^(x²))^q)⁻¹,
 * y5 = m^(−x²), y6 = (m^(x³)·(m^(x³))^q)⁻¹, result = y0·y1²·y2⁶·y3¹²·y4¹⁸·y5³⁰·y6³⁶. The exact
 * exponent is checked in the tests. One instance per thread (it owns scratch).
 */
final class FinalExp {
  private static final int S = Fq12Ops.N;
  private static final long X = MillerLoop.X.longValueExact();
  static final byte[] X_WNAF = wnaf(X, 4);
  private final Fq12Ops ops;
  private final long[] s = new long[12 * S];
  private final long[] w = new long[8 * S];

  FinalExp(Fq12Ops ops) {
    this.ops = ops;
  }

  /** z = f^((q¹² − 1)/r); z may alias f. */
  void run(long[] z, int zo, long[] f, int fo) {
    long[] s = this.s;
    Fq12Ops ops = this.ops;
    final int m = 0, fx = S, fx2 = 2 * S, fx3 = 3 * S, y0 = 4 * S, y1 = 5 * S, y2 = 6 * S, y3 = 7 * S;
    final int y4 = 8 * S, y5 = 9 * S, y6 = 10 * S, tmp = 11 * S;
    // easy part
    ops.inverse(s, tmp, f, fo);
    Fq12Ops.conjugate(s, m, f, fo);
    ops.mul(s, m, s, m, s, tmp);
    ops.frobenius(s, tmp, s, m, 2);
    ops.mul(s, m, s, m, s, tmp);
    // hard part
    expByX(s, fx, s, m);
    expByX(s, fx2, s, fx);
    expByX(s, fx3, s, fx2);
    ops.frobenius(s, y0, s, m, 1);
    ops.frobenius(s, tmp, s, m, 2);
    ops.mul(s, y0, s, y0, s, tmp);
    ops.frobenius(s, tmp, s, m, 3);
    ops.mul(s, y0, s, y0, s, tmp);
    Fq12Ops.conjugate(s, y1, s, m);
    ops.frobenius(s, y2, s, fx2, 2);
    ops.frobenius(s, y3, s, fx, 1);
    Fq12Ops.conjugate(s, y3, s, y3);
    ops.frobenius(s, y4, s, fx2, 1);
    ops.mul(s, y4, s, y4, s, fx);
    Fq12Ops.conjugate(s, y4, s, y4);
    Fq12Ops.conjugate(s, y5, s, fx2);
    ops.frobenius(s, y6, s, fx3, 1);
    ops.mul(s, y6, s, y6, s, fx3);
    Fq12Ops.conjugate(s, y6, s, y6);
    // t0 = y6²·y4·y5, t1 = y3·y5·t0, t0 = t0·y2, t1 = (t1²·t0)², t0 = (t1·y1)²·(t1·y0)
    final int t0 = tmp, t1 = m;
    ops.cyclotomicSquare(s, t0, s, y6);
    ops.mul(s, t0, s, t0, s, y4);
    ops.mul(s, t0, s, t0, s, y5);
    ops.mul(s, t1, s, y3, s, y5);
    ops.mul(s, t1, s, t1, s, t0);
    ops.mul(s, t0, s, t0, s, y2);
    ops.cyclotomicSquare(s, t1, s, t1);
    ops.mul(s, t1, s, t1, s, t0);
    ops.cyclotomicSquare(s, t1, s, t1);
    ops.mul(s, t0, s, t1, s, y1);
    ops.mul(s, t1, s, t1, s, y0);
    ops.cyclotomicSquare(s, t0, s, t0);
    ops.mul(z, zo, s, t0, s, t1);
  }

  /**
   * z = x^X for x in the cyclotomic subgroup, over the width-4 NAF of X (14 non-zero digits; negative
   * digits multiply by conjugates, which are inverses there) with cyclotomic squarings; z ≠ x.
   */
  private void expByX(long[] z, int zo, long[] x, int xo) {
    long[] w = this.w;
    // w holds x, x³, x⁵, x⁷ then their conjugates; x² goes to z first
    Fq12Ops.copy(w, 0, x, xo);
    ops.cyclotomicSquare(z, zo, x, xo);
    for (int i = 1; i < 4; i++) {
      ops.mul(w, S * i, w, S * (i - 1), z, zo);
    }
    for (int i = 0; i < 4; i++) {
      Fq12Ops.conjugate(w, S * (4 + i), w, S * i);
    }
    int top = X_WNAF.length - 1;
    Fq12Ops.copy(z, zo, w, S * ((X_WNAF[top] - 1) / 2));
    for (int i = top - 1; i >= 0; i--) {
      ops.cyclotomicSquare(z, zo, z, zo);
      int d = X_WNAF[i];
      if (d > 0) {
        ops.mul(z, zo, z, zo, w, S * ((d - 1) / 2));
      } else if (d < 0) {
        ops.mul(z, zo, z, zo, w, S * (4 + (-d - 1) / 2));
      }
    }
  }

  /** Width-w NAF digits of k > 0, least significant first (odd digits in (−2^(w−1), 2^(w−1))). */
  static byte[] wnaf(long k, int width) {
    byte[] d = new byte[65];
    int n = 0;
    while (k != 0) {
      int digit = 0;
      if ((k & 1) == 1) {
        digit = (int) (k & ((1 << width) - 1));
        if (digit >= 1 << (width - 1)) {
          digit -= 1 << width;
        }
        k -= digit;
      }
      d[n++] = (byte) digit;
      k >>>= 1;
    }
    return java.util.Arrays.copyOf(d, n);
  }
}
