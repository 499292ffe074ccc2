package io.kubz.field.internal;

import java.math.BigInteger;

/** The two BN254 primes, in one place for the field classes and their dedicated kernels. */
public final class Moduli {
  /** The scalar field order r (the order of the G1/G2 groups). */
  public static final BigInteger R = new BigInteger(
      "21888242871839275222246405745257275088548364400416034343698204186575808495617");
  /** The base field order q (coordinates of G1 points). */
  public static final BigInteger Q = new BigInteger(
      "21888242871839275222246405745257275088696311157297823662689037894645226208583");

  private Moduli() {}

  /** -p^-1 mod 2^64 for an odd p: the Montgomery reduction factor. */
  public static long minusInverse64(BigInteger p) {
    BigInteger two64 = BigInteger.ONE.shiftLeft(64);
    return two64.subtract(p.modInverse(two64)).longValue();
  }
}
