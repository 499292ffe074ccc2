package io.kubz.field;

import java.math.BigInteger;

/**
 * The Miller loop of the optimal ate pairing on BN254 (Vercauteren, "Optimal pairings", 2010):
 * f = f_{6x+2,Q}(P) · l_{T,π(Q)}(P) · l_{T+π(Q),−π²(Q)}(P), over the NAF of 6x + 2, with T kept in
 * homogeneous projective coordinates on the twist and every line evaluated straight into the sparse
 * shape a + b·w + c·w³ (Costello, Lange, Naehrig, "Faster pairing computations on curves with
 * high-degree twists", 2010). Lines are only defined up to factors in Fq2, which the final
 * exponentiation removes. Several pairs share one accumulator f, squared once per step.
 *
 * <p>Derivation of the lines (D-type twist, untwisting (x, y) ↦ (x·w², y·w³), w⁶ = ξ): the line
 * through T with slope λ on E' evaluated at P = (xP, yP) is yP − λ·xP·w + (λ·xT − yT)·w³. Tangent at
 * T = (X : Y : Z), times 2Y·Z and −1: −2YZ·yP + 3X²·xP·w + (3b'Z² − Y²)·w³. Chord through T and an
 * affine Q with θ = Y − yQ·Z, Λ = X − xQ·Z (slope θ/Λ), times Λ: Λ·yP − θ·xP·w + (θ·xQ − Λ·yQ)·w³.
 *
 * <p>One instance per thread (it owns scratch).
 */
