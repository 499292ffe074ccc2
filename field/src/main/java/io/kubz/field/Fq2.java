package io.kubz.field;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

/**
 * An immutable element c0 + c1·u of Fq2 = Fq[u]/(u² + 1), for non-hot code (curve constants, codecs,
 * tests). Hot code uses the allocation-free kernels on 8-long layouts (c0 then c1, Montgomery Fq).
 */
public final class Fq2 {
  public static final Fq2 ZERO = new Fq2(new long[8]);
  public static final Fq2 ONE = of(Fq.ONE, Fq.ZERO);
  /** ξ = 9 + u, the sextic non-residue defining Fq6 and the twist. */
  public static final Fq2 XI = readFrom(TowerConstants.XI, 0);

  final long[] l;

  private Fq2(long[] limbs) {
    this.l = limbs;
  }

  public static Fq2 of(Fq c0, Fq c1) {
    long[] z = new long[8];
    c0.writeTo(z, 0);
    c1.writeTo(z, 4);
    return new Fq2(z);
  }

  public static Fq2 of(BigInteger c0, BigInteger c1) {
    return new Fq2(TowerConstants.fq2(c0, c1));
  }

  public static Fq2 of(long c0, long c1) {
    return of(BigInteger.valueOf(c0), BigInteger.valueOf(c1));
  }

  public static Fq2 random(Random rnd) {
    return of(Fq.random(rnd), Fq.random(rnd));
  }

  public static Fq2 readFrom(long[] x, int xo) {
    return new Fq2(Arrays.copyOfRange(x, xo, xo + 8));
  }

  public void writeTo(long[] z, int zo) {
    System.arraycopy(l, 0, z, zo, 8);
  }

  public Fq c0() {
    return fqAt(l, 0);
  }

  public Fq c1() {
    return fqAt(l, 4);
  }

  static Fq fqAt(long[] x, int xo) {
    return Fq.readFrom(x, xo);
  }

  private static Fq2Ops ops() {
    return Fq12Ops.LOCAL.get().f2;
  }

  public Fq2 add(Fq2 o) {
    long[] z = new long[8];
    Fq2Ops.add(z, 0, l, 0, o.l, 0);
    return new Fq2(z);
  }

  public Fq2 sub(Fq2 o) {
    long[] z = new long[8];
    Fq2Ops.sub(z, 0, l, 0, o.l, 0);
    return new Fq2(z);
  }

  public Fq2 neg() {
    long[] z = new long[8];
    Fq2Ops.neg(z, 0, l, 0);
    return new Fq2(z);
  }

  public Fq2 dbl() {
    long[] z = new long[8];
    Fq2Ops.dbl(z, 0, l, 0);
    return new Fq2(z);
  }

  public Fq2 mul(Fq2 o) {
    long[] z = new long[8];
    ops().mul(z, 0, l, 0, o.l, 0);
    return new Fq2(z);
  }

  public Fq2 mul(Fq s) {
    long[] z = new long[8];
    long[] sl = new long[4];
    s.writeTo(sl, 0);
    Fq2Ops.mulByFq(z, 0, l, 0, sl, 0);
    return new Fq2(z);
  }

  public Fq2 square() {
    long[] z = new long[8];
    ops().square(z, 0, l, 0);
    return new Fq2(z);
  }

  public Fq2 mulByXi() {
    long[] z = new long[8];
    ops().mulByXi(z, 0, l, 0);
    return new Fq2(z);
  }

  /** The multiplicative inverse; ArithmeticException on zero. */
  public Fq2 inverse() {
    if (isZero()) {
      throw new ArithmeticException("inverse of zero in Fq2");
    }
    long[] z = new long[8];
    ops().inverse(z, 0, l, 0);
    return new Fq2(z);
  }

  /** c0 − c1·u, which equals this^q. */
  public Fq2 conjugate() {
    long[] z = new long[8];
    Fq2Ops.conjugate(z, 0, l, 0);
    return new Fq2(z);
  }

  public Fq2 pow(BigInteger e) {
    if (e.signum() < 0) {
      return inverse().pow(e.negate());
    }
    return new Fq2(TowerConstants.pow(ops(), l, e));
  }

  public boolean isZero() {
    return Fq2Ops.isZero(l, 0);
  }

  /**
   * A square root, or null when there is none. Complex method (q ≡ 3 mod 4): with n = c0² + c1²
   * (a square in Fq iff this is a square in Fq2), x0² = (c0 ± √n)/2 and x1 = c1/(2x0).
   */
  public Fq2 sqrt() {
    Fq a0 = c0();
    Fq a1 = c1();
    if (a1.isZero()) {
      Fq r = sqrtFq(a0);
      return r != null ? of(r, Fq.ZERO) : of(Fq.ZERO, sqrtFq(a0.neg()));
    }
    Fq s = sqrtFq(a0.square().add(a1.square()));
    if (s == null) {
      return null;
    }
    Fq half = Fq.of(2).inverse();
    Fq x0 = sqrtFq(a0.add(s).mul(half));
    if (x0 == null) {
      x0 = sqrtFq(a0.sub(s).mul(half));
    }
    if (x0 == null || x0.isZero()) {
      return null;
    }
    Fq2 r = of(x0, a1.mul(x0.add(x0).inverse()));
    return r.square().equals(this) ? r : null;
  }

  private static Fq sqrtFq(Fq a) {
    long[] x = new long[4];
    a.writeTo(x, 0);
    long[] z = new long[4];
    return Fq.sqrt(z, 0, x, 0) ? fqAt(z, 0) : null;
  }

  /**
   * Whether this is the larger of {this, −this}: compares c1 against (q − 1)/2, or c0 when c1 = 0 (the
   * convention of the compressed point encodings).
   */
  public boolean isLexicographicallyLargest() {
    BigInteger half = Fq.MODULUS.shiftRight(1);
    BigInteger b1 = c1().toBigInteger();
    return b1.signum() != 0 ? b1.compareTo(half) > 0 : c0().toBigInteger().compareTo(half) > 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fq2 && Arrays.equals(l, ((Fq2) o).l);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(l);
  }

  @Override
  public String toString() {
    return c0() + " + " + c1() + "·u";
  }
}
