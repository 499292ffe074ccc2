package io.kubz.field.evm;

import java.util.Arrays;

/** Input handling shared by the precompiles. */
final class Precompiles {
  private Precompiles() {}

  /** EIP-196 input rule: right-pad with zeros or truncate to exactly {@code len} bytes. */
  static byte[] fit(byte[] input, int len) {
    return input == null ? new byte[len] : Arrays.copyOf(input, len);
  }
}
