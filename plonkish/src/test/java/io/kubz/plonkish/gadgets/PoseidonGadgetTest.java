package io.kubz.plonkish.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubz.field.Fr;
import io.kubz.merkle.Poseidon;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.mock.MockProver;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.prover.Prover;
import io.kubz.plonkish.prover.Setup;
import io.kubz.plonkish.verifier.Verifier;
import java.math.BigInteger;
import java.util.Random;
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

  /** Hashes {@code inputs} in-circuit and publishes the digest (claimed value) as instance row 0. */
  static Circuit circuit(Fr[] inputs, Fr claimed) {
    CircuitBuilder cb = new CircuitBuilder();
    Column.Advice in = cb.advice();
    Column.Instance pub = cb.instance();
    PoseidonGadget g = PoseidonGadget.configure(cb, inputs.length);
    AssignedCell[] cells = cb.region("inputs", r -> {
      AssignedCell[] out = new AssignedCell[inputs.length];
      for (int i = 0; i < inputs.length; i++) {
        out[i] = r.assignAdvice(in, i, inputs[i]);
      }
      return out;
    });
    AssignedCell out = g.hash(cb, cells);
    cb.setInstance(pub, 0, claimed);
    cb.constrainInstance(out, pub, 0);
    return cb.build();
  }

  @Test
  void circomlibVectors() throws Exception {
    String text;
    try (var in = PoseidonGadgetTest.class.getResourceAsStream("/vectors/poseidon_circomlib.json")) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    JsonNode cases = new ObjectMapper().readTree(text).required("cases");
    assertTrue(cases.size() >= 6);
    for (JsonNode c : cases) {
      JsonNode ins = c.required("inputs");
      Fr[] inputs = new Fr[ins.size()];
      for (int i = 0; i < inputs.length; i++) {
        inputs[i] = Fr.of(new BigInteger(ins.get(i).asText()));
      }
      Fr expected = Fr.of(new BigInteger(c.required("output").asText()));
      MockProver.run(circuit(inputs, expected)).assertSatisfied();
    }
  }

  @Test
  void poseidonProofVerifies() {
    Fr h = Poseidon.hash(Fr.of(3), Fr.of(4));
    Circuit c = circuit(new Fr[] {Fr.of(3), Fr.of(4)}, h);
    ProvingKey pk = Setup.keygen(c);
    Proof p = Prover.prove(pk, Setup.PCS, c.witness(), new Random(9));
    assertTrue(Verifier.verify(pk.vk(), Setup.PCS, Setup.instance(c), p));
    assertFalse(Verifier.verify(pk.vk(), Setup.PCS, new Fr[][] {{h.add(Fr.ONE)}}, p));
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
    assertTrue(c.description().maxDegree() <= 5, "the dense layout keeps every gate of degree ≤ 5");
  }
}
