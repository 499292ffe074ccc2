package io.kubz.field;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

/**
 * An immutable element c0 + c1·w of Fq12 = Fq6[w]/(w² − v), the target group's field, for non-hot
 * code (pairing results, tests). 48 longs: c0 then c1.
 */
public final class Fq12 {
  public static final Fq12 ZERO = new Fq12(new long[48]);
  public static final Fq12 ONE = of(Fq6.ONE, Fq6.ZERO);

  final long[] l;

  private Fq12(long[] limbs) {
    this.l = limbs;
  }

  public static Fq12 of(Fq6 c0, Fq6 c1) {
    long[] z = new long[48];
    c0.writeTo(z, 0);
    c1.writeTo(z, 24);
    return new Fq12(z);
  }

  public static Fq12 random(Random rnd) {
    return of(Fq6.random(rnd), Fq6.random(rnd));
  }

  public static Fq12 readFrom(long[] x, int xo) {
    return new Fq12(Arrays.copyOfRange(x, xo, xo + 48));
  }

  public void writeTo(long[] z, int zo) {
    System.arraycopy(l, 0, z, zo, 48);
  }

  public Fq6 c0() {
    return Fq6.readFrom(l, 0);
  }

  public Fq6 c1() {
    return Fq6.readFrom(l, 24);
  }

  private static Fq12Ops ops() {
    return Fq12Ops.LOCAL.get();
  }

  public Fq12 add(Fq12 o) {
    long[] z = new long[48];
    Fq6Ops.add(z, 0, l, 0, o.l, 0);
    Fq6Ops.add(z, 24, l, 24, o.l, 24);
    return new Fq12(z);
  }

  public Fq12 sub(Fq12 o) {
    long[] z = new long[48];
    Fq6Ops.sub(z, 0, l, 0, o.l, 0);
    Fq6Ops.sub(z, 24, l, 24, o.l, 24);
    return new Fq12(z);
  }

  public Fq12 mul(Fq12 o) {
    long[] z = new long[48];
    ops().mul(z, 0, l, 0, o.l, 0);
    return new Fq12(z);
  }

  public Fq12 square() {
    long[] z = new long[48];
    ops().square(z, 0, l, 0);
    return new Fq12(z);
  }

  /** The multiplicative inverse; ArithmeticException on zero. */
  public Fq12 inverse() {
    if (isZero()) {
      throw new ArithmeticException("inverse of zero in Fq12");
    }
    long[] z = new long[48];
    ops().inverse(z, 0, l, 0);
    return new Fq12(z);
  }

  /** c0 − c1·w = this^(q⁶); the inverse for elements of the cyclotomic subgroup (pairing values). */
  public Fq12 conjugate() {
    long[] z = new long[48];
    Fq12Ops.conjugate(z, 0, l, 0);
    return new Fq12(z);
  }

  /** this^(q^k) for k ≥ 0. */
  public Fq12 frobenius(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("negative Frobenius power " + k);
    }
    long[] z = l.clone();
    Fq12Ops ops = ops();
    int r = k % 12;
    if (r >= 6) {
      Fq12Ops.conjugate(z, 0, z, 0);
      r -= 6;
    }
    while (r > 0) {
      int s = Math.min(r, 3);
      ops.frobenius(z, 0, z, 0, s);
      r -= s;
    }
    return new Fq12(z);
  }

  /** this^e by square-and-multiply; negative e uses the inverse. */
  public Fq12 pow(BigInteger e) {
    if (e.signum() < 0) {
      return inverse().pow(e.negate());
    }
    long[] z = new long[48];
    Fq12Ops.setOne(z, 0);
    Fq12Ops ops = ops();
    for (int i = e.bitLength() - 1; i >= 0; i--) {
      ops.square(z, 0, z, 0);
      if (e.testBit(i)) {
        ops.mul(z, 0, z, 0, l, 0);
      }
    }
    return new Fq12(z);
  }

  public boolean isZero() {
    return Fq6Ops.isZero(l, 0) && Fq6Ops.isZero(l, 24);
  }

  public boolean isOne() {
    return Fq12Ops.isOne(l, 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fq12 && Arrays.equals(l, ((Fq12) o).l);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(l);
  }

  @Override
  public String toString() {
    return "(" + c0() + ") + (" + c1() + ")·w";
  }
}
