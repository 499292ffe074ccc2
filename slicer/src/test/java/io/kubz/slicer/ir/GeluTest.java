package io.kubz.slicer.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** GELU in the float interpreter against x·Φ(x) with Φ by Simpson integration (erf itself: lookup's ErfsTest). */
class GeluTest {
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
