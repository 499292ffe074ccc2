package io.kubz.field;

import io.kubz.field.msm.G1Curve;
import io.kubz.field.msm.Pippenger;

/**
 * Multi-scalar multiplication Σ kᵢ·Pᵢ over flat arrays (see {@link io.kubz.field.msm}): bases affine
 * (8 longs each for G1, Montgomery Fq, all zero = infinity), scalars Fr in Montgomery form (4 longs
 * each). Parallel through {@link Parallel}.
 */
public final class Msm {
  private Msm() {}

  /** Σ_{i&lt;n} scalars[i]·bases[i] on G1. Bases are trusted to be on the curve. */
  public static G1 g1(long[] basesAffine, long[] scalars, int n) {
    long[] out = new long[G1.JACOBIAN_LONGS];
    g1Jacobian(out, 0, basesAffine, scalars, n);
    return G1.fromJacobian(out, 0);
  }

  /** Kernel form: out[oo..] (Jacobian, 12 longs) = Σ_{i&lt;n} scalars[i]·bases[i]. */
  public static void g1Jacobian(long[] out, int oo, long[] basesAffine, long[] scalars, int n) {
    Pippenger.msm(G1Curve.INSTANCE, basesAffine, scalars, n, out, oo);
  }
}
