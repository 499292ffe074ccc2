package io.kubz.poly;

import io.kubz.field.Fr;

/** Interpolation through arbitrary distinct points (for few points; domains use the inverse NTT). */
public final class Interpolation {
  private Interpolation() {}

  /**
   * The polynomial of degree &lt; k through (x_i, y_i), by Lagrange's formula in O(k²):
   * p = Σ_i y_i/Π_{j≠i}(x_i − x_j) · Z(X)/(X − x_i) with Z = Π_j (X − x_j).
   * {@code IllegalArgumentException} if two x coincide.
   */
  public static CoeffPoly interpolate(Fr[] xs, Fr[] ys) {
    int k = xs.length;
    if (ys.length != k) {
      throw new IllegalArgumentException(k + " points but " + ys.length + " values");
    }
    CoeffPoly z = CoeffPoly.of(Fr.ONE);
    for (Fr x : xs) {
      z = z.mul(CoeffPoly.of(x.neg(), Fr.ONE));
    }
    CoeffPoly acc = CoeffPoly.zero(k);
    for (int i = 0; i < k; i++) {
      Fr denom = Fr.ONE;
      for (int j = 0; j < k; j++) {
        if (j != i) {
          Fr d = xs[i].sub(xs[j]);
          if (d.isZero()) {
            throw new IllegalArgumentException("interpolation points " + i + " and " + j + " coincide");
          }
          denom = denom.mul(d);
        }
      }
      acc = acc.add(z.divideByLinear(xs[i]).scale(ys[i].mul(denom.inverse())));
    }
    return acc;
  }
}
