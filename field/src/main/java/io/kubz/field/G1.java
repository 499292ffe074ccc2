package io.kubz.field;

import io.kubz.field.internal.G1Codec;
import io.kubz.field.internal.G1ScalarMul;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The BN254 group G1: points of {@code y² = x³ + 3} over Fq, order r, cofactor 1, generator (1, 2).
 *
 * <p>Two tiers. The immutable affine value ({@link #add}, {@link #mul}, codecs) is for non-hot code.
 * The static kernels work on flat {@code long[]}: an affine point is 8 longs (x‖y, Montgomery Fq; the
 * point at infinity is all zero, which is not on the curve since 0 ≠ 3), a Jacobian point is 12
 * longs (X‖Y‖Z with x = X/Z², y = Y/Z³; Z = 0 is infinity). Every kernel allows the output to alias
 * any input. Kernels that take a scratch array {@code t} need {@link #SCRATCH_LONGS} longs there;
 * the overloads without it use a per-thread scratch.
 *
 * <p>Formulas (a = 0): add-2007-bl, madd-2007-bl and dbl-2009-l of the Explicit-Formulas Database
 * (Bernstein–Lange, hyperelliptic.org/EFD/g1p/auto-shortw-jacobian-0.html), made complete by
 * falling back to doubling when P = Q and returning infinity when P = −Q.
 */
public final class G1 {
  /** Longs per affine point (x‖y). */
  public static final int AFFINE_LONGS = 8;
  /** Longs per Jacobian point (X‖Y‖Z). */
  public static final int JACOBIAN_LONGS = 12;
  /** Scratch longs needed by the kernels that take one. */
  public static final int SCRATCH_LONGS = 4 * 12;

  /** b = 3 in Montgomery form. */
  private static final long[] B = new long[4];
  private static final ThreadLocal<long[]> SCRATCH =
      ThreadLocal.withInitial(() -> new long[SCRATCH_LONGS]);

  static {
    Fq.set(B, 0, 3);
  }

  /** The point at infinity. */
  public static final G1 INFINITY = new G1(new long[AFFINE_LONGS]);

  private static final G1 GENERATOR = of(Fq.of(1), Fq.of(2));

  private final long[] a; // affine, Montgomery, never exposed

  private G1(long[] affine) {
    this.a = affine;
  }

  /** The generator (1, 2). */
  public static G1 generator() {
    return GENERATOR;
  }

  /** The affine point (x, y); IllegalArgumentException when it is not on the curve. */
  public static G1 of(Fq x, Fq y) {
    long[] p = new long[AFFINE_LONGS];
    x.writeTo(p, 0);
    y.writeTo(p, 4);
    if (isInfinityAffine(p, 0) || !isOnCurve(p, 0)) {
      throw new IllegalArgumentException("G1 point (" + x + ", " + y + ") is not on y^2 = x^3 + 3");
    }
    return new G1(p);
  }

  /** Reads 8 longs (Montgomery affine, all zero = infinity); IllegalArgumentException if off-curve. */
  public static G1 readAffine(long[] src, int off) {
    long[] p = Arrays.copyOfRange(src, off, off + AFFINE_LONGS);
    if (!isOnCurve(p, 0)) {
      throw new IllegalArgumentException("G1 point is not on y^2 = x^3 + 3");
    }
    return new G1(p);
  }

  /** Wraps a Jacobian point (already known to be on the curve) as a value. */
  public static G1 fromJacobian(long[] jac, int off) {
    long[] p = new long[AFFINE_LONGS];
    toAffine(p, 0, jac, off);
    return new G1(p);
  }

  /** Writes 8 longs: x‖y in Montgomery Fq, all zero for infinity. */
  public void writeAffine(long[] dst, int off) {
    System.arraycopy(a, 0, dst, off, AFFINE_LONGS);
  }

  /** Writes 12 longs: the Jacobian form (x, y, 1), or Z = 0 for infinity. */
  public void writeJacobian(long[] dst, int off) {
    fromAffine(dst, off, a, 0);
  }

  /** x (zero for infinity). */
  public Fq x() {
    return Fq.readFrom(a, 0);
  }

  /** y (zero for infinity). */
  public Fq y() {
    return Fq.readFrom(a, 4);
  }

  public boolean isInfinity() {
    return isInfinityAffine(a, 0);
  }

  public G1 add(G1 o) {
    long[] j = new long[JACOBIAN_LONGS];
    fromAffine(j, 0, a, 0);
    addMixed(j, 0, j, 0, o.a, 0);
    return fromJacobian(j, 0);
  }

  public G1 neg() {
    long[] p = a.clone();
    negAffine(p, 0, p, 0);
    return new G1(p);
  }

  public G1 sub(G1 o) {
    return add(o.neg());
  }

  public G1 dbl() {
    long[] j = new long[JACOBIAN_LONGS];
    fromAffine(j, 0, a, 0);
    dblJ(j, 0, j, 0);
    return fromJacobian(j, 0);
  }

  /** k·P for any integer k (reduced mod r), by the GLV endomorphism and width-5 NAF. */
  public G1 mul(BigInteger k) {
    long[] j = new long[JACOBIAN_LONGS];
    G1ScalarMul.mul(j, 0, a, 0, k);
    return fromJacobian(j, 0);
  }

  public G1 mul(Fr k) {
    return mul(k.toBigInteger());
  }

  /** EVM encoding: 64 bytes x‖y big-endian, all zero for infinity. */
  public byte[] toEvmBytes() {
    return G1Codec.toEvm(a, 0);
  }

  /**
   * Decodes 64 EVM bytes at {@code off}; IllegalArgumentException for a coordinate ≥ q or a point not
   * on the curve (all zero decodes to infinity).
   */
  public static G1 fromEvmBytes(byte[] in, int off) {
    long[] p = new long[AFFINE_LONGS];
    G1Codec.fromEvm(p, 0, in, off);
    return new G1(p);
  }

  /** Compressed 32 bytes, gnark-crypto's convention; see {@link G1Codec}. */
  public byte[] toCompressed() {
    return G1Codec.compress(a, 0);
  }

  /** Decodes {@link #toCompressed()}; IllegalArgumentException on any malformed input. */
  public static G1 fromCompressed(byte[] in) {
    long[] p = new long[AFFINE_LONGS];
    G1Codec.decompress(p, 0, in);
    return new G1(p);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof G1 && Arrays.equals(a, ((G1) o).a);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(a);
  }

  @Override
  public String toString() {
    return isInfinity() ? "G1(infinity)" : "G1(" + x() + ", " + y() + ")";
  }

  // ---------------------------------------------------------------- kernels on long[]

  /** True for the all-zero affine encoding of infinity. */
  public static boolean isInfinityAffine(long[] p, int po) {
    return Fq.isZero(p, po) && Fq.isZero(p, po + 4);
  }

  public static boolean isInfinityJ(long[] p, int po) {
    return Fq.isZero(p, po + 8);
  }

  public static void setInfinityJ(long[] z, int zo) {
    Fq.setOne(z, zo);
    Fq.setOne(z, zo + 4);
    Fq.setZero(z, zo + 8);
  }

  /** True when the affine point is infinity or satisfies y² = x³ + 3. */
  public static boolean isOnCurve(long[] p, int po) {
    if (isInfinityAffine(p, po)) {
      return true;
    }
    long[] t = SCRATCH.get();
    Fq.square(t, 0, p, po);
    Fq.mul(t, 0, t, 0, p, po);
    Fq.add(t, 0, t, 0, B, 0);
    Fq.square(t, 4, p, po + 4);
    return Fq.equal(t, 0, t, 4);
  }

  /** z = −p (affine). */
  public static void negAffine(long[] z, int zo, long[] p, int po) {
    Fq.copy(z, zo, p, po);
    Fq.neg(z, zo + 4, p, po + 4);
  }

  /** z = −p (Jacobian). */
  public static void negJ(long[] z, int zo, long[] p, int po) {
    Fq.copy(z, zo, p, po);
    Fq.neg(z, zo + 4, p, po + 4);
    Fq.copy(z, zo + 8, p, po + 8);
  }

  /** Jacobian (x, y, 1) from an affine point, Z = 0 for infinity. */
  public static void fromAffine(long[] z, int zo, long[] p, int po) {
    if (isInfinityAffine(p, po)) {
      setInfinityJ(z, zo);
      return;
    }
    Fq.copy(z, zo, p, po);
    Fq.copy(z, zo + 4, p, po + 4);
    Fq.setOne(z, zo + 8);
  }

  /** z (affine, 8 longs) = p (Jacobian): one inversion. */
  public static void toAffine(long[] z, int zo, long[] p, int po) {
    if (isInfinityJ(p, po)) {
      Arrays.fill(z, zo, zo + AFFINE_LONGS, 0L);
      return;
    }
    long[] t = SCRATCH.get();
    Fq.inverse(t, 0, p, po + 8);
    Fq.square(t, 4, t, 0);
    Fq.mul(t, 0, t, 0, t, 4);
    Fq.mul(z, zo, p, po, t, 4);
    Fq.mul(z, zo + 4, p, po + 4, t, 0);
  }

  /**
   * n Jacobian points at {@code jac[jo..]} to n affine points at {@code aff[ao..]}, with one field
   * inversion in all (Montgomery's trick). Allocates 4n longs of scratch. In-place use is not
   * supported (the layouts differ); distinct arrays or disjoint ranges only.
   */
  public static void batchToAffine(long[] jac, int jo, long[] aff, int ao, int n) {
    long[] zs = new long[4 * n];
    for (int i = 0; i < n; i++) {
      Fq.copy(zs, 4 * i, jac, jo + JACOBIAN_LONGS * i + 8);
    }
    Fq.batchInverse(zs, 0, n); // zeros (infinity) stay zero
    long[] t = new long[8];
    for (int i = 0; i < n; i++) {
      int p = jo + JACOBIAN_LONGS * i;
      int z = ao + AFFINE_LONGS * i;
      if (Fq.isZero(zs, 4 * i)) {
        Arrays.fill(aff, z, z + AFFINE_LONGS, 0L);
        continue;
      }
      Fq.square(t, 0, zs, 4 * i); // 1/Z²
      Fq.mul(t, 4, t, 0, zs, 4 * i); // 1/Z³
      Fq.mul(aff, z, jac, p, t, 0);
      Fq.mul(aff, z + 4, jac, p + 4, t, 4);
    }
  }

  public static void copyJ(long[] z, int zo, long[] p, int po) {
    System.arraycopy(p, po, z, zo, JACOBIAN_LONGS);
  }

  /** z = 2p (Jacobian). */
  public static void dblJ(long[] z, int zo, long[] p, int po) {
    dblJ(z, zo, p, po, SCRATCH.get());
  }

  /** z = 2p (Jacobian), dbl-2009-l: 2M + 5S. */
  public static void dblJ(long[] z, int zo, long[] p, int po, long[] t) {
    if (isInfinityJ(p, po)) {
      setInfinityJ(z, zo);
      return;
    }
    final int a = 0, b = 4, c = 8, d = 12, e = 16, f = 20;
    Fq.square(t, a, p, po); // A = X²
    Fq.square(t, b, p, po + 4); // B = Y²
    Fq.square(t, c, t, b); // C = B²
    Fq.add(t, d, p, po, t, b);
    Fq.square(t, d, t, d);
    Fq.sub(t, d, t, d, t, a);
    Fq.sub(t, d, t, d, t, c);
    Fq.dbl(t, d, t, d); // D = 2((X + B)² − A − C)
    Fq.dbl(t, e, t, a);
    Fq.add(t, e, t, e, t, a); // E = 3A
    Fq.square(t, f, t, e); // F = E²
    Fq.mul(z, zo + 8, p, po + 4, p, po + 8);
    Fq.dbl(z, zo + 8, z, zo + 8); // Z3 = 2YZ (Y, Z no longer needed)
    Fq.sub(z, zo, t, f, t, d);
    Fq.sub(z, zo, z, zo, t, d); // X3 = F − 2D
    Fq.sub(t, d, t, d, z, zo);
    Fq.mul(t, d, t, d, t, e);
    Fq.dbl(t, c, t, c);
    Fq.dbl(t, c, t, c);
    Fq.dbl(t, c, t, c);
    Fq.sub(z, zo + 4, t, d, t, c); // Y3 = E(D − X3) − 8C
  }

  /** z = p + q (all Jacobian), complete. */
  public static void addJ(long[] z, int zo, long[] p, int po, long[] q, int qo) {
    addJ(z, zo, p, po, q, qo, SCRATCH.get());
  }

  /** z = p + q (all Jacobian), add-2007-bl: 11M + 5S; complete. */
  public static void addJ(long[] z, int zo, long[] p, int po, long[] q, int qo, long[] t) {
    if (isInfinityJ(p, po)) {
      copyJ(z, zo, q, qo);
      return;
    }
    if (isInfinityJ(q, qo)) {
      copyJ(z, zo, p, po);
      return;
    }
    final int z1z1 = 0, z2z2 = 4, u1 = 8, u2 = 12, s1 = 16, s2 = 20, h = 24, i = 28, j = 32;
    final int r = 36, v = 40, z3 = 44;
    Fq.square(t, z1z1, p, po + 8);
    Fq.square(t, z2z2, q, qo + 8);
    Fq.mul(t, u1, p, po, t, z2z2); // U1 = X1·Z2²
    Fq.mul(t, u2, q, qo, t, z1z1); // U2 = X2·Z1²
    Fq.mul(t, s1, p, po + 4, q, qo + 8);
    Fq.mul(t, s1, t, s1, t, z2z2); // S1 = Y1·Z2³
    Fq.mul(t, s2, q, qo + 4, p, po + 8);
    Fq.mul(t, s2, t, s2, t, z1z1); // S2 = Y2·Z1³
    Fq.sub(t, h, t, u2, t, u1);
    Fq.sub(t, r, t, s2, t, s1);
    if (Fq.isZero(t, h)) { // same x: P = Q or P = −Q
      if (Fq.isZero(t, r)) {
        dblJ(z, zo, p, po, t);
      } else {
        setInfinityJ(z, zo);
      }
      return;
    }
    Fq.dbl(t, r, t, r); // r = 2(S2 − S1)
    Fq.dbl(t, i, t, h);
    Fq.square(t, i, t, i); // I = (2H)²
    Fq.mul(t, j, t, h, t, i); // J = H·I
    Fq.mul(t, v, t, u1, t, i); // V = U1·I
    Fq.add(t, z3, p, po + 8, q, qo + 8);
    Fq.square(t, z3, t, z3);
    Fq.sub(t, z3, t, z3, t, z1z1);
    Fq.sub(t, z3, t, z3, t, z2z2);
    Fq.mul(t, z3, t, z3, t, h); // Z3 = ((Z1 + Z2)² − Z1Z1 − Z2Z2)·H
    finish(z, zo, t, r, j, v, s1, z3);
  }

  /** z = p + a (p Jacobian, a affine). */
  public static void addMixed(long[] z, int zo, long[] p, int po, long[] a, int ao) {
    addMixed(z, zo, p, po, a, ao, false, SCRATCH.get());
  }

  /**
   * z = p ± a (p Jacobian, a affine; minus when {@code negate}), madd-2007-bl: 7M + 4S; complete.
   */
  public static void addMixed(
      long[] z, int zo, long[] p, int po, long[] a, int ao, boolean negate, long[] t) {
    if (isInfinityAffine(a, ao)) {
      copyJ(z, zo, p, po);
      return;
    }
    if (isInfinityJ(p, po)) {
      Fq.copy(z, zo, a, ao);
      if (negate) {
        Fq.neg(z, zo + 4, a, ao + 4);
      } else {
        Fq.copy(z, zo + 4, a, ao + 4);
      }
      Fq.setOne(z, zo + 8);
      return;
    }
    final int z1z1 = 0, u2 = 4, s2 = 8, h = 12, hh = 16, i = 20, j = 24, r = 28, v = 32, z3 = 36;
    final int y1 = 40;
    Fq.square(t, z1z1, p, po + 8);
    Fq.mul(t, u2, a, ao, t, z1z1); // U2 = X2·Z1²
    Fq.mul(t, s2, a, ao + 4, p, po + 8);
    Fq.mul(t, s2, t, s2, t, z1z1); // S2 = Y2·Z1³
    if (negate) {
      Fq.neg(t, s2, t, s2);
    }
    Fq.sub(t, h, t, u2, p, po); // H = U2 − X1
    Fq.sub(t, r, t, s2, p, po + 4);
    if (Fq.isZero(t, h)) {
      if (Fq.isZero(t, r)) {
        dblJ(z, zo, p, po, t);
      } else {
        setInfinityJ(z, zo);
      }
      return;
    }
    Fq.dbl(t, r, t, r); // r = 2(S2 − Y1)
    Fq.square(t, hh, t, h);
    Fq.dbl(t, i, t, hh);
    Fq.dbl(t, i, t, i); // I = 4·H²
    Fq.mul(t, j, t, h, t, i); // J = H·I
    Fq.mul(t, v, p, po, t, i); // V = X1·I
    Fq.add(t, z3, p, po + 8, t, h);
    Fq.square(t, z3, t, z3);
    Fq.sub(t, z3, t, z3, t, z1z1);
    Fq.sub(t, z3, t, z3, t, hh); // Z3 = (Z1 + H)² − Z1² − H²
    Fq.copy(t, y1, p, po + 4);
    finish(z, zo, t, r, j, v, y1, z3);
  }

  /** X3 = r² − J − 2V, Y3 = r(V − X3) − 2·S·J, Z3 given; all operands in t; writes z last. */
  private static void finish(long[] z, int zo, long[] t, int r, int j, int v, int s, int z3) {
    Fq.mul(t, s, t, s, t, j);
    Fq.dbl(t, s, t, s); // 2·S·J
    Fq.square(z, zo, t, r);
    Fq.sub(z, zo, z, zo, t, j);
    Fq.sub(z, zo, z, zo, t, v);
    Fq.sub(z, zo, z, zo, t, v); // X3
    Fq.sub(t, v, t, v, z, zo);
    Fq.mul(t, v, t, v, t, r);
    Fq.sub(z, zo + 4, t, v, t, s); // Y3
    Fq.copy(z, zo + 8, t, z3);
  }
}
