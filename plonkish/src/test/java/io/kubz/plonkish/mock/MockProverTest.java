package io.kubz.plonkish.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.plonkish.TestCircuits;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class MockProverTest {

  @Test
  void fibonacciHonestWitnessPasses() {
    Circuit c = TestCircuits.fibonacci(40, TestCircuits.fib(39));
    MockProver.run(c).assertSatisfied();
    assertEquals(1, c.description().arguments().size());
  }

  @Test
  void fibonacciWrongClaimIsACopyFailureOnTheInstance() {
    Circuit c = TestCircuits.fibonacci(40, TestCircuits.fib(39).add(BigInteger.ONE));
    List<Failure> f = MockProver.run(c).failures();
    assertEquals(1, f.size(), f.toString());
    Failure.CopyFailure cf = assertInstanceOf(Failure.CopyFailure.class, f.get(0));
    assertEquals(new Column.Instance(0), cf.copy().b());
    assertEquals(2, cf.copy().rowB());
    assertEquals(39, cf.copy().rowA());
  }

  @Test
  void corruptedAdviceCellNamesGateRegionAndRows() {
    Circuit c = TestCircuits.fibonacci(40, TestCircuits.fib(39));
    long[] x = c.witness().advice()[0];
    long[] one = new long[4];
    Fr.setOne(one, 0);
    Fr.add(x, 4 * 20, x, 4 * 20, one, 0);
    List<Failure> f = MockProver.run(c).failures();
    // x[20] is read by the gate on rows 18, 19 and 20.
    assertEquals(3, f.size(), f.toString());
    for (int i = 0; i < 3; i++) {
      Failure.GateFailure g = assertInstanceOf(Failure.GateFailure.class, f.get(i));
      assertEquals("fibonacci", g.gate());
      assertEquals(18 + i, g.row());
      assertEquals(List.of("fibonacci(row " + (18 + i) + ")"), g.regions());
      assertTrue(g.cells().containsKey("advice0@20"), g.cells().toString());
    }
    assertTrue(f.get(0).toString().contains("gate 'fibonacci'"));
  }

  @Test
  void rangeDecomposition() {
    BigInteger v = BigInteger.valueOf(0xA5);
    MockProver.run(TestCircuits.range(v, 8, v)).assertSatisfied();
    // 300 does not fit in 8 bits: its low 8 bits recompose to 44, not 300.
    List<Failure> f = MockProver.run(TestCircuits.range(BigInteger.valueOf(300), 8, BigInteger.valueOf(300))).failures();
    assertEquals(1, f.size());
    assertInstanceOf(Failure.CopyFailure.class, f.get(0));
  }

  @Test
  void nonBooleanBitIsReported() {
    Circuit c = TestCircuits.range(BigInteger.valueOf(3), 4, BigInteger.valueOf(3));
    // Bits 0,0,1,1 and sums 0,0,1,3: a bit of 2 on row 1 breaks the boolean gate on row 1 and the
    // running sum that reads it (acc[1] = 2·acc[0] + bit[1]) on row 0.
    Fr.fromBigInteger(c.witness().advice()[0], 4, BigInteger.TWO);
    List<Failure> f = MockProver.run(c).failures();
    assertTrue(f.stream().anyMatch(x -> x instanceof Failure.GateFailure g && g.gate().equals("boolean") && g.row() == 1), f.toString());
    assertTrue(f.stream().anyMatch(x -> x instanceof Failure.GateFailure g && g.gate().equals("running sum") && g.row() == 0), f.toString());
  }

  @Test
  void gateWithoutSelectorFailsOnBlindingRows() {
    CircuitBuilder b = new CircuitBuilder();
    Column.Advice a = b.advice();
    b.gate("unguarded", CircuitBuilder.query(a).mul(CircuitBuilder.query(a)).sub(CircuitBuilder.query(a)));
    b.region("r", r -> r.assignAdvice(a, 0, Fr.ONE));
    io.kubz.plonkish.builder.Circuit c = b.build(); // a builder builds once
    List<Failure> f = MockProver.run(c).failures();
    assertFalse(f.isEmpty());
    int free = 0;
    for (Failure x : f) {
      if (x instanceof Failure.CellNotAssigned u) {
        // a² = a holds on the empty usable rows, but a is the prover's choice there
        assertEquals(u.row(), u.cellRow());
        assertTrue(u.row() >= 1, x.toString());
        free++;
      } else {
        assertTrue(((Failure.GateFailure) x).blindingRow(), x.toString());
      }
    }
    assertEquals(c.description().usable() - 1, free);
  }

  @Test
  void secondPhaseColumnUsesChallenge() {
    // Phase-1 column y = c·x on every used row, checked by the gate s·(y − c·x).
    CircuitBuilder b = new CircuitBuilder();
    Column.Advice x = b.advice();
    Expression.Challenge ch = b.challenge(0);
    Column.Advice y = b.advice(1);
    var s = b.selector();
    b.gate("scaled", s.expr().mul(CircuitBuilder.query(y).sub(ch.mul(CircuitBuilder.query(x)))));
    b.region("r", r -> {
      for (int i = 0; i < 5; i++) {
        Fr v = Fr.of(i + 3);
        r.assignAdvice(x, i, v);
        r.assignAdvice(y, i, c -> c[ch.index()].mul(v));
        r.enable(s, i);
      }
      return null;
    });
    MockProver.run(b.build()).assertSatisfied();
  }
}
