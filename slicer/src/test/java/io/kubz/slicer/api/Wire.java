package io.kubz.slicer.api;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Just enough of the protobuf wire format to find and rewrite length prefixes in a bundle. */
final class Wire {
  private Wire() {}

  /**
   * Every length-delimited field of the bundle and of the messages nested in it (slices, SRS,
   * tensors), as {offset of the length varint, its size in bytes}.
   */
  static List<int[]> lengthPrefixes(byte[] b) {
    List<int[]> out = new ArrayList<>();
    walk(b, 0, b.length, true, out);
    return out;
  }

  private static void walk(byte[] b, int from, int to, boolean top, List<int[]> out) {
    int p = from;
    while (p < to) {
      long[] tag = varint(b, p);
      p += (int) tag[1];
      int field = (int) (tag[0] >>> 3);
      switch ((int) (tag[0] & 7)) {
        case 0 -> p += (int) varint(b, p)[1];
        case 1 -> p += 8;
        case 5 -> p += 4;
        case 2 -> {
          long[] len = varint(b, p);
          out.add(new int[] {p, (int) len[1]});
          int start = p + (int) len[1];
          if (top && (field == 8 || field == 9 || field == 10 || field == 11)) {
            walk(b, start, start + (int) len[0], false, out);
          }
          p = start + (int) len[0];
        }
        default -> throw new IllegalStateException("wire type " + (tag[0] & 7) + " at " + p);
      }
    }
  }

  /** {value, size in bytes} of the varint at p. */
  static long[] varint(byte[] b, int p) {
    long v = 0;
    int i = 0;
    while (true) {
      byte x = b[p + i];
      v |= (long) (x & 0x7f) << (7 * i);
      i++;
      if (x >= 0) {
        return new long[] {v, i};
      }
    }
  }

  /** The bundle with the length varint {@code prefix} replaced by {@code len} (unsigned 64-bit). */
  static byte[] withLength(byte[] b, int[] prefix, long len) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b, 0, prefix[0]);
    long v = len;
    while ((v & ~0x7fL) != 0) {
      out.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
    int rest = prefix[0] + prefix[1];
    out.write(b, rest, b.length - rest);
    return out.toByteArray();
  }
}
