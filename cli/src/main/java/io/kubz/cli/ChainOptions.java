package io.kubz.cli;

import io.kubz.field.BadInputException;
import io.kubz.field.UsageException;
import io.kubz.slicer.api.ModelProver;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.chain.ChainInput;
import io.kubz.slicer.chain.Secrets;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.lower.Visibility;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The chaining options of {@code kubz prove}: take the input from a previous bundle's proved output
 * ({@code --input-from}, with its {@code --secrets} when that output is hashed) and write this
 * proof's secrets ({@code --secrets-out}; by default {@code BUNDLE.secrets} beside the bundle when
 * any model input or output is hashed, so no salt is ever lost).
 */
final class ChainOptions {
  @Option(names = "--input-from", paramLabel = "BUNDLE",
      description = "Chain: the input is this bundle's proved output (instead of --input).")
  Path inputFrom;

  @Option(names = "--secrets", paramLabel = "FILE",
      description = "The secrets file of the --input-from bundle (needed when its output is hashed).")
  Path secrets;

  @Option(names = "--secrets-out", paramLabel = "FILE",
      description = "Where to write this proof's salts and hidden values (file mode 0600; default: BUNDLE.secrets "
          + "when an input or output is hashed).")
  Path secretsOut;

  private ChainInput chained;

  /**
   * The model's input: from {@code --input}, or from the previous bundle (checked against its
   * secrets, before anything is proved or written).
   */
  List<Tensor> input(Path input, Graph g) {
    if (secrets != null && inputFrom == null) {
      throw new UsageException("--secrets goes with --input-from (the secrets of the bundle the input comes from)");
    }
    if (inputFrom == null) {
      if (input == null) {
        throw new UsageException("give the input: --input FILE, or --input-from BUNDLE to chain from another proof");
      }
      return Models.input(input, g);
    }
    if (input != null) {
      throw new UsageException("choose one of --input and --input-from");
    }
    ProofBundle prev = bundle(inputFrom);
    Secrets s = secrets == null ? null : Secrets.fromJson(Models.read(secrets, "secrets file"), secrets.toString());
    chained = ChainInput.from(prev, s, g);
    return chained.inputs();
  }

  /**
   * The options for a chained input: the previous proof's salts, and (unless {@code --visibility}
   * names the input) the previous output's visibility for the input, so a hashed link stays hashed.
   */
  ModelProver.Options apply(ModelProver.Options o, String visibilitySpec, Graph g) {
    if (chained == null) {
      return o;
    }
    Visibility v = o.visibility();
    if (visibilitySpec == null || !visibilitySpec.contains("input=")) {
      v = new Visibility(chained.inputMode(), v.output());
    }
    ModelProver.Options chainedOptions = o.withVisibility(v)
        .withInputSalts(v.input() == Visibility.Mode.HASHED ? chained.salts() : java.util.Map.of());
    chained.checkScale(ModelProver.quantizeFor(g, chained.inputs(), chainedOptions).plan().activationScale(), g.name());
    return chainedOptions;
  }

  /** Writes the secrets of the proof (when it has any hidden input or output); returns the file or null. */
  Path write(ModelProver.Result r, Path bundleOut, PrintWriter w, boolean json) throws IOException {
    if (r.salts().isEmpty()) {
      if (secretsOut != null) {
        throw new UsageException("--secrets-out: this proof has no hashed input or output, so no secrets");
      }
      return null;
    }
    Path target = secretsOut != null ? secretsOut : bundleOut.resolveSibling(bundleOut.getFileName() + ".secrets");
    writeSecrets(target, Secrets.of(r));
    if (!json) {
      w.println("secrets (salts of hashed inputs and outputs; keep private, never in the bundle): " + target);
    }
    return target;
  }

  /** Writes a secrets file readable by its owner only (mode 0600 on POSIX file systems). */
  static void writeSecrets(Path target, Secrets s) throws IOException {
    AtomicFiles.writeString(target, s.toJson());
    try {
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the temporary file's own permissions apply
    }
  }

  static ProofBundle bundle(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file + ": no such bundle file");
    }
    try {
      return BundleCodec.decode(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read it (" + e.getMessage() + ")");
    } catch (RuntimeException e) {
      throw new BadInputException(file + ": not a kubz proof bundle (" + e.getMessage() + ")");
    }
  }
}
