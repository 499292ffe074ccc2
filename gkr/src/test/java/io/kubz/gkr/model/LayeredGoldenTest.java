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

/** The golden layered proof (resources/golden/README.md) keeps verifying and is reproduced bit for bit. */
class LayeredGoldenTest {
  @Test
  void theGoldenProofVerifiesAndIsReproduced() throws IOException {
    byte[] bytes;
    try (InputStream in = getClass().getResourceAsStream("/golden/layered-v2.bin")) {
      assertNotNull(in, "missing golden proof layered-v2.bin");
      bytes = in.readAllBytes();
    }
    Models.Case c = Models.mlp(LayeredGoldenProof.SEED);
    long[][] y = Evaluator.run(c.model(), c.inputs());
    int[] outs = c.model().outputs();
    long[][] outputs = new long[outs.length][];
    for (int i = 0; i < outs.length; i++) {
      outputs[i] = y[outs[i]];
    }
    LayeredProof p = LayeredProof.parse(bytes).orElseThrow();
    assertTrue(LayeredVerifier.verify(c.model(), c.inputs(), outputs, p, LayeredTest.PCS,
        new Keccak256Transcript(Statements.DOMAIN)));
    assertFalse(LayeredVerifier.verify(c.model(), c.inputs(), outputs, p, LayeredTest.PCS,
        new Keccak256Transcript("other")), "another transcript domain");
    assertArrayEquals(bytes, LayeredGoldenProof.proof(), "the prover is deterministic");
  }
}
