package io.kubz.field;

import java.math.BigInteger;

/**
 * The Miller loop of the optimal ate pairing on BN254 (Vercauteren, "Optimal pairings", 2010):
 * f = f_{6x+2,Q}(P) · l_{T,π(Q)}(P) · l_{T+π(Q),−π²(Q)}(P), over the NAF of 6x + 2, with T kept in
 * homogeneous projective coordinates on the twist (Costello, Lange, Naehrig, "Faster pairing
 * computations on curves with high-degree twists", 2010). Each line is first computed from Q alone
 * as (A, B, C) and then evaluated at P into the sparse shape A·yP + B·xP·w + C·w³, so the lines of a
 * fixed Q can be prepared once ({@link G2Prepared}). Lines are only defined up to factors in Fq2,
 * which the final exponentiation removes. Several pairs share one accumulator f, squared once per
 * step.
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
  /** Lines in one Miller loop: a tangent per step, a chord per non-zero digit, and the two final chords. */
  static final int LINES = countLines();
  /** Longs per prepared line: the Fq2 coefficients (A, B, C) of A·yP + B·xP·w + C·w³. */
  static final int LINE = 24;
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

  private static int countLines() {
    int n = 2;
    for (int j = NAF.length - 2; j >= 0; j--) {
      n += NAF[j] != 0 ? 2 : 1;
    }
    return n;
  }

  /**
   * Writes the LINES lines of the Miller loop of the affine Q at qo (not infinity) into lines at lo,
   * in loop order, each as (A, B, C) so that its value at P is A·yP + B·xP·w + C·w³. They depend on Q
   * only, so a fixed Q (a verifying key's) can be prepared once.
   */
  void prepare(long[] lines, int lo, long[] qs, int qo) {
    long[] tp = new long[24];
    long[] negQ = new long[16];
    long[] q1 = new long[16];
    G2Ops.fromAffine(tp, 0, qs, qo);
    Fq2Ops.copy(negQ, 0, qs, qo);
    Fq2Ops.neg(negQ, 8, qs, qo + 8);
    int k = lo;
    for (int j = NAF.length - 2; j >= 0; j--) {
      doubleStep(tp, 0, lines, k);
      k += LINE;
      if (NAF[j] != 0) {
        addStep(tp, 0, NAF[j] > 0 ? qs : negQ, NAF[j] > 0 ? qo : 0, lines, k, true);
        k += LINE;
      }
    }
    // π(Q) = (conj(xQ)·γ[1][2], conj(yQ)·γ[1][3]) on the twist
    Fq2Ops.conjugate(q1, 0, qs, qo);
    f2.mul(q1, 0, q1, 0, TowerConstants.FROBENIUS[1][2], 0);
    Fq2Ops.conjugate(q1, 8, qs, qo + 8);
    f2.mul(q1, 8, q1, 8, TowerConstants.FROBENIUS[1][3], 0);
    addStep(tp, 0, q1, 0, lines, k, true);
    k += LINE;
    // −π²(Q) = (xQ·γ[2][2], −yQ·γ[2][3])
    f2.mul(q1, 0, qs, qo, TowerConstants.FROBENIUS[2][2], 0);
    f2.mul(q1, 8, qs, qo + 8, TowerConstants.FROBENIUS[2][3], 0);
    Fq2Ops.neg(q1, 8, q1, 8);
    addStep(tp, 0, q1, 0, lines, k, false);
  }

  /**
   * f = Π Miller values for n pairs: ps holds n affine G1 points (8 longs each), qs n affine G2 points
   * (16 longs each); no point may be infinity (callers drop such pairs, whose pairing is 1).
   */
  void run(long[] f, int fo, long[] ps, long[] qs, int n) {
    long[][] lines = new long[n][LINES * LINE];
    for (int i = 0; i < n; i++) {
      prepare(lines[i], 0, qs, 16 * i);
    }
    runPrepared(f, fo, ps, lines, n);
  }

  /** As {@link #run}, with each Q given by its prepared lines (lines[i] from {@link #prepare}). */
  void runPrepared(long[] f, int fo, long[] ps, long[][] lines, int n) {
    Fq12Ops.setOne(f, fo);
    int k = 0;
    for (int j = NAF.length - 2; j >= 0; j--) {
      if (j != NAF.length - 2) {
        f12.square(f, fo, f, fo);
      }
      int steps = NAF[j] != 0 ? 2 : 1;
      for (int s = 0; s < steps; s++, k += LINE) {
        for (int i = 0; i < n; i++) {
          mulByLineAt(f, fo, lines[i], k, ps, 8 * i);
        }
      }
    }
    for (int s = 0; s < 2; s++, k += LINE) {
      for (int i = 0; i < n; i++) {
        mulByLineAt(f, fo, lines[i], k, ps, 8 * i);
      }
    }
  }

  /** f ← f · (A·yP + B·xP·w + C·w³) for the line (A, B, C) at lo and P at po. */
  private void mulByLineAt(long[] f, int fo, long[] lines, int lo, long[] ps, int po) {
    long[] line = this.line;
    Fq2Ops.mulByFq(line, 0, lines, lo, ps, po + 4);
    Fq2Ops.mulByFq(line, 8, lines, lo + 8, ps, po);
    Fq2Ops.copy(line, 16, lines, lo + 16);
    f12.mulByLine(f, fo, f, fo, line, 0);
  }

  /**
   * T ← 2T and out ← the tangent at T as (A, B, C) = (−H, 3J, I) (value −H·yP + 3J·xP·w + I·w³) with
   * B = Y², C = Z², E = 3b'C, F = 3E, H = (Y + Z)² − B − C, I = E − B, J = X². The new point, scaled
   * by 4 to avoid halvings: X3 = 2XY(B − F), Y3 = (B + F)² − 12E², Z3 = 4BH.
   */
  private void doubleStep(long[] tp, int to, long[] out, int oo) {
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
    Fq2Ops.neg(out, oo, t, 32); // −H
    Fq2Ops.dbl(out, oo + 8, t, 40);
    Fq2Ops.add(out, oo + 8, out, oo + 8, t, 40); // 3J
    Fq2Ops.sub(out, oo + 16, t, 16, t, 0); // I
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
   * out ← the chord through T and the affine Q at qo as (A, B, C) = (Λ, −θ, θ·xQ − Λ·yQ) with
   * θ = Y − yQ·Z, Λ = X − xQ·Z; when update, T ← T + Q: with C = θ², D = Λ², E = Λ·D, F = Z·C,
   * G = X·D, H = E + F − 2G: X3 = Λ·H, Y3 = θ(G − H) − Y·E, Z3 = Z·E. T ≠ ±Q throughout the loop for
   * Q in G2 (T is a multiple of Q smaller than r).
   */
  private void addStep(long[] tp, int to, long[] q, int qo, long[] out, int oo, boolean update) {
    long[] t = this.t;
    Fq2Ops f2 = this.f2;
    f2.mul(t, 0, q, qo + 8, tp, to + 16);
    Fq2Ops.sub(t, 0, tp, to + 8, t, 0); // θ
    f2.mul(t, 8, q, qo, tp, to + 16);
    Fq2Ops.sub(t, 8, tp, to, t, 8); // Λ
    Fq2Ops.copy(out, oo, t, 8); // Λ
    Fq2Ops.neg(out, oo + 8, t, 0); // −θ
    f2.mul(t, 16, t, 0, q, qo);
    f2.mul(t, 24, t, 8, q, qo + 8);
    Fq2Ops.sub(out, oo + 16, t, 16, t, 24); // θ·xQ − Λ·yQ
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
