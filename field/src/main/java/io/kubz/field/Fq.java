package io.kubz.field;

import io.kubz.field.internal.Mont4;
import io.kubz.field.internal.MontFq;
import io.kubz.field.internal.Moduli;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

/**
 * The BN254 base field F_q, q = 21888242871839275222246405745257275088696311157297823662689037894645226208583.
 *
 * <p>Two tiers: static allocation-free kernels on flat {@code long[]} (4 little-endian limbs per
 * element, Montgomery form x·2^256 mod q, an offset is the index of limb 0; every output may alias
 * any input) for provers, and an immutable value type for circuits, configs and tests. The
 * arithmetic kernels allocate nothing; pow, the byte/BigInteger codecs and batchInverse use a small
 * temporary. Inversion is a variable-time binary GCD (about 20 products' worth).
 * q ≡ 3 (mod 4), so a square root of a square x is x^((q+1)/4).
 */
public final class Fq {
  public static final int LIMBS = 4;
  public static final BigInteger MODULUS = Moduli.Q;

  static final long P0 = Mont4.limb(MODULUS, 0);
  static final long P1 = Mont4.limb(MODULUS, 1);
  static final long P2 = Mont4.limb(MODULUS, 2);
  static final long P3 = Mont4.limb(MODULUS, 3);
  /** -q^-1 mod 2^64. */
  static final long INV = Moduli.minusInverse64(MODULUS);
  /** R = 2^256 mod q: the Montgomery form of 1. */
  private static final long[] ONE_LIMBS = plain(BigInteger.ONE.shiftLeft(256).mod(MODULUS));
  /** R^2 mod q: multiplying by it converts into Montgomery form. */
  private static final long[] R2_LIMBS = plain(BigInteger.ONE.shiftLeft(512).mod(MODULUS));
  /** The plain integer 1: multiplying by it converts out of Montgomery form. */
  private static final long[] PLAIN_ONE = {1, 0, 0, 0};
  /** R^3 mod q: turns the binary GCD's (x·R)^-1 into x^-1·R. */
  private static final long[] R3_LIMBS = plain(BigInteger.ONE.shiftLeft(768).mod(MODULUS));
  private static final BigInteger HALF_Q_MINUS_1 = MODULUS.shiftRight(1);
  /** (q+1)/4, valid as a square-root exponent because q ≡ 3 (mod 4). */
  private static final BigInteger SQRT_EXP = MODULUS.add(BigInteger.ONE).shiftRight(2);

  private static long[] plain(BigInteger v) {
    long[] z = new long[4];
    Mont4.fromBigInteger(z, 0, v);
    return z;
  }

  // ---------------------------------------------------------------- kernels

  /** z = x + y. */
  public static void add(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    Mont4.add(z, zo, x, xo, y, yo, P0, P1, P2, P3);
  }

  /** z = x - y. */
  public static void sub(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    Mont4.sub(z, zo, x, xo, y, yo, P0, P1, P2, P3);
  }

  /** z = x · y. */
  public static void mul(long[] z, int zo, long[] x, int xo, long[] y, int yo) {
    MontFq.mul(z, zo, x, xo, y, yo);
  }

  /** z = x². */
  public static void square(long[] z, int zo, long[] x, int xo) {
    MontFq.square(z, zo, x, xo);
  }

  /** z = -x. */
  public static void neg(long[] z, int zo, long[] x, int xo) {
    Mont4.neg(z, zo, x, xo, P0, P1, P2, P3);
  }

  /** z = 2x. */
  public static void dbl(long[] z, int zo, long[] x, int xo) {
    Mont4.dbl(z, zo, x, xo, P0, P1, P2, P3);
  }

  /** z = 1/x, and 0 for x = 0. */
  public static void inverse(long[] z, int zo, long[] x, int xo) {
    Mont4.inverse(z, zo, x, xo, R3_LIMBS, ONE_LIMBS, P0, P1, P2, P3, INV);
  }

  /** z = x^e; a negative e inverts first (0^negative = 0). Allocates a 4-limb scratch. */
  public static void pow(long[] z, int zo, long[] x, int xo, BigInteger e) {
    if (e.signum() < 0) {
      inverse(z, zo, x, xo);
      Mont4.pow(z, zo, z, zo, e.negate(), ONE_LIMBS, Fq::mul, Fq::square);
    } else {
      Mont4.pow(z, zo, x, xo, e, ONE_LIMBS, Fq::mul, Fq::square);
    }
  }

