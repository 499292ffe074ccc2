package io.kubz.field.evm;

import io.kubz.field.G1;
import java.math.BigInteger;
import java.util.Arrays;

/** The alt_bn128 scalar multiplication precompile (address 0x07, EIP-196). */
public final class Bn256ScalarMul {
  private Bn256ScalarMul() {}

  /** Input length the precompile reads: a G1 point and a 32-byte scalar. */
  public static final int INPUT_BYTES = 96;

  /**
   * k·P for input P‖k (64-byte EVM point, k a 256-bit big-endian unsigned integer, not necessarily
   * below r; shorter input is right-padded with zeros, longer is truncated), as 64 bytes.
   * IllegalArgumentException when a coordinate is ≥ q or the point is not on the curve.
   */
  public static byte[] run(byte[] input) {
    byte[] in = Precompiles.fit(input, INPUT_BYTES);
    G1 p = G1.fromEvmBytes(in, 0);
    BigInteger k = new BigInteger(1, Arrays.copyOfRange(in, 64, 96));
    return p.mul(k).toEvmBytes();
  }
}
