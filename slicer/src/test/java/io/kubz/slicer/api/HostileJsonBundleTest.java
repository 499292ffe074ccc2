package io.kubz.slicer.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.onnx.ExampleModels;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A forger controls the plan and settings JSON inside a bundle (and recomputes the digest): hostile
 * JSON there makes the verifier answer "invalid", never throw, overflow the stack or hang.
 */
class HostileJsonBundleTest {
  static Graph model;
  static ProofBundle honest;

  private static final List<String> HOSTILE = List.of(
      "[".repeat(100_000),
      "{\"a\":".repeat(100_000),
      "{\"slices\": [" + "9".repeat(1_000_000) + "]}",
      "{\"slices\": [], \"slices\": []}",
      "{\"slices\": [1,]}",
      "");

  @BeforeAll
  static void prove() {
    model = Runs.graph(ExampleModels.mlp(31, 4, 3));
    ModelProver.Result r = ModelProver.prove(model, Runs.input(model, 1),
        ModelProver.Options.of(Runs.srs()).withThreads(2));
    honest = BundleCodec.decode(r.bundle());
  }

  private static byte[] forged(String plan, String quant) {
    ProofBundle b = honest;
    return BundleCodec.encode(ProvingSession.withDigest(new ProofBundle(b.modelDigest(), b.modelName(), plan,
        quant, b.inputVisibility(), b.outputVisibility(), b.srs(), b.slices(), b.inputs(), b.outputs())));
  }

  @Test
  void hostilePlanOrSettingsAreRejectedNotThrown() {
    assertTrue(BundleVerifier.selfCheck(BundleCodec.encode(honest)).valid(), "the honest bundle verifies");
    for (String bad : HOSTILE) {
      String what = bad.substring(0, Math.min(20, bad.length()));
      byte[] plan = forged(bad, honest.quantJson());
      assertFalse(BundleVerifier.selfCheck(plan).valid(), what);
      assertFalse(BundleVerifier.verifyForModel(plan, model, TrustedSettings.defaults(), log2 -> Runs.srs(), true, null).valid(), what);
      // Without the model the settings are only hashed; with it they are read, and rejected.
      byte[] quant = forged(honest.planJson(), bad);
      assertNotNull(BundleVerifier.selfCheck(quant), what);
      VerificationResult v = BundleVerifier.verifyForModel(quant, model, TrustedSettings.defaults(), log2 -> Runs.srs(), true, null);
      assertFalse(v.valid(), what);
      assertFalse(v.reason().isEmpty(), what);
    }
  }
}
