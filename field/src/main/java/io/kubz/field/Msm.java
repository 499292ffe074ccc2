package io.kubz.field;

import io.kubz.field.internal.G1ScalarMul;
import io.kubz.field.msm.G1Curve;
import io.kubz.field.msm.MsmCurve;
import io.kubz.field.msm.Pippenger;
import io.kubz.field.msm.SmallMsm;

/**
 * Multi-scalar multiplication Σ kᵢ·Pᵢ over flat arrays (see {@link io.kubz.field.msm}): bases affine
 * (8 longs each for G1, 16 for G2; Montgomery; all zero = infinity), scalars Fr in Montgomery form
 * (4 longs each). Parallel through {@link Parallel}. G1 scalars that are all small signed integers
 * (|k| &lt; 2^16, reading k &gt; (r−1)/2 as k − r) take the small-integer path
 * ({@link #g1SmallInts}); full-width ones are split by the GLV endomorphism into twice as many
 * 127-bit ones (see {@link io.kubz.field.msm}). Bases are trusted to be on the curve (and, for G2, in the subgroup): check
 * them where they enter, e.g. when an SRS is loaded.
 */
public final class Msm {
  private Msm() {}

  /** Σ_{i&lt;n} scalars[i]·bases[i] on G1. */
  public static G1 g1(long[] basesAffine, long[] scalars, int n) {
    long[] out = new long[G1.JACOBIAN_LONGS];
    g1Jacobian(out, 0, basesAffine, scalars, n);
    return G1.fromJacobian(out, 0);
  }

  /**
   * Kernel form: out[oo..] (Jacobian, 12 longs) = Σ_{i&lt;n} scalars[i]·bases[i]. Up to
   * {@value #DIRECT_G1} terms are summed from GLV scalar multiplications (about 1,700 field
   * multiplications each, where Pippenger's fixed cost of some 80 windows would dominate).
   */
  public static void g1Jacobian(long[] out, int oo, long[] basesAffine, long[] scalars, int n) {
    if (n >= 1 && n <= DIRECT_G1 && (long) n * G1.AFFINE_LONGS <= basesAffine.length
        && 4L * n <= scalars.length) {
      long[] acc = new long[G1.JACOBIAN_LONGS], term = new long[G1.JACOBIAN_LONGS];
      G1.setInfinityJ(acc, 0);
      for (int i = 0; i < n; i++) {
        G1ScalarMul.mul(term, 0, basesAffine, G1.AFFINE_LONGS * i, Fr.toBigInteger(scalars, 4 * i));
        G1.addJ(acc, 0, acc, 0, term, 0);
      }
      G1.copyJ(out, oo, acc, 0);
      return;
    }
    Pippenger.msm(G1Curve.INSTANCE, basesAffine, scalars, n, out, oo);
  }

  /**
   * Σ_{i&lt;n} values[i]·bases[i] on G1 for signed machine-integer scalars (a GKR witness, quantized
   * tensors): {@link SmallMsm}, buckets indexed by |value| (zeros skipped, the sign folded into the
   * point) filled by batch-affine additions. Any long is accepted; values wider than 16 bits take
   * one more window per 16 bits.
   */
  public static G1 g1SmallInts(long[] basesAffine, long[] values, int n) {
    long[] out = new long[G1.JACOBIAN_LONGS];
    g1SmallIntsJacobian(out, 0, basesAffine, values, n);
    return G1.fromJacobian(out, 0);
  }

  /** Kernel form of {@link #g1SmallInts}: out[oo..] (Jacobian, 12 longs). */
  public static void g1SmallIntsJacobian(long[] out, int oo, long[] basesAffine, long[] values, int n) {
    SmallMsm.g1(basesAffine, values, n, out, oo);
  }

  /** Largest G1 input summed term by term instead of by Pippenger's method. */
  static final int DIRECT_G1 = 8;

