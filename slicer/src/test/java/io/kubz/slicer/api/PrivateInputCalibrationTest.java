package io.kubz.slicer.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.lower.Visibility.Mode;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.QuantPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #16 finding 6: proving used to calibrate on the actual input and publish the settings, so
 * with a private input, multiplying it by 10 moved a sigmoid's table from 10 to 13 bits and every
 * input gave another model digest (proofs were linkable). A private or hashed input never enters
 * the settings.
 */
class PrivateInputCalibrationTest {

  static List<Tensor> scaled(List<Tensor> in, double f) {
    double[] d = in.get(0).data().clone();
    for (int i = 0; i < d.length; i++) {
      d[i] *= f;
    }
    return List.of(Tensor.of(in.get(0).shape(), d));
  }

  static ModelProver.Options privateInput(Mode m) {
    return ModelProver.Options.of(Runs.srs()).withVisibility(new Visibility(m, Mode.PUBLIC));
  }

  @Test
  void aSigmoidsTableDoesNotDependOnAPrivateInput() {
    Graph g = Runs.graph(ExampleModels.smooth(61, 6));
    List<Tensor> small = scaled(Runs.input(g, 7), 0.1);
    List<Tensor> large = scaled(small, 10);
    QuantPlan publicSmall = ModelProver.quantizeFor(g, small, ModelProver.Options.of(Runs.srs())).plan();
    QuantPlan publicLarge = ModelProver.quantizeFor(g, large, ModelProver.Options.of(Runs.srs())).plan();
    assertNotEquals(publicSmall.tableBits(), publicLarge.tableBits(), "a public input is calibrated on");
    for (Mode m : List.of(Mode.PRIVATE, Mode.HASHED)) {
      QuantPlan a = ModelProver.quantizeFor(g, small, privateInput(m)).plan();
      QuantPlan b = ModelProver.quantizeFor(g, large, privateInput(m)).plan();
      assertEquals(a, b, m + " input: the settings moved with the input");
      assertEquals(Calibrator.fromModel(g, QuantPlan.preset("balanced"), Calibrator.InputRange.DEFAULT).plan(), a,
          "from the model and the declared range alone");
    }
  }

  @Test
  void twoPrivateInputsGiveTheSameSettingsAndDigestAndBothVerifyAgainstTheModel() {
    Graph g = Runs.graph(ExampleModels.mlp(62, 5, 4, 3));
    List<Tensor> x = scaled(Runs.input(g, 8), 0.1);
    List<Tensor> y = scaled(Runs.input(g, 9), 1.0);
    ModelProver.Result a = ModelProver.prove(g, x, privateInput(Mode.PRIVATE));
    ModelProver.Result b = ModelProver.prove(g, y, privateInput(Mode.PRIVATE));
    assertEquals(a.parsed().quantJson(), b.parsed().quantJson(), "settings");
    assertArrayEquals(a.parsed().modelDigest(), b.parsed().modelDigest(), "model digest");
    for (ModelProver.Result r : List.of(a, b)) {
      VerificationResult v = BundleVerifier.verifyForModel(r.bundle(), g, TrustedSettings.defaults(),
          log2 -> Runs.srs(), true, null);
      assertTrue(v.valid(), "the verifier re-derives the settings from the model: " + v.reason());
      assertEquals("PRIVATE", v.inputVisibility());
    }
  }

  @Test
  void anInputOutsideTheDeclaredRangeFailsToProveUnlessTheRangeIsDeclared() {
    Graph g = Runs.graph(ExampleModels.mlp(63, 5, 4, 3));
    List<Tensor> huge = scaled(Runs.input(g, 10), 1000);
    BadInputException e = assertThrows(BadInputException.class,
        () -> ModelProver.prove(g, huge, privateInput(Mode.PRIVATE)));
    assertTrue(e.getMessage().contains("calibrate"), e.getMessage());
    ModelProver.Options wide = privateInput(Mode.PRIVATE).withInputRange(new Calibrator.InputRange(-1000, 1000));
    io.kubz.slicer.quant.QuantizedGraph q = ModelProver.quantizeFor(g, huge, wide);
    assertEquals(3, io.kubz.slicer.quant.IntegerInterpreter.run(q, List.of(q.quantizeInput(huge.get(0))))
        .values().iterator().next().length, "inputs in the declared range stay inside the tables");
  }
}
