package io.kubz.gkr.format;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.gkr.logup.Lookup;
import io.kubz.gkr.testing.Statements;
import io.kubz.poly.transcript.Keccak256Transcript;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Proofs made once from fixed seeds (resources/golden/README.md) must keep verifying. */
class GoldenProofTest {
  static byte[] resource(String name) throws IOException {
    try (InputStream in = GoldenProofTest.class.getResourceAsStream("/golden/" + name)) {
      assertNotNull(in, "missing golden proof " + name);
      return in.readAllBytes();
    }
  }

  @Test
  void goldenLogupProofVerifies() throws IOException {
    byte[] bytes = resource("logup-v2.bin");
    assertTrue(ProofBytes.verifyLogup(Statements.lookups(GoldenProofs.LOOKUP_SEED).stream()
        .map(Lookup::shape).toList(), bytes, new Keccak256Transcript(Statements.DOMAIN)).isPresent());
    // and not under another statement
    assertTrue(ProofBytes.verifyLogup(Statements.lookups(GoldenProofs.LOOKUP_SEED + 1).stream()
        .map(Lookup::shape).toList(), bytes, new Keccak256Transcript("other")).isEmpty());
  }

  @Test
  void goldenOpeningProofVerifies() throws IOException {
    byte[] bytes = resource("opening-v2.bin");
    assertTrue(ProofBytes.verifyOpening(5, Statements.claims(GoldenProofs.OPENING_SEED), bytes,
        new Keccak256Transcript(Statements.DOMAIN)).isPresent());
    assertTrue(ProofBytes.verifyOpening(5, Statements.claims(GoldenProofs.OPENING_SEED + 1), bytes,
        new Keccak256Transcript(Statements.DOMAIN)).isEmpty());
  }
}
