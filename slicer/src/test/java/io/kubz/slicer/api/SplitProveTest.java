package io.kubz.slicer.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.Split;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Split layers end to end: sub-slices prove ranges of a layer's output, consumers read the parts,
 * the bundle verifies and its outputs are the interpreter's; a part spliced in from another run
 * breaks its link. The budget plans of the example CNN, residual model and LeNet at 2^11 and 2^12
 * rows take minutes on a shared 2-core machine: {@code -Dkubz.slow=true}.
 */
class SplitProveTest {

  /** residual(8) with its first layer proved in two parts and the block reading both. */
  private static ModelProver.Options handSplit(Graph g, List<Tensor> in) {
    QuantizedGraph q = ModelProver.quantize(g, in, null);
    List<String> names = g.nodes().stream().map(Node::name).toList();
    List<String> first = names.subList(0, 2);
    List<SlicePlan.Group> groups = new ArrayList<>();
    groups.add(new SlicePlan.Group(first, new Split(first.get(1), 0, 5)));
    groups.add(new SlicePlan.Group(first, new Split(first.get(1), 5, 8)));
    groups.add(new SlicePlan.Group(names.subList(2, names.size()), null));
    SlicePlan plan = SlicePlan.of("hand", q.graph(), groups, new LoweredCost(q));
    return ModelProver.Options.of(Runs.srs()).withQuant(q.plan()).withPlan(plan).withThreads(2);
  }

  @Test
  void partsProveVerifyAndASplicedPartIsRejected() {
    Graph g = Runs.graph(ExampleModels.residual(7, 8));
    List<Tensor> in = Runs.input(g, 1);
    ModelProver.Options o = handSplit(g, in);
    ModelProver.Result a = ModelProver.prove(g, in, o);
    VerificationResult va = BundleVerifier.selfCheck(a.bundle());
    assertTrue(va.valid(), va.reason());
    java.util.Map<String, long[]> expected = Runs.expected(g, in, o);
    for (ProofBundle.PublicTensor t : va.outputs()) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(expected.get(t.name()), t.values(), t.name());
    }
    ModelProverTest.print(g, a);
    ModelProver.Result b = ModelProver.prove(g, in, o);
    assertTrue(BundleVerifier.selfCheck(b.bundle()).valid());
    // slice 1 of run b proves the same part #5:8 under another salt: a valid proof, but its
    // commitment is not the one slice 2 of run a read
    List<ProofBundle.Slice> spliced = new ArrayList<>(a.parsed().slices());
    spliced.set(1, b.parsed().slices().get(1));
    ProofBundle p = a.parsed();
    byte[] bad = BundleCodec.encode(new ProofBundle(p.modelDigest(), p.modelName(), p.planJson(), p.quantJson(),
        p.inputVisibility(), p.outputVisibility(), p.srs(), spliced, p.inputs(), p.outputs()));
    VerificationResult v = BundleVerifier.selfCheck(bad);
    assertFalse(v.valid(), "a spliced part must not verify");
    assertTrue(v.reason().contains("#5:8"), v.reason());
  }

  private static void budget(Graph g, int k) {
    assumeTrue(Boolean.getBoolean("kubz.slow"), "proving budget plans takes minutes: run with -Dkubz.slow=true");
    List<Tensor> in = Runs.input(g, 3);
    ModelProver.Options o = ModelProver.Options.of(Runs.srs()).withStrategy(Strategy.budget(k, 0)).withThreads(2);
    ModelProver.Result r = ModelProver.prove(g, in, o);
    r.summary().slices().forEach(s -> assertTrue(s.k() <= k, "slice " + s.id() + " has 2^" + s.k() + " rows"));
    ModelProverTest.assertProvesAndVerifies(g, in, o);
  }

  @Test
  void cnnAt2To11() {
    budget(Runs.graph(ExampleModels.cnn(3)), 11);
  }

  @Test
  void cnnAt2To12() {
    budget(Runs.graph(ExampleModels.cnn(3)), 12);
  }

  @Test
  void residual256At2To12() {
    budget(Runs.graph(ExampleModels.residual(5, 256)), 12);
  }

  /**
   * LeNet at 2^12: its second convolution reads 150 inputs per output, held in row parts of the
   * first layer's pooled output, and its first dense layer reads the 400 flattened values in parts
   * of pooled rows; every slice fits 2^12 rows, and the bundle proves the interpreter's output.
   */
  @Test
  void lenetAt2To12() {
    assumeTrue(Boolean.getBoolean("kubz.slow"), "LeNet takes minutes: run with -Dkubz.slow=true");
    budget(Runs.graph(ExampleModels.lenet(1)), 12);
  }
}
