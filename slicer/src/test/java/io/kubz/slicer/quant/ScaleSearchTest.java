package io.kubz.slicer.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #17, "accurate by default": the default preset searches the scale until the outputs are
 * within {@link Calibrator#TARGET_ERROR} of the float model's; the other presets keep theirs.
 */
class ScaleSearchTest {
  /** An MLP on inputs 50 times smaller than usual: at 2^8 its input rounding alone is several percent. */
  static Graph model() {
    return OnnxImporter.convert(ExampleModels.mlp(51, 5, 4, 3), null, Map.of());
  }

  static List<List<Tensor>> smallInput(Graph g) {
    Tensor x = ExampleModels.input(3, g.inputs().get(0).shape());
    double[] d = x.data().clone();
    for (int i = 0; i < d.length; i++) {
      d[i] *= 0.02;
    }
    return List.of(List.of(Tensor.of(x.shape(), d)));
  }

  @Test
  void theDefaultPresetRaisesTheScaleToTheFirstRungWithinTheTarget() {
    Graph g = model();
    List<List<Tensor>> in = smallInput(g);
    Calibrator.Result fixed8 = Calibrator.calibrateAt(g, in, QuantPlan.defaults());
    assertTrue(fixed8.accuracy().relativeError() > Calibrator.TARGET_ERROR,
        "the test needs a model that 2^8 does not quantize accurately: " + fixed8.accuracy().describe());
    Calibrator.Result r = Calibrator.calibrate(g, in, QuantPlan.defaults());
    int s = r.plan().activationScale();
    assertTrue(s > 8 && s <= Calibrator.MAX_SEARCH_SCALE, "scale " + s);
    assertEquals(s, r.plan().paramScale());
    assertTrue(Calibrator.searchError(g, in, r) <= Calibrator.TARGET_ERROR, r.accuracy().describe());
    assertTrue(r.accuracy().relativeError() <= Calibrator.searchError(g, in, r), "the search's figure adds the input's rounding");
    Calibrator.Result below = Calibrator.calibrateAt(g, in, QuantPlan.defaults().withScales(s - Calibrator.SEARCH_STEP));
    assertTrue(Calibrator.searchError(g, in, below) > Calibrator.TARGET_ERROR, "the rung below was already accurate enough");
    assertTrue(Calibrator.onSearchLadder(QuantPlan.defaults(), s));
    assertFalse(Calibrator.onSearchLadder(QuantPlan.defaults(), s + 1));
    assertEquals("accuracy", r.plan().target());
  }

  @Test
  void fixedPresetsKeepTheirScales() {
    Graph g = model();
    List<List<Tensor>> in = smallInput(g);
    assertEquals(8, Calibrator.calibrate(g, in, QuantPlan.preset("balanced")).plan().activationScale());
    assertEquals(6, Calibrator.calibrate(g, in, QuantPlan.preset("resources")).plan().activationScale());
    assertFalse(QuantPlan.preset("resources").searched());
  }

  @Test
  void anAccurateModelStaysAtTheBaseScale() {
    Graph g = model();
    List<List<Tensor>> in = List.of(List.of(ExampleModels.input(3, g.inputs().get(0).shape())));
    Calibrator.Result r = Calibrator.calibrate(g, in, QuantPlan.defaults());
    Calibrator.Result at8 = Calibrator.calibrateAt(g, in, QuantPlan.defaults());
    if (Calibrator.searchError(g, in, at8) <= Calibrator.TARGET_ERROR) {
      assertEquals(8, r.plan().activationScale());
    } else {
      assertTrue(r.plan().activationScale() > 8);
    }
  }

  @Test
  void nonFiniteFloatOutputsAreNotCompared() {
    AccuracyReport a = AccuracyReport.compare(
        List.of(Map.of("y", new double[] {Double.NaN, 2.0, Double.NEGATIVE_INFINITY})),
        List.of(Map.of("y", new double[] {0.0, 2.5, 7.0})));
    assertEquals(1, a.elements());
    assertEquals(0.5, a.maxAbsError());
    assertEquals(0.25, a.relativeError());
    assertEquals(0, AccuracyReport.compare(List.of(Map.of("y", new double[] {0})),
        List.of(Map.of("y", new double[] {0}))).relativeError());
  }
}
