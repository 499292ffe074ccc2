package io.kubz.gkr.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.gkr.sumcheck.SumcheckProof;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tampering with the Conv step's messages (its three sumchecks and three evaluations) and with
 * every other field element of a proof of a model with two convolutions: false, never an exception.
 */
class ConvTamperTest {
  private final ConvModels.Case k = ConvModels.pair(17);
  private final Models.Case c = k.c();
  private final LayeredProver.Output out = LayeredTest.prove(c);

  private boolean verify(LayeredProof p) {
    return LayeredVerifier.verify(c.model(), c.inputs(), out.outputs(), p, LayeredTest.PCS,
        LayeredTest.transcript());
  }

  @Test
  void everyFieldElementPlusOneIsRejected() {
    assertTrue(verify(out.proof()));
    LayeredTamperTest.Mapper count = new LayeredTamperTest.Mapper(-1, -1);
    count.map(out.proof());
    assertTrue(count.fr > 40, "the proof has " + count.fr + " field elements");
    for (int i = 0; i < count.fr; i++) {
      assertFalse(verify(new LayeredTamperTest.Mapper(i, -1).map(out.proof())), "field element " + i);
    }
  }

  /** The conv steps' messages are the walk's first sumchecks and evaluations: each one dropped or padded. */
  @Test
  void missingExtraOrReshapedConvMessagesAreRejected() {
    LayeredProof p = out.proof();
    for (int s = 0; s < p.sumchecks.size(); s++) {
      List<SumcheckProof> fewer = new ArrayList<>(p.sumchecks);
      fewer.remove(s);
      assertFalse(verify(new LayeredProof(p.wit, p.logup, p.evals, fewer, p.opening, p.pcs)), "sumcheck " + s + " dropped");
      List<SumcheckProof> extraRound = new ArrayList<>(p.sumchecks);
      List<List<Fr>> rounds = new ArrayList<>(extraRound.get(s).rounds());
      rounds.add(List.of(Fr.ONE, Fr.ONE, Fr.ONE));
      extraRound.set(s, new SumcheckProof(rounds));
      assertFalse(verify(new LayeredProof(p.wit, p.logup, p.evals, extraRound, p.opening, p.pcs)),
          "sumcheck " + s + " with one more round");
    }
    for (int e = 0; e < p.evals.size(); e++) {
      List<Fr> fewer = new ArrayList<>(p.evals);
      fewer.remove(e);
      assertFalse(verify(new LayeredProof(p.wit, p.logup, fewer, p.sumchecks, p.opening, p.pcs)), "eval " + e + " dropped");
      List<Fr> swapped = new ArrayList<>(p.evals);
      swapped.set(e, Fr.ZERO.sub(swapped.get(e)));
      if (!swapped.get(e).equals(p.evals.get(e))) {
        assertFalse(verify(new LayeredProof(p.wit, p.logup, swapped, p.sumchecks, p.opening, p.pcs)), "eval " + e + " negated");
      }
    }
  }
}
