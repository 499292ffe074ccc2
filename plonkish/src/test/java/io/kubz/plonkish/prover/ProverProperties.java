package io.kubz.plonkish.prover;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.plonkish.Proof;
import io.kubz.plonkish.RandomCircuit;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.mock.MockProver;
import io.kubz.plonkish.verifier.Verifier;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class ProverProperties {

  @Property(tries = 8)
  void randomCircuitsWithHonestWitnessesVerify(@ForAll long seed) {
    Circuit c = new RandomCircuit(seed).build(null);
    ProvingKey pk = Setup.keygen(c);
    Proof p = Prover.prove(pk, Setup.PCS, c.witness(), new Random(seed));
    assertTrue(Verifier.verify(pk.vk(), Setup.PCS, Setup.instance(c), p));
  }

  @Property(tries = 8)
  void aCorruptedCellForcedThroughTheProverIsRejected(@ForAll long seed) {
    RandomCircuit rc = new RandomCircuit(seed);
    Random rnd = new Random(seed);
    int col = rnd.nextInt(rc.inputs);
    int row = rnd.nextInt(rc.rows);
    int[] corrupt = rnd.nextBoolean() ? new int[] {1, rnd.nextInt(rc.polys.size()), 1 + rnd.nextInt(rc.rows - 2)}
        : new int[] {0, col, row};
    Circuit bad = rc.build(corrupt);
    if (MockProver.run(bad, seed).isSatisfied()) {
      return; // this input change happens to keep every constraint true
    }
    // Keys come from the honest circuit: the same circuit, only the witness differs.
    ProvingKey pk = Setup.keygen(rc.build(null));
    Proof p = Prover.prove(pk, Setup.PCS, bad.witness(), new Random(seed));
    assertFalse(Verifier.verify(pk.vk(), Setup.PCS, Setup.instance(bad), p));
  }
}
