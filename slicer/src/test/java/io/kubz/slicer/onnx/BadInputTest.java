package io.kubz.slicer.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.slicer.input.InputData;
import io.kubz.slicer.interp.FloatInterpreter;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import io.kubz.slicer.onnx.proto.Onnx.NodeProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input is a BadInputException whose message names the problem. */
class BadInputTest {
  private static final ModelProto MLP = ExampleModels.mlp(5, 3, 4, 2);

  private static String fails(Runnable r) {
    BadInputException e = assertThrows(BadInputException.class, r::run);
    assertEquals(3, e.exitCode());
    return e.getMessage();
  }

  @Test
  void truncatedModel() {
    byte[] b = MLP.toByteArray();
    for (int cut : new int[] {b.length - 1, b.length / 2, 7}) {
      String m = fails(() -> OnnxImporter.read(Arrays.copyOf(b, cut), null, Map.of(), "m.onnx"));
      assertTrue(m.contains("m.onnx") && m.contains("not a valid ONNX model"), m);
    }
  }

  @Test
  void corruptModel() {
    byte[] junk = new byte[300];
    new SplittableRandom(1).nextBytes(junk);
    String m = fails(() -> OnnxImporter.read(junk, null, Map.of(), "junk.onnx"));
    assertTrue(m.contains("not a valid ONNX model"), m);
    String text = fails(() -> OnnxImporter.read("hello, I am not ONNX".getBytes(), null, Map.of(),
        "t.onnx"));
    assertTrue(text.contains("not a valid ONNX model"), text);
  }

  @Test
  void missingFile(@TempDir Path dir) {
    String m = fails(() -> OnnxImporter.read(dir.resolve("nope.onnx")));
    assertTrue(m.contains("nope.onnx"), m);
  }

  @Test
  void missingInitializerIsNamedWithItsNode() {
    ModelProto.Builder b = MLP.toBuilder();
    b.getGraphBuilder().removeInitializer(0); // fc1.weight
    String m = fails(() -> OnnxImporter.convert(b.build(), null, Map.of()));
    assertTrue(m.contains("fc1.weight") && m.contains("Gemm 'fc1'") && m.contains("initializer"),
        m);
  }

  @Test
  void initializerWithTooFewBytes() {
    ModelProto.Builder b = MLP.toBuilder();
    var init = b.getGraphBuilder().getInitializerBuilder(0);
    init.setRawData(init.getRawData().substring(0, 8));
    String m = fails(() -> OnnxImporter.convert(b.build(), null, Map.of()));
    assertTrue(m.contains("fc1.weight") && m.contains("corrupt"), m);
  }

  @Test
  void unsupportedOpNamesTypeAndNode() {
    OnnxWriter w = OnnxWriter.create("t", 13);
    w.input("x", 1, 4, 4);
    String a = w.node("Relu", List.of("x"));
    String k = w.node("Det", "my_det", List.of(a), "vals");
    w.node("Hardmax", "hm", List.of(k), "y");
    w.output("y");
    UnsupportedOpException e = assertThrows(UnsupportedOpException.class,
        () -> OnnxImporter.convert(w.build(), null, Map.of()));
    assertEquals("Det", e.opType());
    assertEquals("my_det", e.nodeName());
    assertEquals(List.of("Det 'my_det'", "Hardmax 'hm'"), e.all());
    assertTrue(e.getMessage().contains("Det (node 'my_det')"), e.getMessage());
    assertTrue(e.getMessage().contains("[Det, Hardmax]"), e.getMessage());
  }

  @Test
  void foreignDomainIsUnsupported() {
    ModelProto.Builder b = MLP.toBuilder();
    NodeProto.Builder n = b.getGraphBuilder().getNodeBuilder(1);
    n.setDomain("com.microsoft");
    UnsupportedOpException e = assertThrows(UnsupportedOpException.class,
        () -> OnnxImporter.convert(b.build(), null, Map.of()));
    assertEquals("com.microsoft:Relu", e.opType());
  }

  @Test
  void unusedSecondOutputIsFineButAUsedOneIsNot() {
    OnnxWriter w = OnnxWriter.create("t", 13);
    w.input("x", 1, 2, 4, 4);
    NodeProto pool = NodeProto.newBuilder().setOpType("MaxPool").setName("pool").addInput("x")
        .addOutput("p").addOutput("idx").addAttribute(OnnxWriter.ints("kernel_shape", 2, 2))
        .build();
    ModelProto.Builder mb = w.build().toBuilder();
    mb.getGraphBuilder().addNode(pool);
    mb.getGraphBuilder().addNode(NodeProto.newBuilder().setOpType("Identity").setName("id")
        .addInput("idx").addOutput("y"));
    mb.getGraphBuilder().addOutput(mb.getGraphBuilder().getInput(0).toBuilder().setName("y"));
    UnsupportedOpException e = assertThrows(UnsupportedOpException.class,
        () -> OnnxImporter.convert(mb.build(), null, Map.of()));
    assertEquals("pool", e.nodeName());
    assertEquals("MaxPool", e.opType());
    assertTrue(e.getMessage().contains("idx"), e.getMessage());
  }

