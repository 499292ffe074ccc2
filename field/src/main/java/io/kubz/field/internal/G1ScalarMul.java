package io.kubz.field.internal;

import io.kubz.field.Fq;
import io.kubz.field.Fr;
import io.kubz.field.G1;
import java.math.BigInteger;

/**
 * Single-point scalar multiplication on G1: k·P = k1·P + k2·φ(P) (GLV split, {@link Glv}), both
 * halves recoded in width-5 NAF and evaluated together (Shamir's trick): about 128 doublings and
 * 2·128/6 mixed additions from a table of the odd multiples P, 3P, …, 15P (and their images under
 * φ, which cost one multiplication by β each).
 */
public final class G1ScalarMul {
  private G1ScalarMul() {}

  private static final int W = 5;
  private static final int TABLE = 1 << (W - 2); // odd multiples 1..15

  /** z (Jacobian, 12 longs) = k·p (p affine, 8 longs); k any integer, reduced mod r. */
  public static void mul(long[] z, int zo, long[] p, int po, BigInteger k) {
    k = k.mod(Fr.MODULUS);
    if (k.signum() == 0 || G1.isInfinityAffine(p, po)) {
      G1.setInfinityJ(z, zo);
      return;
    }
    BigInteger[] ks = Glv.decompose(k);
    long[] t = new long[G1.SCRATCH_LONGS];
    // table1[i] = (2i + 1)·P1 with P1 = sign(k1)·P, in affine
    long[] jac = new long[TABLE * G1.JACOBIAN_LONGS];
    long[] two = new long[G1.JACOBIAN_LONGS];
    G1.fromAffine(jac, 0, p, po);
    if (ks[0].signum() < 0) {
      G1.negJ(jac, 0, jac, 0);
    }
    G1.dblJ(two, 0, jac, 0, t);
    for (int i = 1; i < TABLE; i++) {
      G1.addJ(jac, i * G1.JACOBIAN_LONGS, jac, (i - 1) * G1.JACOBIAN_LONGS, two, 0, t);
    }
    long[] table1 = new long[TABLE * G1.AFFINE_LONGS];
    G1.batchToAffine(jac, 0, table1, 0, TABLE);
    // table2[i] = φ(table1[i]) adjusted to sign(k2)·φ(P) multiples
    long[] table2 = new long[TABLE * G1.AFFINE_LONGS];
    boolean flip = (ks[0].signum() < 0) != (ks[1].signum() < 0);
    for (int i = 0; i < TABLE; i++) {
      int o = i * G1.AFFINE_LONGS;
      Fq.mul(table2, o, table1, o, Glv.BETA, 0);
      if (flip) {
        Fq.neg(table2, o + 4, table1, o + 4);
      } else {
        Fq.copy(table2, o + 4, table1, o + 4);
      }
    }
    int[] n1 = wnaf(ks[0].abs());
    int[] n2 = wnaf(ks[1].abs());
    long[] acc = new long[G1.JACOBIAN_LONGS];
    G1.setInfinityJ(acc, 0);
    for (int i = Math.max(n1.length, n2.length) - 1; i >= 0; i--) {
      G1.dblJ(acc, 0, acc, 0, t);
      addDigit(acc, table1, i < n1.length ? n1[i] : 0, t);
      addDigit(acc, table2, i < n2.length ? n2[i] : 0, t);
    }
    G1.copyJ(z, zo, acc, 0);
  }

  private static void addDigit(long[] acc, long[] table, int d, long[] t) {
    if (d != 0) {
      int idx = (Math.abs(d) - 1) / 2;
      G1.addMixed(acc, 0, acc, 0, table, idx * G1.AFFINE_LONGS, d < 0, t);
    }
  }

  /** Width-W NAF of k ≥ 0, least significant digit first; digits odd in (−2^(W−1), 2^(W−1)) or 0. */
  static int[] wnaf(BigInteger k) {
    int[] out = new int[k.bitLength() + 1];
    int len = 0;
    int mod = 1 << W;
    while (k.signum() > 0) {
      int d = 0;
      if (k.testBit(0)) {
        d = k.intValue() & (mod - 1);
        if (d >= mod / 2) {
          d -= mod;
        }
        k = k.subtract(BigInteger.valueOf(d));
      }
      out[len++] = d;
      k = k.shiftRight(1);
    }
    return java.util.Arrays.copyOf(out, len);
  }
}
