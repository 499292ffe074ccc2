package io.kubz.slicer.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** erf against an independent oracle (Simpson integration) and known values. */
class ErfTest {
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
    assertEquals(simpson(x), Erf.erf(x), 1e-12);
  }

  @Property(tries = 100)
  void isOdd(@ForAll @DoubleRange(min = 0, max = 30) double x) {
    assertEquals(-Erf.erf(x), Erf.erf(-x));
  }

  @Test
  void knownValues() {
    assertEquals(0, Erf.erf(0));
    // erf(1) and erf(2) as printed in Abramowitz & Stegun, table 7.1.
    assertEquals(0.8427007929497149, Erf.erf(1), 1e-15);
    assertEquals(0.9953222650189527, Erf.erf(2), 1e-15);
    assertEquals(0.9999779095030014, Erf.erf(3), 1e-15);
    assertEquals(1.0, Erf.erf(40));
    // Both sides of the switch between series and continued fraction.
    assertEquals(simpson(2.4999999), Erf.erf(2.4999999), 1e-13);
    assertEquals(simpson(2.5000001), Erf.erf(2.5000001), 1e-13);
  }

  @Test
  void geluIsXTimesPhi() {
    for (double x = -5; x <= 5; x += 0.25) {
      double phi = 0.5 * (1 + simpson(x / Math.sqrt(2)));
      assertEquals(x * phi, UnaryKind.GELU.apply(x, 0, 0), 1e-12);
      // The tanh form approximates it within 1e-3 (Hendrycks & Gimpel).
      assertEquals(x * phi, UnaryKind.GELU_TANH.apply(x, 0, 0), 1e-3);
    }
  }
}
