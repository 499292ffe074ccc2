package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.lookup.table.TaggedRangeTable;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.builder.Selector;
import io.kubz.plonkish.ir.CircuitDescription;
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
 * bit b−1 (s on the other rows of a check has no weight: it is assigned 0, and only the boolean
 * gate reads it). The lookups need no selector: on usable rows outside the gadget t = 0, which
 * forces l = 0, and (0, 0) is a row of the table; a lane of a used row that holds no bits is
 * assigned 0, which its tag 0 forces.
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
  static final int MAX_BITS = 64;
  /** The narrowest limb: its table (512 entries, 64 usable rows over 8 columns) grows no slice. */
  static final int MIN_LIMB_BITS = 8;
  /** The widest limb: beyond, a table of 2^(w+1) entries outweighs the lanes it saves. */
  static final int MAX_LIMB_BITS = 16;
  /** The table of the narrowest limbs, the least every circuit with range checks must hold. */
  static final TaggedRangeTable MIN_TABLE = new TaggedRangeTable(MIN_LIMB_BITS);

  final int lanes;
  final int limbBits;
  final int rowBits;
  final TaggedRangeTable table;
  private final CircuitBuilder cb;
  private final Selector q;
  /** Package-private for the tamper tests. */
  final Column.Advice x;
  final Column.Advice s;
  final Column.Advice[] limb;
  private final Column.Fixed[] tag;
  private final Column.Fixed offset;
  private final Column.Fixed signWeight;
  /** 2^(L·w) where a check continues on the next row; null when L·w ≥ 63 (one row always does). */
  private final Column.Fixed carry;

  /**
   * The gadget for a circuit of 2^k rows: the fewest lanes L = ⌈63/w⌉ for a w ≤ {@link #MAX_LIMB_BITS}
   * (at least {@link #MIN_LIMB_BITS}) whose table fits the usable rows in one column, so that it adds
   * no rows and no chunk columns; then the narrowest w = ⌈63/L⌉. Every check takes one row. Fewer
   * lanes are fewer limb columns, tag columns and lookup helpers (L = 8, 7, 6, 5, 4 for
   * w = 8, 9, 11, 13, 16 from 2^9, 2^11, 2^13, 2^15, 2^18 rows).
   */
  static Lanes forK(CircuitBuilder cb, int k) {
    long usable = (1L << Math.min(k, 40)) - CircuitDescription.blindingFor(2) - 1;
    int w = MIN_LIMB_BITS;
    while (w < MAX_LIMB_BITS && 1L << (w + 2) <= usable) {
      w++;
    }
    int l = (MAX_BITS - 1 + w - 1) / w;
    return new Lanes(cb, (MAX_BITS - 1 + l - 1) / l, l); // as many lanes, the narrowest limbs
  }

  Lanes(CircuitBuilder cb, int limbBits, int lanes) {
    if (limbBits < 1 || limbBits > MAX_LIMB_BITS || lanes < 1) {
      throw new IllegalArgumentException(lanes + " lanes of " + limbBits + " bits");
    }
    this.cb = cb;
    this.lanes = lanes;
    this.limbBits = limbBits;
    this.rowBits = lanes * limbBits;
    this.table = new TaggedRangeTable(limbBits);
    limb = new Column.Advice[lanes];
    tag = new Column.Fixed[lanes];
    q = cb.selector();
    x = cb.advice();
    s = cb.advice();
    offset = cb.fixed();
    signWeight = cb.fixed();
    carry = rowBits < MAX_BITS - 1 ? cb.fixed() : null;
    Expression sv = CircuitBuilder.query(s);
    Expression rest = CircuitBuilder.query(x).add(CircuitBuilder.query(offset))
        .sub(CircuitBuilder.query(signWeight).mul(sv));
    if (carry != null) {
      rest = rest.sub(CircuitBuilder.query(carry).mul(CircuitBuilder.query(x, 1)));
    }
    for (int i = 0; i < lanes; i++) {
      limb[i] = cb.advice();
      tag[i] = cb.fixed();
      Expression l = CircuitBuilder.query(limb[i]);
      Expression t = CircuitBuilder.query(tag[i]);
      rest = rest.sub(l.mul(Expression.constant(Synth.pow2(limbBits * i))));
      cb.lookup("range lane " + i, List.of(l.add(t), t), table);
    }
    cb.gate("range lanes", q.expr().mul(rest), q.expr().mul(sv).mul(sv.sub(Expression.constant(1))));
  }

  /** Rows a check of {@code bits} takes with {@code rowBits} limb bits per row. */
  static int rows(int bits, int rowBits) {
    return Math.max(1, (bits - 1 + rowBits - 1) / rowBits);
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
    int n = rows(bits, rowBits);
    return cb.region("range", r -> {
      AssignedCell sign = null;
      for (int j = 0; j < n; j++) {
        r.enable(q, j);
        int base = rowBits * j;
        if (j == 0) {
          r.copyAdvice(src, x, 0);
          if (off != 0) {
            r.assignFixed(offset, 0, Fr.of(new BigInteger(Long.toUnsignedString(off))));
          }
        } else {
          r.assignAdvice(x, j, Fr.of(unsigned(v >>> base)));
        }
        for (int i = 0; i < lanes; i++) {
          int at = base + limbBits * i;
          int width = Math.max(0, Math.min(limbBits, low - at));
          if (width > 0) {
            r.assignFixed(tag[i], j, Fr.of(1L << width));
            r.assignAdvice(limb[i], j, Fr.of((v >>> at) & ((1L << width) - 1)));
          } else {
            r.assignAdvice(limb[i], j, Fr.ZERO); // the gate reads it; tag 0 forces it to 0
          }
        }
        if (j < n - 1) {
          r.assignFixed(carry, j, Synth.pow2(rowBits));
          r.assignAdvice(s, j, Fr.ZERO); // the boolean gate reads it; nothing else does
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
