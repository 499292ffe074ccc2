package io.kubz.cli;

import io.kubz.field.BadInputException;
import io.kubz.field.UsageException;
import io.kubz.field.VerificationException;
import io.kubz.slicer.json.Json;
import io.kubz.poly.srs.Srs;
import io.kubz.slicer.api.BundleVerifier;
import io.kubz.slicer.api.TrustedSettings;
import io.kubz.slicer.api.VerificationResult;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ModelDigest;
import io.kubz.slicer.chain.ChainResult;
import io.kubz.slicer.chain.ChainVerifier;
import io.kubz.slicer.chain.Secrets;
import io.kubz.slicer.ir.Graph;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code kubz verify --chain}: every bundle of a chain under its own anchor (a model, a digest, or
 * the digest a manifest lists for it), then every link ({@link ChainVerifier}).
 */
final class ChainVerify {
  private final VerifyCommand c;

  ChainVerify(VerifyCommand c) {
    this.c = c;
  }

  int run() throws IOException {
    if (c.keys != null || c.settings != null || c.inputRange != null) {
      throw new UsageException("--chain takes one anchor per bundle: --model (repeated), --digest (repeated) or"
          + " --manifest; --keys, --settings and --input-range are for one bundle");
    }
    List<Path> paths = new ArrayList<>();
    List<byte[]> digests = new ArrayList<>();
    if (c.manifest != null) {
      if (!c.bundles.isEmpty() || !c.models.isEmpty() || !c.digests.isEmpty()) {
        throw new UsageException("--manifest lists the bundles and their digests: pass no bundle, --model or --digest");
      }
      readManifest(c.manifest, paths, digests);
    } else {
      paths.addAll(c.bundles);
      int anchors = c.models.isEmpty() ? c.digests.size() : c.models.size();
      if (paths.size() < 2 || !c.models.isEmpty() && !c.digests.isEmpty() || anchors != paths.size()) {
        throw new UsageException("--chain verifies two or more bundles, each under its own anchor: " + paths.size()
            + " bundle(s) need as many --model (or as many --digest) in the same order, or pass --manifest FILE");
      }
      for (String d : c.digests) {
        digests.add(VerifyCommand.parseDigest(d, "--digest"));
      }
    }
    Srs points = c.models.isEmpty() ? c.srsOptions.trustedPoints() : null;
    Map<String, Secrets> published = new HashMap<>();
    for (Path p : c.published) {
      Secrets s = Secrets.fromJson(Models.read(p, "published secrets"), p.toString());
      published.put(s.modelDigest(), s);
    }
    List<ChainVerifier.Link> links = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      Path p = paths.get(i);
      if (!Files.isRegularFile(p)) {
        throw new BadInputException(p + ": no such bundle file");
      }
      byte[] bytes = Files.readAllBytes(p);
      Function<byte[], VerificationResult> verifier;
      if (!c.models.isEmpty()) {
        Graph g = Models.load(c.models.get(i));
        verifier = b -> BundleVerifier.verifyForModel(b, g, TrustedSettings.derived(Models.inputRange(null)),
            c.srsOptions.require(), c.srsOptions.dev, null);
      } else {
        byte[] d = digests.get(i);
        verifier = b -> BundleVerifier.verify(b, d, points, VerifyCommand.gkrSrs(c.srsOptions, null), c.srsOptions.dev);
      }
      links.add(new ChainVerifier.Link(p.getFileName().toString(), bytes, verifier, published.get(digestOf(bytes))));
    }
    long t0 = System.nanoTime();
    ChainResult r = ChainVerifier.verify(links);
    double seconds = (System.nanoTime() - t0) / 1e9;
    return report(r, paths, seconds);
  }

  private int report(ChainResult r, List<Path> paths, double seconds) {
    PrintWriter w = c.spec.commandLine().getOut();
    boolean insecure = r.bundles().stream().anyMatch(v -> v != null && v.insecureSrs());
    if (c.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("valid", r.valid());
      m.put("malformed", r.malformed());
      m.put("reason", r.reason());
      m.put("failing_bundle", r.failingBundle() < 0 ? null : paths.get(r.failingBundle()).toString());
      m.put("failing_link", r.failingLink() < 0 ? null : paths.get(r.failingLink()) + " -> "
          + paths.get(r.failingLink() + 1));
      List<Object> bs = new ArrayList<>();
      for (int i = 0; i < r.bundles().size(); i++) {
        VerificationResult v = r.bundles().get(i);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("bundle", paths.get(i).toString());
        e.put("valid", v != null && v.valid());
        e.put("model_digest", v == null ? null : v.modelDigest());
        e.put("insecure_srs", v != null && v.insecureSrs());
        bs.add(e);
      }
      m.put("bundles", bs);
      m.put("insecure_srs", insecure);
      m.put("input", ProveCommand.outputs(r.input()));
      m.put("output", ProveCommand.outputs(r.output()));
      m.put("seconds", seconds);
      m.put("link_seconds", r.linkNanos() / 1e9);
      w.println(Json.writePretty(m));
      w.flush();
      return r.valid() ? 0 : r.malformed() ? 3 : 4;
    }
    if (r.malformed()) {
      throw new BadInputException(r.reason());
    }
    if (!r.valid()) {
      throw new VerificationException("the chain does not verify: " + r.reason());
    }
    w.printf(Locale.ROOT, "verified%s: a chain of %d bundles and the %d links between them in %s%n",
        insecure ? " (INSECURE)" : "", paths.size(), paths.size() - 1, StageTable.seconds(seconds));
    for (int i = 0; i < paths.size(); i++) {
      w.printf(Locale.ROOT, "  %d. %-28s model digest %s%n", i + 1, paths.get(i), r.bundles().get(i).modelDigest());
    }
    if (insecure) {
      w.println("INSECURE: made with the development SRS, whose τ is known: anyone can forge such proofs.");
    }
    w.println("chain input:");
    ProveCommand.printOutputs(w, r.input());
    w.println("chain output:");
    ProveCommand.printOutputs(w, r.output());
    w.flush();
    return 0;
  }

  /** The bundles of a {@code kubz chain} manifest (paths relative to it) and the digests it lists. */
  static void readManifest(Path file, List<Path> paths, List<byte[]> digests) {
    Map<String, Object> m = Json.asObject(Json.parse(Models.read(file, "chain manifest")), file.toString());
    if (!ChainCommand.FORMAT.equals(Json.get(m, "format"))) {
      throw new BadInputException(file + " is not a kubz chain manifest (no \"format\": \"" + ChainCommand.FORMAT
          + "\")");
    }
    Path dir = file.toAbsolutePath().getParent();
    for (Object o : Json.asArray(Json.get(m, "bundles"), file + " bundles")) {
      Map<String, Object> e = Json.asObject(o, file + " bundle entry");
      paths.add(dir.resolve(Json.asString(Json.get(e, "bundle"), file + " bundle")));
      String d = Json.asString(Json.get(e, "model_digest"), file + " model_digest");
      digests.add(VerifyCommand.parseDigest(d, file.toString()));
    }
    if (paths.size() < 2) {
      throw new BadInputException(file + " lists " + paths.size() + " bundle(s): a chain has two or more");
    }
  }

  private static String digestOf(byte[] bundle) {
    try {
      return ModelDigest.hex(BundleCodec.decode(bundle).modelDigest());
    } catch (RuntimeException e) {
      return "";
    }
  }
}
