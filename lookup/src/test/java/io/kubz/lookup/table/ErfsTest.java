package io.kubz.lookup.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** erf against an independent oracle (Simpson integration) and known values. */
class ErfsTest {
  /** 2/√π ∫₀ˣ e^(−t²) dt by Simpson's rule with 4000 panels. */
  static double simpson(double x) {
    int n = 4000;
    double h = x / n;
    double s = 0;
    for (int i = 0; i <= n; i++) {
      double t = i * h;
      s += (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2)) * Math.exp(-t * t);
    }
    return 2 / Math.sqrt(Math.PI) * s * h / 3;
  }

  @Property(tries = 300)
  void matchesIntegration(@ForAll @DoubleRange(min = -6, max = 6) double x) {
    assertEquals(simpson(x), Erfs.erf(x), 1e-12);
  }

  @Property(tries = 100)
  void isOdd(@ForAll @DoubleRange(min = 0, max = 30) double x) {
    assertEquals(-Erfs.erf(x), Erfs.erf(-x));
  }

  @Test
  void knownValues() {
    assertEquals(0, Erfs.erf(0));
    // erf(1) and erf(2) as printed in Abramowitz & Stegun, table 7.1.
    assertEquals(0.8427007929497149, Erfs.erf(1), 1e-15);
    assertEquals(0.9953222650189527, Erfs.erf(2), 1e-15);
    assertEquals(0.9999779095030014, Erfs.erf(3), 1e-15);
    assertEquals(1.0, Erfs.erf(40));
    // Both sides of the switch between series and continued fraction.
    assertEquals(simpson(2.4999999), Erfs.erf(2.4999999), 1e-13);
    assertEquals(simpson(2.5000001), Erfs.erf(2.5000001), 1e-13);
  }
}
