package io.kubz.cli;

import io.kubz.field.BadInputException;
import io.kubz.field.UsageException;
import io.kubz.field.VerificationException;
import io.kubz.poly.srs.Srs;
import io.kubz.slicer.api.BundleVerifier;
import io.kubz.slicer.api.TrustedSettings;
import io.kubz.slicer.api.VerificationResult;
import io.kubz.slicer.bundle.ModelDigest;
import io.kubz.slicer.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubz verify}: check a bundle against a trust anchor the verifier supplies. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Checks a proof bundle: every slice proof, every commitment linking two",
      "slices, and the declared public inputs and outputs; prints the outputs and",
      "the settings it checked. Exit 0 when valid, 4 when a proof, link or anchor",
      "fails (naming it), 3 when the file is not a bundle, 2 without an anchor.", "",
      "Trust model: a bundle carries its own verifying keys and SRS points, so",
      "anyone can make one that checks out for any output: alone it proves nothing.",
      "'verified' means:",
      "  --model M   it proves model M, quantized with settings you trust",
      "              (--settings FILE, or those kubz prove derives), under your SRS",
      "  --digest D  it proves the model whose digest D you trust (kubz setup",
      "              prints it), under your SRS (--srs)",
      "  --keys DIR  the same, with D and the SRS points from a setup folder",
      "The SRS always comes from you (--srs, --keys), never from the bundle. A",
      "bundle made with the development SRS (τ known: forgeable) verifies only",
      "with --dev-srs, and is then reported INSECURE.", "",
      "A bundle names each slice's proof system (kubz prove --proof-system",
      "plonkish|gkr|mixed); the anchors are the same for all (--keys takes the folder",
      "of a kubz setup --proof-system gkr or mixed, which also holds the SRS points a",
      "gkr verifier reads). In a mixed bundle each cut between a plonkish and a GKR",
      "slice is checked by its bridge: the point r is recomputed from both",
      "commitments, and both proofs must agree on the tensor's value y there.", "",
      "Examples:",
      "  kubz verify proof.kubz --model network.onnx --srs pot20.ptau --json",
      "  kubz verify proof.kubz --digest 3f2a…c1 --srs pot20.ptau",
      "  kubz verify proof.kubz --keys keys/",
      "  kubz verify --chain a.kubz b.kubz --digest D_A --digest D_B --srs pot20.ptau",
      "  kubz verify --chain --manifest chain/chain.json --srs pot20.ptau"})
