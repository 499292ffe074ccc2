package io.kubz.merkle;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import java.math.BigInteger;

/** Checks on values arriving from outside: integers and Montgomery limbs must be reduced. */
final class Inputs {
  private static final long[] R = {
    Fr.MODULUS.longValue(), Fr.MODULUS.shiftRight(64).longValue(),
    Fr.MODULUS.shiftRight(128).longValue(), Fr.MODULUS.shiftRight(192).longValue()
  };

  private Inputs() {}

  static Fr field(BigInteger v, String what) {
    if (v == null || v.signum() < 0 || v.compareTo(Fr.MODULUS) >= 0) {
      throw new BadInputException(what + " = " + v + " is not a field element: it must lie in [0, r) with r = "
          + Fr.MODULUS + " (reduce it mod r first if that is what you mean)");
    }
    return Fr.of(v);
  }

  /** Whether the 4 limbs at x[xo..] are below r (every Montgomery-form element is). */
  static boolean reduced(long[] x, int xo) {
    for (int i = 3; i >= 0; i--) {
      int c = Long.compareUnsigned(x[xo + i], R[i]);
      if (c != 0) {
        return c < 0;
      }
    }
    return false;
  }

  /** Rejects any of the n elements at x[xo..] that is not below r. */
  static void checkReduced(long[] x, int xo, int n, String what) {
    if (x.length < xo + Fr.LIMBS * (long) n) {
      throw new IllegalArgumentException(what + ": array of " + x.length + " longs is too short for " + n
          + " elements at offset " + xo);
    }
    for (int i = 0; i < n; i++) {
      if (!reduced(x, xo + Fr.LIMBS * i)) {
        throw new BadInputException(what + " element " + i
            + " is not a reduced field element (Montgomery limbs must be below r)");
      }
    }
  }
}
