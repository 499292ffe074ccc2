package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import java.math.BigInteger;

/**
 * Range checks composed from 16-bit limbs and the arithmetic row: x + o ∈ [0, 2^b) for b ≤ 64 by
 * x + o = Σ_j l_j·2^(16j) with each l_j a checked limb; when 16 ∤ b the top limb t is also checked
 * through t + 2^16 − 2^(b mod 16) ∈ [0, 2^16), so t &lt; 2^(b mod 16). With o = 2^(b−1) this is the
 * signed check x ∈ [−2^(b−1), 2^(b−1)), and bit b−1 of x + o is 1 exactly when x ≥ 0.
 */
final class Range {
  private final Arith arith;
  private final Limbs limbs;

  Range(Arith arith, Limbs limbs) {
    this.arith = arith;
    this.limbs = limbs;
  }

  /** Rows of the arithmetic gadget and of the limb gadget one check of b bits takes. */
  static int[] cost(int bits, boolean offset) {
    int nl = (bits + 15) / 16;
    int top = bits % 16 == 0 ? 0 : 1;
    int recompose = nl == 1 && !offset ? 0 : 1;
    return new int[] {recompose + top, nl + top};
  }

  /**
   * Proves x + offset ∈ [0, 2^bits) where x has integer value xv; returns the cell of bit bits−1 of
   * x + offset (the sign bit of a signed check).
   */
  AssignedCell check(AssignedCell x, long xv, int bits, long offset) {
    if (bits < 1 || bits > 64) {
      throw new IllegalArgumentException("range of " + bits + " bits");
    }
    long v = xv + offset; // two's complement wrap gives the unsigned 64-bit pattern we want
    int nl = (bits + 15) / 16;
    AssignedCell[] limbCells = new AssignedCell[nl];
    if (nl == 1 && offset == 0) {
      limbCells[0] = x;
    } else {
      Fr[] coeff = new Fr[Arith.WIDTH];
      Fr[] val = new Fr[Arith.WIDTH];
      AssignedCell[] src = new AssignedCell[Arith.WIDTH];
      coeff[0] = Fr.ONE;
      src[0] = x;
      for (int j = 0; j < nl; j++) {
        coeff[j + 1] = Fr.of(BigInteger.ONE.shiftLeft(16 * j)).neg();
        val[j + 1] = Fr.of((v >>> (16 * j)) & 0xFFFF);
      }
      Fr k = Fr.of(new BigInteger(Long.toUnsignedString(offset)));
      AssignedCell[] row = arith.row("recompose", coeff, null, k, src, val);
      System.arraycopy(row, 1, limbCells, 0, nl);
    }
    AssignedCell sign = null;
    int topBits = bits - 16 * (nl - 1);
    for (int j = 0; j < nl; j++) {
      long lv = (v >>> (16 * j)) & 0xFFFF;
      AssignedCell b = limbs.check(limbCells[j], lv, j == nl - 1 ? topBits - 1 : -1);
      if (j == nl - 1) {
        sign = b;
      }
    }
    if (topBits < 16) {
      long lv = (v >>> (16 * (nl - 1))) & 0xFFFF;
      long shift = (1L << 16) - (1L << topBits);
      AssignedCell[] row = arith.row("top limb", new Fr[] {Fr.ONE, Fr.ONE.neg()}, null, Fr.of(shift),
          new AssignedCell[] {limbCells[nl - 1]}, new Fr[] {null, Fr.of(lv + shift)});
      limbs.check(row[1], lv + shift, -1);
    }
    return sign;
  }

  /** Proves 0 ≤ x &lt; bound for 1 ≤ bound ≤ 2^16 (x has value xv). */
  void below(AssignedCell x, long xv, long bound) {
    if (bound < 1 || bound > 1 << 16) {
      throw new IllegalArgumentException("bound " + bound);
    }
    limbs.check(x, xv, -1);
    if (bound < 1 << 16) {
      long shift = (1L << 16) - bound;
      AssignedCell[] row = arith.row("below", new Fr[] {Fr.ONE, Fr.ONE.neg()}, null, Fr.of(shift),
          new AssignedCell[] {x}, new Fr[] {null, Fr.of(xv + shift)});
      limbs.check(row[1], xv + shift, -1);
    }
  }
}
