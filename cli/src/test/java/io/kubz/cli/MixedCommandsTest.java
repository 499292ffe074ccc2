package io.kubz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.cli.ProveVerifyTest.Result;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ModelDigest;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.onnx.ExampleModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubz prove|setup|verify --proof-system mixed}, in-process, on a small CNN with a private
 * input (the slice reading it is plonkish, the rest GKR), with the development SRS.
 */
class MixedCommandsTest {
  @TempDir static Path dir;

  @Test
  void provesVerifiesAndSetsUpAMixedRun() throws IOException {
    Path model = dir.resolve("cnn.onnx");
    Files.write(model, ExampleModels.cnn(3).toByteArray());
    Tensor x = ExampleModels.input(4, 1, 1, 8, 8);
    Path input = dir.resolve("input.json");
    Files.writeString(input, Json.write(Map.of("input_data", List.of(java.util.Arrays.stream(x.data()).boxed().toList()))));
    Path bundle = dir.resolve("mixed.kubz");
    Result r = ProveVerifyTest.kubz("prove", model.toString(), "--input", input.toString(), "--dev-srs",
        "--proof-system", "mixed", "--visibility", "input=private", "--json", "--out", bundle.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    Map<String, Object> m = Json.asObject(Json.parse(r.out()), "prove");
    assertEquals("mixed", m.get("proof_system"));
    List<String> systems = Json.asArray(m.get("slices"), "slices").stream()
        .map(s -> (String) Json.asObject(s, "slice").get("proof_system")).toList();
    assertEquals("plonkish", systems.get(0), systems.toString());
    assertTrue(systems.contains("gkr"), systems.toString());

    Result v = ProveVerifyTest.kubz("verify", bundle.toString(), "--model", model.toString(), "--dev-srs");
    assertEquals(0, v.code(), v.out() + v.err());
    assertTrue(v.out().contains("verified (INSECURE)"), v.out());

    Path keys = dir.resolve("keys");
    Result s = ProveVerifyTest.kubz("setup", model.toString(), "--dev-srs", "--proof-system", "mixed", "--visibility",
        "input=private", "--out", keys.toString());
    assertEquals(0, s.code(), s.out() + s.err());
    String digest = ModelDigest.hex(BundleCodec.decode(Files.readAllBytes(bundle)).modelDigest());
    assertTrue(s.out().contains(digest), "setup publishes the bundle's digest " + digest + ": " + s.out());
    Result k = ProveVerifyTest.kubz("verify", bundle.toString(), "--keys", keys.toString(), "--dev-srs");
    assertEquals(0, k.code(), k.out() + k.err());

    Result help = ProveVerifyTest.kubz("prove", "--help");
    assertTrue(help.out().contains("mixed") && help.out().contains("proof_system"), help.out());
  }
}
