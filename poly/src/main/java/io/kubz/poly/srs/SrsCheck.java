package io.kubz.poly.srs;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.G2;
import io.kubz.field.Msm;
import io.kubz.field.Pairing;
import io.kubz.poly.ntt.Domain;
import io.kubz.poly.ntt.Ntt;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Random-linear-combination checks of an SRS: the pairing check of consecutive powers, and the
 * check of a Lagrange basis against the (already checked) powers.
 */
public final class SrsCheck {
  private SrsCheck() {}

  /**
   * e(Σ_{i&lt;N−1} ρ^i·[τ^{i+1}]_1, [1]_2) · e(−Σ_{i&lt;N−1} ρ^i·[τ^i]_1, [τ]_2) = 1 for a fresh
   * random ρ; true for an SRS of one power.
   */
  public static boolean consecutivePowers(Srs srs) {
    return consecutivePowers(srs, new SecureRandom());
  }

  static boolean consecutivePowers(Srs srs, Random rnd) {
    int n = srs.size();
    if (n < 2) {
      return true;
    }
    Fr rho = Fr.random(rnd);
    long[] rl = new long[4];
    rho.writeTo(rl, 0);
    // shifted[i] = ρ^{i−1} for 1 ≤ i < n (weights on [τ^i] in the left sum), plain[i] = ρ^i, i < n−1
    long[] shifted = new long[4 * n];
    long[] plain = new long[4 * n];
    Fr.setOne(shifted, 4);
    Fr.setOne(plain, 0);
    for (int i = 2; i < n; i++) {
      Fr.mul(shifted, 4 * i, shifted, 4 * (i - 1), rl, 0);
    }
    for (int i = 1; i < n - 1; i++) {
      Fr.mul(plain, 4 * i, plain, 4 * (i - 1), rl, 0);
    }
    G1 left = Msm.g1(srs.g1Powers(), shifted, n);
    G1 right = Msm.g1(srs.g1Powers(), plain, n);
    return Pairing.check(new G1[] {left, right.neg()}, new G2[] {srs.g2(), srs.tauG2()});
  }

  /**
   * Whether the G2 powers continue the G1 ones: e([τ]_1, [τ^k]_2) = e([1]_1, [τ^{k+1}]_2) for
   * k = 1, 2 (together with {@link #consecutivePowers}, which ties [τ]_2 to the G1 powers). True
   * when the SRS holds only [1]_2, [τ]_2; false when it holds [τ²]_2, [τ³]_2 but no [τ]_1.
   */
  public static boolean g2Powers(Srs srs) {
    if (srs.g2PowerCount() < 4) {
      return true;
    }
    if (srs.size() < 2) {
      return false;
    }
    G1 tau = srs.g1(1);
    G1 one = srs.g1(0).neg();
    for (int k = 1; k <= 2; k++) {
      if (!Pairing.check(new G1[] {tau, one}, new G2[] {srs.g2Power(k), srs.g2Power(k + 1)})) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code basis} (2^log2n flat affine points) is [L_i(τ)]_1, i &lt; 2^log2n, for the τ of
   * the (already checked) powers of {@code srs}: for fresh random c, Σ_i c_i·B_i = Σ_j a_j·[τ^j]_1
   * where a = iNTT(c) are the coefficients of the f with f(ω^i) = c_i, i.e. both sides are
   * [f(τ)]_1. The difference is Σ_i c_i·(B_i − [L_i(τ)]_1); if some term is not zero, fixing the
   * other c leaves at most one bad value of that c_i mod r, so 128-bit c_i (half the width of the
   * left multi-scalar multiplication) let a wrong basis pass with probability at most 2^−128.
   */
  public static boolean lagrangeBasis(Srs srs, long[] basis, int log2n) {
    return lagrangeBasis(srs, basis, log2n, new SecureRandom());
  }

  static boolean lagrangeBasis(Srs srs, long[] basis, int log2n, Random rnd) {
    int n = 1 << log2n;
    if (n > srs.size() || basis.length != G1.AFFINE_LONGS * n) {
      return false;
    }
    long[] c = new long[4 * n];
    byte[] bytes = new byte[16 * Math.min(n, 1 << 12)];
    for (int from = 0; from < n; from += bytes.length / 16) {
      rnd.nextBytes(bytes);
      ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = from; i < Math.min(n, from + bytes.length / 16); i++) {
        c[4 * i] = b.getLong(); // canonical limbs of a 128-bit value
        c[4 * i + 1] = b.getLong();
      }
    }
    long[] t = new long[4];
    for (int i = 0; i < n; i++) {
      Fr.fromCanonicalLimbs(t, 0, c, 4 * i);
      Fr.copy(c, 4 * i, t, 0);
    }
    G1 viaBasis = Msm.g1(basis, c, n);
    Ntt.radix2().inverse(Domain.of(log2n), c);
    return viaBasis.equals(Msm.g1(srs.g1Powers(), c, n));
  }
}
