package io.kubz.gkr.logup;

import io.kubz.field.Fr;
import java.nio.charset.StandardCharsets;

/**
 * The values [0, 2^bits) with a tag, one column; its MLE is Σ_i 2^i·z_i (variable i = bit i), so the
 * verifier evaluates it in O(bits). Different tags make different tables: a "tagged range".
 */
public record RangeTable(int bits, Fr tag) implements Table {
  public static final int MAX_BITS = 28;

  public RangeTable {
    if (bits < 0 || bits > MAX_BITS) {
      throw new IllegalArgumentException("a range table has 0.." + MAX_BITS + " bits, not " + bits);
    }
  }

  @Override
  public int width() {
    return 1;
  }

  @Override
  public int logSize() {
    return bits;
  }

  @Override
  public long[] column(int c) {
    long[] t = new long[4 << bits];
    for (int i = 0; i < 1 << bits; i++) {
      Fr.set(t, 4 * i, i);
    }
    return t;
  }

  @Override
  public Fr[] evaluate(long[] point, int po) {
    Fr sum = Fr.ZERO;
    for (int i = bits - 1; i >= 0; i--) {
      sum = sum.add(sum).add(Fr.readFrom(point, po + 4 * i));
    }
    return new Fr[] {sum};
  }

  @Override
  public int indexOf(long[][] cols, int row) {
    long[] v = new long[4];
    Fr.toCanonicalLimbs(v, 0, cols[0], 4 * row);
    if (v[1] != 0 || v[2] != 0 || v[3] != 0 || v[0] < 0 || v[0] >= 1L << bits) {
      return -1;
    }
    return (int) v[0];
  }

  @Override
  public byte[] descriptor() {
    return ("range/" + bits + "/" + tag).getBytes(StandardCharsets.US_ASCII);
  }
}
