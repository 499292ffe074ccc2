package io.kubz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubz.field.Fixtures;
import io.kubz.slicer.json.Json;
import io.kubz.poly.srs.Srs;
import io.kubz.slicer.api.ModelProver;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ModelDigest;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16 finding 3 and 4(c): {@code kubz verify BUNDLE} alone trusted the keys and τ the bundle
 * carries (a bundle of another model with its own τ read "verified"), and the trusted SRS was sized
 * from the bundle's claim. Now a trust anchor is required, the SRS points come from the verifier,
 * a development SRS needs --dev-srs and is reported INSECURE, and nothing is sized from the bundle.
 */
class VerifyTrustAnchorTest {
  @TempDir static Path dir;
  static Path model;
  static Path input;
  static Path bundle;
  static Path keys;
  static String digest;
  static ProveVerifyTest.Result setup;

  static ProveVerifyTest.Result kubz(String... args) {
    return ProveVerifyTest.kubz(args);
  }

  @BeforeAll
  static void setUpAndProve() throws IOException {
    model = dir.resolve("mlp.onnx");
    Files.write(model, ExampleModels.mlp(71, 5, 6, 3).toByteArray());
    Tensor x = ExampleModels.input(72, 1, 5);
    input = dir.resolve("input.json");
    Files.writeString(input, Json.write(Map.of("input_data", List.of(java.util.Arrays.stream(x.data()).boxed().toList()))));
    keys = dir.resolve("keys");
    setup = kubz("setup", model.toString(), "--visibility", "input=private", "--dev-srs", "--out", keys.toString());
    assertEquals(0, setup.code(), setup.out() + setup.err());
    bundle = dir.resolve("proof.kubz");
    ProveVerifyTest.Result p = kubz("prove", model.toString(), "--input", input.toString(), "--visibility",
        "input=private", "--dev-srs", "--keys", keys.toString(), "--settings", keys.resolve("settings.json").toString(),
        "--plan", keys.resolve("plan.json").toString(), "--out", bundle.toString());
    assertEquals(0, p.code(), p.out() + p.err());
    digest = ModelDigest.hex(BundleCodec.decode(Files.readAllBytes(bundle)).modelDigest());
  }

  @Test
  void setupPrintsTheDigestThatProvingGivesAndWritesItToTheKeyFolder() throws IOException {
    assertTrue(setup.out().contains("model digest " + digest), setup.out());
    assertTrue(Files.readString(keys.resolve(KeysManifest.FILE)).contains(digest));
  }

  @Test
  void theBundleAloneIsNotEnough() {
    ProveVerifyTest.Result r = kubz("verify", bundle.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("--model") && r.err().contains("--digest") && r.err().contains("--keys"), r.err());
    ProveVerifyTest.Result help = kubz("verify", "--help");
    assertTrue(help.out().contains("Trust model") && help.out().contains("--digest D")
        && help.out().contains("INSECURE"), help.out());
    ProveVerifyTest.Result noSrs = kubz("verify", bundle.toString(), "--digest", digest);
    assertEquals(2, noSrs.code(), "the SRS comes from the verifier: " + noSrs.err());
  }

  @Test
  void eachAnchorVerifiesAndADevSrsIsReportedInsecure() {
    for (List<String> anchor : List.of(List.of("--digest", digest), List.of("--keys", keys.toString()),
        List.of("--model", model.toString()))) {
      List<String> args = new java.util.ArrayList<>(List.of("verify", bundle.toString(), "--dev-srs"));
      args.addAll(anchor);
      ProveVerifyTest.Result text = kubz(args.toArray(String[]::new));
      assertEquals(0, text.code(), anchor + ": " + text.out() + text.err());
      assertTrue(text.out().contains("INSECURE"), text.out());
      assertTrue(text.out().contains("settings: activations at scale 2^8"), text.out());
      args.add("--json");
      Map<String, Object> m = Json.asObject(Json.parse(kubz(args.toArray(String[]::new)).out()), "verify --json");
      assertEquals(Boolean.TRUE, m.get("valid"), anchor.toString());
      assertEquals(Boolean.TRUE, m.get("insecure_srs"), anchor.toString());
      assertEquals("PRIVATE", m.get("input_visibility"));
      assertFalse(Json.asArray(Json.asObject(m.get("settings"), "settings").get("tables"), "tables").isEmpty());
    }
  }

  @Test
  void aDevSrsBundleIsRejectedWithoutDevSrs() {
    ProveVerifyTest.Result r = kubz("verify", bundle.toString(), "--keys", keys.toString());
    assertEquals(4, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("--dev-srs"), r.err());
    java.util.Optional<Path> ptau = Fixtures.resolve("ptau/pot10_final.ptau");
    assumeTrue(ptau.isPresent(), "skipped: no ptau/pot10_final.ptau fixture (set KUBZ_FIXTURES)");
    ProveVerifyTest.Result ceremony = kubz("verify", bundle.toString(), "--digest", digest, "--srs", ptau.get().toString());
    assertEquals(4, ceremony.code(), ceremony.out() + ceremony.err());
  }

  @Test
  void aBundleOfAnotherModelWithItsOwnTauIsRejected() throws IOException {
    Graph other = OnnxImporter.convert(ExampleModels.mlp(99, 5, 6, 3), null, Map.of());
    assertEquals("mlp", other.name(), "same name");
    Tensor x = ExampleModels.input(72, 1, 5);
    ModelProver.Result forged = ModelProver.prove(other, List.of(x), ModelProver.Options.of(Srs.dev(12, 12345))
        .withVisibility(io.kubz.slicer.lower.Visibility.PUBLIC));
    Path f = dir.resolve("forged.kubz");
    Files.write(f, forged.bundle());
    for (List<String> anchor : List.of(List.of("--digest", digest), List.of("--keys", keys.toString()),
        List.of("--model", model.toString()))) {
      List<String> args = new java.util.ArrayList<>(List.of("verify", f.toString(), "--dev-srs"));
      args.addAll(anchor);
      ProveVerifyTest.Result r = kubz(args.toArray(String[]::new));
      assertEquals(4, r.code(), anchor + " accepted another model's bundle: " + r.out());
    }
  }

  @Test
  void theTrustedSrsIsNeverSizedFromTheBundle() throws IOException {
    ProofBundle b = BundleCodec.decode(Files.readAllBytes(bundle));
    ProofBundle.SrsInfo huge = new ProofBundle.SrsInfo(b.srs().g2(), b.srs().tauG2(), "", 1 << 26, b.srs().insecure());
    ProofBundle claimed = new ProofBundle(new byte[0], b.modelName(), b.planJson(), b.quantJson(), b.inputVisibility(),
        b.outputVisibility(), huge, b.slices(), b.inputs(), b.outputs());
    byte[] d = ModelDigest.of(claimed);
    Path f = dir.resolve("huge.kubz");
    Files.write(f, BundleCodec.encode(new ProofBundle(d, b.modelName(), b.planJson(), b.quantJson(),
        b.inputVisibility(), b.outputVisibility(), huge, b.slices(), b.inputs(), b.outputs())));
    ProveVerifyTest.Result r = kubz("verify", f.toString(), "--digest", ModelDigest.hex(d), "--dev-srs");
    assertEquals(0, r.code(), "the size field is informational; the proofs are the same: " + r.err());
    ProveVerifyTest.Result m = kubz("verify", f.toString(), "--model", model.toString(), "--dev-srs");
    assertEquals(4, m.code(), "a statement the model does not compile to: " + m.err());
  }
}
