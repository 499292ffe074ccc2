package io.kubz.lookup.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class FixedPointTest {
  /** Oracle: ⌊x / 2^k + 1/2⌋ in exact decimal arithmetic. */
  private static long rescaleOracle(long x, int k) {
    BigDecimal q = new BigDecimal(x).divide(new BigDecimal(BigInteger.ONE.shiftLeft(k)))
        .add(new BigDecimal("0.5"));
    return q.setScale(0, RoundingMode.FLOOR).longValueExact();
  }

  @Property(tries = 500)
  void rescaleIsRoundHalfUpDivision(@ForAll @LongRange(min = -(1L << 60), max = 1L << 60) long x,
      @ForAll @IntRange(min = 0, max = 40) int k) {
    long q = FixedPoint.rescale(x, k);
    assertEquals(rescaleOracle(x, k), q);
    long r = FixedPoint.rescaleRemainder(x, k);
    assertTrue(r >= 0 && r < (1L << k) || k == 0 && r == 0, "remainder " + r);
    // the identity a circuit proves: x + 2^(k-1) = q·2^k + r
    assertEquals(k == 0 ? x : x + (1L << (k - 1)), (q << k) + r);
  }

  @Test
  void tiesRoundUp() {
    assertEquals(1, FixedPoint.rescale(1, 1)); // 0.5 -> 1
    assertEquals(0, FixedPoint.rescale(-1, 1)); // -0.5 -> 0
    assertEquals(-1, FixedPoint.rescale(-3, 1)); // -1.5 -> -1
    assertEquals(3, FixedPoint.round(2.5));
    assertEquals(-2, FixedPoint.round(-2.5));
  }

  @Property(tries = 300)
  void toFixedAndBackIsWithinHalfAStep(@ForAll double x, @ForAll @IntRange(min = 0, max = 30) int s) {
    if (!Double.isFinite(x) || Math.abs(x) > 1e6) {
      return;
    }
    long q = FixedPoint.toFixed(x, s);
    assertTrue(Math.abs(FixedPoint.toReal(q, s) - x) <= Math.scalb(0.5, -s) * (1 + 1e-9), x + " at " + s);
  }

  @Test
  void nanIsRejectedAndHugeValuesClamp() {
    assertThrows(ArithmeticException.class, () -> FixedPoint.round(Double.NaN));
    assertEquals(FixedPoint.MAX_ABS, FixedPoint.round(1e300));
    assertEquals(-FixedPoint.MAX_ABS, FixedPoint.round(Double.NEGATIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> FixedPoint.rescale(5, 63));
  }
}