final class VerifyCommand implements Callable<Integer> {
  static final String NO_ANCHOR = "verify needs a trust anchor: a bundle carries its own keys and SRS points, so on its"
      + " own it proves nothing. Pass --model MODEL.onnx (recompile the model and compare; with --srs FILE.ptau),"
      + " --digest HEX (a model digest you trust, as kubz setup prints it; with --srs FILE.ptau) or --keys DIR (a"
      + " folder from kubz setup). Add --dev-srs instead of --srs for a bundle made with the development SRS";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "BUNDLE", description = "The proof bundle (with --chain: the bundles, in order).")
  java.util.List<Path> bundles = new java.util.ArrayList<>();

  @Option(names = "--model", paramLabel = "MODEL",
      description = "Anchor: recompile this ONNX model and compare (with --chain: one per bundle, in order).")
  java.util.List<Path> models = new java.util.ArrayList<>();

  @Option(names = "--chain", description = "Verify a chain of bundles: each one, and that each model's input is the"
      + " output the previous proof committed to.")
  boolean chain;

  @Option(names = "--manifest", paramLabel = "FILE", description = "With --chain: the chain.json of kubz chain (its"
      + " bundles and the model digests you trust for them).")
  Path manifest;

  @Option(names = "--published-secrets", paramLabel = "FILE", description = "With --chain: secrets a bundle's owner"
      + " published for a link between a public and a hashed tensor (repeatable).")
  java.util.List<Path> published = new java.util.ArrayList<>();

  Path bundle;

  Path model;

  @Option(names = "--settings", paramLabel = "FILE",
      description = "With --model: the settings you trust (default: derived as kubz prove derives them).")
  Path settings;

  @Option(names = "--input-range", paramLabel = "LO,HI",
      description = "With --model: the declared range of a private or hashed input (default: -1,1).")
  String inputRange;

  @Option(names = "--digest", paramLabel = "HEX",
      description = "Anchor: a model digest you trust (from kubz setup; with --chain: one per bundle, in order).")
  java.util.List<String> digests = new java.util.ArrayList<>();

  String digest;

  @Option(names = "--keys", paramLabel = "KEYDIR",
      description = "Anchor: a folder from kubz setup (its digest and SRS points); with --model, also the key cache.")
  Path keys;

  @Mixin SrsOptions srsOptions;

  @Option(names = "--json", description = "Print one JSON object with the verdict.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (chain) {
      return new ChainVerify(this).run();
    }
    if (manifest != null || !published.isEmpty()) {
      throw new UsageException("--manifest and --published-secrets go with --chain");
    }
    if (bundles.size() != 1 || models.size() > 1 || digests.size() > 1) {
      throw new UsageException("one bundle, one --model or one --digest: to verify several bundles as a chain, add"
          + " --chain");
    }
    bundle = bundles.get(0);
    model = models.isEmpty() ? null : models.get(0);
    digest = digests.isEmpty() ? null : digests.get(0);
    boolean manifest = keys != null && KeysManifest.exists(keys);
    if (model == null && digest == null && keys == null) {
      throw new UsageException(NO_ANCHOR);
    }
    if (model == null && (settings != null || inputRange != null)) {
      throw new UsageException("--settings and --input-range go with --model (they say which settings to expect)");
    }
    if (keys != null && model == null && !manifest) {
      throw new BadInputException(keys + " has no " + KeysManifest.FILE + ": it is not a folder from kubz setup; run"
          + " kubz setup MODEL --out " + keys + " (or pass --model or --digest)");
    }
    if (!Files.isRegularFile(bundle)) {
      throw new BadInputException(bundle + ": no such bundle file");
    }
    KeysManifest km = manifest ? KeysManifest.read(keys) : null;
    byte[] trustedDigest = trustedDigest(km);
    byte[] bytes = Files.readAllBytes(bundle);
    long t0 = System.nanoTime();
    VerificationResult r;
    String anchor;
    if (model != null) {
      TrustedSettings ts = settings != null ? TrustedSettings.given(Models.settings(settings))
          : TrustedSettings.derived(Models.inputRange(inputRange));
      r = BundleVerifier.verifyForModel(bytes, Models.load(model), ts, srsOptions.require(), srsOptions.dev, keys);
      anchor = "model " + model + " (recompiled; settings " + (settings != null ? "from " + settings
          : "derived as kubz prove derives them") + ")";
      if (r.valid() && trustedDigest != null && !r.modelDigest().equals(ModelDigest.hex(trustedDigest))) {
        r = new VerificationResult(false, false, "the model compiles to digest " + r.modelDigest()
            + ", not the trusted " + ModelDigest.hex(trustedDigest), -1, null, r.modelDigest(), 0, null, r.insecureSrs(), r.settings(),
            r.inputVisibility(), r.outputVisibility(), r.inputs());
      }
    } else {
      Srs srs = srsOptions.given() || km == null ? srsOptions.trustedPoints() : km.srs();
      r = BundleVerifier.verify(bytes, trustedDigest, srs, gkrSrs(srsOptions, km), srsOptions.dev);
      anchor = digest != null ? "model digest given with --digest" : "model digest and SRS points of " + keys;
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return report(r, anchor, model != null ? "model" : digest != null ? "digest" : "keys", seconds);
  }

  /**
   * The SRS by log2 size for a GKR proof (HyperKZG reads [τ]_1, [τ²]_1 and needs the witness's
   * size): four powers of the given --srs or --dev-srs, else the points of a gkr setup folder,
   * padded; without either (--keys alone) loading fails with what to pass,
   * which the verifier reports.
   */
  static java.util.function.IntFunction<Srs> gkrSrs(SrsOptions srsOptions, KeysManifest km) {
    if (srsOptions.given()) {
      java.util.function.IntFunction<Srs> load = srsOptions.require();
      return log2 -> io.kubz.slicer.backend.GkrProofSystem.verifierSrs(load.apply(2), log2);
    }
    java.util.Optional<Srs> points = km == null ? java.util.Optional.empty() : km.gkrSrs();
    return log2 -> io.kubz.slicer.backend.GkrProofSystem.verifierSrs(points.orElseThrow(() -> new BadInputException(
        "a gkr bundle is checked with the SRS's first G1 powers, which this key folder (a plonkish setup) does not"
        + " hold: add --srs FILE.ptau (or --dev-srs), or run kubz setup --proof-system gkr")), log2);
  }

  /** --digest, else the manifest's; both must agree. */
  private byte[] trustedDigest(KeysManifest km) {
    byte[] d = null;
    if (digest != null) {
      d = parseDigest(digest, "--digest");
    }
    if (km != null) {
      if (d != null && !java.util.Arrays.equals(d, km.modelDigest())) {
        throw new UsageException("--digest " + digest + " is not the digest in " + keys.resolve(KeysManifest.FILE)
            + " (" + ModelDigest.hex(km.modelDigest()) + "): which one do you trust?");
      }
      d = km.modelDigest();
    }
    return d;
  }

  /** A model digest given as 64 hex digits; anything else is a usage error naming {@code option}. */
  static byte[] parseDigest(String hex, String option) {
    byte[] d;
    try {
      d = HexFormat.of().parseHex(hex.trim().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      d = new byte[0];
    }
    if (d.length != 32) {
      throw new UsageException(option + " takes the 64 hex digits of a model digest (kubz setup prints it); got '"
          + hex + "'");
    }
    return d;
  }

  private int report(VerificationResult r, String anchor, String anchorKind, double seconds) {
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
      m.put("trust_anchor", anchorKind);
      m.put("checked_against", anchor);
      m.put("insecure_srs", r.insecureSrs());
      m.put("input_visibility", r.inputVisibility());
      m.put("output_visibility", r.outputVisibility());
      m.put("settings", r.settings() == null ? null : SettingsReport.json(r.settings()));
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
    w.printf(Locale.ROOT, "verified%s: %d slice(s) and every link between them in %s%n",
        r.insecureSrs() ? " (INSECURE)" : "", r.slices(), StageTable.seconds(seconds));
    w.println("trust anchor: " + anchor);
    w.println("model digest " + r.modelDigest());
    if (r.insecureSrs()) {
      w.println("INSECURE: made with the development SRS, whose τ is known: anyone can forge such a proof, so it"
          + " proves nothing. Use a ceremony .ptau file (--srs) for real proofs.");
    }
    if (r.settings() != null) {
      w.println(SettingsReport.text(r.settings()));
    }
    w.println("visibility: input " + r.inputVisibility().toLowerCase(Locale.ROOT) + ", output "
        + r.outputVisibility().toLowerCase(Locale.ROOT));
    ProveCommand.printOutputs(w, r.outputs());
    w.flush();
    return 0;
  }
}
