package io.kubz.gkr.format;

import io.kubz.gkr.logup.LogupProver;
import io.kubz.gkr.opening.BatchOpening;
import io.kubz.gkr.testing.Statements;
import io.kubz.poly.transcript.Keccak256Transcript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the golden proofs of src/test/resources/golden (see its README):
 * {@code java -cp <gkr test and main classpath> io.kubz.gkr.format.GoldenProofs gkr/src/test/resources/golden}.
 */
public final class GoldenProofs {
  static final long LOOKUP_SEED = 2026;
  static final long OPENING_SEED = 1207;

  private GoldenProofs() {}

  static byte[] logup() {
    return GkrCodec.encode(LogupProver.prove(Statements.lookups(LOOKUP_SEED),
        new Keccak256Transcript(Statements.DOMAIN)).proof());
  }

  static byte[] opening() {
    return GkrCodec.encode(BatchOpening.prove(Statements.wit(OPENING_SEED),
        Statements.claims(OPENING_SEED), new Keccak256Transcript(Statements.DOMAIN)).proof());
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.write(dir.resolve("logup-v2.bin"), logup());
    Files.write(dir.resolve("opening-v2.bin"), opening());
  }
}
