package io.kubz.gkr.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.gkr.sumcheck.SumcheckProof;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tampering with the Conv step's messages (its three sumchecks and three evaluations) and with
 * every other field element of a proof of a model with two convolutions: false, never an exception.
 */
class ConvTamperTest {
  /** The general path (odd extents) and the direct path (power-of-two extents, one claim per conv). */
  static java.util.stream.Stream<Models.Case> cases() {
    return java.util.stream.Stream.of(ConvModels.pair(17).c(), ConvModels.alignedPair(3, false).c());
  }

  private static boolean verify(Models.Case c, LayeredProver.Output out, LayeredProof p) {
    return LayeredVerifier.verify(c.model(), c.inputs(), out.outputs(), p, LayeredTest.PCS,
        LayeredTest.transcript());
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everyFieldElementPlusOneIsRejected(Models.Case c) {
    LayeredProver.Output out = LayeredTest.prove(c);
    assertTrue(verify(c, out, out.proof()));
    LayeredTamperTest.Mapper count = new LayeredTamperTest.Mapper(-1, -1);
    count.map(out.proof());
    assertTrue(count.fr > 40, "the proof has " + count.fr + " field elements");
    for (int i = 0; i < count.fr; i++) {
      assertFalse(verify(c, out, new LayeredTamperTest.Mapper(i, -1).map(out.proof())), "field element " + i);
    }
  }

  /** The conv steps' messages are the walk's first sumchecks and evaluations: each one dropped or padded. */
  @ParameterizedTest
  @MethodSource("cases")
  void missingExtraOrReshapedConvMessagesAreRejected(Models.Case c) {
    LayeredProver.Output out = LayeredTest.prove(c);
    LayeredProof p = out.proof();
    for (int s = 0; s < p.sumchecks.size(); s++) {
      List<SumcheckProof> fewer = new ArrayList<>(p.sumchecks);
      fewer.remove(s);
      assertFalse(verify(c, out, new LayeredProof(p.wit, p.logup, p.evals, fewer, p.opening, p.pcs)), "sumcheck " + s + " dropped");
      List<SumcheckProof> extraRound = new ArrayList<>(p.sumchecks);
      List<List<Fr>> rounds = new ArrayList<>(extraRound.get(s).rounds());
      rounds.add(List.of(Fr.ONE, Fr.ONE, Fr.ONE));
      extraRound.set(s, new SumcheckProof(rounds));
      assertFalse(verify(c, out, new LayeredProof(p.wit, p.logup, p.evals, extraRound, p.opening, p.pcs)),
          "sumcheck " + s + " with one more round");
    }
    for (int e = 0; e < p.evals.size(); e++) {
      List<Fr> fewer = new ArrayList<>(p.evals);
      fewer.remove(e);
      assertFalse(verify(c, out, new LayeredProof(p.wit, p.logup, fewer, p.sumchecks, p.opening, p.pcs)), "eval " + e + " dropped");
      List<Fr> swapped = new ArrayList<>(p.evals);
      swapped.set(e, Fr.ZERO.sub(swapped.get(e)));
      if (!swapped.get(e).equals(p.evals.get(e))) {
        assertFalse(verify(c, out, new LayeredProof(p.wit, p.logup, swapped, p.sumchecks, p.opening, p.pcs)), "eval " + e + " negated");
      }
    }
  }
}
