package io.kubz.plonkish.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubz.field.Fr;
import io.kubz.plonkish.Protocol;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The batched instance evaluation equals Protocol.instanceAt (one power and inversion per cell). */
class InstanceEvaluationTest {

  @Test
  void agreesWithTheCellByCellDefinition() {
    Random rnd = new Random(99);
    for (int k : new int[] {1, 4, 9}) {
      int n = 1 << k;
      for (int len : new int[] {0, 1, n / 2, n - 1}) {
        Fr[] values = new Fr[len];
        for (int i = 0; i < len; i++) {
          // sparse, with the special values 0, 1 and −1
          int pick = rnd.nextInt(5);
          values[i] = pick == 0 ? Fr.ZERO : pick == 1 ? Fr.ONE : pick == 2 ? Fr.ONE.neg() : Fr.random(rnd);
        }
        Fr z = Fr.random(rnd);
        assertEquals(Protocol.instanceAt(values, z, k), InstanceEvaluation.at(values, z, k), "k = " + k + ", " + len);
      }
    }
  }
}
