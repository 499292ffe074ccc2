package io.kubz.slicer.lower;

import io.kubz.plonkish.builder.AssignedCell;

/**
 * Range checks for the lowerings, on the lookup gadget {@link Lanes}: x + o ∈ [0, 2^b) for b ≤ 64,
 * returning bit b−1 of x + o. With o = 2^(b−1) this is the signed check x ∈ [−2^(b−1), 2^(b−1)),
 * and bit b−1 of x + o is 1 exactly when x ≥ 0. A bound that is not a power of two takes two checks:
 * 0 ≤ x &lt; d iff x ∈ [0, 2^b) and x + 2^b − d ∈ [0, 2^b) for 2^b ≥ d.
 */
final class Range {
  private final Lanes lanes;

  Range(Lanes lanes) {
    this.lanes = lanes;
  }

  /** Rows of the range gadget one check of b bits takes. */
  static int cost(int bits) {
    return Lanes.rows(bits);
  }

  /** Rows {@link #below} takes at most for any bound d ≤ {@code maxBound}. */
  static int belowCost(long maxBound) {
    return cost(bitsFor(maxBound)) * (maxBound == 1 ? 1 : 2);
  }

  /**
   * Proves x + offset ∈ [0, 2^bits) where x has integer value xv; returns the cell of bit bits−1 of
   * x + offset (the sign bit of a signed check).
   */
  AssignedCell check(AssignedCell x, long xv, int bits, long offset) {
    return lanes.check(x, xv, bits, offset);
  }

  /** Proves 0 ≤ x &lt; bound for 1 ≤ bound ≤ 2^16 (x has value xv). */
  void below(AssignedCell x, long xv, long bound) {
    if (bound < 1 || bound > 1 << 16) {
      throw new IllegalArgumentException("bound " + bound);
    }
    int b = bitsFor(bound);
    lanes.check(x, xv, b, 0);
    if (bound < 1L << b) {
      lanes.check(x, xv, b, (1L << b) - bound);
    }
  }

  /** The least b ≥ 1 with 2^b ≥ bound. */
  private static int bitsFor(long bound) {
    return Math.max(1, 64 - Long.numberOfLeadingZeros(bound - 1));
  }
}
