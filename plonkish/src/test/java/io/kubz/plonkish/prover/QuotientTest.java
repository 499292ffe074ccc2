package io.kubz.plonkish.prover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.kubz.field.Fr;
import io.kubz.plonkish.RandomCircuit;
import io.kubz.plonkish.TestCircuits;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Query;
import io.kubz.plonkish.verifier.PointEvaluator;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** h·(X^n − 1) = Σ y^c·C_c as polynomials, checked at a random point through the verifier's evaluator. */
class QuotientTest {

  /** Returns C(z) − h(z)·(z^n − 1) for the combined constraint at a random z. */
  static Fr residual(Circuit circuit, long seed) {
    Random rnd = new Random(seed);
    CircuitDescription d = circuit.description();
    PhaseRunner runner = new PhaseRunner(d, circuit.witness(), rnd);
    Fr[] ch = new Fr[d.numChallenges()];
    for (int p = 0; p < d.numPhases(); p++) {
      runner.run(p, ch);
      for (int i = 0; i < ch.length; i++) {
        if (d.challengePhases()[i] == p) {
          ch[i] = Fr.random(rnd);
        }
      }
    }
    int a = d.numAdvice();
    int f = d.numFixed();
    int ins = d.numInstance();
    long[][] cols = new long[a + f + ins + 3][];
    for (int c = 0; c < a; c++) {
      cols[c] = runner.coefficients(c);
    }
    for (int c = 0; c < f; c++) {
      cols[a + c] = PhaseRunner.coefficients(d.fixed()[c], d.k());
    }
    for (int c = 0; c < ins; c++) {
      cols[a + f + c] = PhaseRunner.coefficients(circuit.witness().instance()[c], d.k());
    }
    long[][] dp = PolyOps.domainPolys(d.k(), d.usable());
    System.arraycopy(dp, 0, cols, a + f + ins, 3);
    Fr y = Fr.random(rnd);
    long[] h = Quotient.compute(d, cols, ch, y);
    Fr z = Fr.random(rnd);
    Fr omega = PolyOps.domain(d.k()).omega();
    Map<Query, Fr> values = new HashMap<>();
    for (Query q : d.queries()) {
      Column c = q.column();
      int idx = c instanceof Column.Advice ? c.index() : c instanceof Column.Fixed ? a + c.index() : a + f + c.index();
      values.put(q, PolyOps.evaluate(cols[idx], d.n(), z.mul(omega.pow(Math.floorMod(q.rotation(), d.n())))));
    }
    Fr lhs = Quotient.combined(d.allGates(), y).evaluate(new PointEvaluator(values, ch, z, d.k(), d.usable()));
    Fr hz = PolyOps.evaluate(h, h.length / 4, z);
    return lhs.sub(hz.mul(z.pow(d.n()).sub(Fr.ONE)));
  }

  @Test
  void fibonacciQuotientIsExact() {
    assertEquals(Fr.ZERO, residual(TestCircuits.fibonacci(30, TestCircuits.fib(29)), 1));
  }

  @Test
  void brokenWitnessHasNoQuotient() {
    assertNotEquals(Fr.ZERO, residual(TestCircuits.fibonacci(30, TestCircuits.fib(29).add(java.math.BigInteger.ONE)), 1));
  }

  @Property(tries = 25)
  void randomCircuitQuotientIsExact(@ForAll long seed) {
    assertEquals(Fr.ZERO, residual(new RandomCircuit(seed).build(null), seed));
  }
}
