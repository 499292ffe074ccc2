package io.kubz.field;

import java.util.Arrays;
import java.util.Random;

/** An immutable element c0 + c1·v + c2·v² of Fq6 = Fq2[v]/(v³ − ξ), ξ = 9 + u, for non-hot code. */
public final class Fq6 {
  public static final Fq6 ZERO = new Fq6(new long[24]);
  public static final Fq6 ONE = of(Fq2.ONE, Fq2.ZERO, Fq2.ZERO);

  final long[] l;

  private Fq6(long[] limbs) {
    this.l = limbs;
  }

  public static Fq6 of(Fq2 c0, Fq2 c1, Fq2 c2) {
    long[] z = new long[24];
    c0.writeTo(z, 0);
    c1.writeTo(z, 8);
    c2.writeTo(z, 16);
    return new Fq6(z);
  }

  public static Fq6 random(Random rnd) {
    return of(Fq2.random(rnd), Fq2.random(rnd), Fq2.random(rnd));
  }

  public static Fq6 readFrom(long[] x, int xo) {
    return new Fq6(Arrays.copyOfRange(x, xo, xo + 24));
  }

  public void writeTo(long[] z, int zo) {
    System.arraycopy(l, 0, z, zo, 24);
  }

  public Fq2 c0() {
    return Fq2.readFrom(l, 0);
  }

  public Fq2 c1() {
    return Fq2.readFrom(l, 8);
  }

  public Fq2 c2() {
    return Fq2.readFrom(l, 16);
  }

  private static Fq6Ops ops() {
    return Fq12Ops.LOCAL.get().f6;
  }

  public Fq6 add(Fq6 o) {
    long[] z = new long[24];
    Fq6Ops.add(z, 0, l, 0, o.l, 0);
    return new Fq6(z);
  }

  public Fq6 sub(Fq6 o) {
    long[] z = new long[24];
    Fq6Ops.sub(z, 0, l, 0, o.l, 0);
    return new Fq6(z);
  }

  public Fq6 neg() {
    long[] z = new long[24];
    Fq6Ops.neg(z, 0, l, 0);
    return new Fq6(z);
  }

  public Fq6 mul(Fq6 o) {
    long[] z = new long[24];
    ops().mul(z, 0, l, 0, o.l, 0);
    return new Fq6(z);
  }

  public Fq6 square() {
    long[] z = new long[24];
    ops().square(z, 0, l, 0);
    return new Fq6(z);
  }

  /** this · v. */
  public Fq6 mulByV() {
    long[] z = new long[24];
    ops().mulByV(z, 0, l, 0);
    return new Fq6(z);
  }

  /** The multiplicative inverse; ArithmeticException on zero. */
  public Fq6 inverse() {
    if (isZero()) {
      throw new ArithmeticException("inverse of zero in Fq6");
    }
    long[] z = new long[24];
    ops().inverse(z, 0, l, 0);
    return new Fq6(z);
  }

  public boolean isZero() {
    return Fq6Ops.isZero(l, 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fq6 && Arrays.equals(l, ((Fq6) o).l);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(l);
  }

  @Override
  public String toString() {
    return "(" + c0() + ") + (" + c1() + ")·v + (" + c2() + ")·v²";
  }
}
