package io.kubz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class KubzTest {
  @Test
  void versionNamesTheProgramAndExitsZero() {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new Kubz());
    cl.setOut(new PrintWriter(out));
    assertEquals(0, cl.execute("--version"));
    assertTrue(out.toString().startsWith("kubz "), out.toString());
  }

  @Test
  void unknownOptionIsAUsageError() {
    CommandLine cl = new CommandLine(new Kubz());
    cl.setErr(new PrintWriter(new StringWriter()));
    assertEquals(2, cl.execute("--no-such-option"));
  }
}
