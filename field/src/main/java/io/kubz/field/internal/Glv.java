package io.kubz.field.internal;

import io.kubz.field.Fq;
import io.kubz.field.Fr;
import java.math.BigInteger;

/**
 * The GLV endomorphism of BN254 G1 (Gallant, Lambert, Vanstone, "Faster point multiplication on
 * elliptic curves with efficient endomorphisms", CRYPTO 2001): φ(x, y) = (β·x, y) with β a primitive
 * cube root of unity in Fq acts on G1 as multiplication by λ, a primitive cube root of unity mod r
 * (λ² + λ + 1 ≡ 0). A scalar k splits as k ≡ k1 + k2·λ (mod r) with |k1|, |k2| about √r, found by
 * rounding against a short basis of the lattice {(a, b) : a + b·λ ≡ 0 (mod r)}; that basis is derived
 * here from λ by the extended Euclidean algorithm (GLV §4). Which of the two cube roots pair up is
 * fixed by the choice of β and λ below; GlvTest re-derives both and checks λ·G = φ(G).
 */
public final class Glv {
  private Glv() {}

  /** λ ∈ Fr, the eigenvalue of φ on G1. */
  public static final BigInteger LAMBDA =
      new BigInteger("b3c4d79d41a917585bfc41088d8daaa78b17ea66b99c90dd", 16);
  /** β ∈ Fq, canonical. */
  public static final BigInteger BETA_INT =
      new BigInteger("59e26bcea0d48bacd4f263f1acdb5c4f5763473177fffffe", 16);
  /** β in Montgomery form (4 longs). */
  public static final long[] BETA = new long[4];

  private static final BigInteger R = Fr.MODULUS;
  /** Short lattice basis v1 = (A1, B1), v2 = (A2, B2); determinant DET = A1·B2 − A2·B1 = ±r. */
  static final BigInteger A1, B1, A2, B2, DET;

  static {
    Fq.fromBigInteger(BETA, 0, BETA_INT);
    // r_i = s_i·r + t_i·λ; the vectors (r_i, −t_i) all lie in the lattice.
    BigInteger sqrt = R.sqrt();
    BigInteger r0 = R, r1 = LAMBDA, t0 = BigInteger.ZERO, t1 = BigInteger.ONE;
    while (r1.compareTo(sqrt) >= 0) {
      BigInteger qt = r0.divide(r1);
      BigInteger r2 = r0.subtract(qt.multiply(r1)), t2 = t0.subtract(qt.multiply(t1));
      r0 = r1;
      t0 = t1;
      r1 = r2;
      t1 = t2;
    }
    // now r0 ≥ √r > r1: v1 = (r1, −t1); v2 = the shorter of (r0, −t0) and the next remainder.
    BigInteger qt = r0.divide(r1);
    BigInteger r2 = r0.subtract(qt.multiply(r1)), t2 = t0.subtract(qt.multiply(t1));
    A1 = r1;
    B1 = t1.negate();
    BigInteger n0 = r0.pow(2).add(t0.pow(2)), n2 = r2.pow(2).add(t2.pow(2));
    if (n0.compareTo(n2) <= 0) {
      A2 = r0;
      B2 = t0.negate();
    } else {
      A2 = r2;
      B2 = t2.negate();
    }
    DET = A1.multiply(B2).subtract(A2.multiply(B1));
  }

  /** k (any integer, reduced mod r) to {k1, k2}, signed, |k_i| &lt; 2¹²⁸, k ≡ k1 + k2·λ (mod r). */
  public static BigInteger[] decompose(BigInteger k) {
    k = k.mod(R);
    BigInteger c1 = roundDiv(B2.multiply(k), DET);
    BigInteger c2 = roundDiv(B1.negate().multiply(k), DET);
    BigInteger k1 = k.subtract(c1.multiply(A1)).subtract(c2.multiply(A2));
    BigInteger k2 = c1.multiply(B1).add(c2.multiply(B2)).negate();
    return new BigInteger[] {k1, k2};
  }

  /** round(x / d) = ⌊(2x + d) / 2d⌋ for d &gt; 0. */
  private static BigInteger roundDiv(BigInteger x, BigInteger d) {
    if (d.signum() < 0) {
      x = x.negate();
      d = d.negate();
    }
    BigInteger[] qr = x.shiftLeft(1).add(d).divideAndRemainder(d.shiftLeft(1));
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }
}
