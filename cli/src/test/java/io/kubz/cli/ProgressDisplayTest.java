package io.kubz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
  private static String drive(boolean terminal, boolean quiet, int total) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressDisplay d = new ProgressDisplay(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal, quiet);
    ProgressDisplay.Task t = d.start("prove", total);
    for (int i = 0; i < total; i++) {
      t.advance(1, "slice " + i);
    }
    t.finish();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void plainOutputHasOneLinePerStepForShortTasks() {
    String s = drive(false, false, 5);
    assertTrue(s.contains("prove: 3/5 (slice 2)"), s);
    assertTrue(s.contains("prove: done in"), s);
    assertTrue(!s.contains("\r"), s);
  }

  @Test
  void plainOutputOfLongTasksPrintsTenthsOnly() {
    String s = drive(false, false, 1000);
    long lines = s.lines().count();
    assertTrue(lines >= 10 && lines <= 12, s);
  }

  @Test
  void terminalOutputRedrawsABarWithEta() {
    String s = drive(true, false, 4);
    assertTrue(s.contains("\r"), s);
    assertTrue(s.contains("4/4 100%"), s);
    assertTrue(s.contains("ETA"), s);
  }

  @Test
  void quietPrintsNothing() {
    assertEquals("", drive(false, true, 7));
  }
}
