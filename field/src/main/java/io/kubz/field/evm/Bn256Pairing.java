package io.kubz.field.evm;

import io.kubz.field.G1;
import io.kubz.field.G2;
import io.kubz.field.Pairing;

/** The alt_bn128 pairing-check precompile (address 0x08, EIP-197). */
public final class Bn256Pairing {
  private Bn256Pairing() {}

  /** Bytes per pair: a G1 point (64) then a G2 point (128). */
  public static final int PAIR_BYTES = 192;

  /**
   * For input (P1‖Q1)‖…‖(Pk‖Qk), k ≥ 0, returns 32 bytes 0…01 when Π e(Pi, Qi) = 1 and 0…00
   * otherwise. IllegalArgumentException when the length is not a multiple of 192, a coordinate is
   * ≥ q, a G1 point is off the curve, or a G2 point is off the twist or outside the order-r subgroup.
   */
  public static byte[] run(byte[] input) {
    byte[] in = input == null ? new byte[0] : input;
    if (in.length % PAIR_BYTES != 0) {
      throw new IllegalArgumentException(
          "pairing input length " + in.length + " is not a multiple of " + PAIR_BYTES);
    }
    int k = in.length / PAIR_BYTES;
    G1[] ps = new G1[k];
    G2[] qs = new G2[k];
    for (int i = 0; i < k; i++) {
      ps[i] = G1.fromEvmBytes(in, PAIR_BYTES * i);
      qs[i] = G2.fromEvmBytes(in, PAIR_BYTES * i + 64);
    }
    byte[] out = new byte[32];
    if (Pairing.check(ps, qs)) {
      out[31] = 1;
    }
    return out;
  }
}
