package io.kubz.field;

import java.math.BigInteger;

/**
 * Constants of the tower and the twist, derived at class initialisation from q and ξ = 9 + u (nothing
 * pasted): the Frobenius coefficients γ[k][i] = ξ^(i(q^k − 1)/6) for k = 1..3, i = 0..5, and the twist
 * coefficient b' = 3/ξ of E': y² = x³ + b'. Each value is an Fq2 element (8 longs, Montgomery).
 */
final class TowerConstants {
  private TowerConstants() {}

  static final BigInteger Q = Fq.MODULUS;
  /** ξ = 9 + u, the sextic non-residue of Fq2. */
  static final long[] XI = fq2(BigInteger.valueOf(9), BigInteger.ONE);
  /** γ[k][i] = ξ^(i(q^k − 1)/6); γ[0] is unused. */
  static final long[][][] FROBENIUS = new long[4][6][];
  /** b' = 3/ξ. */
  static final long[] TWIST_B;

  static {
    Fq2Ops f2 = new Fq2Ops();
    for (int k = 1; k <= 3; k++) {
      BigInteger e = Q.pow(k).subtract(BigInteger.ONE);
      for (int i = 0; i < 6; i++) {
        FROBENIUS[k][i] = pow(f2, XI, e.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(6)));
      }
    }
    long[] b = new long[8];
    f2.inverse(b, 0, XI, 0);
    long[] three = fq2(BigInteger.valueOf(3), BigInteger.ZERO);
    f2.mul(b, 0, b, 0, three, 0);
    TWIST_B = b;
  }

  static long[] fq2(BigInteger c0, BigInteger c1) {
    long[] z = new long[8];
    Fq.fromBigInteger(z, 0, c0);
    Fq.fromBigInteger(z, 4, c1);
    return z;
  }

  /** x^e in Fq2 by square-and-multiply (e ≥ 0). */
  static long[] pow(Fq2Ops f2, long[] x, BigInteger e) {
    long[] z = new long[8];
    Fq2Ops.setOne(z, 0);
    for (int i = e.bitLength() - 1; i >= 0; i--) {
      f2.square(z, 0, z, 0);
      if (e.testBit(i)) {
        f2.mul(z, 0, z, 0, x, 0);
      }
    }
    return z;
  }
}
