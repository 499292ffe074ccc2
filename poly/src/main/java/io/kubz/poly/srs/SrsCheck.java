package io.kubz.poly.srs;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.G2;
import io.kubz.field.Msm;
import io.kubz.field.Pairing;
import java.security.SecureRandom;
import java.util.Random;

/** The random-linear-combination pairing check of consecutive powers. */
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
}
