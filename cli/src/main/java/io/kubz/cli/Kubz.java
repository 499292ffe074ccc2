package io.kubz.cli;

import io.kubz.field.KubzException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Entry point of the {@code kubz} command. Exit codes: 0 success, 2 usage, 3 bad input,
 * 4 verification failed, 1 internal error. A user error prints its message, never a stack trace
 * unless {@code --debug}.
 */
@Command(
    name = "kubz",
    mixinStandardHelpOptions = true,
    versionProvider = Kubz.Version.class,
    subcommands = {DemoCommand.class, InspectCommand.class, RunCommand.class, CalibrateCommand.class, SliceCommand.class,
      SetupCommand.class, ProveCommand.class, VerifyCommand.class, ChainCommand.class, WorkerCommand.class},
    description = {
      "kubz proves that a neural network produced a given output: a pure-Java zero-knowledge",
      "prover over BN254 that slices an ONNX model and links the slices with Poseidon commitments.",
      "",
      "Examples:",
      "  kubz demo                                      the whole pipeline on the bundled example",
      "  kubz inspect network.onnx                      operators, shapes, support",
      "  kubz run network.onnx --input input.json       float vs quantized inference",
      "  kubz calibrate network.onnx --input input.json --out settings.json",
      "  kubz slice network.onnx --max-rows 16 --out plan.json",
      "  kubz prove network.onnx --input input.json --srs pot20.ptau --out proof.kubz",
      "  kubz verify proof.kubz --model network.onnx --srs pot20.ptau",
      "  kubz chain a.onnx b.onnx --input input.json --srs pot20.ptau --out-dir chain/",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success", "1:internal error (a bug: please report it with --debug output)",
      "2:usage error", "3:bad input (missing or malformed file, wrong shape, SRS too small)",
      "4:verification failed",
    })
public final class Kubz implements Runnable {
  /** Exit code of bad input (as {@link io.kubz.field.BadInputException}): what running out of heap returns. */
  static final int EXIT_BAD_INPUT = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
  boolean debug;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line with the process's streams and returns its exit code. */
  public static int execute(String... args) {
    return run(commandLine(), args);
  }

  /** Runs the command line writing to the given streams (for in-process tests). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    try {
      return run(cl, args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Runs {@code cl}; an OutOfMemoryError thrown past picocli's handler (an Error) ends as one line too. */
  static int run(CommandLine cl, String... args) {
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      return outOfMemory(cl.getErr(), e);
    }
  }

  /**
   * The one line a user sees when the heap runs out (exit 3, bad input: the model or plan is too
   * large for this heap), wherever the error was thrown: never a stack trace.
   */
  static int outOfMemory(PrintWriter err, Throwable e) {
    long heapMib = Runtime.getRuntime().maxMemory() >> 20;
    err.println("kubz: out of memory (the JVM's heap is " + heapMib + " MiB): slice finer with --max-rows K"
        + " (e.g. 16) or --max-memory SIZE, or give the JVM more heap, e.g. KUBZ_JAVA_OPTS=-Xmx"
        + Math.max(2, 2 * ((heapMib + 1023) >> 10)) + "g");
    err.flush();
    return EXIT_BAD_INPUT;
  }

  /** The OutOfMemoryError that caused {@code e}, if any. */
  static OutOfMemoryError outOfMemoryCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError oom) {
        return oom;
      }
    }
    return null;
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Kubz());
    cl.setExecutionExceptionHandler(Kubz::handle);
    return cl;
  }

  /** Maps an exception to a message and an exit code. */
  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    boolean debug = parsed.hasMatchedOption("--debug")
        || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
    PrintWriter err = cl.getErr();
    if (outOfMemoryCause(e) != null) {
      if (debug) {
        e.printStackTrace(err);
      }
      return outOfMemory(err, e);
    }
    if (e instanceof KubzException) {
      err.println("kubz: " + e.getMessage());
      if (debug) {
        e.printStackTrace(err);
      }
      err.flush();
      return ((KubzException) e).exitCode();
    }
    err.println("kubz: internal error: " + e);
    if (debug) {
      e.printStackTrace(err);
    } else {
      err.println("Run again with --debug for the stack trace, and please report it.");
    }
    err.flush();
    return 1;
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Reads the version Maven wrote into the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Kubz.class.getPackage().getImplementationVersion();
      return new String[] {
        "kubz " + (v == null ? "(development build)" : v),
        "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
      };
    }
  }
}
