package io.kubz.field;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A point of G2, the order-r subgroup of the sextic (D-type) twist E': y² = x³ + 3/(9 + u) over Fq2,
 * as an immutable affine value (16 longs: x.c0, x.c1, y.c0, y.c1, Montgomery Fq; infinity = all
 * zero). The static kernels work on Jacobian points (24 longs: X, Y, Z; Z = 0 is infinity) and use a
 * per-thread scratch; every kernel allows the output to alias an input.
 */
public final class G2 {
  public static final int AFFINE_LONGS = 16;
  public static final int JACOBIAN_LONGS = 24;
  public static final G2 INFINITY = new G2(new long[AFFINE_LONGS]);
  /** The generator of EIP-197 (and of every BN254 library that follows it). */
  private static final G2 GENERATOR = of(
      Fq2.of(new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
          new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
      Fq2.of(new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
          new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531")));

  final long[] a;

  private G2(long[] affine) {
    this.a = affine;
  }

  public static G2 generator() {
    return GENERATOR;
  }

  /** The affine point (x, y); IllegalArgumentException when it is not on the twist (no subgroup check). */
  public static G2 of(Fq2 x, Fq2 y) {
    long[] p = new long[AFFINE_LONGS];
    x.writeTo(p, 0);
    y.writeTo(p, 8);
    if (!isOnCurve(p, 0)) {
      throw new IllegalArgumentException("point is not on the twist y^2 = x^3 + 3/(9+u)");
    }
    return new G2(p);
  }

  /** Reads 16 longs of affine Montgomery coordinates as written by {@link #writeAffine}; not checked. */
  public static G2 readAffine(long[] src, int off) {
    return new G2(Arrays.copyOfRange(src, off, off + AFFINE_LONGS));
  }

  /** Reads a Jacobian point (24 longs) and normalises it. */
  public static G2 fromJacobian(long[] jac, int off) {
    long[] p = new long[AFFINE_LONGS];
    toAffine(p, 0, jac, off);
    return new G2(p);
  }

  public void writeAffine(long[] dst, int off) {
    System.arraycopy(a, 0, dst, off, AFFINE_LONGS);
  }

  public void writeJacobian(long[] dst, int off) {
    fromAffine(dst, off, a, 0);
  }

  public Fq2 x() {
    return Fq2.readFrom(a, 0);
  }

  public Fq2 y() {
    return Fq2.readFrom(a, 8);
  }

  public boolean isInfinity() {
    return isInfinityAffine(a, 0);
  }

  public G2 add(G2 o) {
    long[] j = new long[JACOBIAN_LONGS];
    fromAffine(j, 0, a, 0);
    addMixed(j, 0, j, 0, o.a, 0);
    return fromJacobian(j, 0);
  }

  public G2 neg() {
    long[] p = a.clone();
    if (!isInfinity()) {
      Fq2Ops.neg(p, 8, p, 8);
    }
    return new G2(p);
  }

  public G2 sub(G2 o) {
    return add(o.neg());
  }

  public G2 dbl() {
    long[] j = new long[JACOBIAN_LONGS];
    fromAffine(j, 0, a, 0);
    dblJ(j, 0, j, 0);
    return fromJacobian(j, 0);
  }

  /** k·P for any integer k (negative k multiplies −P). */
  public G2 mul(BigInteger k) {
    G2 base = k.signum() < 0 ? neg() : this;
    long[] j = new long[JACOBIAN_LONGS];
    G2Ops.LOCAL.get().mul(j, 0, base.a, 0, k.abs());
    return fromJacobian(j, 0);
  }

  public G2 mul(Fr k) {
    return mul(k.toBigInteger());
  }

  /** Whether the point lies on the twist (infinity does). */
  public boolean isOnCurve() {
    return isOnCurve(a, 0);
  }

  /**
   * Whether this point of the twist is in G2 (r·P = O; the twist's order is r times a cofactor of
   * about q), by the ψ-endomorphism test of {@link G2Ops#inSubgroup}.
   */
  public boolean inSubgroup() {
    return G2Ops.LOCAL.get().inSubgroup(a, 0);
  }

  /** EVM encoding (EIP-197): 128 bytes x.c1‖x.c0‖y.c1‖y.c0 big-endian; infinity is all zero. */
  public byte[] toEvmBytes() {
    return G2Codec.toEvm(a);
  }

  /**
   * Decodes 128 EVM bytes at off: IllegalArgumentException for a coordinate ≥ q, a point off the
   * twist, or a point outside G2 (all zero decodes to infinity).
   */
  public static G2 fromEvmBytes(byte[] in, int off) {
    return new G2(G2Codec.fromEvm(in, off));
  }

  /** Compressed 64 bytes (gnark-crypto's convention, as G1's); see {@link G2Codec}. */
  public byte[] toCompressed() {
    return G2Codec.compress(this);
  }

  /** Decodes {@link #toCompressed()}; IllegalArgumentException on malformed, off-curve or non-G2 input. */
  public static G2 fromCompressed(byte[] in) {
    return G2Codec.decompress(in);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof G2 && Arrays.equals(a, ((G2) o).a);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(a);
  }

  @Override
  public String toString() {
    return isInfinity() ? "G2(infinity)" : "G2(" + x() + ", " + y() + ")";
  }

  // ---- static kernels (Jacobian 24 longs, affine 16 longs) ----

  public static boolean isInfinityAffine(long[] p, int po) {
    return G2Ops.isInfinityAffine(p, po);
  }

  public static boolean isInfinityJ(long[] p, int po) {
    return G2Ops.isInfinityJ(p, po);
  }

  public static void setInfinityJ(long[] z, int zo) {
    G2Ops.setInfinityJ(z, zo);
  }

  /** y² = x³ + b' for affine p (infinity counts as on the curve). */
  public static boolean isOnCurve(long[] p, int po) {
    return G2Ops.LOCAL.get().isOnCurve(p, po);
  }

  public static void fromAffine(long[] z, int zo, long[] p, int po) {
    G2Ops.fromAffine(z, zo, p, po);
  }

  public static void toAffine(long[] z, int zo, long[] p, int po) {
    G2Ops.LOCAL.get().toAffine(z, zo, p, po);
  }

  /** n consecutive Jacobian points to affine with one Fq2 inversion; aff must not overlap jac. */
  public static void batchToAffine(long[] jac, int jo, long[] aff, int ao, int n) {
    G2Ops.LOCAL.get().batchToAffine(jac, jo, aff, ao, n);
  }

  public static void negJ(long[] z, int zo, long[] p, int po) {
    G2Ops.negJ(z, zo, p, po);
  }

  public static void dblJ(long[] z, int zo, long[] p, int po) {
    G2Ops.LOCAL.get().dbl(z, zo, p, po);
  }

  public static void addJ(long[] z, int zo, long[] p, int po, long[] q, int qo) {
    G2Ops.LOCAL.get().add(z, zo, p, po, q, qo);
  }

  /** Jacobian p plus affine q. */
  public static void addMixed(long[] z, int zo, long[] p, int po, long[] q, int qo) {
    G2Ops.LOCAL.get().addMixed(z, zo, p, po, q, qo);
  }
}
