package io.kubz.gkr.sumcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubz.field.Fr;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lagrange evaluation of a round polynomial against Horner on its coefficients, degrees past 20. */
class RoundPolyTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 20, 21, 22, 33, 65})
  void evaluationFormAgreesWithTheCoefficients(int d) {
    Random rnd = new Random(d);
    Fr[] c = new Fr[d + 1];
    for (int k = 0; k <= d; k++) {
      c[k] = Fr.random(rnd);
    }
    List<Fr> values = new ArrayList<>();
    for (int x = 0; x <= d; x++) {
      values.add(horner(c, Fr.of(x)));
    }
    for (int trial = 0; trial < 3; trial++) {
      Fr r = Fr.random(rnd);
      assertEquals(horner(c, r), RoundPoly.evaluate(values, r), "degree " + d);
    }
  }

  private static Fr horner(Fr[] c, Fr x) {
    Fr v = Fr.ZERO;
    for (int k = c.length - 1; k >= 0; k--) {
      v = v.mul(x).add(c[k]);
    }
    return v;
  }
}
