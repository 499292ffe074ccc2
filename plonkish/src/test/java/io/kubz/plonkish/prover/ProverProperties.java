package io.kubz.plonkish.prover;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.field.G1;
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
  void tamperingWithACommitmentEvaluationOrInstanceValueIsRejected(@ForAll long seed) {
    Circuit c = new RandomCircuit(seed).build(null);
    ProvingKey pk = Setup.keygen(c);
    Proof p = Prover.prove(pk, Setup.PCS, c.witness(), new Random(seed));
    Fr[][] inst = Setup.instance(c);
    Random rnd = new Random(seed ^ 0x5eed);
    G1 g = G1.generator();
    Proof bad;
    switch (rnd.nextInt(5)) {
      case 0:
        bad = new Proof(ProverTest.bump(p.advice(), rnd.nextInt(p.advice().size()), q -> q.add(g)), p.quotient(),
            p.evaluations(), p.openings());
        break;
      case 1:
        bad = new Proof(p.advice(), ProverTest.bump(p.quotient(), rnd.nextInt(p.quotient().size()), q -> q.add(g)),
            p.evaluations(), p.openings());
        break;
      case 2:
        bad = new Proof(p.advice(), p.quotient(),
            ProverTest.bump(p.evaluations(), rnd.nextInt(p.evaluations().size()), e -> e.add(Fr.random(rnd))), p.openings());
        break;
      case 3:
        bad = new Proof(p.advice(), p.quotient(), p.evaluations(),
            ProverTest.bump(p.openings(), rnd.nextInt(p.openings().size()), q -> q.add(g)));
        break;
      default:
        bad = p;
        Fr[] col = new Fr[Math.max(1, inst[0].length)];
        for (int i = 0; i < col.length; i++) {
          col[i] = i < inst[0].length ? inst[0][i] : Fr.ZERO;
        }
        col[rnd.nextInt(col.length)] = col[0].add(Fr.ONE);
        inst = new Fr[][] {col};
    }
    assertTrue(Verifier.verify(pk.vk(), Setup.PCS, Setup.instance(c), p));
    assertFalse(Verifier.verify(pk.vk(), Setup.PCS, inst, bad));
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