  /** Σ_{i&lt;n} scalars[i]·bases[i] on G2 (bases 16 longs each: x.c0, x.c1, y.c0, y.c1). */
  public static G2 g2(long[] basesAffine, long[] scalars, int n) {
    long[] out = new long[G2.JACOBIAN_LONGS];
    g2Jacobian(out, 0, basesAffine, scalars, n);
    return G2.fromJacobian(out, 0);
  }

  /** Kernel form: out[oo..] (Jacobian, 24 longs) = Σ_{i&lt;n} scalars[i]·bases[i] on G2. */
  public static void g2Jacobian(long[] out, int oo, long[] basesAffine, long[] scalars, int n) {
    Pippenger.msm(G2Curve.SHARED, basesAffine, scalars, n, out, oo);
  }

  /** The G2 curve for the Pippenger engine (for tests at a forced window width). */
  static MsmCurve g2Curve() {
    return G2Curve.SHARED;
  }

  /**
   * G2 over Fq2 for the Pippenger engine: the {@link G2Ops} kernels and {@link Fq2Ops}. Those own
   * scratch, so each thread gets its own instance ({@link #forThread()}); the shared one only
   * answers the stateless questions.
   */
  private static final class G2Curve implements MsmCurve {
    static final G2Curve SHARED = new G2Curve();
    private final Fq2Ops f2 = new Fq2Ops();
    private final G2Ops ops = new G2Ops(new Fq2Ops());
    private final long[] negated = new long[G2.AFFINE_LONGS];

    @Override
    public MsmCurve forThread() {
      return new G2Curve();
    }

    @Override
    public int fieldLongs() {
      return 8;
    }

    @Override
    public int scratchLongs() {
      return 0;
    }

    @Override
    public boolean isInfinityAffine(long[] a, int ao) {
      return G2Ops.isInfinityAffine(a, ao);
    }

    @Override
    public boolean isInfinityJ(long[] p, int po) {
      return G2Ops.isInfinityJ(p, po);
    }

    @Override
    public void setInfinityJ(long[] z, int zo) {
      G2Ops.setInfinityJ(z, zo);
    }

    @Override
    public void addMixed(long[] z, int zo, long[] p, int po, long[] a, int ao, boolean neg, long[] t) {
      if (neg) {
        Fq2Ops.copy(negated, 0, a, ao);
        Fq2Ops.neg(negated, 8, a, ao + 8);
        ops.addMixed(z, zo, p, po, negated, 0);
      } else {
        ops.addMixed(z, zo, p, po, a, ao);
      }
    }

    @Override
    public void addJ(long[] z, int zo, long[] p, int po, long[] q, int qo, long[] t) {
      ops.add(z, zo, p, po, q, qo);
    }

    @Override
    public void dblJ(long[] z, int zo, long[] p, int po, long[] t) {
      ops.dbl(z, zo, p, po);
    }

    @Override
    public void fAdd(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
      Fq2Ops.add(z, zo, x, xo, y, yo);
    }

    @Override
    public void fSub(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
      Fq2Ops.sub(z, zo, x, xo, y, yo);
    }

    @Override
    public void fMul(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
      f2.mul(z, zo, x, xo, y, yo);
    }

    @Override
    public void fSquare(long[] z, int zo, long[] x, int xo) {
      f2.square(z, zo, x, xo);
    }

    @Override
    public void fNeg(long[] z, int zo, long[] x, int xo) {
      Fq2Ops.neg(z, zo, x, xo);
    }

    @Override
    public void fInverse(long[] z, int zo, long[] x, int xo) {
      f2.inverse(z, zo, x, xo);
    }

    @Override
    public void fSetOne(long[] z, int zo) {
      Fq2Ops.setOne(z, zo);
    }

    @Override
    public boolean fEqual(long[] x, int xo, long[] y, int yo) {
      return Fq2Ops.equal(x, xo, y, yo);
    }
  }
}
