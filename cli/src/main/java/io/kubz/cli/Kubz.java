package io.kubz.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code kubz} command. */
@Command(
    name = "kubz",
    mixinStandardHelpOptions = true,
    versionProvider = Kubz.Version.class,
    description = {
      "kubz proves that a neural network produced a given output: a pure-Java zero-knowledge",
      "prover over BN254 that slices an ONNX model and links the slices with Poseidon commitments.",
      "",
      "Examples:",
      "  ./kubz --version",
    })
public final class Kubz implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and returns its exit code (so tests can call it in-process). */
  public static int execute(String... args) {
    return new CommandLine(new Kubz()).execute(args);
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
