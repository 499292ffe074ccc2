package io.kubz.gkr.model;

import io.kubz.gkr.testing.Statements;
import io.kubz.poly.transcript.Keccak256Transcript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code layered-v2.bin} of src/test/resources/golden (see its README): the proof of
 * {@code Models.mlp(SEED)} with {@code LayeredTest.PCS}, transcript domain {@link Statements#DOMAIN}.
 */
public final class LayeredGoldenProof {
  static final long SEED = 2026;

  private LayeredGoldenProof() {}

  static byte[] proof() {
    Models.Case c = Models.mlp(SEED);
    return LayeredProver.prove(c.model(), c.inputs(), LayeredTest.PCS,
        new Keccak256Transcript(Statements.DOMAIN)).proof().toBytes();
  }

  public static void main(String[] args) throws IOException {
    Files.write(Path.of(args[0]).resolve("layered-v2.bin"), proof());
  }
}
