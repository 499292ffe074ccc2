package io.kubz.gkr.opening;

import io.kubz.field.Fr;

/** A claim f̃(point) = value; the point is flat, 4 limbs per coordinate, variable 0 first. */
public record Claim(long[] point, Fr value) {
  public int vars() {
    return point.length / 4;
  }

  /**
   * The same claim on a table of {@code totalVars} variables holding this one's table at the
   * aligned offset {@code block}·2^k (k = this claim's variables): the point gains the bits of
   * {@code block} as its top coordinates.
   */
  public Claim embed(long block, int totalVars) {
    int k = vars();
    if (totalVars < k || (totalVars - k < 63 && block >>> (totalVars - k) != 0) || block < 0) {
      throw new IllegalArgumentException("block " + block + " of 2^" + k + " entries does not fit in 2^"
          + totalVars);
    }
    long[] p = new long[4 * totalVars];
    System.arraycopy(point, 0, p, 0, point.length);
    for (int i = k; i < totalVars; i++) {
      Fr.set(p, 4 * i, (block >>> (i - k)) & 1);
    }
    return new Claim(p, value);
  }
}
