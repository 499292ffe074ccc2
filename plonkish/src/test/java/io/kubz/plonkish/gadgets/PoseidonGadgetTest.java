package io.kubz.plonkish.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.merkle.Poseidon;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.mock.MockProver;
import org.junit.jupiter.api.Test;

class PoseidonGadgetTest {

  /** Hashes (a, b) in-circuit, publishes the digest as instance row 0 with the claimed value. */
  static Circuit circuit(Fr a, Fr b, Fr claimed) {
    CircuitBuilder cb = new CircuitBuilder();
    Column.Advice in = cb.advice();
    Column.Instance pub = cb.instance();
    PoseidonGadget g = PoseidonGadget.configure(cb, 2);
    AssignedCell[] cells = cb.region("inputs", r -> new AssignedCell[] {r.assignAdvice(in, 0, a), r.assignAdvice(in, 1, b)});
    AssignedCell out = g.hash(cb, cells);
    cb.setInstance(pub, 0, claimed);
    cb.constrainInstance(out, pub, 0);
    return cb.build();
  }

  @Test
  void matchesTheMerkleModulesPoseidon() {
    Fr a = Fr.of(1);
    Fr b = Fr.of(2);
    Fr h = Poseidon.hash(a, b);
    // circomlibjs poseidon([1, 2])
    assertEquals("7853200120776062878684798364095072458815029376092732009249414926327459813530", h.toString());
    Circuit c = circuit(a, b, h);
    MockProver.run(c).assertSatisfied();
    assertFalse(MockProver.run(circuit(a, b, h.add(Fr.ONE))).isSatisfied());
    assertTrue(c.description().maxDegree() >= 6);
  }
}
