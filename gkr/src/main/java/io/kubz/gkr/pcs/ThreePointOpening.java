package io.kubz.gkr.pcs;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.G2Prepared;
import io.kubz.field.Msm;
import io.kubz.field.Pairing;
import io.kubz.field.Parallel;
import io.kubz.poly.CoeffPoly;
import io.kubz.poly.srs.Srs;
import io.kubz.poly.transcript.Transcript;

/**
 * Opens one committed polynomial B at a set S of three distinct points with two G1 witnesses, the
 * single-polynomial case of SHPLONK (Boneh, Drake, Fisch and Gabizon, "Efficient polynomial
 * commitment schemes for multiple points and polynomials", ePrint 2020/081, §4), so the prover
 * makes two quotient MSMs of B's size instead of GWC's three.
 *
 * <p>With y_j = B(s_j), R the interpolant of degree ≤ 2 through (s_j, y_j) and Z(X) = Π_j (X − s_j):
 * W = [(B − R)/Z (τ)]_1; absorb W, draw z; L(X) = B(X) − R(z) − Z(z)·(B − R)/Z (X), which vanishes
 * at z; W' = [L(X)/(X − z) (τ)]_1. The verifier forms [L]_1 = C_B − R(z)·G − Z(z)·W and checks
 * e(W', [τ]_2) = e([L]_1 + z·W', [1]_2). The caller absorbs C_B's parts and the y_j first.
 */
final class ThreePointOpening {
  private ThreePointOpening() {}

  /** W and W' for B (its coefficients, not changed) at s with values y = B(s). */
  static G1[] open(Transcript t, Srs srs, long[] b, Fr[] s, Fr[] y) {
    int size = b.length / 4;
    // B − R (at least three coefficients), divided by X − s_0, X − s_1, X − s_2 in turn
    long[] br = new long[4 * Math.max(size, 3)];
    System.arraycopy(b, 0, br, 0, b.length);
    Fr[] r = interpolant(s, y);
    long[] c = new long[4];
    for (int k = 0; k < 3; k++) {
      r[k].writeTo(c, 0);
      Fr.sub(br, 4 * k, br, 4 * k, c, 0);
    }
    CoeffPoly q = CoeffPoly.wrap(br);
    for (Fr sj : s) {
      q = q.divideByLinear(sj);
    }
    long[] ql = q.limbs();
    G1 w = commit(srs, ql);
    t.absorbG1("hyperkzg w", w);
    Fr z = t.challenge("hyperkzg z");
    // L = B − R(z) − Z(z)·Q
    long[] l = b.clone();
    long[] rz = new long[4];
    eval(r, z).writeTo(rz, 0);
    Fr.sub(l, 0, l, 0, rz, 0);
    long[] zz = new long[4];
    vanishing(s, z).writeTo(zz, 0);
    int qs = ql.length / 4;
    Parallel.forRange(0, qs, 1 << 12, (from, to) -> {
      long[] tmp = new long[4];
      for (int i = from; i < to; i++) {
        Fr.mul(tmp, 0, ql, 4 * i, zz, 0);
        Fr.sub(l, 4 * i, l, 4 * i, tmp, 0);
      }
    });
    G1 w2 = commit(srs, CoeffPoly.wrap(l).divideByLinear(z).limbs());
    return new G1[] {w, w2};
  }

  /**
   * Whether W, W' open C_B = Σ_i weights[i]·parts[i] to y at s. Draws z as {@link #open} does;
   * tauAndOne are [τ]_2 and [1]_2 of srs, prepared for the Miller loop. C_B and the check's right
   * side are one MSM: C_B − R(z)·G − Z(z)·W + z·W'.
   */
  static boolean verify(Transcript t, Srs srs, G2Prepared[] tauAndOne, G1[] parts, Fr[] weights,
      Fr[] s, Fr[] y, G1 w, G1 w2) {
    t.absorbG1("hyperkzg w", w);
    Fr z = t.challenge("hyperkzg z");
    Fr rz = eval(interpolant(s, y), z);
    Fr zz = vanishing(s, z);
    int m = parts.length + 3;
    long[] bases = new long[G1.AFFINE_LONGS * m];
    long[] scalars = new long[4 * m];
    for (int i = 0; i < parts.length; i++) {
      parts[i].writeAffine(bases, G1.AFFINE_LONGS * i);
      weights[i].writeTo(scalars, 4 * i);
    }
    int k = parts.length;
    srs.g1(0).writeAffine(bases, G1.AFFINE_LONGS * k);
    rz.neg().writeTo(scalars, 4 * k);
    w.writeAffine(bases, G1.AFFINE_LONGS * (k + 1));
    zz.neg().writeTo(scalars, 4 * (k + 1));
    w2.writeAffine(bases, G1.AFFINE_LONGS * (k + 2));
    z.writeTo(scalars, 4 * (k + 2));
    G1 rhs = Msm.g1(bases, scalars, m);
    return Pairing.check(new G1[] {w2, rhs.neg()}, tauAndOne);
  }

  /** Coefficients (c_0, c_1, c_2) of the polynomial of degree ≤ 2 through the three (s_j, y_j). */
  static Fr[] interpolant(Fr[] s, Fr[] y) {
    Fr[] c = {Fr.ZERO, Fr.ZERO, Fr.ZERO};
    for (int j = 0; j < 3; j++) {
      Fr a = s[(j + 1) % 3];
      Fr b = s[(j + 2) % 3];
      // y_j·(X − a)(X − b)/((s_j − a)(s_j − b))
      Fr k = y[j].mul(s[j].sub(a).mul(s[j].sub(b)).inverse());
      c[0] = c[0].add(k.mul(a.mul(b)));
      c[1] = c[1].sub(k.mul(a.add(b)));
      c[2] = c[2].add(k);
    }
    return c;
  }

  private static Fr eval(Fr[] c, Fr z) {
    return c[2].mul(z).add(c[1]).mul(z).add(c[0]);
  }

  private static Fr vanishing(Fr[] s, Fr z) {
    return z.sub(s[0]).mul(z.sub(s[1])).mul(z.sub(s[2]));
  }

  private static G1 commit(Srs srs, long[] coeffs) {
    return Msm.g1(srs.g1Powers(), coeffs, coeffs.length / 4);
  }
}