  @Test
  void dynamicShapeInputIsRefusedWithTheNode() {
    OnnxWriter w = OnnxWriter.create("t", 13);
    w.input("x", 1, 4);
    w.input("s", io.kubz.slicer.ir.DType.INT64, 2);
    w.node("Reshape", "r", List.of("x", "s"), "y");
    w.output("y");
    UnsupportedOpException e = assertThrows(UnsupportedOpException.class,
        () -> OnnxImporter.convert(w.build(), null, Map.of()));
    assertEquals("r", e.nodeName());
    assertTrue(e.getMessage().contains("Reshape (node 'r')")
        && e.getMessage().contains("needs it constant"), e.getMessage());
  }

  @Test
  void badAttributeShapeIsNamed() {
    String m = fails(() -> OnnxImporter.convert(OpCases.single("bad", 13, new int[] {1, 2, 4, 4},
        w -> w.node("MaxPool", List.of("x"), OnnxWriter.ints("kernel_shape", 2))).model(),
        null, Map.of()));
    assertTrue(m.contains("MaxPool") && m.contains("kernel_shape"), m);
  }

  @Test
  void absurdDimensionsAreRefused() {
    ModelProto.Builder b = MLP.toBuilder();
    b.getGraphBuilder().getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder()
        .getShapeBuilder().getDimBuilder(1).setDimValue(1L << 40);
    String m = fails(() -> OnnxImporter.convert(b.build(), null, Map.of()));
    assertTrue(m.contains("'input'"), m);
    ModelProto.Builder c = MLP.toBuilder();
    c.getGraphBuilder().getInitializerBuilder(0).clearRawData().clearDims().addDims(1 << 20)
        .addDims(1 << 20);
    String n = fails(() -> OnnxImporter.convert(c.build(), null, Map.of()));
    assertTrue(n.contains("fc1.weight"), n);
    ModelProto.Builder d = MLP.toBuilder();
    d.getGraphBuilder().getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder()
        .getShapeBuilder().getDimBuilder(1).setDimValue(1 << 16);
    d.getGraphBuilder().getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder()
        .getShapeBuilder().getDimBuilder(0).setDimValue(1 << 16);
    String o = fails(() -> OnnxImporter.convert(d.build(), null, Map.of()));
    assertTrue(o.contains("'input'") && o.contains("elements"), o);
  }

  @Test
  void cycleIsReported() {
    ModelProto.Builder b = MLP.toBuilder();
    // Make fc1 read the output of the last node: fc1 → relu → fc2 → identity → fc1.
    b.getGraphBuilder().getNodeBuilder(0).setInput(0, "output");
    String m = fails(() -> OnnxImporter.convert(b.build(), null, Map.of()));
    assertTrue(m.contains("cycle") || m.contains("no node"), m);
  }

  @Test
  void wrongInputLengthAndShape() {
    Graph g = OnnxImporter.convert(MLP, null, Map.of());
    String m = fails(() -> InputData.parse("[1, 2]", g, "in.json"));
    assertTrue(m.contains("needs 3 values") && m.contains("got 2") && m.contains("'input'"), m);
    String s = fails(() -> InputData.parse(
        "{\"input_data\": [[1, 2, 3]], \"input_shapes\": [[3, 1]]}", g, "in.json"));
    assertTrue(s.contains("[3, 1]") && s.contains("[1, 3]"), s);
    String count = fails(() -> InputData.parse("{\"input_data\": [[1,2,3],[4,5,6]]}", g, "in.json"));
    assertTrue(count.contains("2 input(s)") && count.contains("has 1"), count);
    String sh = fails(() -> FloatInterpreter.run(g, List.of(Tensor.of(new int[] {3, 1}, 1, 2, 3))));
    assertTrue(sh.contains("input 'input' must have shape [1, 3]"), sh);
    String word = fails(() -> InputData.parse("[1, \"two\", 3]", g, "in.json"));
    assertTrue(word.contains("two") && word.contains("not a number"), word);
  }

  @Test
  void nonFiniteInputs() {
    Graph g = OnnxImporter.convert(MLP, null, Map.of());
    String nan = fails(() -> InputData.parse("[1, \"NaN\", 3]", g, "in.json"));
    assertTrue(nan.contains("#1 is NaN") && nan.contains("finite"), nan);
    String inf = fails(() -> InputData.parse("[1, 2, 1e400]", g, "in.json"));
    assertTrue(inf.contains("#2 is Infinity"), inf);
    String neg = fails(() -> InputData.parse("[\"-inf\", 2, 3]", g, "in.json"));
    assertTrue(neg.contains("-Infinity"), neg);
    String direct = fails(() -> FloatInterpreter.run(g,
        List.of(Tensor.of(new int[] {1, 3}, 1, Double.NaN, 3))));
    assertTrue(direct.contains("NaN"), direct);
  }

  @Test
  void malformedJson(@TempDir Path dir) throws Exception {
    Graph g = OnnxImporter.convert(MLP, null, Map.of());
    assertThrows(BadInputException.class, () -> InputData.parse("[1, 2,", g, "in.json"));
    Path f = dir.resolve("x.json");
    Files.writeString(f, "{\"data\": [1,2,3]}");
    String m = fails(() -> InputData.read(f, g));
    assertTrue(m.contains("input_data"), m);
  }
}
