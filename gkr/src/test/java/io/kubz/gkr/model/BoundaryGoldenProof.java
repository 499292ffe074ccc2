package io.kubz.gkr.model;

import io.kubz.gkr.testing.Statements;
import io.kubz.poly.transcript.Keccak256Transcript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code layered-boundary-v2.bin} of src/test/resources/golden (see its README): the proof of
 * the consumer half of {@code Models.small(SEED)} cut after tensor {@code AT} ({@link BoundaryTest#cut}),
 * its input committed, with {@code LayeredTest.PCS} and transcript domain {@link Statements#DOMAIN}.
 */
public final class BoundaryGoldenProof {
  static final long SEED = 2026;
  static final int AT = 2;

  private BoundaryGoldenProof() {}

  /** The boundary tensor: the producer half's output. */
  private static long[] boundary(BoundaryTest.Cut k) {
    return Evaluator.run(k.producer(), k.inputs())[AT];
  }

  static long[][] outputs(BoundaryTest.Cut k) {
    long[][] v = Evaluator.run(k.consumer(), new long[][] {boundary(k)});
    return new long[][] {v[k.consumer().outputs()[0]]};
  }

  static byte[] proof() {
    BoundaryTest.Cut k = BoundaryTest.cut(Models.small(SEED), AT);
    return LayeredProver.prove(k.consumer(), new int[] {0}, new long[][] {boundary(k)}, LayeredTest.PCS,
        new Keccak256Transcript(Statements.DOMAIN)).proof().toBytes();
  }

  public static void main(String[] args) throws IOException {
    Files.write(Path.of(args[0]).resolve("layered-boundary-v2.bin"), proof());
  }
}
