package io.kubz.plonkish.prover;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.TestCircuits;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.verifier.Verifier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ProverTest {

  static boolean proveAndVerify(Circuit c) {
    ProvingKey pk = Setup.keygen(c);
    Proof p = Prover.prove(pk, Setup.PCS, c.witness(), new Random(1));
    return Verifier.verify(pk.vk(), Setup.PCS, Setup.instance(c), p);
  }

  @Test
  void fibonacciProofVerifies() {
    assertTrue(proveAndVerify(TestCircuits.fibonacci(50, TestCircuits.fib(49))));
  }

  @Test
  void rangeProofVerifies() {
    BigInteger v = BigInteger.valueOf(0xBEEF);
    assertTrue(proveAndVerify(TestCircuits.range(v, 16, v)));
  }

  @Test
  void memoryEstimateCoversTheColumns() {
    var d = TestCircuits.fibonacci(50, TestCircuits.fib(49)).description();
    long floor = 32L * d.n() * (d.numAdvice() + d.numFixed() + d.numInstance()) * 2;
    assertTrue(Prover.estimateBytes(d) >= floor);
    var big = TestCircuits.fibonacci(500, TestCircuits.fib(499)).description();
    assertTrue(Prover.estimateBytes(big) > Prover.estimateBytes(d));
  }

  @Test
  void wrongClaimIsRejected() {
    // The witness says fib(49), the public claim says fib(49) + 1: the proof goes through the prover
    // and the verifier rejects it.
    assertFalse(proveAndVerify(TestCircuits.fibonacci(50, TestCircuits.fib(49).add(BigInteger.ONE))));
  }

  @Test
  void proofDoesNotVerifyAgainstOtherPublicValues() {
    Circuit c = TestCircuits.fibonacci(50, TestCircuits.fib(49));
    ProvingKey pk = Setup.keygen(c);
    Proof p = Prover.prove(pk, Setup.PCS, c.witness(), new Random(2));
    Fr[][] inst = Setup.instance(c);
    assertTrue(Verifier.verify(pk.vk(), Setup.PCS, inst, p));
    for (int row = 0; row < 3; row++) {
      Fr[][] bad = {inst[0].clone()};
      bad[0][row] = bad[0][row].add(Fr.ONE);
      assertFalse(Verifier.verify(pk.vk(), Setup.PCS, bad, p), "instance row " + row);
    }
    assertFalse(Verifier.verify(pk.vk(), Setup.PCS, new Fr[][] {{Fr.ONE, Fr.ONE, inst[0][2], Fr.ONE}}, p));
  }

  @Test
  void secondPhaseChallengeCircuit() {
    // Freivalds-style: a phase-1 column y = r·x, gate s·(y − r·x), with x copied to an instance.
    CircuitBuilder b = new CircuitBuilder();
    Column.Advice x = b.advice();
    Expression.Challenge r = b.challenge(0);
    Column.Advice y = b.advice(1);
    Column.Instance pub = b.instance();
    var s = b.selector();
    b.gate("scaled", s.expr().mul(CircuitBuilder.query(y).sub(r.mul(CircuitBuilder.query(x)))));
    b.region("r", reg -> {
      for (int i = 0; i < 6; i++) {
        Fr v = Fr.of(i * i + 1);
        var cell = reg.assignAdvice(x, i, v);
        reg.assignAdvice(y, i, c -> c[r.index()].mul(v));
        reg.enable(s, i);
        if (i == 5) {
          b.constrainInstance(cell, pub, 0);
        }
      }
      return null;
    });
    b.setInstance(pub, 0, Fr.of(26));
    assertTrue(proveAndVerify(b.build()));
  }

  @Test
  void tamperingWithAnyPartOfTheProofIsRejected() {
    Circuit c = TestCircuits.fibonacci(40, TestCircuits.fib(39));
    ProvingKey pk = Setup.keygen(c);
    Proof p = Prover.prove(pk, Setup.PCS, c.witness(), new Random(3));
    Fr[][] inst = Setup.instance(c);
    assertTrue(Verifier.verify(pk.vk(), Setup.PCS, inst, p));
    G1 g = G1.generator();
    for (int i = 0; i < p.advice().size(); i++) {
      assertFalse(Verifier.verify(pk.vk(), Setup.PCS, inst,
          new Proof(bump(p.advice(), i, q -> q.add(g)), p.quotient(), p.evaluations(), p.openings())), "advice " + i);
    }
    for (int i = 0; i < p.quotient().size(); i++) {
      assertFalse(Verifier.verify(pk.vk(), Setup.PCS, inst,
          new Proof(p.advice(), bump(p.quotient(), i, q -> q.add(g)), p.evaluations(), p.openings())), "quotient " + i);
    }
    for (int i = 0; i < p.evaluations().size(); i++) {
      assertFalse(Verifier.verify(pk.vk(), Setup.PCS, inst,
          new Proof(p.advice(), p.quotient(), bump(p.evaluations(), i, e -> e.add(Fr.ONE)), p.openings())), "eval " + i);
    }
    for (int i = 0; i < p.openings().size(); i++) {
      assertFalse(Verifier.verify(pk.vk(), Setup.PCS, inst,
          new Proof(p.advice(), p.quotient(), p.evaluations(), bump(p.openings(), i, q -> q.add(g)))), "opening " + i);
    }
    // Dropped or extra elements are rejected, not thrown.
    assertFalse(Verifier.verify(pk.vk(), Setup.PCS, inst,
        new Proof(p.advice().subList(1, p.advice().size()), p.quotient(), p.evaluations(), p.openings())));
    assertFalse(Verifier.verify(pk.vk(), Setup.PCS, inst, new Proof(p.advice(), p.quotient(), p.evaluations(), List.of())));
  }

  static <T> List<T> bump(List<T> in, int i, UnaryOperator<T> f) {
    List<T> out = new ArrayList<>(in);
    out.set(i, f.apply(out.get(i)));
    return out;
  }
}