  public static void copy(long[] z, int zo, long[] x, int xo) {
    Mont4.copy(z, zo, x, xo);
  }

  public static void setZero(long[] z, int zo) {
    z[zo] = 0;
    z[zo + 1] = 0;
    z[zo + 2] = 0;
    z[zo + 3] = 0;
  }

  public static void setOne(long[] z, int zo) {
    Mont4.copy(z, zo, ONE_LIMBS, 0);
  }

  /** z = v mod q for a signed v (-5 becomes q - 5). */
  public static void set(long[] z, int zo, long v) {
    z[zo] = v < 0 ? -v : v; // -Long.MIN_VALUE read unsigned is 2^63, as wanted
    z[zo + 1] = 0;
    z[zo + 2] = 0;
    z[zo + 3] = 0;
    fromCanonicalLimbs(z, zo, z, zo);
    if (v < 0) {
      neg(z, zo, z, zo);
    }
  }

  public static boolean isZero(long[] x, int xo) {
    return Mont4.isZero(x, xo);
  }

  public static boolean equal(long[] x, int xo, long[] y, int yo) {
    return Mont4.equal(x, xo, y, yo);
  }

  /** Inverts n consecutive elements starting at offset off in place; zeros stay zero. */
  public static void batchInverse(long[] a, int off, int n) {
    Mont4.batchInverse(a, off, n, ONE_LIMBS, Fq::mul, Fq::inverse);
  }

  /**
   * {@link #batchInverse} split over {@link Parallel} in chunks of at least 4096 elements (one
   * inversion per chunk); same result, for long vectors.
   */
  public static void batchInverseParallel(long[] a, int off, int n) {
    Parallel.forRange(0, n, 4096, (from, to) -> batchInverse(a, off + 4 * from, to - from));
  }

  /** z = v mod q, any sign. */
  public static void fromBigInteger(long[] z, int zo, BigInteger v) {
    Mont4.fromBigInteger(z, zo, v.mod(MODULUS));
    fromCanonicalLimbs(z, zo, z, zo);
  }

  /** The canonical value in [0, q). */
  public static BigInteger toBigInteger(long[] x, int xo) {
    long[] t = new long[4];
    toCanonicalLimbs(t, 0, x, xo);
    return Mont4.toBigInteger(t, 0);
  }

  /** 32 big-endian bytes of the canonical value. */
  public static void toBytesBE(long[] x, int xo, byte[] out, int oo) {
    long[] t = new long[4];
    toCanonicalLimbs(t, 0, x, xo);
    Mont4.toBytesBE(t, 0, out, oo);
  }

  /** 32 little-endian bytes of the canonical value. */
  public static void toBytesLE(long[] x, int xo, byte[] out, int oo) {
    long[] t = new long[4];
    toCanonicalLimbs(t, 0, x, xo);
    Mont4.toBytesLE(t, 0, out, oo);
  }

  /** Reads 32 big-endian bytes; a value >= q throws IllegalArgumentException. */
  public static void fromBytesBE(long[] z, int zo, byte[] in, int io) {
    long[] t = new long[4];
    Mont4.fromBytesBE(t, 0, in, io);
    fromCanonicalLimbs(z, zo, t, 0);
  }

  /** Reads 32 little-endian bytes; a value >= q throws IllegalArgumentException. */
  public static void fromBytesLE(long[] z, int zo, byte[] in, int io) {
    long[] t = new long[4];
    Mont4.fromBytesLE(t, 0, in, io);
    fromCanonicalLimbs(z, zo, t, 0);
  }

  /** z = x / R: the plain limbs of x. */
  public static void toCanonicalLimbs(long[] z, int zo, long[] x, int xo) {
    MontFq.mul(z, zo, x, xo, PLAIN_ONE, 0);
  }

  /** z = x · R from plain limbs x < q; x >= q throws IllegalArgumentException. */
  public static void fromCanonicalLimbs(long[] z, int zo, long[] x, int xo) {
    if (!Mont4.lessThan(x, xo, P0, P1, P2, P3)) {
      throw new IllegalArgumentException("not a canonical Fq element (>= q): "
          + Mont4.toBigInteger(x, xo));
    }
    MontFq.mul(z, zo, x, xo, R2_LIMBS, 0);
  }

