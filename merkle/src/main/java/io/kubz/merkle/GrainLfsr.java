package io.kubz.merkle;

import java.math.BigInteger;

/**
 * The 80-bit Grain LFSR the Poseidon paper (Grassi et al., eprint 2019/458, Appendix F) uses to
 * derive round constants and MDS matrices, as in its reference script
 * {@code generate_parameters_grain.sage}.
 *
 * <p>Seed (80 bits, most significant first): field type (2 bits, 1 = prime field), S-box (4 bits,
 * 0 = x^alpha), field size n (12), width t (12), R_F (10), R_P (10), then 30 ones. The register is
 * clocked 160 times and the output discarded. Each step computes
 * {@code b_{i+80} = b_{i+62} ^ b_{i+51} ^ b_{i+38} ^ b_{i+23} ^ b_{i+13} ^ b_i}; output bits are
 * self-shrunk: bits are taken in pairs, and a pair (1, y) outputs y while a pair (0, y) outputs
 * nothing. Field elements are n output bits read most significant first.
 */
final class GrainLfsr {
  private static final int SIZE = 80;
  private final byte[] bits = new byte[SIZE];
  private int head;

  GrainLfsr(int fieldType, int sbox, int fieldBits, int width, int fullRounds, int partialRounds) {
    int pos = 0;
    pos = load(pos, fieldType, 2);
    pos = load(pos, sbox, 4);
    pos = load(pos, fieldBits, 12);
    pos = load(pos, width, 12);
    pos = load(pos, fullRounds, 10);
    pos = load(pos, partialRounds, 10);
    while (pos < SIZE) {
      bits[pos++] = 1;
    }
    for (int i = 0; i < 160; i++) {
      clock();
    }
  }

  private int load(int pos, int value, int width) {
    if (value < 0 || value >= 1 << width) {
      throw new IllegalArgumentException("Grain seed field " + value + " does not fit " + width + " bits");
    }
    for (int i = width - 1; i >= 0; i--) {
      bits[pos++] = (byte) ((value >>> i) & 1);
    }
    return pos;
  }

  /** One LFSR step: the new bit replaces the oldest one (a ring buffer of the last 80 bits). */
  private int clock() {
    int h = head;
    int b = bits[h] ^ bits[(h + 13) % SIZE] ^ bits[(h + 23) % SIZE] ^ bits[(h + 38) % SIZE]
        ^ bits[(h + 51) % SIZE] ^ bits[(h + 62) % SIZE];
    bits[h] = (byte) b;
    head = (h + 1) % SIZE;
    return b;
  }

  /** The next self-shrunk output bit. */
  int nextBit() {
    while (true) {
      int first = clock();
      int second = clock();
      if (first == 1) {
        return second;
      }
    }
  }

  /** The next {@code n} output bits as an unsigned integer, first bit most significant. */
  BigInteger nextBits(int n) {
    byte[] be = new byte[(n + 7) / 8 + 1];
    for (int i = n - 1; i >= 0; i--) {
      if (nextBit() == 1) {
        be[be.length - 1 - i / 8] |= (byte) (1 << (i % 8));
      }
    }
    return new BigInteger(be);
  }

  /** Rejection sampling: the next n-bit value below {@code p}. */
  BigInteger nextBelow(int n, BigInteger p) {
    while (true) {
      BigInteger v = nextBits(n);
      if (v.compareTo(p) < 0) {
        return v;
      }
    }
  }
}
