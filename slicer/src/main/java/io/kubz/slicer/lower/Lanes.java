package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.lookup.table.TaggedRangeTable;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.builder.Selector;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import java.math.BigInteger;
import java.util.List;

/**
 * Range checks by lookups: x + o ∈ [0, 2^b) for 1 ≤ b ≤ {@link #MAX_BITS}, with the sign bit
 * (bit b−1) as a cell. A row holds advice x, limbs l_0..l_{L−1} of w bits and a sign cell s; fixed
 * q (the row is used), o (the offset, first row only), c_s (the sign's weight, last row only), c_n
 * (2^(L·w) on every row but the last, so the check continues on the next row) and a tag t_i per lane:
 * <pre>
 *   q·(x + o − Σ_i 2^(w·i)·l_i − c_s·s − c_n·x(ωX)) = 0,   q·s·(s − 1) = 0,
 *   (l_i + t_i, t_i) ∈ {@link TaggedRangeTable}(w) on every usable row.
 * </pre>
 * The b − 1 low bits of x + o go to the limbs, lowest first (lane i of row j holds bits
 * [L·w·j + w·i, …) and is tagged t = 2^r for its width r ≤ w, 0 when the lane holds none), and s is
 * bit b−1. The lookups need no selector: a lane of rows outside the gadget has l = t = 0, and (0, 0)
 * is a row of the table.
 *
 * <p><b>Soundness.</b> The table forces l_i ∈ [0, 2^(r_i)) for its tag's width r_i (l_i = 0 when
 * t_i = 0), the gate s ∈ {0, 1}. On the last row j = R − 1, x_j ≡ Σ_i 2^(w·i)·l_i + c_s·s with the
 * right side an integer below 2^(b − L·w·j); going up the rows, x_j ≡ Σ_i 2^(w·i)·l_{j,i} + 2^(L·w)·x_{j+1}.
 * So x + o ≡ V (mod r) for the integer V = Σ l_{j,i}·2^(L·w·j + w·i) + s·2^(b−1) whose widths tile
 * [0, b − 1) exactly: V ∈ [0, 2^b) with bit b−1 equal to s, and since 2^64 is far below the field
 * size r, V is the one representative of x + o in [0, r). Hence x + o ∈ [0, 2^b) as an integer and
 * s is its bit b−1; a witness for any other x does not exist. A check of b bits takes
 * max(1, ⌈(b − 1)/(L·w)⌉) rows; with L·w ≥ 63 every check fits one row and c_n is not allocated.
 */
final class Lanes {
  /** Lanes per row. */
  static final int LANES = 8;
  /** Bits per limb: the table has 2^(w+1) rows, ⌈2^(w+1)/8⌉ usable rows of a circuit. */
  static final int LIMB_BITS = 8;
  static final int ROW_BITS = LANES * LIMB_BITS;
  static final int MAX_BITS = 64;
  static final TaggedRangeTable TABLE = new TaggedRangeTable(LIMB_BITS);
  /** Whether a check can need more than one row (else c_n is not allocated). */
  private static final boolean CONTINUES = ROW_BITS < MAX_BITS - 1;

  private final CircuitBuilder cb;
  private final Selector q;
  /** Package-private for the tamper tests. */
  final Column.Advice x;
  final Column.Advice s;
  final Column.Advice[] limb = new Column.Advice[LANES];
  private final Column.Fixed[] tag = new Column.Fixed[LANES];
  private final Column.Fixed offset;
  private final Column.Fixed signWeight;
  private final Column.Fixed carry;

  Lanes(CircuitBuilder cb) {
    this.cb = cb;
    q = cb.selector();
    x = cb.advice();
    s = cb.advice();
    offset = cb.fixed();
    signWeight = cb.fixed();
    carry = CONTINUES ? cb.fixed() : null;
    Expression sv = CircuitBuilder.query(s);
    Expression rest = CircuitBuilder.query(x).add(CircuitBuilder.query(offset))
        .sub(CircuitBuilder.query(signWeight).mul(sv));
    if (CONTINUES) {
      rest = rest.sub(CircuitBuilder.query(carry).mul(CircuitBuilder.query(x, 1)));
    }
    for (int i = 0; i < LANES; i++) {
      limb[i] = cb.advice();
      tag[i] = cb.fixed();
      Expression l = CircuitBuilder.query(limb[i]);
      Expression t = CircuitBuilder.query(tag[i]);
      rest = rest.sub(l.mul(Expression.constant(Synth.pow2(LIMB_BITS * i))));
      cb.lookup("range lane " + i, List.of(l.add(t), t), TABLE);
    }
    cb.gate("range lanes", q.expr().mul(rest), q.expr().mul(sv).mul(sv.sub(Expression.constant(1))));
  }

  /** Rows a check of {@code bits} takes. */
  static int rows(int bits) {
    return Math.max(1, (bits - 1 + ROW_BITS - 1) / ROW_BITS);
  }

  /**
   * Proves x + offset ∈ [0, 2^bits), x the cell {@code src} of integer value xv (offset read as an
   * unsigned 64-bit integer); returns the cell of bit bits−1 of x + offset. An out-of-range value
   * gets the limbs of its low bits, which the gate then rejects.
   */
  AssignedCell check(AssignedCell src, long xv, int bits, long off) {
    if (bits < 1 || bits > MAX_BITS) {
      throw new IllegalArgumentException("range of " + bits + " bits");
    }
    long v = xv + off; // two's complement wrap gives the unsigned 64-bit pattern in range
    int low = bits - 1;
    int n = rows(bits);
    return cb.region("range", r -> {
      AssignedCell sign = null;
      for (int j = 0; j < n; j++) {
        r.enable(q, j);
        int base = ROW_BITS * j;
        if (j == 0) {
          r.copyAdvice(src, x, 0);
          if (off != 0) {
            r.assignFixed(offset, 0, Fr.of(new BigInteger(Long.toUnsignedString(off))));
          }
        } else {
          r.assignAdvice(x, j, Fr.of(unsigned(v >>> base)));
        }
        for (int i = 0; i < LANES; i++) {
          int at = base + LIMB_BITS * i;
          int width = Math.max(0, Math.min(LIMB_BITS, low - at));
          if (width > 0) {
            r.assignFixed(tag[i], j, Fr.of(1L << width));
            r.assignAdvice(limb[i], j, Fr.of((v >>> at) & ((1L << width) - 1)));
          }
        }
        if (j < n - 1) {
          r.assignFixed(carry, j, Synth.pow2(ROW_BITS));
        } else {
          r.assignFixed(signWeight, j, Synth.pow2(low - base));
          sign = r.assignAdvice(s, j, Fr.of((v >>> low) & 1));
        }
      }
      return sign;
    });
  }

  private static BigInteger unsigned(long v) {
    return new BigInteger(Long.toUnsignedString(v));
  }
}
