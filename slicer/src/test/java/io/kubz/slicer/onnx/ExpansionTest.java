package io.kubz.slicer.onnx;

import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.quant.IndexMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operators {@link Expansion} rewrites, against ONNX Runtime (the fused recurrent operators'
 * own semantics), their quantized semantics, and the claim that re-indexing costs no arithmetic:
 * after import the graph holds re-indexing operations only.
 */
class ExpansionTest {
  static Stream<OpCases.Case> reindexing() {
    return ExpansionCases.reindexing().stream();
  }

  static Stream<OpCases.Case> all() {
    return Stream.concat(reindexing(), ExpansionCases.recurrent().stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("all")
  void floatSemanticsMatchOnnxRuntime(OpCases.Case c) {
    OrtAgreementTest.agree(c.name(), c.model(), 3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("all")
  void quantizedSemanticsMatchFloat(OpCases.Case c) {
    new QuantizedOpCasesTest().quantizedOperatorMatchesFloat(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reindexing")
  void reindexingBecomesLayoutOnly(OpCases.Case c) {
    Graph g = OnnxImporter.convert(c.model(), null, Map.of());
    assertTrue(!g.nodes().isEmpty(), c.name() + ": nothing left to prove");
    for (Node n : g.nodes()) {
      assertTrue(IndexMap.isLayout(n.op()), c.name() + ": " + n.label() + " is " + n.op());
    }
  }

  @Test
  void lstmUnrollsIntoOneInputProjectionAndPerStepGates() {
    OpCases.Case c = ExpansionCases.recurrent().stream()
        .filter(x -> x.name().startsWith("LSTM forward")).findFirst().orElseThrow();
    Graph g = OnnxImporter.convert(c.model(), null, Map.of());
    long matmuls = g.nodes().stream().filter(n -> n.op() instanceof io.kubz.slicer.ir.Op.MatMul)
        .count();
    // x·Wᵀ once over the sequence, then h·Rᵀ at steps 2 to 5 (h₀ is a constant: its product folds).
    assertTrue(matmuls == 5, "MatMul count " + matmuls);
    assertTrue(g.nodes().stream().allMatch(n -> n.onnxOpType().equals("LSTM")
        || n.onnxOpType().equals("Identity")), "every node reports its ONNX origin");
  }

  /**
   * ONNX Runtime refuses layout 1 (batch first), so the batch-first LSTM is checked against ORT
   * running the same weights in layout 0 between two transposes.
   */
  @Test
  void batchFirstLstmMatchesTransposedOnnxRuntime() {
    Tensor wt = OpCases.rand(1, 16, 3);
    Tensor rt = OpCases.rand(1, 16, 4);
    Tensor bt = OpCases.rand(1, 32);
    OnnxWriter a = OnnxWriter.create("batch first", 14);
    a.input("x", 2, 5, 3);
    a.node("LSTM", "l", List.of("x", a.initializer("W", wt), a.initializer("R", rt),
        a.initializer("B", bt)), List.of("y"), attr("hidden_size", 4L), attr("layout", 1L));
    a.output("y");
    OnnxWriter b = OnnxWriter.create("sequence first", 14);
    b.input("x", 2, 5, 3);
    String xt = b.node("Transpose", List.of("x"), OnnxWriter.ints("perm", 1, 0, 2));
    b.node("LSTM", "l", List.of(xt, b.initializer("W", wt), b.initializer("R", rt),
        b.initializer("B", bt)), List.of("y0"), attr("hidden_size", 4L));
    b.node("Transpose", "t", List.of("y0"), "y", OnnxWriter.ints("perm", 2, 0, 1, 3));
    b.output("y");
    double worst = OrtAgreementTest.worst(a.build(), b.build(), 5);
    assertTrue(worst <= 1, "differs from onnxruntime by " + worst + "× the tolerance");
  }

  @Test
  void linearResizeIsRefusedNamingTheNode() {
    OpCases.Case c = OpCases.single("resize linear", 13, new int[] {1, 1, 2, 2}, w -> w.node(
        "Resize", "up", List.of("x", "", w.initializer("sc",
            Tensor.ofFloats(new int[] {4}, 1, 1, 2, 2))), "up_out", attr("mode", "linear")));
    UnsupportedOpException e = assertThrows(UnsupportedOpException.class,
        () -> OnnxImporter.convert(c.model(), null, Map.of()));
    assertTrue(e.getMessage().contains("'up'") && e.getMessage().contains("nearest"),
        e.getMessage());
  }

  @Test
  void shortSequenceLengthsAreRefused() {
    OpCases.Case c = OpCases.single("rnn lens", 14, new int[] {3, 1, 2}, w -> w.node("RNN", "r",
        List.of("x", w.initializer("W", OpCases.rand(1, 2, 2)), w.initializer("R",
            OpCases.rand(1, 2, 2)), "", w.initializer("L", Tensor.of(io.kubz.slicer.ir.DType.INT32,
                new int[] {1}, new double[] {2}))), "r_out", attr("hidden_size", 2L)));
    UnsupportedOpException e = assertThrows(UnsupportedOpException.class,
        () -> OnnxImporter.convert(c.model(), null, Map.of()));
    assertTrue(e.getMessage().contains("sequence_lens"), e.getMessage());
  }

  @Test
  void nonZeroOfAnActivationIsRefused() {
    OpCases.Case c = OpCases.op("nz", 13, new int[] {4}, "NonZero");
    assertThrows(UnsupportedOpException.class,
        () -> OnnxImporter.convert(c.model(), null, Map.of()));
  }
}
