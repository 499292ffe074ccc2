package io.kubz.plonkish.gadgets;

import io.kubz.field.Fr;
import io.kubz.lookup.table.RangeTable;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.builder.Selector;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import java.math.BigInteger;
import java.util.List;

/**
 * Range checks of any width by decomposition into w-bit limbs looked up in {@link RangeTable}(w).
 * To show 0 ≤ x + o &lt; 2^b (o = 0 unsigned, o = 2^(b−1) for the signed range [−2^(b−1), 2^(b−1))),
 * with L = ⌈b/w⌉ limbs and top width r = b − (L−1)·w, a region of L rows (L + 1 when r &lt; w) over
 * advice columns z (running quotient) and l (limb) holds
 * <pre>
 *   row i &lt; L:  z_0 = x,  z_{i+1} = (z_i + o·[i = 0] − l_i) / 2^w,  z_{L−1} (+o if L = 1) = l_{L−1}
 *   row L:      l_L = 2^(w−r)·l_{L−1}       (only when r &lt; w: bounds the top limb by 2^r)
 * </pre>
 * enforced by one gate q_step·(z − l − 2^w·z(ωX)) + q_last·(z − l) + o = 0 (o a fixed column, set
 * on the first row only) and K·l(ω⁻¹X) − q_top·l = 0 (K = 2^(w−r) on row L), with every l looked up
 * in the w-bit table (selector q_step + q_last + q_top). Then x + o = Σ l_i·2^(wi) with l_i &lt; 2^w and
 * l_{L−1} &lt; 2^r, so 0 ≤ x + o &lt; 2^b as integers (b ≤ 250 keeps this below the field size).
 */
public final class RangeCheck {
  /** Largest width checked: far below log2 of the field size, so the decomposition is unique. */
  public static final int MAX_BITS = 250;

  private final CircuitBuilder builder;
  private final int w;
  private final Column.Advice z;
  private final Column.Advice l;
  private final Column.Fixed step;
  private final Column.Fixed last;
  private final Column.Fixed offset;
  private final Column.Fixed topScale;
  private final Column.Fixed top;

  private RangeCheck(CircuitBuilder builder, int w, Column.Advice z, Column.Advice l, Column.Fixed step,
      Column.Fixed last, Column.Fixed offset, Column.Fixed topScale, Column.Fixed top) {
    this.builder = builder;
    this.w = w;
    this.z = z;
    this.l = l;
    this.step = step;
    this.last = last;
    this.offset = offset;
    this.topScale = topScale;
    this.top = top;
  }

  /**
   * Allocates two advice and five fixed columns, the gates and one lookup into the w-bit range
   * table (2^w rows: the circuit gets at least that many usable rows; 8 to 16 is typical).
   */
  public static RangeCheck configure(CircuitBuilder b, int limbBits) {
    if (limbBits < 1 || limbBits > 24) {
      throw new IllegalArgumentException("limb width must be 1..24 bits, got " + limbBits);
    }
    Column.Advice z = b.advice();
    Column.Advice l = b.advice();
    b.enableEquality(z);
    Column.Fixed step = b.fixed();
    Column.Fixed last = b.fixed();
    Column.Fixed offset = b.fixed();
    Column.Fixed topScale = b.fixed();
    Column.Fixed top = b.fixed();
    Expression zq = CircuitBuilder.query(z);
    Expression lq = CircuitBuilder.query(l);
    Expression qs = CircuitBuilder.query(step);
    Expression ql = CircuitBuilder.query(last);
    Expression qt = CircuitBuilder.query(top);
    Fr radix = Fr.of(BigInteger.ONE.shiftLeft(limbBits));
    b.gate("range check: limb decomposition",
        qs.mul(zq.sub(lq).sub(CircuitBuilder.query(z, 1).scale(radix)))
            .add(ql.mul(zq.sub(lq)))
            .add(CircuitBuilder.query(offset)));
    b.gate("range check: top limb bound",
        CircuitBuilder.query(topScale).mul(CircuitBuilder.query(l, -1)).sub(qt.mul(lq)));
    b.lookup("range check limbs (" + limbBits + " bits)", qs.add(ql).add(qt), List.of(lq), new RangeTable(limbBits));
    return new RangeCheck(b, limbBits, z, l, step, last, offset, topScale, top);
  }