final class MillerLoop {
  /** The BN parameter x (q and r are polynomials in x; see the tests). */
  static final BigInteger X = new BigInteger("4965661367192848881");
  /** NAF digits of 6x + 2, least significant first. */
  static final byte[] NAF = naf(X.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO));
  /** 3b' for the doubling step. */
  private static final long[] B3 = threeTwistB();

  final Fq12Ops f12;
  private final Fq2Ops f2;
  private final long[] t = new long[96];
  private final long[] line = new long[24];

  MillerLoop(Fq12Ops f12) {
    this.f12 = f12;
    this.f2 = f12.f2;
  }

  static byte[] naf(BigInteger k) {
    byte[] d = new byte[k.bitLength() + 1];
    int i = 0;
    while (k.signum() > 0) {
      if (k.testBit(0)) {
        int z = 2 - k.mod(BigInteger.valueOf(4)).intValue();
        d[i] = (byte) z;
        k = k.subtract(BigInteger.valueOf(z));
      }
      k = k.shiftRight(1);
      i++;
    }
    return java.util.Arrays.copyOf(d, i);
  }

  private static long[] threeTwistB() {
    long[] b = TowerConstants.TWIST_B.clone();
    Fq2Ops.add(b, 0, b, 0, TowerConstants.TWIST_B, 0);
    Fq2Ops.add(b, 0, b, 0, TowerConstants.TWIST_B, 0);
    return b;
  }

  /**
   * f = Π Miller values for n pairs: ps holds n affine G1 points (8 longs each), qs n affine G2 points
   * (16 longs each); no point may be infinity (callers drop such pairs, whose pairing is 1).
   */
  void run(long[] f, int fo, long[] ps, long[] qs, int n) {
    // per pair: T (24), −Q (16), and four Fq values derived from P: −yP, 3xP, yP, −xP
    long[] tp = new long[24 * n];
    long[] negQ = new long[16 * n];
    long[] pre = new long[16 * n];
    for (int i = 0; i < n; i++) {
      G2Ops.fromAffine(tp, 24 * i, qs, 16 * i);
      Fq2Ops.copy(negQ, 16 * i, qs, 16 * i);
      Fq2Ops.neg(negQ, 16 * i + 8, qs, 16 * i + 8);
      int p = 8 * i;
      int o = 16 * i;
      Fq.neg(pre, o, ps, p + 4);
      Fq.dbl(pre, o + 4, ps, p);
      Fq.add(pre, o + 4, pre, o + 4, ps, p);
      Fq.copy(pre, o + 8, ps, p + 4);
      Fq.neg(pre, o + 12, ps, p);
    }
    Fq12Ops.setOne(f, fo);
    for (int j = NAF.length - 2; j >= 0; j--) {
      if (j != NAF.length - 2) {
        f12.square(f, fo, f, fo);
      }
      for (int i = 0; i < n; i++) {
        doubleStep(tp, 24 * i, pre, 16 * i);
        f12.mulByLine(f, fo, f, fo, line, 0);
        if (NAF[j] != 0) {
          addStep(tp, 24 * i, NAF[j] > 0 ? qs : negQ, 16 * i, pre, 16 * i, true);
          f12.mulByLine(f, fo, f, fo, line, 0);
        }
      }
    }
    long[] q1 = new long[16];
    for (int i = 0; i < n; i++) {
      // π(Q) = (conj(xQ)·γ[1][2], conj(yQ)·γ[1][3]) on the twist
      Fq2Ops.conjugate(q1, 0, qs, 16 * i);
      f2.mul(q1, 0, q1, 0, TowerConstants.FROBENIUS[1][2], 0);
      Fq2Ops.conjugate(q1, 8, qs, 16 * i + 8);
      f2.mul(q1, 8, q1, 8, TowerConstants.FROBENIUS[1][3], 0);
      addStep(tp, 24 * i, q1, 0, pre, 16 * i, true);
      f12.mulByLine(f, fo, f, fo, line, 0);
      // −π²(Q) = (xQ·γ[2][2], −yQ·γ[2][3])
      f2.mul(q1, 0, qs, 16 * i, TowerConstants.FROBENIUS[2][2], 0);
      f2.mul(q1, 8, qs, 16 * i + 8, TowerConstants.FROBENIUS[2][3], 0);
      Fq2Ops.neg(q1, 8, q1, 8);
      addStep(tp, 24 * i, q1, 0, pre, 16 * i, false);
      f12.mulByLine(f, fo, f, fo, line, 0);
    }
  }

  /**
   * T ← 2T and line ← the tangent at T evaluated at P, in the scaled form (−H·yP, 3J·xP, I) with
   * B = Y², C = Z², E = 3b'C, F = 3E, H = (Y + Z)² − B − C, I = E − B, J = X². The new point, scaled
   * by 4 to avoid halvings: X3 = 2XY(B − F), Y3 = (B + F)² − 12E², Z3 = 4BH.
   */
  private void doubleStep(long[] tp, int to, long[] pre, int po) {
    long[] t = this.t;
    Fq2Ops f2 = this.f2;
    f2.square(t, 0, tp, to + 8); // B
    f2.square(t, 8, tp, to + 16); // C
    f2.mul(t, 16, t, 8, B3, 0); // E
    Fq2Ops.dbl(t, 24, t, 16);
    Fq2Ops.add(t, 24, t, 24, t, 16); // F
    Fq2Ops.add(t, 32, tp, to + 8, tp, to + 16);
    f2.square(t, 32, t, 32);
    Fq2Ops.sub(t, 32, t, 32, t, 0);
    Fq2Ops.sub(t, 32, t, 32, t, 8); // H
    f2.square(t, 40, tp, to); // J
    f2.mul(t, 48, tp, to, tp, to + 8); // XY
    Fq2Ops.mulByFq(line, 0, t, 32, pre, po); // −H·yP
    Fq2Ops.mulByFq(line, 8, t, 40, pre, po + 4); // 3J·xP
    Fq2Ops.sub(line, 16, t, 16, t, 0); // I
    Fq2Ops.sub(t, 56, t, 0, t, 24);
    f2.mul(t, 56, t, 56, t, 48);
    Fq2Ops.dbl(tp, to, t, 56); // X3
    Fq2Ops.add(t, 56, t, 0, t, 24);
    f2.square(t, 56, t, 56);
    f2.square(t, 64, t, 16);
    Fq2Ops.dbl(t, 72, t, 64);
    Fq2Ops.add(t, 72, t, 72, t, 64);
    Fq2Ops.dbl(t, 72, t, 72);
    Fq2Ops.dbl(t, 72, t, 72);
    Fq2Ops.sub(tp, to + 8, t, 56, t, 72); // Y3
    f2.mul(t, 56, t, 0, t, 32);
    Fq2Ops.dbl(t, 56, t, 56);
    Fq2Ops.dbl(tp, to + 16, t, 56); // Z3
  }

  /**
   * line ← the chord through T and the affine Q at qo, (Λ·yP, −θ·xP, θ·xQ − Λ·yQ) with
   * θ = Y − yQ·Z, Λ = X − xQ·Z; when update, T ← T + Q: with C = θ², D = Λ², E = Λ·D, F = Z·C,
   * G = X·D, H = E + F − 2G: X3 = Λ·H, Y3 = θ(G − H) − Y·E, Z3 = Z·E. T ≠ ±Q throughout the loop for
   * Q in G2 (T is a multiple of Q smaller than r).
   */
  private void addStep(long[] tp, int to, long[] q, int qo, long[] pre, int po, boolean update) {
    long[] t = this.t;
    Fq2Ops f2 = this.f2;
    f2.mul(t, 0, q, qo + 8, tp, to + 16);
    Fq2Ops.sub(t, 0, tp, to + 8, t, 0); // θ
    f2.mul(t, 8, q, qo, tp, to + 16);
    Fq2Ops.sub(t, 8, tp, to, t, 8); // Λ
    Fq2Ops.mulByFq(line, 0, t, 8, pre, po + 8); // Λ·yP
    Fq2Ops.mulByFq(line, 8, t, 0, pre, po + 12); // −θ·xP
    f2.mul(t, 16, t, 0, q, qo);
    f2.mul(t, 24, t, 8, q, qo + 8);
    Fq2Ops.sub(line, 16, t, 16, t, 24); // θ·xQ − Λ·yQ
    if (!update) {
      return;
    }
    f2.square(t, 16, t, 0); // C
    f2.square(t, 24, t, 8); // D
    f2.mul(t, 32, t, 8, t, 24); // E
    f2.mul(t, 40, tp, to + 16, t, 16); // F
    f2.mul(t, 48, tp, to, t, 24); // G
    Fq2Ops.add(t, 56, t, 32, t, 40);
    Fq2Ops.sub(t, 56, t, 56, t, 48);
    Fq2Ops.sub(t, 56, t, 56, t, 48); // H
    f2.mul(tp, to, t, 8, t, 56); // X3
    Fq2Ops.sub(t, 64, t, 48, t, 56);
    f2.mul(t, 64, t, 64, t, 0);
    f2.mul(t, 72, tp, to + 8, t, 32);
    Fq2Ops.sub(tp, to + 8, t, 64, t, 72); // Y3
    f2.mul(tp, to + 16, tp, to + 16, t, 32); // Z3
  }
}
