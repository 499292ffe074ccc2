package io.kubz.slicer.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.slicer.interp.FloatInterpreter;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gather with indices computed from the model input: the float semantics against ONNX Runtime
 * (negative indices count from the end), the quantized semantics bit-exact (a gather moves
 * quantized values), and indices the circuit cannot select refused naming the node.
 */
class DynamicGatherTest {

  static ModelProto model(boolean constantData) {
    OnnxWriter w = OnnxWriter.create("gather", 13);
    String data;
    if (constantData) {
      data = w.initializer("table", OpCases.rand(6, 4));
    } else {
      data = w.input("x", 6, 4);
    }
    w.input("idx", DType.INT64, 2, 3);
    String out = w.node("Gather", List.of(data, "idx"), OnnxWriter.attr("axis", 0L));
    w.output(out);
    return w.build();
  }

  static List<Tensor> inputs(boolean constantData, double... idx) {
    List<Tensor> in = new ArrayList<>();
    if (!constantData) {
      in.add(ExampleModels.input(4, 6, 4));
    }
    in.add(Tensor.of(DType.INT64, new int[] {2, 3}, idx));
    return in;
  }

  @Test
  void matchesOnnxRuntime() {
    for (boolean constant : List.of(true, false)) {
      ModelProto m = model(constant);
      List<Tensor> in = inputs(constant, 5, 0, -1, 2, 2, -6);
      Graph g = OnnxImporter.convert(m, null, Map.of());
      Tensor ours = FloatInterpreter.run(g, in).values().iterator().next();
      Tensor ort = Ort.run(m, in);
      assertArrayEquals(ort.shape(), ours.shape());
      for (int i = 0; i < ort.size(); i++) {
        assertEquals(ort.get(i), ours.get(i), 1e-7, "element " + i);
      }
    }
  }

  @Test
  void quantizedGatherIsExact() {
    for (boolean constant : List.of(true, false)) {
      Graph g = OnnxImporter.convert(model(constant), null, Map.of());
      List<Tensor> in = inputs(constant, 5, 0, 3, 2, 2, 1);
      QuantizedGraph q = Calibrator.calibrate(g, List.of(in), QuantPlan.defaults()).graph();
      List<long[]> qi = new ArrayList<>();
      in.forEach(t -> qi.add(q.quantizeInput(t)));
      Tensor ref = FloatInterpreter.run(g, in).values().iterator().next();
      long[] got = IntegerInterpreter.run(q, qi).values().iterator().next();
      // a table or an activation is held at the activation scale: the output is its rows, exactly
      assertArrayEquals(q.quantizeInput(ref), got);
    }
  }

  /** x [3, 4], idx [3, 2] (INT64, an input) → GatherElements axis 1 → [3, 2]. */
  static ModelProto elements() {
    OnnxWriter w = OnnxWriter.create("gather_elements", 13);
    w.input("x", 3, 4);
    w.input("idx", DType.INT64, 3, 2);
    w.output(w.node("GatherElements", List.of("x", "idx"), OnnxWriter.attr("axis", 1L)));
    return w.build();
  }

  @Test
  void gatherElementsByAnInputMatchesOnnxRuntimeAndIsExactQuantized() {
    ModelProto m = elements();
    Graph g = OnnxImporter.convert(m, null, Map.of());
    assertTrue(g.nodes().get(0).op() instanceof io.kubz.slicer.ir.Op.DynamicGatherElements);
    List<Tensor> in = List.of(ExampleModels.input(6, 3, 4),
        Tensor.of(DType.INT64, new int[] {3, 2}, new double[] {3, 0, -1, 2, 1, 1}));
    Tensor ours = FloatInterpreter.run(g, in).values().iterator().next();
    Tensor ort = Ort.run(m, in);
    assertArrayEquals(ort.shape(), ours.shape());
    for (int i = 0; i < ort.size(); i++) {
      assertEquals(ort.get(i), ours.get(i), 1e-7, "element " + i);
    }
    List<Tensor> pos = List.of(in.get(0),
        Tensor.of(DType.INT64, new int[] {3, 2}, new double[] {3, 0, 3, 2, 1, 1}));
    QuantizedGraph q = Calibrator.calibrate(g, List.of(pos), QuantPlan.defaults()).graph();
    List<long[]> qi = new ArrayList<>();
    pos.forEach(t -> qi.add(q.quantizeInput(t)));
    assertArrayEquals(q.quantizeInput(FloatInterpreter.run(g, pos).values().iterator().next()),
        IntegerInterpreter.run(q, qi).values().iterator().next());
  }

  @Test
  void indicesTheCircuitCannotSelectAreRefused() {
    Graph g = OnnxImporter.convert(model(true), null, Map.of());
    BadInputException e = assertThrows(BadInputException.class,
        () -> FloatInterpreter.run(g, inputs(true, 6, 0, 0, 0, 0, 0)));
    assertTrue(e.getMessage().contains("index"), e.getMessage());
    List<Tensor> neg = inputs(true, -1, 0, 0, 0, 0, 0);
    QuantizedGraph q = Calibrator.calibrate(g, List.of(inputs(true, 1, 0, 0, 0, 0, 0)),
        QuantPlan.defaults()).graph();
    List<long[]> qi = new ArrayList<>();
    neg.forEach(t -> qi.add(q.quantizeInput(t)));
    BadInputException f = assertThrows(BadInputException.class, () -> IntegerInterpreter.run(q, qi));
    assertTrue(f.getMessage().contains("Gather") && f.getMessage().contains("[0, 6)"),
        f.getMessage());
  }
}