  public int limbBits() {
    return w;
  }

  /** Rows a check of {@code bits} takes with {@code limbBits}-bit limbs. */
  public static int rows(int bits, int limbBits) {
    int limbs = (bits + limbBits - 1) / limbBits;
    int topWidth = bits - (limbs - 1) * limbBits;
    return limbs + (topWidth < limbBits ? 1 : 0);
  }

  /** Checks 0 ≤ value &lt; 2^bits; returns the cell holding value (equality enabled: copy it). */
  public AssignedCell check(String name, Fr value, int bits) {
    return decompose(name, value, bits, false);
  }

  public AssignedCell check(String name, long value, int bits) {
    return decompose(name, Fr.of(value), bits, false);
  }

  /** Checks −2^(bits−1) ≤ value &lt; 2^(bits−1) (value held as r − |v| when negative). */
  public AssignedCell checkSigned(String name, Fr value, int bits) {
    return decompose(name, value, bits, true);
  }

  public AssignedCell checkSigned(String name, long value, int bits) {
    return decompose(name, Fr.of(value), bits, true);
  }

  /** Checks an assigned (phase-0) cell: copies it in and constrains the copy. */
  public AssignedCell check(String name, AssignedCell x, int bits) {
    AssignedCell c = check(name, valueOf(x), bits);
    builder.copy(x, c);
    return c;
  }

  public AssignedCell checkSigned(String name, AssignedCell x, int bits) {
    AssignedCell c = checkSigned(name, valueOf(x), bits);
    builder.copy(x, c);
    return c;
  }

  private static Fr valueOf(AssignedCell x) {
    if (x.value() == null) {
      throw new IllegalArgumentException("range check of " + x + ": its value is not known yet (a later-phase cell)");
    }
    return x.value();
  }

  private AssignedCell decompose(String name, Fr x, int bits, boolean signed) {
    if (bits < 1 || bits > MAX_BITS) {
      throw new IllegalArgumentException("range check " + name + ": width must be 1.." + MAX_BITS + " bits, got " + bits);
    }
    int limbs = (bits + w - 1) / w;
    int topWidth = bits - (limbs - 1) * w;
    Fr off = signed ? Fr.of(BigInteger.ONE.shiftLeft(bits - 1)) : Fr.ZERO;
    BigInteger y = x.add(off).toBigInteger();
    BigInteger mask = BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
    String region = "range check " + name + " (" + (signed ? "signed " : "") + bits + " bits)";
    return builder.region(region, r -> {
      AssignedCell first = null;
      BigInteger limb = BigInteger.ZERO;
      for (int i = 0; i < limbs; i++) {
        BigInteger rest = y.shiftRight(w * i);
        limb = i == limbs - 1 ? rest : rest.and(mask);
        AssignedCell zc = r.assignAdvice(z, i, i == 0 ? x : Fr.of(rest));
        if (i == 0) {
          first = zc;
        }
        r.assignAdvice(l, i, Fr.of(limb));
        r.enable(new Selector(i == limbs - 1 ? last : step), i);
      }
      if (signed) {
        r.assignFixed(offset, 0, off);
      }
      if (topWidth < w) {
        Fr scale = Fr.of(BigInteger.ONE.shiftLeft(w - topWidth));
        r.assignFixed(topScale, limbs, scale);
        r.assignFixed(top, limbs, Fr.ONE);
        r.assignAdvice(l, limbs, Fr.of(limb).mul(scale));
      }
      return first;
    });
  }
}
