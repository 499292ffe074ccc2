package io.kubz.slicer.api;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.onnx.ExampleModels;
import org.junit.jupiter.api.Test;

/** End to end on a model whose non-linearities are all lookups (sigmoid, tanh, GELU, softmax). */
class NonlinearModelTest {

  @Test
  void smoothClassifierProvesAndVerifies() {
    Graph g = Runs.graph(ExampleModels.smooth(31, 6));
    // as few slices as 2^12 rows allow: every table lookup, sum and division of the model is proved
    ModelProver.Options o = ModelProver.Options.of(Runs.srs()).withStrategy(Strategy.budget(12, 0));
    ModelProverTest.assertProvesAndVerifies(g, Runs.input(g, 32), o);
  }
}
