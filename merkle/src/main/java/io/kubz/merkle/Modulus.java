package io.kubz.merkle;

import java.math.BigInteger;

/** The BN254 scalar field modulus r, as the BigInteger derivations here use it. */
final class Modulus {
  static final BigInteger R = new BigInteger(
      "21888242871839275222246405745257275088548364400416034343698204186575808495617");

  private Modulus() {}
}
