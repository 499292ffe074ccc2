package io.kubz.slicer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.QuantPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #16 finding 2: {@code verify --model} used to recompile the model with the settings the
 * bundle carries, so a bundle proved at scale 0 (outputs rounded to integers) verified against the
 * model. The settings are part of the statement: they are compared with trusted ones.
 */
class SettingsMismatchTest {
  static Graph model;
  static List<Tensor> input;
  static QuantPlan scaleZero;
  static ModelProver.Result coarse;

  @BeforeAll
  static void proveAtScaleZero() {
    model = Runs.graph(ExampleModels.mlp(51, 5, 4, 3));
    input = Runs.input(model, 3);
    scaleZero = Calibrator.calibrate(model, List.of(input), new QuantPlan(0, 0, 1, Map.of(), "custom")).plan();
    coarse = ModelProver.prove(model, input, ModelProver.Options.of(Runs.srs()).withQuant(scaleZero));
  }

  @Test
  void aBundleProvedWithOtherSettingsIsRejectedNamingTheDifference() {
    VerificationResult v = BundleVerifier.verifyForModel(coarse.bundle(), model, TrustedSettings.defaults(),
        log2 -> Runs.srs(), true, null);
    assertFalse(v.valid(), "scale-0 settings verified against the model's default settings");
    assertFalse(v.malformed());
    assertTrue(v.reason().contains("activation_scale: bundle 0, trusted "), v.reason());
    assertTrue(v.reason().contains("param_scale: bundle 0, trusted "), v.reason());
    assertEquals(0, v.settings().activationScale(), "the report shows the settings it checked");
  }

  @Test
  void theSameBundleVerifiesWhenTheVerifierTrustsThoseSettings() {
    VerificationResult v = BundleVerifier.verifyForModel(coarse.bundle(), model, TrustedSettings.given(scaleZero),
        log2 -> Runs.srs(), true, null);
    assertTrue(v.valid(), v.reason());
    assertEquals(scaleZero, v.settings());
    assertTrue(v.insecureSrs(), "a dev SRS is reported");
  }

  /** The same MLP on inputs 50 times smaller: the scale search must go above 2^8 for it. */
  static List<Tensor> smallInput() {
    double[] d = input.get(0).data().clone();
    for (int i = 0; i < d.length; i++) {
      d[i] *= 0.02;
    }
    return List.of(Tensor.of(input.get(0).shape(), d));
  }

  @Test
  void aScaleBelowTheSearchsPickIsRejectedAndAHigherRungIsAccepted() {
    List<Tensor> small = smallInput();
    ModelProver.Result honest = ModelProver.prove(model, small, ModelProver.Options.of(Runs.srs()));
    VerificationResult ok = BundleVerifier.verifyForModel(honest.bundle(), model, TrustedSettings.defaults(),
        log2 -> Runs.srs(), true, null);
    assertTrue(ok.valid(), ok.reason());
    int picked = ok.settings().activationScale();
    assertTrue(picked > 8, "the search kept 2^8 on inputs it cannot resolve: " + ok.settings().toJson());

    QuantPlan lazy = Calibrator.calibrateAt(model, List.of(small), QuantPlan.defaults()).plan();
    ModelProver.Result coarser = ModelProver.prove(model, small, ModelProver.Options.of(Runs.srs()).withQuant(lazy));
    VerificationResult v = BundleVerifier.verifyForModel(coarser.bundle(), model, TrustedSettings.defaults(),
        log2 -> Runs.srs(), true, null);
    assertFalse(v.valid(), "a prover kept the inaccurate 2^8 and the verifier accepted it");
    assertTrue(v.reason().contains("activation_scale: bundle 8, trusted "), v.reason());

    QuantPlan finer = Calibrator.calibrateAt(model, List.of(small), QuantPlan.defaults().withScales(picked + 2)).plan();
    ModelProver.Result more = ModelProver.prove(model, small, ModelProver.Options.of(Runs.srs()).withQuant(finer));
    VerificationResult w = BundleVerifier.verifyForModel(more.bundle(), model, TrustedSettings.defaults(),
        log2 -> Runs.srs(), true, null);
    assertTrue(w.valid(), "a prover may spend more on accuracy than the rule asks: " + w.reason());

    QuantPlan offLadder = Calibrator.calibrateAt(model, List.of(small), new QuantPlan(picked + 1, picked + 1, 1,
        Map.of(), "accuracy")).plan();
    ModelProver.Result odd = ModelProver.prove(model, small, ModelProver.Options.of(Runs.srs()).withQuant(offLadder));
    assertFalse(BundleVerifier.verifyForModel(odd.bundle(), model, TrustedSettings.defaults(), log2 -> Runs.srs(),
        true, null).valid(), "a scale the search never picks is not the trusted rule's");
  }

  @Test
  void aPublicInputIsRecalibratedFromTheBundleAndOneChangedTableIsNamed() {
    ModelProver.Result r = ModelProver.prove(model, input, ModelProver.Options.of(Runs.srs()));
    VerificationResult ok = BundleVerifier.verifyForModel(r.bundle(), model, TrustedSettings.defaults(),
        log2 -> Runs.srs(), true, null);
    assertTrue(ok.valid(), "settings calibrated on the public input are re-derived from it: " + ok.reason());
    QuantPlan honest = ok.settings();
    String node = honest.tableBits().keySet().iterator().next();
    Map<String, Integer> wider = new java.util.HashMap<>(honest.tableBits());
    wider.put(node, honest.tableBits().get(node) + 2);
    ModelProver.Result w = ModelProver.prove(model, input,
        ModelProver.Options.of(Runs.srs()).withQuant(honest.withTableBits(wider)));
    VerificationResult v = BundleVerifier.verifyForModel(w.bundle(), model, TrustedSettings.defaults(),
        log2 -> Runs.srs(), true, null);
    assertFalse(v.valid());
    assertTrue(v.reason().contains("table_bits." + node + ": bundle " + wider.get(node) + ", trusted "
        + honest.tableBits().get(node)), v.reason());
  }
}