  /** 1 if x is a non-zero square, -1 if not a square, 0 for zero (Euler's criterion). */
  public static int legendre(long[] x, int xo) {
    if (isZero(x, xo)) {
      return 0;
    }
    long[] t = new long[4];
    Mont4.pow(t, 0, x, xo, HALF_Q_MINUS_1, ONE_LIMBS, Fq::mul, Fq::square);
    return Mont4.equal(t, 0, ONE_LIMBS, 0) ? 1 : -1;
  }

  /** z = a square root of x (x^((q+1)/4)) and true, or false (z untouched) if x is not a square. */
  public static boolean sqrt(long[] z, int zo, long[] x, int xo) {
    long[] t = new long[8];
    Mont4.pow(t, 0, x, xo, SQRT_EXP, ONE_LIMBS, Fq::mul, Fq::square);
    square(t, 4, t, 0);
    if (!Mont4.equal(t, 4, x, xo)) {
      return false;
    }
    Mont4.copy(z, zo, t, 0);
    return true;
  }

  // ---------------------------------------------------------------- value type

  public static final Fq ZERO = new Fq(new long[4]);
  public static final Fq ONE = new Fq(ONE_LIMBS.clone());

  /** Montgomery limbs, never mutated. */
  private final long[] v;

  private Fq(long[] v) {
    this.v = v;
  }

  public static Fq of(long v) {
    long[] z = new long[4];
    set(z, 0, v);
    return new Fq(z);
  }

  public static Fq of(BigInteger v) {
    long[] z = new long[4];
    fromBigInteger(z, 0, v);
    return new Fq(z);
  }

  /** Strict: 32 big-endian bytes of a value < q. */
  public static Fq fromBytesBE(byte[] b32) {
    if (b32.length != 32) {
      throw new IllegalArgumentException("an Fq element is 32 bytes, got " + b32.length);
    }
    long[] z = new long[4];
    fromBytesBE(z, 0, b32, 0);
    return new Fq(z);
  }

  /** A uniformly distributed element (up to 2^-64 statistical distance). */
  public static Fq random(Random rnd) {
    return of(new BigInteger(MODULUS.bitLength() + 64, rnd));
  }

  public static Fq readFrom(long[] x, int xo) {
    long[] z = new long[4];
    Mont4.copy(z, 0, x, xo);
    return new Fq(z);
  }

  public void writeTo(long[] z, int zo) {
    Mont4.copy(z, zo, v, 0);
  }

  public Fq add(Fq o) {
    long[] z = new long[4];
    add(z, 0, v, 0, o.v, 0);
    return new Fq(z);
  }

  public Fq sub(Fq o) {
    long[] z = new long[4];
    sub(z, 0, v, 0, o.v, 0);
    return new Fq(z);
  }

  public Fq mul(Fq o) {
    long[] z = new long[4];
    mul(z, 0, v, 0, o.v, 0);
    return new Fq(z);
  }

  public Fq neg() {
    long[] z = new long[4];
    neg(z, 0, v, 0);
    return new Fq(z);
  }

  public Fq square() {
    long[] z = new long[4];
    square(z, 0, v, 0);
    return new Fq(z);
  }

  /** 1/this; ArithmeticException for zero. */
  public Fq inverse() {
    if (isZero()) {
      throw new ArithmeticException("Fq: inverse of zero");
    }
    long[] z = new long[4];
    inverse(z, 0, v, 0);
    return new Fq(z);
  }

  /** this^e; a negative e needs a non-zero base (ArithmeticException otherwise). */
  public Fq pow(BigInteger e) {
    if (e.signum() < 0 && isZero()) {
      throw new ArithmeticException("Fq: zero to a negative power");
    }
    long[] z = new long[4];
    pow(z, 0, v, 0, e);
    return new Fq(z);
  }

  public Fq pow(long e) {
    return pow(BigInteger.valueOf(e));
  }

  public boolean isZero() {
    return isZero(v, 0);
  }

  /** The canonical value in [0, q). */
  public BigInteger toBigInteger() {
    return toBigInteger(v, 0);
  }

  /** The value in [-(q-1)/2, (q-1)/2]: above (q-1)/2 reads as negative. */
  public BigInteger toSignedBigInteger() {
    BigInteger b = toBigInteger();
    return b.compareTo(MODULUS.shiftRight(1)) > 0 ? b.subtract(MODULUS) : b;
  }

  public byte[] toBytesBE() {
    byte[] out = new byte[32];
    toBytesBE(v, 0, out, 0);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fq && Arrays.equals(v, ((Fq) o).v);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(v);
  }

  /** The canonical decimal value. */
  @Override
  public String toString() {
    return toBigInteger().toString();
  }
}
