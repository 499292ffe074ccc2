package io.kubz.gkr.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The provers are deterministic, so re-proving the golden statements must give the golden bytes:
 * a speed change to the sumcheck or tower provers that altered one message fails here.
 */
class GoldenBytesTest {
  @Test
  void reprovingTheGoldenLogupStatementGivesTheSameBytes() throws IOException {
    assertArrayEquals(GoldenProofTest.resource("logup-v2.bin"), GoldenProofs.logup());
  }

  @Test
  void reprovingTheGoldenOpeningStatementGivesTheSameBytes() throws IOException {
    assertArrayEquals(GoldenProofTest.resource("opening-v2.bin"), GoldenProofs.opening());
  }
}
