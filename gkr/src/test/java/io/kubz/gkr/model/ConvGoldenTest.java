package io.kubz.gkr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.gkr.testing.Statements;
import io.kubz.poly.transcript.Keccak256Transcript;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The golden proof of a model with two convolutions (resources/golden/README.md) keeps verifying and is reproduced. */
class ConvGoldenTest {
  @Test
  void theGoldenConvProofVerifiesAndIsReproduced() throws IOException {
    byte[] bytes;
    try (InputStream in = getClass().getResourceAsStream("/golden/conv-v2.bin")) {
      assertNotNull(in, "missing golden proof conv-v2.bin");
      bytes = in.readAllBytes();
    }
    Models.Case c = ConvModels.pair(ConvGoldenProof.SEED).c();
    long[][] y = Evaluator.run(c.model(), c.inputs());
    int[] outs = c.model().outputs();
    long[][] outputs = new long[outs.length][];
    for (int i = 0; i < outs.length; i++) {
      outputs[i] = y[outs[i]];
    }
    assertTrue(c.model().layers().get(1) instanceof Layer.Conv && c.model().layers().get(4) instanceof Layer.Conv);
    LayeredProof p = LayeredProof.parse(bytes).orElseThrow();
    assertTrue(LayeredVerifier.verify(c.model(), c.inputs(), outputs, p, LayeredTest.PCS,
        new Keccak256Transcript(Statements.DOMAIN)));
    assertFalse(LayeredVerifier.verify(c.model(), c.inputs(), outputs, p, LayeredTest.PCS,
        new Keccak256Transcript("other")), "another transcript domain");
    assertArrayEquals(bytes, ConvGoldenProof.proof(), "the prover is deterministic");
  }
}
