package io.kubz.bench.peers;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import java.util.Random;

/** Random inputs for the comparison workloads, in kubz's flat layouts. */
final class Workloads {
  private Workloads() {}

  /** n uniformly random Fr elements (full width), Montgomery form, 4 longs each. */
  static long[] randomFr(int n, Random rnd) {
    long[] out = new long[4 * n];
    for (int i = 0; i < n; i++) {
      Fr.random(rnd).writeTo(out, 4 * i);
    }
    return out;
  }

  /**
   * n distinct affine points P, P + G, P + 2G, ... from a random P (8 longs each), the same kind of
   * input as ff.mjs builds: one mixed addition per point, then one batch inversion to affine.
   */
  static long[] distinctPoints(int n, Random rnd) {
    long[] g = new long[G1.AFFINE_LONGS];
    G1.generator().writeAffine(g, 0);
    long[] jac = new long[G1.JACOBIAN_LONGS * n];
    G1.generator().mul(Fr.random(rnd)).writeJacobian(jac, 0);
    for (int i = 1; i < n; i++) {
      G1.addMixed(jac, G1.JACOBIAN_LONGS * i, jac, G1.JACOBIAN_LONGS * (i - 1), g, 0);
    }
    long[] out = new long[G1.AFFINE_LONGS * n];
    G1.batchToAffine(jac, 0, out, 0, n);
    return out;
  }
}
