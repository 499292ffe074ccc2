package io.kubz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.onnx.ExampleModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prove then verify, in-process, on a small generated MLP with the development SRS. */
class ProveVerifyTest {
  @TempDir static Path dir;
  static Path model;
  static Path input;
  static Path bundle;
  static byte[] bytes;

  record Result(int code, String out, String err) {}

  static Result kubz(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Kubz.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void proveOnce() throws IOException {
    model = dir.resolve("mlp.onnx");
    Files.write(model, ExampleModels.mlp(11, 6, 8, 4).toByteArray());
    Tensor x = ExampleModels.input(11, 1, 6);
    input = dir.resolve("input.json");
    Files.writeString(input, Json.write(Map.of("input_data", List.of(java.util.Arrays.stream(x.data()).boxed().toList()))));
    bundle = dir.resolve("out/proof.kubz");
    Result r = kubz("prove", model.toString(), "--input", input.toString(), "--dev-srs", "--keys",
        dir.resolve("keys").toString(), "--out", bundle.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("proved"), r.out());
    assertTrue(r.out().contains("prove"), "stage table: " + r.out());
    bytes = Files.readAllBytes(bundle);
  }

  /** The digest of the honest bundle, as the model owner would publish it. */
  static String digest() {
    return io.kubz.slicer.bundle.ModelDigest.hex(io.kubz.slicer.bundle.BundleCodec.decode(bytes).modelDigest());
  }

  @Test
  void theBundleVerifiesAgainstTheModelAndAgainstItsDigest() {
    Result withDigest = kubz("verify", bundle.toString(), "--digest", digest(), "--dev-srs");
    assertEquals(0, withDigest.code(), withDigest.err());
    assertTrue(withDigest.out().contains("verified (INSECURE)"), withDigest.out());
    assertTrue(withDigest.out().contains("output"), withDigest.out());
    Result withModel = kubz("verify", bundle.toString(), "--model", model.toString(), "--dev-srs", "--json");
    assertEquals(0, withModel.code(), withModel.out() + withModel.err());
    Map<String, Object> m = Json.asObject(Json.parse(withModel.out()), "v");
    assertEquals(Boolean.TRUE, m.get("valid"));
    assertEquals(Boolean.TRUE, m.get("insecure_srs"));
    assertEquals("model", m.get("trust_anchor"));
  }

  @Test
  void aBundleForAnotherModelFailsTheModelCheck() throws IOException {
    Path other = dir.resolve("other.onnx");
    Files.write(other, ExampleModels.mlp(12, 6, 8, 4).toByteArray());
    Result r = kubz("verify", bundle.toString(), "--model", other.toString(), "--dev-srs");
    assertEquals(4, r.code(), r.out() + r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void everySampledOneByteChangeIsRejected() throws IOException {
    SplittableRandom rnd = new SplittableRandom(5);
    Path tampered = dir.resolve("tampered.kubz");
    int step = Math.max(1, bytes.length / 150);
    for (int pos = 0; pos < bytes.length; pos += step) {
      byte[] b = bytes.clone();
      b[pos] ^= (byte) (1 + rnd.nextInt(255));
      Files.write(tampered, b);
      Result r = kubz("verify", tampered.toString(), "--digest", digest(), "--dev-srs");
      assertNotEquals(0, r.code(), "byte " + pos + " changed and still verified");
      assertTrue(r.code() == 3 || r.code() == 4, "byte " + pos + ": exit " + r.code() + " " + r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
  }

  @Test
  void badInputsHaveTheirExitCodesAndNoStackTraces() throws IOException {
    String out = dir.resolve("x.kubz").toString();
    Result noSrs = kubz("prove", model.toString(), "--input", input.toString(), "--out", out);
    assertEquals(2, noSrs.code());
    assertTrue(noSrs.err().contains("powers-of-tau"), noSrs.err());
    Result backend = kubz("prove", model.toString(), "--input", input.toString(), "--dev-srs", "--backend", "gpu",
        "--out", out);
    assertEquals(2, backend.code());
    assertTrue(backend.err().contains("native-java"), backend.err());
    Result missingSrs = kubz("prove", model.toString(), "--input", input.toString(), "--srs",
        dir.resolve("none.ptau").toString(), "--out", out);
    assertEquals(3, missingSrs.code());
    Path wrongShape = dir.resolve("wrong.json");
    Files.writeString(wrongShape, "[1, 2]");
    assertEquals(3, kubz("prove", model.toString(), "--input", wrongShape.toString(), "--dev-srs", "--out", out).code());
    Path garbage = dir.resolve("garbage.kubz");
    Files.write(garbage, new byte[] {9, 9, 9});
    assertEquals(3, kubz("verify", garbage.toString(), "--digest", digest(), "--dev-srs").code());
    assertEquals(3, kubz("verify", dir.resolve("absent.kubz").toString(), "--digest", digest(), "--dev-srs").code());
    assertEquals(2, kubz("prove", model.toString(), "--input", input.toString(), "--dev-srs", "--visibility", "input=secret",
        "--out", out).code());
    assertEquals(2, kubz("prove", model.toString(), "--input", input.toString(), "--dev-srs", "--parallel-slices", "0",
        "--out", out).code());
    assertFalse(Files.exists(Path.of(out)), "nothing half-written");
  }
}
