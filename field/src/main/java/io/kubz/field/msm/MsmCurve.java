package io.kubz.field.msm;

/**
 * What the Pippenger engine needs from a curve group in short Weierstrass form over some field F
 * (Fq for G1, Fq2 for G2): the layouts of points in {@code long[]}, the Jacobian kernels, and the
 * field operations that the batch-affine bucket additions use. Every method allows the output to
 * alias any input; {@code t} is scratch of {@link #scratchLongs()} longs.
 */
public interface MsmCurve {
  /** Longs per field element of F (4 for Fq, 8 for Fq2). */
  int fieldLongs();

  /** Longs per affine point (x‖y, 2·fieldLongs; all zero = infinity). */
  default int affineLongs() {
    return 2 * fieldLongs();
  }

  /** Longs per Jacobian point (X‖Y‖Z, 3·fieldLongs; Z = 0 is infinity; all zero is infinity). */
  default int jacobianLongs() {
    return 3 * fieldLongs();
  }

  int scratchLongs();

  /**
   * An instance one thread may use while others use theirs: this one when the methods keep no state
   * (the default), a fresh one when they own scratch.
   */
  default MsmCurve forThread() {
    return this;
  }

  boolean isInfinityAffine(long[] a, int ao);

  boolean isInfinityJ(long[] p, int po);

  void setInfinityJ(long[] z, int zo);

  /** z = p ± a (p Jacobian, a affine, minus when negate). */
  void addMixed(long[] z, int zo, long[] p, int po, long[] a, int ao, boolean negate, long[] t);

  void addJ(long[] z, int zo, long[] p, int po, long[] q, int qo, long[] t);

  void dblJ(long[] z, int zo, long[] p, int po, long[] t);

  // field F
  void fAdd(long[] z, int zo, long[] x, int xo, long[] y, int yo);

  void fSub(long[] z, int zo, long[] x, int xo, long[] y, int yo);

  void fMul(long[] z, int zo, long[] x, int xo, long[] y, int yo);

  void fSquare(long[] z, int zo, long[] x, int xo);

  void fNeg(long[] z, int zo, long[] x, int xo);

  void fInverse(long[] z, int zo, long[] x, int xo);

  void fSetOne(long[] z, int zo);

  boolean fEqual(long[] x, int xo, long[] y, int yo);
}
