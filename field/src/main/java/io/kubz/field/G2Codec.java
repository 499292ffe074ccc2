package io.kubz.field;

/**
 * Byte codecs of G2 points. EVM (EIP-197): 128 bytes x.c1‖x.c0‖y.c1‖y.c0, 32-byte big-endian
 * canonical coordinates, all zero = infinity. Compressed (gnark-crypto's convention, as for G1): 64
 * bytes x.c1‖x.c0 with the two top bits of byte 0 (free since q < 2^254) as flags: 0b10 = y is the
 * smaller of ±y, 0b11 = y is the larger (see {@link Fq2#isLexicographicallyLargest()}), 0b01 =
 * infinity with every other bit zero; 0b00 (gnark's uncompressed marker) is rejected. Decoding
 * rejects coordinates ≥ q, points off the twist and points outside G2.
 */
final class G2Codec {
  private G2Codec() {}

  private static final int SMALLEST = 0x80;
  private static final int LARGEST = 0xC0;
  private static final int INFINITY = 0x40;
  private static final int MASK = 0xC0;

  static byte[] toEvm(long[] a) {
    byte[] out = new byte[128];
    if (G2Ops.isInfinityAffine(a, 0)) {
      return out;
    }
    Fq.toBytesBE(a, 4, out, 0);
    Fq.toBytesBE(a, 0, out, 32);
    Fq.toBytesBE(a, 12, out, 64);
    Fq.toBytesBE(a, 8, out, 96);
    return out;
  }

  static long[] fromEvm(byte[] in, int off) {
    if (off < 0 || in.length - off < 128) {
      throw new IllegalArgumentException("G2 EVM encoding needs 128 bytes at offset " + off);
    }
    long[] p = new long[16];
    Fq.fromBytesBE(p, 4, in, off);
    Fq.fromBytesBE(p, 0, in, off + 32);
    Fq.fromBytesBE(p, 12, in, off + 64);
    Fq.fromBytesBE(p, 8, in, off + 96);
    if (G2Ops.isInfinityAffine(p, 0)) {
      return p;
    }
    check(G2.readAffine(p, 0));
    return p;
  }

  private static void check(G2 p) {
    if (!p.isOnCurve()) {
      throw new IllegalArgumentException("G2 point is not on the twist y^2 = x^3 + 3/(9+u)");
    }
    if (!p.inSubgroup()) {
      throw new IllegalArgumentException("G2 point is on the twist but not in the order-r subgroup");
    }
  }

  static byte[] compress(G2 p) {
    byte[] out = new byte[64];
    if (p.isInfinity()) {
      out[0] = (byte) INFINITY;
      return out;
    }
    Fq.toBytesBE(p.a, 4, out, 0);
    Fq.toBytesBE(p.a, 0, out, 32);
    out[0] |= (byte) (p.y().isLexicographicallyLargest() ? LARGEST : SMALLEST);
    return out;
  }

  static G2 decompress(byte[] in) {
    if (in.length != 64) {
      throw new IllegalArgumentException("G2 compressed encoding needs 64 bytes, got " + in.length);
    }
    int flags = in[0] & MASK;
    byte[] b = in.clone();
    b[0] &= (byte) ~MASK;
    if (flags == INFINITY) {
      for (byte v : b) {
        if (v != 0) {
          throw new IllegalArgumentException("G2 compressed infinity must have all other bits zero");
        }
      }
      return G2.INFINITY;
    }
    if (flags != SMALLEST && flags != LARGEST) {
      throw new IllegalArgumentException(
          "G2 compressed encoding has flag bits 00 (uncompressed marker); expected 10, 11 or 01");
    }
    long[] x = new long[8];
    Fq.fromBytesBE(x, 4, b, 0);
    Fq.fromBytesBE(x, 0, b, 32);
    Fq2 fx = Fq2.readFrom(x, 0);
    Fq2 y = fx.square().mul(fx).add(Fq2.readFrom(TowerConstants.TWIST_B, 0)).sqrt();
    if (y == null) {
      throw new IllegalArgumentException("G2 compressed x has no point on the twist (x^3 + b' is not a square)");
    }
    if (y.isLexicographicallyLargest() != (flags == LARGEST)) {
      y = y.neg();
    }
    G2 p = G2.of(fx, y);
    check(p);
    return p;
  }
}
