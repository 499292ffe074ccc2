package io.kubz.slicer.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.onnx.OnnxWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two input forms and their leniencies. */
class InputDataTest {
  private static Graph twoInputs() {
    OnnxWriter w = OnnxWriter.create("t", 13);
    w.input("a", 1, 2, 2);
    w.input("b", DType.INT64, 1, 3);
    w.node("Relu", "r", List.of("a"), "y");
    w.output("y");
    return OnnxImporter.convert(w.build(), null, Map.of());
  }

  @Test
  void ezklFormatWithAndWithoutBatch() {
    Graph g = twoInputs();
    for (String shapes : new String[] {"[[1,2,2],[1,3]]", "[[2,2],[3]]", "null"}) {
      List<Tensor> t = InputData.parse("{\"input_data\": [[[0.5, -1], [2, 3]], [1, 2, 3]],"
          + " \"input_shapes\": " + shapes + ", \"output_data\": [[9]]}", g, "in.json");
      assertArrayEquals(new int[] {1, 2, 2}, t.get(0).shape());
      assertArrayEquals(new double[] {0.5, -1, 2, 3}, t.get(0).data());
      assertEquals(DType.INT64, t.get(1).dtype());
      assertArrayEquals(new long[] {1, 2, 3}, t.get(1).toLongs());
    }
  }

  @Test
  void plainArrays() {
    Graph g = twoInputs();
    List<Tensor> t = InputData.parse("[[1, 2, 3, 4], [5.9, -6.9, 7]]", g, "x");
    // Integer inputs truncate toward zero, as a cast would.
    assertArrayEquals(new long[] {5, -6, 7}, t.get(1).toLongs());
    OnnxWriter w = OnnxWriter.create("one", 13);
    w.input("x", 1, 3);
    w.node("Relu", "r", List.of("x"), "y");
    w.output("y");
    Graph one = OnnxImporter.convert(w.build(), null, Map.of());
    assertArrayEquals(new double[] {1, 0, 1},
        InputData.parse("[[true, false, 1]]", one, "x").get(0).data());
  }

  @Test
  void writtenJsonReadsBack() {
    Graph g = twoInputs();
    // FLOAT inputs are read as float32 values, so start from float32 values.
    List<Tensor> in = List.of(Tensor.of(new int[] {1, 2, 2}, 0.1, -1e-7, 3.5, 1e10).cast(DType.FLOAT),
        Tensor.of(DType.INT64, new int[] {1, 3}, new double[] {-4, 0, 1L << 40}));
    List<Tensor> back = InputData.parse(InputData.toJson(in), g, "x");
    assertEquals(in, back);
  }

  @Test
  void modelWithoutInputsAcceptsEzklsEmptyList() {
    OnnxWriter w = OnnxWriter.create("none", 13);
    w.node("Constant", "c", List.of(), "y", OnnxWriter.tensor("value", Tensor.of(new int[] {1}, 4)));
    w.output("y");
    Graph g = OnnxImporter.convert(w.build(), null, Map.of());
    assertEquals(0, InputData.parse("{\"input_data\": [[]]}", g, "x").size());
  }

  /** ezkl's bitwise_ops: four arguments exported, two kept (input2, input3) and named by position. */
  private static Graph keptTwoOfFour(String first, String second) {
    OnnxWriter w = OnnxWriter.create("kept", 16);
    w.input(first, DType.BOOL, 1, 3);
    w.input(second, DType.BOOL, 1, 3);
    w.node("Or", "or", List.of(first, second), "o");
    w.node("Not", "not", List.of("o"), "y");
    w.output("y");
    return OnnxImporter.convert(w.build(), null, Map.of());
  }

  @Test
  void extraArraysOfInputsTheExporterDroppedAreReadByPositionWithAWarning() {
    String json = "{\"input_data\": [[1, 1, 1], [0, 1, 0], [false, true, false], [true, true, false]]}";
    List<String> warnings = new java.util.ArrayList<>();
    List<Tensor> t = InputData.parse(json, keptTwoOfFour("input2", "input3"), "input.json", warnings::add);
    assertArrayEquals(new double[] {0, 1, 0}, t.get(0).data(), "input2 reads array 2");
    assertArrayEquals(new double[] {1, 1, 0}, t.get(1).data(), "input3 reads array 3");
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("dropping arrays [0, 1]"), warnings.get(0));
    // "input" is position 0; names that do not say their position, or say one outside the file, refuse
    List<Tensor> first = InputData.parse(json, keptTwoOfFour("input", "input3"), "input.json", warnings::add);
    assertArrayEquals(new double[] {1, 1, 1}, first.get(0).data());
    for (String[] names : new String[][] {{"a", "b"}, {"input3", "input2"}, {"input2", "input7"}, {"x1", "y2"},
        {"input", "input1"}}) {
      Graph g = keptTwoOfFour(names[0], names[1]);
      assertTrue(assertThrows(io.kubz.field.BadInputException.class, () -> InputData.parse(json, g, "input.json",
          warnings::add)).getMessage().contains("gives 4 input(s), the model has 2"), String.join(",", names));
    }
    assertEquals(2, warnings.size(), "no warning when refusing");
  }
}
