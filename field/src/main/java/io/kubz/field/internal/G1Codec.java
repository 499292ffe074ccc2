package io.kubz.field.internal;

import io.kubz.field.Fq;
import io.kubz.field.G1;
import java.math.BigInteger;

/**
 * Byte codecs of G1 affine points (8 longs, Montgomery Fq; all zero = infinity).
 *
 * <p>EVM (EIP-196): 64 bytes, x‖y as 32-byte big-endian integers, all zero for infinity. Both
 * coordinates must be canonical (&lt; q) and the point on the curve.
 *
 * <p>Compressed: 32 bytes, gnark-crypto's convention for BN254 ({@code ecc/bn254/marshal.go}): x
 * big-endian, and since q &lt; 2²⁵⁴ the two top bits of byte 0 carry a flag: {@code 0b10} = y is the
 * lexicographically smallest root (y ≤ (q−1)/2), {@code 0b11} = the largest (y &gt; (q−1)/2),
 * {@code 0b01} = infinity (every other bit zero). {@code 0b00} marks gnark's uncompressed form and
 * is rejected here.
 */
public final class G1Codec {
  private G1Codec() {}

  public static final int EVM_BYTES = 64;
  public static final int COMPRESSED_BYTES = 32;

  static final int MASK = 0b11 << 6;
  static final int SMALLEST = 0b10 << 6;
  static final int LARGEST = 0b11 << 6;
  static final int INFINITY = 0b01 << 6;

  private static final BigInteger HALF = Fq.MODULUS.shiftRight(1); // (q − 1) / 2

  public static byte[] toEvm(long[] p, int po) {
    byte[] out = new byte[EVM_BYTES];
    if (!G1.isInfinityAffine(p, po)) {
      Fq.toBytesBE(p, po, out, 0);
      Fq.toBytesBE(p, po + 4, out, 32);
    }
    return out;
  }

  /** Decodes 64 bytes at {@code off} into z; IllegalArgumentException when malformed. */
  public static void fromEvm(long[] z, int zo, byte[] in, int off) {
    if (in.length - off < EVM_BYTES) {
      throw new IllegalArgumentException(
          "G1 EVM encoding needs 64 bytes, got " + Math.max(0, in.length - off));
    }
    readCoordinate(z, zo, in, off, "x");
    readCoordinate(z, zo + 4, in, off + 32, "y");
    if (!G1.isOnCurve(z, zo)) {
      throw new IllegalArgumentException("G1 point is not on the curve y^2 = x^3 + 3");
    }
  }

  public static byte[] compress(long[] p, int po) {
    byte[] out = new byte[COMPRESSED_BYTES];
    if (G1.isInfinityAffine(p, po)) {
      out[0] = (byte) INFINITY;
      return out;
    }
    Fq.toBytesBE(p, po, out, 0);
    boolean largest = Fq.toBigInteger(p, po + 4).compareTo(HALF) > 0;
    out[0] |= (byte) (largest ? LARGEST : SMALLEST);
    return out;
  }

  /** Decodes 32 compressed bytes into z; IllegalArgumentException when malformed. */
  public static void decompress(long[] z, int zo, byte[] in) {
    if (in.length != COMPRESSED_BYTES) {
      throw new IllegalArgumentException(
          "G1 compressed encoding needs 32 bytes, got " + in.length);
    }
    int flag = in[0] & MASK;
    byte[] x = in.clone();
    x[0] &= (byte) ~MASK;
    if (flag == INFINITY) {
      for (byte b : x) {
        if (b != 0) {
          throw new IllegalArgumentException("G1 compressed infinity must have all other bits zero");
        }
      }
      java.util.Arrays.fill(z, zo, zo + G1.AFFINE_LONGS, 0L);
      return;
    }
    if (flag != SMALLEST && flag != LARGEST) {
      throw new IllegalArgumentException(
          "G1 compressed encoding has flag bits 00 (uncompressed marker); expected 10, 11 or 01");
    }
    readCoordinate(z, zo, x, 0, "x");
    long[] t = new long[8];
    Fq.square(t, 0, z, zo);
    Fq.mul(t, 0, t, 0, z, zo);
    Fq.set(t, 4, 3);
    Fq.add(t, 0, t, 0, t, 4); // x³ + 3
    if (!Fq.sqrt(z, zo + 4, t, 0)) {
      throw new IllegalArgumentException("G1 compressed x has no point on the curve (x^3 + 3 is not a square)");
    }
    boolean largest = Fq.toBigInteger(z, zo + 4).compareTo(HALF) > 0;
    if (largest != (flag == LARGEST)) {
      Fq.neg(z, zo + 4, z, zo + 4);
    }
  }

  private static void readCoordinate(long[] z, int zo, byte[] in, int off, String name) {
    BigInteger v = new BigInteger(1, java.util.Arrays.copyOfRange(in, off, off + 32));
    if (v.compareTo(Fq.MODULUS) >= 0) {
      throw new IllegalArgumentException(
          "G1 coordinate " + name + " = 0x" + v.toString(16) + " is not canonical (must be < q)");
    }
    Fq.fromBytesBE(z, zo, in, off);
  }
}
