package io.kubz.field.evm;

import io.kubz.field.G1;

/** The alt_bn128 addition precompile (address 0x06, EIP-196). */
public final class Bn256Add {
  private Bn256Add() {}

  /** Input length the precompile reads: two G1 points. */
  public static final int INPUT_BYTES = 128;

  /**
   * P + Q for input P‖Q (64-byte EVM points; shorter input is right-padded with zeros, longer is
   * truncated), as 64 bytes. IllegalArgumentException when a coordinate is ≥ q or a point is not on
   * the curve.
   */
  public static byte[] run(byte[] input) {
    byte[] in = Precompiles.fit(input, INPUT_BYTES);
    G1 p = G1.fromEvmBytes(in, 0);
    G1 q = G1.fromEvmBytes(in, 64);
    return p.add(q).toEvmBytes();
  }
}
