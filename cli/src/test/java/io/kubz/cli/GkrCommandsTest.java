package io.kubz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.cli.ProveVerifyTest.Result;
import io.kubz.field.Fixtures;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ModelDigest;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.proto.Onnx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubz prove|setup|verify --proof-system gkr}, in-process, on a small CNN with the development SRS. */
class GkrCommandsTest {
  @TempDir static Path dir;
  static Path model;
  static Path input;
  static Path bundle;
  static byte[] bytes;
  static Map<String, Object> proved;

  static Result kubz(String... args) {
    return ProveVerifyTest.kubz(args);
  }

  static Path write(String name, Onnx.ModelProto m) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, m.toByteArray());
    return p;
  }

  @BeforeAll
  static void proveOnce() throws IOException {
    model = write("cnn.onnx", ExampleModels.cnn(3));
    Tensor x = ExampleModels.input(4, 1, 1, 8, 8);
    input = dir.resolve("input.json");
    Files.writeString(input, Json.write(Map.of("input_data", List.of(java.util.Arrays.stream(x.data()).boxed().toList()))));
    bundle = dir.resolve("gkr.kubz");
    Result r = kubz("prove", model.toString(), "--input", input.toString(), "--dev-srs", "--proof-system", "gkr",
        "--json", "--out", bundle.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    proved = Json.asObject(Json.parse(r.out()), "prove");
    bytes = Files.readAllBytes(bundle);
  }

  static String digest() {
    return ModelDigest.hex(BundleCodec.decode(bytes).modelDigest());
  }

  @Test
  void jsonReportsTheGkrStagesAndTheOutputsArePlonkishs() throws IOException {
    assertEquals("gkr", proved.get("proof_system"));
    List<String> stages = Json.asArray(proved.get("stages"), "stages").stream()
        .map(s -> (String) Json.asObject(s, "stage").get("stage")).toList();
    assertTrue(stages.containsAll(List.of("witness", "commit", "towers", "layers", "opening")), stages.toString());
    Path plonkish = dir.resolve("plonkish.kubz");
    Result p = kubz("prove", model.toString(), "--input", input.toString(), "--dev-srs", "--json", "--out",
        plonkish.toString());
    assertEquals(0, p.code(), p.out() + p.err());
    Map<String, Object> pm = Json.asObject(Json.parse(p.out()), "prove");
    assertEquals("plonkish", pm.get("proof_system"));
    assertEquals(Json.write(pm.get("outputs")), Json.write(proved.get("outputs")), "same outputs on both back ends");

    Result human = kubz("prove", model.toString(), "--input", input.toString(), "--dev-srs", "--proof-system", "gkr",
        "--out", dir.resolve("again.kubz").toString());
    assertEquals(0, human.code(), human.err());
    for (String stage : List.of("witness", "commit", "towers", "layers", "opening")) {
      assertTrue(human.out().contains("\n" + stage + " "), "stage table row " + stage + ": " + human.out());
    }
  }

  @Test
  void verifiesUnderModelDigestAndKeysAnchors() throws IOException {
    Result m = kubz("verify", bundle.toString(), "--model", model.toString(), "--dev-srs");
    assertEquals(0, m.code(), m.out() + m.err());
    assertTrue(m.out().contains("verified (INSECURE)"), m.out());
    Result d = kubz("verify", bundle.toString(), "--digest", digest(), "--dev-srs", "--json");
    assertEquals(0, d.code(), d.out() + d.err());
    assertEquals(Boolean.TRUE, Json.asObject(Json.parse(d.out()), "v").get("valid"));

    Path keys = dir.resolve("keys");
    Result s = kubz("setup", model.toString(), "--input", input.toString(), "--proof-system", "gkr", "--dev-srs",
        "--out", keys.toString());
    assertEquals(0, s.code(), s.out() + s.err());
    assertTrue(s.out().contains("model digest " + digest()), "setup prints the bundle's digest: " + s.out());
    Result k = kubz("verify", bundle.toString(), "--keys", keys.toString(), "--dev-srs");
    assertEquals(0, k.code(), k.out() + k.err());
    Result noDev = kubz("verify", bundle.toString(), "--keys", keys.toString());
    assertEquals(4, noDev.code(), noDev.out() + noDev.err());
    assertTrue(noDev.err().contains("--dev-srs"), noDev.err());
  }

  /**
   * A gkr run with a strategy proves several slices linked by commitments; the plan is part of the
   * statement, so --model, --digest and a setup folder made with the same strategy all accept it,
   * and the one-slice setup's digest does not.
   */
  @Test
  void slicedGkrBundlesVerifyUnderEveryAnchor() throws IOException {
    Path sliced = dir.resolve("sliced.kubz");
    Result p = kubz("prove", model.toString(), "--input", input.toString(), "--dev-srs", "--proof-system", "gkr",
        "--max-layers", "1", "--json", "--out", sliced.toString());
    assertEquals(0, p.code(), p.out() + p.err());
    Map<String, Object> json = Json.asObject(Json.parse(p.out()), "prove");
    assertTrue(Json.asArray(json.get("slices"), "slices").size() >= 3, p.out());
    assertEquals(Json.write(proved.get("outputs")), Json.write(json.get("outputs")), "the one-slice run's outputs");
    Result m = kubz("verify", sliced.toString(), "--model", model.toString(), "--dev-srs");
    assertEquals(0, m.code(), m.out() + m.err());
    String d = ModelDigest.hex(BundleCodec.decode(Files.readAllBytes(sliced)).modelDigest());
    assertNotEquals(digest(), d, "the plan is part of the statement");
    assertEquals(0, kubz("verify", sliced.toString(), "--digest", d, "--dev-srs").code());
    Path keys = dir.resolve("sliced-keys");
    Result s = kubz("setup", model.toString(), "--input", input.toString(), "--proof-system", "gkr", "--dev-srs",
        "--max-layers", "1", "--out", keys.toString());
    assertEquals(0, s.code(), s.out() + s.err());
    assertEquals(0, kubz("verify", sliced.toString(), "--keys", keys.toString(), "--dev-srs").code());
    // the saved plan of that setup proves the same statement
    Path again = dir.resolve("sliced-again.kubz");
    assertEquals(0, kubz("prove", model.toString(), "--input", input.toString(), "--dev-srs", "--proof-system", "gkr",
        "--plan", keys.resolve("plan.json").toString(), "--out", again.toString()).code());
    assertEquals(d, ModelDigest.hex(BundleCodec.decode(Files.readAllBytes(again)).modelDigest()));
    assertEquals(4, kubz("verify", sliced.toString(), "--digest", digest(), "--dev-srs").code());
  }

  /**
   * With a ceremony file: a gkr setup folder alone is the anchor (its manifest holds the points the
   * verifier reads), and a plonkish folder's manifest is not enough for a gkr bundle.
   */
  @Test
  void aCeremonyBundleVerifiesWithTheGkrKeyFolderAlone() throws IOException {
    java.util.Optional<Path> ptau = Fixtures.resolve("ptau/pot10_final.ptau");
    org.junit.jupiter.api.Assumptions.assumeTrue(ptau.isPresent(),
        "skipped: no ptau/pot10_final.ptau fixture (set KUBZ_FIXTURES)");
    Path mlp = write("small.onnx", ExampleModels.mlp(11, 4, 3, 2));
    Path in = dir.resolve("small.json");
    Tensor x = ExampleModels.input(11, 1, 4);
    Files.writeString(in, Json.write(Map.of("input_data", List.of(java.util.Arrays.stream(x.data()).boxed().toList()))));
    Path b = dir.resolve("ceremony.kubz");
    String srs = ptau.get().toString();
    // fixed 2^8 settings: the default search raises this MLP's scale for its small outputs, and its
    // witness past the 2^10 powers of the ceremony fixture
    Path settings = dir.resolve("balanced.json");
    Result c = kubz("calibrate", mlp.toString(), "--input", in.toString(), "--target", "balanced", "--out",
        settings.toString());
    assertEquals(0, c.code(), c.out() + c.err());
    Result p = kubz("prove", mlp.toString(), "--input", in.toString(), "--srs", srs, "--proof-system", "gkr",
        "--settings", settings.toString(), "--out", b.toString());
    assertEquals(0, p.code(), p.out() + p.err());
    Path keys = dir.resolve("ceremony-keys");
    Result s = kubz("setup", mlp.toString(), "--settings", settings.toString(), "--srs", srs, "--proof-system", "gkr",
        "--out", keys.toString());
    assertEquals(0, s.code(), s.out() + s.err());
    Result k = kubz("verify", b.toString(), "--keys", keys.toString());
    assertEquals(0, k.code(), k.out() + k.err());
    assertFalse(k.out().contains("INSECURE"), k.out());
    Result d = kubz("verify", b.toString(), "--digest", ModelDigest.hex(BundleCodec.decode(Files.readAllBytes(b))
        .modelDigest()), "--srs", srs);
    assertEquals(0, d.code(), d.out() + d.err());

    Path plonkishKeys = dir.resolve("plonkish-keys");
    assertEquals(0, kubz("setup", mlp.toString(), "--settings", settings.toString(), "--srs", srs, "--out",
        plonkishKeys.toString()).code());
    Result wrong = kubz("verify", b.toString(), "--keys", plonkishKeys.toString());
    assertEquals(4, wrong.code(), wrong.out() + wrong.err());
  }

  @Test
  void tamperedBundlesAndOtherModelsAreRejectedWithoutAStackTrace() throws IOException {
    SplittableRandom rnd = new SplittableRandom(7);
    Path tampered = dir.resolve("tampered.kubz");
    int step = Math.max(1, bytes.length / 25);
    for (int pos = 0; pos < bytes.length; pos += step) {
      byte[] b = bytes.clone();
      b[pos] ^= (byte) (1 + rnd.nextInt(255));
      Files.write(tampered, b);
      Result r = kubz("verify", tampered.toString(), "--digest", digest(), "--dev-srs");
      assertNotEquals(0, r.code(), "byte " + pos + " changed and still verified");
      assertTrue(r.code() == 3 || r.code() == 4, "byte " + pos + ": exit " + r.code() + " " + r.err());
      assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    }
    Path other = write("other.onnx", ExampleModels.cnn(4));
    Path otherBundle = dir.resolve("other.kubz");
    assertEquals(0, kubz("prove", other.toString(), "--input", input.toString(), "--dev-srs", "--proof-system", "gkr",
        "--out", otherBundle.toString()).code());
    String otherDigest = ModelDigest.hex(BundleCodec.decode(Files.readAllBytes(otherBundle)).modelDigest());
    Result wrong = kubz("verify", bundle.toString(), "--digest", otherDigest, "--dev-srs");
    assertEquals(4, wrong.code(), wrong.out() + wrong.err());
    assertTrue(wrong.err().contains("different model"), wrong.err());
    Result wrongModel = kubz("verify", bundle.toString(), "--model", other.toString(), "--dev-srs");
    assertEquals(4, wrongModel.code(), wrongModel.out() + wrongModel.err());
  }

  @Test
  void whatGkrCannotDoIsOneLineWithItsExitCode() throws IOException {
    String out = dir.resolve("x.kubz").toString();
    Result hidden = kubz("prove", model.toString(), "--input", input.toString(), "--dev-srs", "--proof-system", "gkr",
        "--visibility", "input=private", "--out", out);
    assertEquals(3, hidden.code(), hidden.err());
    assertTrue(hidden.err().contains("zero-knowledge sumcheck") && hidden.err().contains("--proof-system plonkish"),
        hidden.err());
    assertEquals(1, hidden.err().strip().lines().count(), hidden.err());

    // a PRelu slope above 1 is no maximum: the GKR lowering refuses it (a Softmax, once the example, lowers now)
    io.kubz.slicer.onnx.OnnxWriter sw = io.kubz.slicer.onnx.OnnxWriter.create("steep", 13);
    sw.input("x", 1, 4);
    sw.output(sw.node("PRelu", List.of("x", sw.initializer("s", Tensor.of(new int[] {4}, 1.5, 0.5, 1.5, 0.5)))));
    Path smooth = write("steep.onnx", sw.build());
    Path in4 = dir.resolve("in4.json");
    Files.writeString(in4, Json.write(Map.of("input_data", List.of(List.of(0.1, -0.2, 0.3, 0.4)))));
    Result refused = kubz("prove", smooth.toString(), "--input", in4.toString(), "--dev-srs", "--proof-system", "gkr",
        "--out", out);
    assertEquals(3, refused.code(), refused.out() + refused.err());
    assertTrue(refused.err().contains("--proof-system plonkish"), refused.err());
    assertEquals(1, refused.err().strip().lines().count(), refused.err());

    assertEquals(2, kubz("prove", model.toString(), "--input", input.toString(), "--dev-srs", "--proof-system", "stark",
        "--out", out).code());
    assertTrue(kubz("prove", "--help").out().contains("--proof-system"));
    assertTrue(kubz("verify", "--help").out().contains("--proof-system"));
  }
}
