package io.kubz.slicer.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.slicer.interp.FloatInterpreter;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Op;
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
 * GatherND, ScatterElements and ScatterND with indices computed from the input (and the scatters
 * with constant indices, which become a re-indexing): the float semantics against ONNX Runtime,
 * negative indices included, the quantized semantics bit-exact (values only move), and indices the
 * circuit cannot select refused naming the node.
 */
class ScatterImportTest {

  /** data [2, 3, 4], idx [2, 2] (INT64) → GatherND → [2, 4]. */
  static ModelProto gatherNd(int batchDims) {
    OnnxWriter w = OnnxWriter.create("gather_nd", 13);
    w.input("x", 2, 3, 4);
    if (batchDims == 0) {
      w.input("idx", DType.INT64, 2, 2);
    } else {
      w.input("idx", DType.INT64, 2, 1);
    }
    w.output(w.node("GatherND", List.of("x", "idx"), OnnxWriter.attr("batch_dims", (long) batchDims)));
    return w.build();
  }

  /** data [3, 4], idx and updates [3, 2], axis 1 → [3, 4]; idx an input or a constant. */
  static ModelProto scatterElements(double[] constantIdx) {
    OnnxWriter w = OnnxWriter.create("scatter_elements", 13);
    w.input("x", 3, 4);
    String idx = constantIdx == null ? w.input("idx", DType.INT64, 3, 2)
        : w.initializer("idx", Tensor.of(DType.INT64, new int[] {3, 2}, constantIdx));
    w.input("u", 3, 2);
    w.output(w.node("ScatterElements", List.of("x", idx, "u"), OnnxWriter.attr("axis", 1L)));
    return w.build();
  }

  /** data [4, 3], idx [3, 1] (INT64), updates [3, 3] → [4, 3]. */
  static ModelProto scatterNd(double[] constantIdx) {
    OnnxWriter w = OnnxWriter.create("scatter_nd", 13);
    w.input("x", 4, 3);
    String idx = constantIdx == null ? w.input("idx", DType.INT64, 3, 1)
        : w.initializer("idx", Tensor.of(DType.INT64, new int[] {3, 1}, constantIdx));
    w.input("u", 3, 3);
    w.output(w.node("ScatterND", List.of("x", idx, "u")));
    return w.build();
  }

  static Tensor ints(int[] shape, double... v) {
    return Tensor.of(DType.INT64, shape, v);
  }

  private static void assertMatchesOrt(ModelProto m, List<Tensor> in) {
    Graph g = OnnxImporter.convert(m, null, Map.of());
    Tensor ours = FloatInterpreter.run(g, in).values().iterator().next();
    Tensor ort = Ort.run(m, in);
    assertArrayEquals(ort.shape(), ours.shape());
    for (int i = 0; i < ort.size(); i++) {
      assertEquals(ort.get(i), ours.get(i), 1e-7, m.getGraph().getName() + " element " + i);
    }
  }

  private static void assertQuantizedExact(ModelProto m, List<Tensor> in) {
    Graph g = OnnxImporter.convert(m, null, Map.of());
    QuantizedGraph q = Calibrator.calibrate(g, List.of(in), QuantPlan.defaults()).graph();
    List<long[]> qi = new ArrayList<>();
    in.forEach(t -> qi.add(q.quantizeInput(t)));
    Tensor ref = FloatInterpreter.run(g, in).values().iterator().next();
    assertArrayEquals(q.quantizeInput(ref), IntegerInterpreter.run(q, qi).values().iterator().next());
  }

  private static boolean has(ModelProto m, Class<? extends Op> op) {
    return OnnxImporter.convert(m, null, Map.of()).nodes().stream().anyMatch(n -> op.isInstance(n.op()));
  }

  @Test
  void gatherNdMatchesOnnxRuntime() {
    assertTrue(has(gatherNd(0), Op.DynamicGatherND.class));
    assertMatchesOrt(gatherNd(0), List.of(ExampleModels.input(1, 2, 3, 4), ints(new int[] {2, 2}, 1, 2, -2, -1)));
    assertMatchesOrt(gatherNd(1), List.of(ExampleModels.input(2, 2, 3, 4), ints(new int[] {2, 1}, 2, -3)));
    assertQuantizedExact(gatherNd(0), List.of(ExampleModels.input(1, 2, 3, 4), ints(new int[] {2, 2}, 1, 2, 0, 1)));
    assertQuantizedExact(gatherNd(1), List.of(ExampleModels.input(2, 2, 3, 4), ints(new int[] {2, 1}, 2, 0)));
  }

