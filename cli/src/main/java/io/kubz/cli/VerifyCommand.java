package io.kubz.cli;

import io.kubz.field.BadInputException;
import io.kubz.field.VerificationException;
import io.kubz.poly.srs.Srs;
import io.kubz.slicer.api.BundleVerifier;
import io.kubz.slicer.api.VerificationResult;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubz verify}: check every slice proof and every link of a bundle. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Checks a proof bundle: every slice proof, every commitment linking two slices, and the",
      "declared public inputs and outputs, then prints the outputs. Exit 0 when valid, 4 when a proof or",
      "link fails (naming it), 3 when the file is not a bundle.", "",
      "On its own this checks the bundle against the verifying keys and SRS it carries, which its model",
      "digest covers: compare that digest with one you trust, or pass --model (and --srs) so that kubz",
      "recompiles the model and checks the keys are the ones it compiles to.", "",
      "Examples:", "  kubz verify proof.kubz",
      "  kubz verify proof.kubz --model network.onnx --srs pot20.ptau --json"})
final class VerifyCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BUNDLE", description = "The proof bundle.")
  Path bundle;

  @Option(names = "--model", paramLabel = "MODEL", description = "Also check the bundle proves this ONNX model.")
  Path model;

  @Mixin SrsOptions srsOptions;

  @Option(names = "--keys", paramLabel = "KEYDIR", description = "Key cache for --model (saves recomputing keys).")
  Path keys;

  @Option(names = "--json", description = "Print one JSON object with the verdict.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(bundle)) {
      throw new BadInputException(bundle + ": no such bundle file");
    }
    byte[] bytes = Files.readAllBytes(bundle);
    long t0 = System.nanoTime();
    VerificationResult r;
    boolean trusted = model != null || srsOptions.given();
    if (!trusted) {
      r = BundleVerifier.verify(bytes);
    } else {
      Srs srs = trustedSrs(bytes);
      r = model != null ? BundleVerifier.verifyForModel(bytes, Models.load(model), srs, keys)
          : BundleVerifier.verify(bytes, null, srs);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    var w = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("valid", r.valid());
      m.put("malformed", r.malformed());
      m.put("reason", r.reason());
      m.put("failing_slice", r.failingSlice());
      m.put("failing_link", r.failingLink());
      m.put("model_digest", r.modelDigest());
      m.put("slices", r.slices());
      m.put("checked_against", model != null ? "model" : trusted ? "trusted SRS" : "the bundle's own keys");
      m.put("outputs", ProveCommand.outputs(r.outputs()));
      m.put("seconds", seconds);
      w.println(Json.writePretty(m));
      w.flush();
      return r.valid() ? 0 : r.malformed() ? 3 : 4;
    }
    if (r.malformed()) {
      throw new BadInputException(bundle + ": " + r.reason());
    }
    if (!r.valid()) {
      throw new VerificationException(bundle + " does not verify: " + r.reason());
    }
    w.printf(java.util.Locale.ROOT, "verified: %d slice(s) and every link between them in %s%n", r.slices(),
        StageTable.seconds(seconds));
    w.println("model digest " + r.modelDigest() + (model != null ? " (recompiled from " + model + ")" : ""));
    ProveCommand.printOutputs(w, r.outputs());
    if (!trusted) {
      w.println("note: checked against the keys and SRS the bundle carries; compare the model digest with one you"
          + " trust, or pass --model and --srs");
    }
    w.flush();
    return 0;
  }

  /** The trusted SRS, sized as the bundle says (its size is checked against the trusted points anyway). */
  private Srs trustedSrs(byte[] bytes) {
    ProofBundle b;
    try {
      b = BundleCodec.decode(bytes);
    } catch (RuntimeException e) { // BundleFormatException included
      throw new BadInputException(bundle + ": not a kubz proof bundle (" + e.getMessage() + ")");
    }
    int log2 = 32 - Integer.numberOfLeadingZeros(Math.max(1, b.srs().size()) - 1);
    return srsOptions.require().apply(log2);
  }
}
