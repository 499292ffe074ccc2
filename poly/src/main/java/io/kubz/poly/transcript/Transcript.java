package io.kubz.poly.transcript;

import io.kubz.field.Fr;
import io.kubz.field.G1;

/**
 * A Fiat–Shamir transcript. Labels name each message for debugging and documentation; whether they
 * are hashed depends on the implementation. See the package documentation for the challenge rule.
 */
public interface Transcript {
  void absorbScalar(String label, Fr x);

  /** Absorbs the element at {@code x[xo..xo+3]} (Montgomery limbs). */
  void absorbScalar(String label, long[] x, int xo);

  void absorbG1(String label, G1 p);

  void absorbBytes(String label, byte[] bytes);

  /** One challenge; {@code IllegalStateException} if nothing was absorbed since the last round. */
  Fr challenge(String label);

  /** k challenges drawn in one round (same rule as {@link #challenge}). */
  Fr[] challenges(String label, int k);
}
