package io.kubz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.json.Json;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ModelDigest;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #20 end to end through the command line: {@code kubz chain} over three models in the
 * shape of a pipeline, {@code kubz verify --chain}, {@code kubz prove --input-from}, and every way
 * of breaking the chain.
 */
class ChainCommandTest {
  @TempDir static Path dir;
  static Path a;
  static Path b;
  static Path c;
  static Path input;
  static Path out;

  record Result(int code, String out, String err) {}

  static Result kubz(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Kubz.execute(new PrintWriter(o), new PrintWriter(e), args);
    return new Result(code, o.toString(), e.toString());
  }

  static String digest(Path bundle) throws IOException {
    return ModelDigest.hex(BundleCodec.decode(Files.readAllBytes(bundle)).modelDigest());
  }

  @BeforeAll
  static void proveTheChain() throws IOException {
    a = dir.resolve("a.onnx");
    b = dir.resolve("b.onnx");
    c = dir.resolve("c.onnx");
    Files.write(a, ExampleModels.mlp(1, 4, 8, 6).toByteArray());
    Files.write(b, ExampleModels.mlp(2, 6, 8, 5).toByteArray());
    Files.write(c, ExampleModels.mlp(3, 5, 4, 3).toByteArray());
    Tensor x = ExampleModels.input(5, 1, 4);
    input = dir.resolve("input.json");
    Files.writeString(input, Json.write(Map.of("input_data", List.of(java.util.Arrays.stream(x.data()).boxed().toList()))));
    out = dir.resolve("chain");
    Result r = kubz("chain", a.toString(), b.toString(), c.toString(), "--input", input.toString(), "--dev-srs",
        "--out-dir", out.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("proved a chain of 3 models (hashed links)"), r.out());
  }

  @Test
  void theChainVerifiesFromItsManifestAndItsSecretsAreTheOwnersOnly() throws IOException {
    Result r = kubz("verify", "--chain", "--manifest", out.resolve("chain.json").toString(), "--dev-srs");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("verified (INSECURE): a chain of 3 bundles and the 2 links"), r.out());
    for (String s : new String[] {"1-a.kubz.secrets", "2-b.kubz.secrets", "3-c.kubz.secrets"}) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(s))), s);
    }
    String bundleText = new String(Files.readAllBytes(out.resolve("2-b.kubz")), java.nio.charset.StandardCharsets.ISO_8859_1);
    String salt = (String) ((Map<?, ?>) ((List<?>) Json.asObject(Json.parse(
        Files.readString(out.resolve("2-b.kubz.secrets"))), "s").get("tensors")).get(0)).get("salt");
    assertFalse(bundleText.contains(salt), "no salt in the bundle");
  }

  @Test
  void reorderingOrDroppingABundleIsNamed() throws IOException {
    Path pa = out.resolve("1-a.kubz");
    Path pb = out.resolve("2-b.kubz");
    Path pc = out.resolve("3-c.kubz");
    Result swapped = kubz("verify", "--chain", pb.toString(), pa.toString(), pc.toString(), "--digest", digest(pa),
        "--digest", digest(pb), "--digest", digest(pc), "--dev-srs", "--json");
    assertEquals(4, swapped.code(), swapped.out() + swapped.err());
    assertTrue(swapped.out().contains("\"failing_bundle\" : \"" + pb) || swapped.out().contains("\"failing_bundle\": \"" + pb),
        swapped.out());
    Result dropped = kubz("verify", "--chain", pa.toString(), pc.toString(), "--digest", digest(pa), "--digest",
        digest(pc), "--dev-srs");
    assertEquals(4, dropped.code(), dropped.out() + dropped.err());
    assertTrue(dropped.err().contains("link 1 (1-a.kubz -> 3-c.kubz)"), dropped.err());
    Result noAnchors = kubz("verify", "--chain", pa.toString(), pb.toString(), "--dev-srs");
    assertEquals(2, noAnchors.code(), noAnchors.err());
  }

  @Test
  void proveInputFromContinuesTheChainAndAnotherInputBreaksIt() throws IOException {
    Path pa = out.resolve("1-a.kubz");
    Path next = dir.resolve("b-again.kubz");
    Result r = kubz("prove", b.toString(), "--input-from", pa.toString(), "--secrets", pa + ".secrets", "--dev-srs",
        "--visibility", "output=hashed", "--out", next.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(Files.isRegularFile(Path.of(next + ".secrets")), "secrets beside the bundle by default");
    Result ok = kubz("verify", "--chain", pa.toString(), next.toString(), "--digest", digest(pa), "--digest",
        digest(next), "--dev-srs");
    assertEquals(0, ok.code(), ok.out() + ok.err());
    // B proved on another input: same model, valid alone, but the link breaks
    Path other = dir.resolve("other.json");
    Files.writeString(other, Json.write(Map.of("input_data", List.of(List.of(0.5, -0.25, 0.125, 0.75, -0.5, 0.25)))));
    Path stray = dir.resolve("b-stray.kubz");
    Result s = kubz("prove", b.toString(), "--input", other.toString(), "--dev-srs", "--visibility",
        "input=hashed,output=hashed", "--out", stray.toString());
    assertEquals(0, s.code(), s.out() + s.err());
    Result broken = kubz("verify", "--chain", pa.toString(), stray.toString(), "--digest", digest(pa), "--digest",
        digest(stray), "--dev-srs");
    assertEquals(4, broken.code(), broken.out() + broken.err());
    assertTrue(broken.err().contains("link 1") && broken.err().contains("commitments differ"), broken.err());
  }

  @Test
  void missingWrongOrForeignSecretsAreRefusedAndNothingIsWritten() throws IOException {
    Path pa = out.resolve("1-a.kubz");
    Path target = dir.resolve("never.kubz");
    Result missing = kubz("prove", b.toString(), "--input-from", pa.toString(), "--dev-srs", "--out", target.toString());
    assertEquals(3, missing.code(), missing.err());
    assertTrue(missing.err().contains("--secrets"), missing.err());
    Result foreign = kubz("prove", b.toString(), "--input-from", pa.toString(), "--secrets",
        out.resolve("2-b.kubz.secrets").toString(), "--dev-srs", "--out", target.toString());
    assertEquals(3, foreign.code(), foreign.err());
    assertTrue(foreign.err().contains("another model"), foreign.err());
    Path altered = dir.resolve("altered.secrets");
    String text = Files.readString(Path.of(pa + ".secrets"));
    int at = text.indexOf("\"salt\"");
    int q = text.indexOf('"', text.indexOf(':', at) + 1) + 1;
    char flipped = text.charAt(q) == '0' ? '1' : '0';
    Files.writeString(altered, text.substring(0, q) + flipped + text.substring(q + 1));
    Result wrong = kubz("prove", b.toString(), "--input-from", pa.toString(), "--secrets", altered.toString(),
        "--dev-srs", "--out", target.toString());
    assertEquals(3, wrong.code(), wrong.err());
    assertTrue(wrong.err().contains("another proof"), wrong.err());
    Result gone = kubz("prove", b.toString(), "--input-from", pa.toString(), "--secrets",
        dir.resolve("nope.secrets").toString(), "--dev-srs", "--out", target.toString());
    assertEquals(3, gone.code(), gone.err());
    assertFalse(Files.exists(target), "nothing written");
  }
}
