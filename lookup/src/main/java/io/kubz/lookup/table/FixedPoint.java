package io.kubz.lookup.table;

/**
 * Fixed-point arithmetic shared by the lookup tables, the quantizer and the integer interpreter, so
 * that circuits, witnesses and reference inference round the same way.
 *
 * <p>A real x at scale s is held as the integer round(x·2^s). Rounding is <em>half up</em>:
 * round(v) = ⌊v + 1/2⌋. That is the rule a circuit proves cheaply: dividing x by 2^k is
 * x + 2^(k−1) = q·2^k + r with 0 ≤ r &lt; 2^k, so q = ⌊(x + 2^(k−1)) / 2^k⌋ and r is range-checked.
 */
public final class FixedPoint {
  /** Largest magnitude a quantized value may have anywhere in kubz: far below Fr's half-size. */
  public static final long MAX_ABS = 1L << 62;

  private FixedPoint() {}

  /** ⌊v + 1/2⌋, clamped to ±{@link #MAX_ABS}; NaN is an error. */
  public static long round(double v) {
    if (Double.isNaN(v)) {
      throw new ArithmeticException("NaN cannot be quantized");
    }
    double r = Math.floor(v + 0.5);
    if (r >= MAX_ABS) {
      return MAX_ABS;
    }
    if (r <= -MAX_ABS) {
      return -MAX_ABS;
    }
    return (long) r;
  }

  /** The fixed-point integer of x at scale s: round(x·2^s). */
  public static long toFixed(double x, int scale) {
    return round(Math.scalb(x, scale));
  }

  /** The real value of q at scale s: q / 2^s. */
  public static double toReal(long q, int scale) {
    return Math.scalb((double) q, -scale);
  }

  /** q = ⌊(x + 2^(k−1)) / 2^k⌋: x/2^k rounded half up (k = 0 returns x). */
  public static long rescale(long x, int k) {
    if (k < 0 || k > 62) {
      throw new IllegalArgumentException("rescale shift must be in [0, 62], got " + k);
    }
    return k == 0 ? x : Math.addExact(x, 1L << (k - 1)) >> k;
  }

  /** The remainder r = x + 2^(k−1) − q·2^k in [0, 2^k) that a circuit range-checks for rescale. */
  public static long rescaleRemainder(long x, int k) {
    return k == 0 ? 0 : (x + (1L << (k - 1))) - (rescale(x, k) << k);
  }
}
