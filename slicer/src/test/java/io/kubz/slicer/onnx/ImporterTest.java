package io.kubz.slicer.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.slicer.interp.FloatInterpreter;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import io.kubz.slicer.onnx.proto.Onnx.NodeProto;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Import-time behaviour: ordering, folding, normalisation, summary. */
class ImporterTest {

  @Test
  void unsortedNodesAreSorted() {
    ModelProto m = ExampleModels.residual(3, 6);
    ModelProto.Builder b = m.toBuilder();
    List<NodeProto> nodes = new ArrayList<>(m.getGraph().getNodeList());
    Collections.reverse(nodes);
    b.getGraphBuilder().clearNode().addAllNode(nodes);
    Graph sorted = OnnxImporter.convert(m, null, Map.of());
    Graph reversed = OnnxImporter.convert(b.build(), null, Map.of());
    Tensor x = ExampleModels.input(1, 1, 6);
    assertEquals(FloatInterpreter.run(sorted, List.of(x)),
        FloatInterpreter.run(reversed, List.of(x)));
    List<String> seen = new ArrayList<>(List.of("input"));
    seen.addAll(reversed.constants().keySet());
    for (Node n : reversed.nodes()) {
      assertTrue(seen.containsAll(n.inputs()), n.label() + " after its inputs");
      seen.add(n.output());
    }
  }

  @Test
  void foldedSubgraphsLeaveNoNodes() {
    Graph g = OnnxImporter.convert(OpCases.all().stream()
        .filter(c -> c.name().startsWith("Shape-driven")).findFirst().orElseThrow().model(),
        null, Map.of());
    // Shape, Gather, Unsqueeze and Concat are folded into a constant; Reshape and Identity stay.
    assertEquals(List.of("Reshape", "Identity"),
        g.nodes().stream().map(Node::onnxOpType).toList());
    Op.Reshape r = (Op.Reshape) g.nodes().get(0).op();
    assertEquals("[1, 288]", java.util.Arrays.toString(r.shape()));
  }

  @Test
  void batchNormFoldedAfterConvAndGemm() {
    for (OpCases.Case c : OpCases.all()) {
      if (c.name().endsWith("(folded)")) {
        Graph g = OnnxImporter.convert(c.model(), null, Map.of());
        assertFalse(g.nodes().stream().anyMatch(n -> n.op() instanceof Op.BatchNorm), c.name());
      }
    }
  }

  @Test
  void summaryWritesAsJson() {
    Graph g = OnnxImporter.convert(ExampleModels.lenet(1), null, Map.of());
    String json = Json.write(g.summary().toMap());
    Map<String, Object> back = Json.asObject(Json.parse(json), "summary");
    Map<String, Object> ops = Json.asObject(back.get("ops"), "ops");
    assertEquals(3, Json.asInt(ops.get("Gemm"), "Gemm"));
    // 6·25+6 + 16·6·25+16 + 400·120+120 + 120·84+84 + 84·10+10 = 61706.
    assertEquals(61706, Json.asLong(back.get("parameters"), "parameters"));
    assertEquals(61706, g.parameterCount());
  }

  @Test
  void integerDivisionByZeroNamesTheNode() {
    OnnxWriter w = OnnxWriter.create("t", 13);
    w.input("a", DType.INT64, 1, 2);
    w.input("b", DType.INT64, 1, 2);
    w.node("Div", "div", List.of("a", "b"), "y");
    w.output("y");
    Graph g = OnnxImporter.convert(w.build(), null, Map.of());
    BadInputException e = assertThrows(BadInputException.class, () -> FloatInterpreter.run(g,
        List.of(Tensor.longs(7, -7).reshape(1, 2), Tensor.longs(2, 0).reshape(1, 2))));
    assertTrue(e.getMessage().contains("Div 'div'") && e.getMessage().contains("zero"));
    // Truncation toward zero: 7/2 = 3, −7/2 = −3.
    org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {3, -3},
        FloatInterpreter.run(g, Map.of("a", Tensor.longs(7, -7).reshape(1, 2),
            "b", Tensor.longs(2, 2).reshape(1, 2))).get("y").data());
  }

  @Test
  void givenInputShapesOverrideSymbolicOnes() {
    ModelProto.Builder b = ExampleModels.mlp(1, 3, 2).toBuilder();
    b.getGraphBuilder().getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder()
        .getShapeBuilder().getDimBuilder(0).clearDimValue().setDimParam("batch");
    Graph one = OnnxImporter.convert(b.build(), null, Map.of());
    assertEquals("[1, 3]", java.util.Arrays.toString(one.inputs().get(0).shape()));
    Graph four = OnnxImporter.convert(b.build(), null, Map.of("input", new int[] {4, 3}));
    assertEquals("[4, 2]", java.util.Arrays.toString(four.shape("output")));
    assertThrows(BadInputException.class,
        () -> OnnxImporter.convert(b.build(), null, Map.of("input", new int[] {4, 5})));
  }
}
