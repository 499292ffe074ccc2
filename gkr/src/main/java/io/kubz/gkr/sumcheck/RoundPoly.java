package io.kubz.gkr.sumcheck;

import io.kubz.field.Fr;
import java.util.List;

/** Round polynomials in evaluation form on 0..d. */
public final class RoundPoly {
  private RoundPoly() {}

  /**
   * s(r) from s(0..d) by Lagrange: Σ_i s(i)·Π_{j≠i} (r − j)/(i − j). O(d²) value-type products:
   * used once per round. The denominators ±i!·(d−i)! are formed in Fr: as a long they overflow from
   * d = 21 on (a max of 20 or more inputs, e.g. a softmax's maximum over 64 positions).
   */
  public static Fr evaluate(List<Fr> values, Fr r) {
    int d = values.size() - 1;
    Fr sum = Fr.ZERO;
    for (int i = 0; i <= d; i++) {
      Fr num = Fr.ONE;
      Fr den = Fr.ONE;
      for (int j = 0; j <= d; j++) {
        if (j != i) {
          num = num.mul(r.sub(Fr.of(j)));
          den = den.mul(Fr.of(i - j));
        }
      }
      sum = sum.add(values.get(i).mul(num).mul(den.inverse()));
    }
    return sum;
  }
}
