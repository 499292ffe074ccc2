package io.kubz.slicer.layered;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.gkr.model.Layer;
import io.kubz.gkr.model.LayeredModel;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A ReLU table read by a rescale of its width is lowered as max(y, 0) (no table, no lookup), and a
 * max pool over it as one max(y_1, …, y_k, 0): the outputs stay the interpreter's bit for bit.
 */
class LayeredReluTest {
  private static boolean zeros(LayeredModel m, int t) {
    return m.layers().get(t) instanceof Layer.Linear lin && lin.terms().size() == 1
        && lin.terms().get(0).matrix().nnz() == 0
        && (lin.bias() == null || java.util.Arrays.stream(lin.bias()).allMatch(v -> v == 0));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void reluIsAMaxWithZeroAndThePoolAbsorbsIt(long seed) {
    // cnn: conv → bn → ReLU → MaxPool 2×2 → conv → ReLU → GlobalAveragePool → Gemm
    Graph g = Differential.graph(ExampleModels.cnn(seed));
    Tensor x = ExampleModels.input(seed, g.inputs().get(0).shape());
    QuantizedGraph q = Differential.quantize(g, List.of(x));
    LayeredModel m = Differential.check(q, List.of(x)).model();
    int lookups = 0;
    int reluMaxes = 0;
    int pooled = 0;
    for (int t = 0; t < m.layers().size(); t++) {
      Layer l = m.layers().get(t);
      lookups += l instanceof Layer.Lookup ? 1 : 0;
      if (l instanceof Layer.Max mx && zeros(m, mx.inputs()[mx.inputs().length - 1])) {
        int first = mx.inputs()[0];
        if (mx.inputs().length == 2) {
          assertTrue(m.layers().get(first) instanceof Layer.Rescale r && r.outBits() == mx.diffBits(),
              "a ReLU's max reads its rescale, with differences of the rescale's width");
          reluMaxes++;
        } else {
          assertEquals(5, mx.inputs().length, "four window positions and the zero");
          pooled++;
        }
      }
    }
    assertEquals(0, lookups, "no ReLU table is looked up");
    assertEquals(1, reluMaxes, "the second ReLU (before the average pool) stays a max of two");
    assertEquals(1, pooled, "the first ReLU is absorbed by its max pool");
  }
}
