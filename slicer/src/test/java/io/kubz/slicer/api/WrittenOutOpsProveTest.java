package io.kubz.slicer.api;

import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static io.kubz.slicer.onnx.OnnxWriter.ints;

import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.OnnxWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End to end (prove, verify, proven outputs equal the integer interpreter's) for the operators that
 * the importer writes out into operations with circuits: ReduceL1/L2/LogSumExp, Cast truncation and
 * integer Div, TopK, and OneHot of computed indices.
 */
class WrittenOutOpsProveTest {

  private static ModelProver.Options options() {
    return ModelProver.Options.ofDevSrs(20261207).withThreads(2);
  }

  @Test
  void nonLinearReductions() {
    OnnxWriter w = OnnxWriter.create("norm_reductions", 13);
    String x = w.input("input", 2, 4);
    String l1 = w.node("ReduceL1", List.of(x), ints("axes", 1), attr("keepdims", 0L));
    String l2 = w.node("ReduceL2", List.of(x), ints("axes", 1), attr("keepdims", 0L));
    String lse = w.node("ReduceLogSumExp", List.of(x), ints("axes", 1), attr("keepdims", 0L));
    w.output(w.node("Add", List.of(w.node("Add", List.of(l1, l2)), lse)));
    Graph g = Runs.graph(w.build());
    ModelProverTest.assertProvesAndVerifies(g, Runs.input(g, 7), options());
  }

  @Test
  void truncationAndIntegerDivision() {
    OnnxWriter w = OnnxWriter.create("truncations", 13);
    String x = w.input("input", 1, 8);
    String whole = w.node("Cast", List.of(w.node("Mul", List.of(x, w.initializer("k", Tensor.of(new int[] {}, 2.5))))),
        attr("to", 7L));
    String q = w.node("Div", List.of(whole, w.initializer("d", Tensor.of(DType.INT64, new int[] {}, new double[] {2}))));
    w.output(w.node("Cast", List.of(q), attr("to", 1L)));
    Graph g = Runs.graph(w.build());
    ModelProverTest.assertProvesAndVerifies(g, Runs.input(g, 8), options());
  }

  @Test
  void topKAndOneHotOfItsIndices() {
    OnnxWriter w = OnnxWriter.create("topk_onehot", 13);
    String x = w.input("input", 2, 4);
    List<String> top = w.node("TopK", "topk", List.of(x, w.initializer("k", Tensor.longs(2))), List.of("v", "i"),
        attr("axis", 1L));
    String hot = w.node("OneHot", List.of(top.get(1), w.initializer("depth", Tensor.longs(4)),
        w.initializer("values", Tensor.of(new int[] {2}, 0, 1))), attr("axis", -1L));
    w.output(top.get(0));
    w.output(hot);
    Graph g = Runs.graph(w.build());
    ModelProverTest.assertProvesAndVerifies(g, Runs.input(g, 9), options());
  }
}
