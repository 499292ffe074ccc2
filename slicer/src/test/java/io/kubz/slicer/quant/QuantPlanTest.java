package io.kubz.slicer.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuantPlanTest {
  @Test
  void settingsRoundTripThroughJson() {
    QuantPlan p = new QuantPlan(9, 7, 2, Map.of("relu_1", 12, "sig", 14), "custom");
    QuantPlan back = QuantPlan.fromJson(p.toJson());
    assertEquals(p, back);
  }

  @Test
  void badSettingsAreClearErrors() {
    String v2 = QuantPlan.defaults().toJson().replace("\"format_version\": 1", "\"format_version\": 2");
    assertTrue(assertThrows(BadInputException.class, () -> QuantPlan.fromJson(v2)).getMessage().contains("format_version"));
    assertThrows(BadInputException.class, () -> QuantPlan.fromJson("{\"format_version\": 1}"));
    assertThrows(BadInputException.class, () -> new QuantPlan(30, 8, 1, Map.of(), "x"));
    assertThrows(BadInputException.class, () -> QuantPlan.preset("speed"));
  }

  @Test
  void calibratedPlanReproducesTheSameGraph() {
    Graph g = OnnxImporter.convert(ExampleModels.cnn(5), null, Map.of());
    Tensor x = ExampleModels.input(5, g.inputs().get(0).shape());
    Calibrator.Result r = Calibrator.calibrate(g, List.of(List.of(x)), QuantPlan.defaults());
    QuantizedGraph again = QuantizedGraph.quantize(g, QuantPlan.fromJson(r.plan().toJson()));
    assertEquals(IntegerInterpreter.run(r.graph(), List.of(r.graph().quantizeInput(x))).values().iterator().next()[0],
        IntegerInterpreter.run(again, List.of(again.quantizeInput(x))).values().iterator().next()[0]);
    assertTrue(!r.plan().tableBits().isEmpty(), "the CNN has ReLU tables");
  }

  @Test
  void aQueryOutsideTheCalibratedRangeNamesTheNode() {
    Graph g = OnnxImporter.convert(ExampleModels.mlp(3, 8, 8, 4), null, Map.of());
    Tensor x = ExampleModels.input(3, g.inputs().get(0).shape());
    Calibrator.Result r = Calibrator.calibrate(g, List.of(List.of(x)), new QuantPlan(8, 8, 0, Map.of(), "custom"));
    double[] big = x.data().clone();
    for (int i = 0; i < big.length; i++) {
      big[i] *= 1000;
    }
    Tensor huge = Tensor.of(x.shape(), big);
    TableRangeException e = assertThrows(TableRangeException.class,
        () -> IntegerInterpreter.run(r.graph(), List.of(r.graph().quantizeInput(huge))));
    assertTrue(e.getMessage().contains("'"), e.getMessage());
    assertTrue(e.getMessage().contains("calibrate"), e.getMessage());
  }
}