  /** Distinct indices (ONNX Runtime's order for duplicates is unspecified), one negative. */
  @Test
  void scattersMatchOnnxRuntime() {
    Tensor x = ExampleModels.input(3, 3, 4);
    Tensor u = ExampleModels.input(4, 3, 2);
    assertTrue(has(scatterElements(null), Op.ScatterElements.class));
    assertMatchesOrt(scatterElements(null), List.of(x, ints(new int[] {3, 2}, 0, 3, -1, 1, 2, 0), u));
    assertQuantizedExact(scatterElements(null), List.of(x, ints(new int[] {3, 2}, 0, 3, 3, 1, 2, 0), u));
    Tensor xn = ExampleModels.input(5, 4, 3);
    Tensor un = ExampleModels.input(6, 3, 3);
    assertTrue(has(scatterNd(null), Op.ScatterND.class));
    assertMatchesOrt(scatterNd(null), List.of(xn, ints(new int[] {3, 1}, 3, -4, 1), un));
    assertQuantizedExact(scatterNd(null), List.of(xn, ints(new int[] {3, 1}, 3, 0, 1), un));
  }

  /** Constant indices: no selection operation, only a re-indexing, with ONNX Runtime's values. */
  @Test
  void constantIndicesBecomeAReindexing() {
    double[] ie = {1, 0, 3, 2, 0, -1};
    assertTrue(!has(scatterElements(ie), Op.ScatterElements.class));
    assertMatchesOrt(scatterElements(ie), List.of(ExampleModels.input(3, 3, 4), ExampleModels.input(4, 3, 2)));
    double[] in = {2, 0, -1};
    assertTrue(!has(scatterNd(in), Op.ScatterND.class));
    assertMatchesOrt(scatterNd(in), List.of(ExampleModels.input(5, 4, 3), ExampleModels.input(6, 3, 3)));
  }

  /** Duplicate indices: the last write wins, in both interpreters. */
  @Test
  void duplicateIndicesLastWriteWins() {
    Tensor x = ExampleModels.input(5, 4, 3);
    Tensor u = ExampleModels.input(6, 3, 3);
    List<Tensor> in = List.of(x, ints(new int[] {3, 1}, 2, 0, 2), u);
    Graph g = OnnxImporter.convert(scatterNd(null), null, Map.of());
    Tensor y = FloatInterpreter.run(g, in).values().iterator().next();
    for (int e = 0; e < 3; e++) {
      assertEquals(u.get(2 * 3 + e), y.get(2 * 3 + e));
      assertEquals(u.get(3 + e), y.get(e)); // tuple 1 writes row 0
    }
    assertQuantizedExact(scatterNd(null), in);
    List<Tensor> ine = List.of(ExampleModels.input(3, 3, 4), ints(new int[] {3, 2}, 1, 1, 0, 2, 3, 3),
        ExampleModels.input(4, 3, 2));
    Tensor ye = FloatInterpreter.run(OnnxImporter.convert(scatterElements(null), null, Map.of()), ine)
        .values().iterator().next();
    assertEquals(ine.get(2).get(1), ye.get(1)); // row 0 writes column 1 twice: the second update
    assertQuantizedExact(scatterElements(null), ine);
  }

  @Test
  void indicesTheCircuitCannotSelectAreRefusedNamingTheNode() {
    Graph g = OnnxImporter.convert(scatterNd(null), null, Map.of());
    List<Tensor> ok = List.of(ExampleModels.input(5, 4, 3), ints(new int[] {3, 1}, 3, 0, 1),
        ExampleModels.input(6, 3, 3));
    BadInputException e = assertThrows(BadInputException.class, () -> FloatInterpreter.run(g,
        List.of(ok.get(0), ints(new int[] {3, 1}, 4, 0, 1), ok.get(2))));
    assertTrue(e.getMessage().contains("index"), e.getMessage());
    QuantizedGraph q = Calibrator.calibrate(g, List.of(ok), QuantPlan.defaults()).graph();
    for (double bad : new double[] {4, -1}) {
      List<long[]> qi = List.of(q.quantizeInput(ok.get(0)),
          q.quantizeInput(ints(new int[] {3, 1}, 3, bad, 1)), q.quantizeInput(ok.get(2)));
      BadInputException r = assertThrows(BadInputException.class, () -> IntegerInterpreter.run(q, qi));
      assertTrue(r.getMessage().contains(g.nodes().get(0).label()) && r.getMessage().contains("index"),
          r.getMessage());
    }
  }

  @Test
  void reductionsAreRefusedInOneLine() {
    OnnxWriter w = OnnxWriter.create("scatter_add", 16);
    w.input("x", 4, 3);
    w.input("idx", DType.INT64, 3, 1);
    w.input("u", 3, 3);
    w.output(w.node("ScatterND", List.of("x", "idx", "u"), OnnxWriter.attr("reduction", "add")));
    UnsupportedOpException e = assertThrows(UnsupportedOpException.class,
        () -> OnnxImporter.convert(w.build(), null, Map.of()));
    assertTrue(e.getMessage().contains("reduction 'add'") && !e.getMessage().contains("\n"), e.getMessage());
  }
}
