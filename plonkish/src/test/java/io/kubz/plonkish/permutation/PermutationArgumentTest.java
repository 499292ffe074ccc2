package io.kubz.plonkish.permutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.plonkish.TestCircuits;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.CopyConstraint;
import io.kubz.plonkish.mock.MockProver;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermutationArgumentTest {

  @Test
  void deltaHasOddOrderSoCosetsAreDisjoint() {
    BigInteger t = Fr.MODULUS.subtract(BigInteger.ONE).shiftRight(Fr.TWO_ADICITY);
    assertEquals(Fr.ONE, PermutationArgument.DELTA.pow(t));
    // δ^j lies in the 2-power-order subgroup only if δ^j = 1; no small j does that.
    Fr d = Fr.ONE;
    for (int j = 1; j < 1000; j++) {
      d = d.mul(PermutationArgument.DELTA);
      assertNotEquals(Fr.ONE, d);
    }
    // g is a non-residue, so δ = g^(2^28) generates the whole odd-order subgroup.
    assertNotEquals(Fr.ONE, Fr.of(Fr.GENERATOR).pow(Fr.MODULUS.subtract(BigInteger.ONE).shiftRight(1)));
  }

  @Test
  void cyclesFollowEqualityClasses() {
    Column a = new Column.Advice(0, 0);
    Column b = new Column.Advice(1, 0);
    int n = 4;
    List<CopyConstraint> copies = List.of(new CopyConstraint(a, 0, b, 3), new CopyConstraint(b, 3, a, 2),
        new CopyConstraint(a, 1, b, 1));
    int[] next = Cycles.build(2, n, Map.of(a, 0, b, 1), copies);
    // Classes {a0, a2, b3}, {a1, b1}; other cells fixed. σ is a permutation whose orbits are the classes.
    Set<Integer> seen = new HashSet<>();
    for (int v : next) {
      assertTrue(seen.add(v));
    }
    assertEquals(Set.of(0, 2, 7), orbit(next, 0));
    assertEquals(Set.of(1, 5), orbit(next, 1));
    assertEquals(Set.of(3), orbit(next, 3));
    assertEquals(Set.of(4), orbit(next, 4));
  }

  private static Set<Integer> orbit(int[] next, int start) {
    Set<Integer> o = new HashSet<>();
    int c = start;
    do {
      o.add(c);
      c = next[c];
    } while (c != start);
    return o;
  }

  @Test
  void grandProductClosesOnlyWhenCopiesHold() {
    Circuit good = TestCircuits.fibonacci(30, TestCircuits.fib(29));
    assertTrue(MockProver.run(good).argumentFailures().isEmpty());
    Circuit bad = TestCircuits.fibonacci(30, TestCircuits.fib(29).add(BigInteger.TWO));
    assertFalse(MockProver.run(bad).argumentFailures().isEmpty());
  }
}
