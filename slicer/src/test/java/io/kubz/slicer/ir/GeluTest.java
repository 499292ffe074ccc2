package io.kubz.slicer.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** GELU in the float interpreter against x·Φ(x) with Φ from GeluFusionTest's Simpson-integrated erf (erf itself: lookup's ErfsTest). */
class GeluTest {
  @Test
  void geluIsXTimesPhi() {
    for (double x = -5; x <= 5; x += 0.25) {
      double phi = 0.5 * (1 + io.kubz.slicer.passes.GeluFusionTest.erfRef(x / Math.sqrt(2)));
      assertEquals(x * phi, UnaryKind.GELU.apply(x, 0, 0), 1e-12);
      // The tanh form approximates it within 1e-3 (Hendrycks & Gimpel).
      assertEquals(x * phi, UnaryKind.GELU_TANH.apply(x, 0, 0), 1e-3);
    }
  }
}
