package io.kubz.plonkish.argument;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.mock.Failure;
import io.kubz.plonkish.mock.MockProver;
import io.kubz.plonkish.prover.Prover;
import io.kubz.plonkish.prover.Setup;
import io.kubz.plonkish.verifier.Verifier;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An argument added through the seam alone is checked by MockProver, proved and verified. */
class ArgumentSeamTest {

  static Circuit circuit(long claimed) {
    CircuitBuilder b = new CircuitBuilder();
    Column.Advice a = b.advice();
    b.argument(SumArgument.over(a, Fr.of(claimed)));
    b.region("values", r -> {
      for (int i = 0; i < 10; i++) {
        r.assignAdvice(a, i, Fr.of(i + 1));
      }
      return null;
    });
    return b.build();
  }

  @Test
  void honestSumIsAcceptedAndProved() {
    Circuit c = circuit(55);
    MockProver.run(c).assertSatisfied();
    ProvingKey pk = Setup.keygen(c);
    Proof p = Prover.prove(pk, Setup.PCS, c.witness(), new Random(4));
    assertTrue(Verifier.verify(pk.vk(), Setup.PCS, Setup.instance(c), p));
  }

  @Test
  void wrongSumIsNamedByMockProverAndRejected() {
    Circuit c = circuit(54);
    List<Failure> f = MockProver.run(c).failures();
    assertTrue(f.stream().anyMatch(x -> x instanceof Failure.GateFailure g && g.gate().equals("sum ends at the total")),
        f.toString());
    ProvingKey pk = Setup.keygen(c);
    Proof p = Prover.prove(pk, Setup.PCS, c.witness(), new Random(4));
    assertFalse(Verifier.verify(pk.vk(), Setup.PCS, Setup.instance(c), p));
  }
}
