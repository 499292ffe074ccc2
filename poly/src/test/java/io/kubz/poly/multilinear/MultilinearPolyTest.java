package io.kubz.poly.multilinear;

import static io.kubz.poly.TestValues.P;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubz.field.Fr;
import io.kubz.poly.TestValues;
import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class MultilinearPolyTest {
  /** Σ_b f(b)·Π_k (b_k r_k + (1 − b_k)(1 − r_k)) in BigInteger, x_1 the top index bit. */
  private static BigInteger naive(BigInteger[] f, BigInteger[] r) {
    int v = r.length;
    BigInteger sum = BigInteger.ZERO;
    for (int i = 0; i < f.length; i++) {
      BigInteger term = f[i];
      for (int k = 0; k < v; k++) {
        int bit = (i >>> (v - 1 - k)) & 1;
        BigInteger factor = bit == 1 ? r[k] : BigInteger.ONE.subtract(r[k]);
        term = term.multiply(factor).mod(P);
      }
      sum = sum.add(term);
    }
    return sum.mod(P);
  }

  private static BigInteger[] big(Fr[] r) {
    BigInteger[] out = new BigInteger[r.length];
    for (int i = 0; i < r.length; i++) {
      out[i] = r[i].toBigInteger();
    }
    return out;
  }

  @Property(tries = 30)
  void evaluateMatchesExtension(@ForAll long seed, @ForAll @IntRange(min = 0, max = 8) int v) {
    Random rnd = new Random(seed);
    MultilinearPoly f = MultilinearPoly.of(TestValues.frs(rnd, 1 << v));
    Fr[] r = TestValues.frs(rnd, v);
    assertEquals(naive(TestValues.big(f.limbs()), big(r)), f.evaluate(r).toBigInteger());
  }

  @Property(tries = 30)
  void evaluationOnHypercubeIsTheTable(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int v) {
    Random rnd = new Random(seed);
    MultilinearPoly f = MultilinearPoly.of(TestValues.frs(rnd, 1 << v));
    int i = rnd.nextInt(1 << v);
    Fr[] bits = new Fr[v];
    for (int k = 0; k < v; k++) {
      bits[k] = ((i >>> (v - 1 - k)) & 1) == 1 ? Fr.ONE : Fr.ZERO;
    }
    assertEquals(f.value(i), f.evaluate(bits));
  }

  @Property(tries = 30)
  void foldThenEvaluate(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int v) {
    Random rnd = new Random(seed);
    MultilinearPoly f = MultilinearPoly.of(TestValues.frs(rnd, 1 << v));
    Fr[] r = TestValues.frs(rnd, v);
    Fr[] rest = java.util.Arrays.copyOfRange(r, 1, v);
    MultilinearPoly g = f.fixFirstVariable(r[0]);
    assertEquals(v - 1, g.numVars());
    assertEquals(f.evaluate(r), g.evaluate(rest));
  }

  @Property(tries = 30)
  void eqTableSumsToTheExtension(@ForAll long seed, @ForAll @IntRange(min = 0, max = 14) int v) {
    Random rnd = new Random(seed);
    Fr[] r = TestValues.frs(rnd, v);
    MultilinearPoly eq = MultilinearPoly.eqTable(r);
    MultilinearPoly f = MultilinearPoly.of(TestValues.frs(rnd, 1 << v));
    Fr sum = Fr.ZERO;
    for (int i = 0; i < f.size(); i++) {
      sum = sum.add(f.value(i).mul(eq.value(i)));
    }
    assertEquals(f.evaluate(r), sum);
    if (v <= 6) {
      for (int i = 0; i < eq.size(); i++) {
        BigInteger[] unit = new BigInteger[1 << v];
        java.util.Arrays.fill(unit, BigInteger.ZERO);
        unit[i] = BigInteger.ONE;
        assertEquals(naive(unit, big(r)), eq.value(i).toBigInteger());
      }
    }
  }

  @Property(tries = 5)
  void rejectsMisuse(@ForAll long seed) {
    MultilinearPoly c = MultilinearPoly.of(Fr.of(seed));
    assertThrows(IllegalStateException.class, () -> c.fixFirstVariable(Fr.ONE));
    assertThrows(IllegalArgumentException.class, () -> MultilinearPoly.of(Fr.ONE, Fr.ONE, Fr.ONE));
    assertThrows(IllegalArgumentException.class, () -> c.evaluate(Fr.ONE));
  }
}
