package io.kubz.field.msm;

import io.kubz.field.Fq;
import io.kubz.field.G1;

/** G1 over Fq for the Pippenger engine: delegates to the {@link G1} kernels and {@link Fq}. */
public final class G1Curve implements MsmCurve {
  public static final G1Curve INSTANCE = new G1Curve();

  private G1Curve() {}

  @Override
  public int fieldLongs() {
    return 4;
  }

  @Override
  public int scratchLongs() {
    return G1.SCRATCH_LONGS;
  }

  @Override
  public boolean isInfinityAffine(long[] a, int ao) {
    return G1.isInfinityAffine(a, ao);
  }

  @Override
  public boolean isInfinityJ(long[] p, int po) {
    return G1.isInfinityJ(p, po);
  }

  @Override
  public void setInfinityJ(long[] z, int zo) {
    G1.setInfinityJ(z, zo);
  }

  @Override
  public void addMixed(long[] z, int zo, long[] p, int po, long[] a, int ao, boolean neg, long[] t) {
    G1.addMixed(z, zo, p, po, a, ao, neg, t);
  }

  @Override
  public void addJ(long[] z, int zo, long[] p, int po, long[] q, int qo, long[] t) {
    G1.addJ(z, zo, p, po, q, qo, t);
  }

  @Override
  public void dblJ(long[] z, int zo, long[] p, int po, long[] t) {
    G1.dblJ(z, zo, p, po, t);
  }

  @Override
  public void fAdd(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    Fq.add(z, zo, x, xo, y, yo);
  }

  @Override
  public void fSub(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    Fq.sub(z, zo, x, xo, y, yo);
  }

  @Override
  public void fMul(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    Fq.mul(z, zo, x, xo, y, yo);
  }

  @Override
  public void fSquare(long[] z, int zo, long[] x, int xo) {
    Fq.square(z, zo, x, xo);
  }

  @Override
  public void fNeg(long[] z, int zo, long[] x, int xo) {
    Fq.neg(z, zo, x, xo);
  }

  @Override
  public void fInverse(long[] z, int zo, long[] x, int xo) {
    Fq.inverse(z, zo, x, xo);
  }

  @Override
  public void fSetOne(long[] z, int zo) {
    Fq.setOne(z, zo);
  }

  @Override
  public boolean fEqual(long[] x, int xo, long[] y, int yo) {
    return Fq.equal(x, xo, y, yo);
  }
}
