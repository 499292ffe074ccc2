package io.kubz.slicer.api;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.onnx.AttentionModels;
import org.junit.jupiter.api.Test;

/**
 * End to end: a tiny attention block softmax(Q·Kᵀ/√d)·V, whose Q·Kᵀ and A·V are products of two
 * activations, and an xLSTM-style gate (comparison, Where, Max, ArgMax) prove and verify
 * (selfCheck) with outputs equal to the integer interpreter's.
 */
class AttentionProveTest {

  @Test
  void attentionBlockProvesAndVerifies() {
    Graph g = Runs.graph(AttentionModels.attention(11, 1, 3, 4));
    ModelProverTest.assertProvesAndVerifies(g, Runs.input(g, 12), ModelProver.Options.of(Runs.srs()));
  }

  /** Comparison, Where, binary Max and ArgMax (with Cast) end to end. */
  @Test
  void gatingProvesAndVerifies() {
    Graph g = Runs.graph(AttentionModels.gating(21));
    ModelProverTest.assertProvesAndVerifies(g, Runs.input(g, 22), ModelProver.Options.of(Runs.srs()));
  }
}
