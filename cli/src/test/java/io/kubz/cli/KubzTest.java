package io.kubz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.field.VerificationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

class KubzTest {
  /** A command that fails in the way its argument names, to drive the error handling. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Parameters String kind;

    @Override
    public Integer call() {
      switch (kind) {
        case "input": throw new BadInputException("model.onnx: no such file; check the path");
        case "verify": throw new VerificationException("slice 2: proof does not verify");
        case "oom": throw new OutOfMemoryError("Java heap space");
        case "oom-in-a-worker": throw new IllegalStateException("a slice prover failed",
            new java.util.concurrent.ExecutionException(new OutOfMemoryError("Java heap space")));
        default: throw new IllegalStateException("a bug");
      }
    }
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Kubz.commandLine().addSubcommand(new Boom());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = Kubz.run(cl, args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void versionNamesTheProgramAndExitsZero() {
    String[] r = run("--version");
    assertEquals("0", r[0]);
    assertTrue(r[1].startsWith("kubz "), r[1]);
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals("2", run("--no-such-option")[0]);
  }

  @Test
  void badInputExitsThreeWithTheMessageAndNoStackTrace() {
    String[] r = run("boom", "input");
    assertEquals("3", r[0]);
    assertTrue(r[2].contains("model.onnx: no such file"), r[2]);
    assertFalse(r[2].contains("\tat "), r[2]);
  }

  @Test
  void verificationFailureExitsFour() {
    String[] r = run("boom", "verify");
    assertEquals("4", r[0]);
    assertTrue(r[2].contains("slice 2"), r[2]);
  }

  @Test
  void bugsExitOneAndShowTheStackTraceOnlyWithDebug() {
    String[] plain = run("boom", "bug");
    assertEquals("1", plain[0]);
    assertFalse(plain[2].contains("\tat "), plain[2]);
    assertTrue(plain[2].contains("--debug"), plain[2]);
    String[] debug = run("boom", "bug", "--debug");
    assertEquals("1", debug[0]);
    assertTrue(debug[2].contains("\tat "), debug[2]);
  }

  /** Issue #16, finding 7: an OutOfMemoryError never reaches the user as a stack trace. */
  @Test
  void outOfMemoryIsOneLineNamingTheWaysOutAndExitsThree() {
    for (String kind : new String[] {"oom", "oom-in-a-worker"}) {
      String[] r = run("boom", kind);
      assertEquals("3", r[0], kind);
      assertFalse(r[2].contains("\tat "), r[2]);
      assertEquals(1, r[2].strip().lines().count(), r[2]);
      for (String way : new String[] {"--max-rows", "--max-memory", "KUBZ_JAVA_OPTS=-Xmx"}) {
        assertTrue(r[2].contains(way), kind + " names " + way + ": " + r[2]);
      }
    }
  }
}
