package io.kubz.gkr.pcs;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.G2;
import io.kubz.field.G2Prepared;
import io.kubz.field.Msm;
import io.kubz.field.Pairing;
import io.kubz.poly.CoeffPoly;
import io.kubz.poly.srs.Srs;
import io.kubz.poly.transcript.Transcript;

/**
 * Opens one committed polynomial B at a set S of three distinct points with one G1 witness, KZG's
 * batch opening at a set (Kate, Zaverucha and Goldberg, "Constant-size commitments to polynomials
 * and their applications", ASIACRYPT 2010, §3.4): with y_j = B(s_j), R the interpolant of degree
 * ≤ 2 through (s_j, y_j) and Z(X) = Π_j (X − s_j) = X³ − e_1X² + e_2X − e_3, the prover sends
 * W = [(B − R)/Z (τ)]_1 (one quotient MSM of B's size) and the verifier checks
 * e(C_B − [R(τ)]_1, [1]_2) = e(W, [Z(τ)]_2), with [Z(τ)]_2 = [τ³]_2 − e_1[τ²]_2 + e_2[τ]_2 − e_3[1]_2.
 * If some claimed y_j ≠ B(s_j), B − R does not vanish at s_j, so Z does not divide it and a
 * passing W would be [(B − R)(τ)/Z(τ)]_1 for a non-multiple, which breaks the q-SDH-type
 * assumption KZG rests on (the points must be distinct for R to exist). The caller absorbs
 * C_B's parts and the y_j first; W is absorbed too, so the transcript covers the whole proof.
 */
final class ThreePointOpening {
  private ThreePointOpening() {}

  /** W for B (its coefficients, not changed) at s with values y = B(s). */
  static G1 open(Transcript t, Srs srs, long[] b, Fr[] s, Fr[] y) {
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
    G1 w = Msm.g1(srs.g1Powers(), ql, ql.length / 4);
    t.absorbG1("hyperkzg w", w);
    return w;
  }

  /**
   * Whether W opens C_B = Σ_i weights[i]·parts[i] to y at s. {@code g2} is [τ^k]_2 of srs for
   * k ≤ 3, prepared. C_B − [R(τ)]_1 is one MSM of parts.length + 3 points. An SRS of fewer than
   * three G1 powers has no [τ²]_1, so there R must have degree ≤ 1 (B does). The check
   * e(C_B − [R(τ)]_1, [1]_2) = e(W, [Z(τ)]_2) is evaluated with Z's coefficients on W's side,
   * e(C_B − [R(τ)]_1 + e_3·W, [1]_2)·e(−e_2·W, [τ]_2)·e(e_1·W, [τ²]_2)·e(−W, [τ³]_2) = 1, so that
   * every G2 point is fixed and prepared once (G1 multiplications are cheaper than G2 ones).
   */
  static boolean verify(Transcript t, Srs srs, G2Prepared[] g2, G1[] parts, Fr[] weights,
      Fr[] s, Fr[] y, G1 w) {
    t.absorbG1("hyperkzg w", w);
    Fr[] r = interpolant(s, y);
    int terms = Math.min(3, srs.size());
    if (terms < 3 && !r[2].isZero()) {
      return false;
    }
    int m = parts.length + terms;
    long[] bases = new long[G1.AFFINE_LONGS * m];
    long[] scalars = new long[4 * m];
    for (int i = 0; i < parts.length; i++) {
      parts[i].writeAffine(bases, G1.AFFINE_LONGS * i);
      weights[i].writeTo(scalars, 4 * i);
    }
    System.arraycopy(srs.g1Powers(), 0, bases, G1.AFFINE_LONGS * parts.length,
        G1.AFFINE_LONGS * terms);
    for (int k = 0; k < terms; k++) {
      r[k].neg().writeTo(scalars, 4 * (parts.length + k));
    }
    Fr e1 = s[0].add(s[1]).add(s[2]);
    Fr e2 = s[0].mul(s[1]).add(s[0].mul(s[2])).add(s[1].mul(s[2]));
    Fr e3 = s[0].mul(s[1]).mul(s[2]);
    if (g2.length < 4) {
      return false; // no [τ^k]_2 beyond [1]_2: nothing of degree ≥ 1 can be opened
    }
    // + e_3·W joins the MSM: C_B − [R(τ)]_1 + e_3·W in one pass
    long[] b2 = java.util.Arrays.copyOf(bases, bases.length + G1.AFFINE_LONGS);
    long[] s2 = java.util.Arrays.copyOf(scalars, scalars.length + 4);
    w.writeAffine(b2, G1.AFFINE_LONGS * m);
    e3.writeTo(s2, 4 * m);
    G1 lhs = Msm.g1(b2, s2, m + 1);
    return Pairing.check(new G1[] {lhs, w.mul(e2.neg()), w.mul(e1), w.neg()}, g2);
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
}
