package io.kubz.slicer.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.SliceSpec;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contraction splits end to end: under a budget too small for one output of a layer with its
 * whole input (mlp 8→64→4 at 2^8 rows: the output layer's 64-long dot products), partial-sum
 * slices prove sums over ranges of the contraction, a slice adds them and the bias and rescales,
 * the bundle verifies and its output is the interpreter's; a partial sum spliced in from another
 * run breaks its link.
 */
class ContractionProveTest {
  private static final int K = 8;

  @Test
  void partialSumsProveVerifyAndASplicedPartialSumIsRejected() {
    Graph g = Runs.graph(ExampleModels.mlp(1, 8, 64, 4));
    List<Tensor> in = Runs.input(g, 3);
    QuantizedGraph q = ModelProver.quantize(g, in, null);
    SlicePlan plan = Strategy.budget(K, 0).plan(q.graph(), new LoweredCost(q));
    int partial = -1;
    for (SliceSpec s : plan.slices()) {
      if (s.split() != null && s.split().partial()) {
        partial = s.id();
      }
    }
    assertTrue(partial >= 0, "2^" + K + " rows force a contraction split: " + plan.toJson());
    ModelProver.Options o = ModelProver.Options.of(Runs.srs()).withQuant(q.plan()).withPlan(plan).withThreads(2);
    ModelProver.Result a = ModelProver.prove(g, in, o);
    a.summary().slices().forEach(s -> assertTrue(s.k() <= K, "slice " + s.id() + " has 2^" + s.k() + " rows"));
    VerificationResult va = BundleVerifier.selfCheck(a.bundle());
    assertTrue(va.valid(), va.reason());
    Map<String, long[]> expected = Runs.expected(g, in, o);
    for (ProofBundle.PublicTensor t : va.outputs()) {
      assertArrayEquals(expected.get(t.name()), t.values(), "proven output " + t.name() + " is the interpreter's");
    }
    ModelProverTest.print(g, a);
    // the partial-sum slice of run b and the slices it reads from (so that its inputs still link):
    // valid proofs, but its partial sums are not under the commitment the combining slice of run a read
    ModelProver.Result b = ModelProver.prove(g, in, o);
    List<ProofBundle.Slice> spliced = new ArrayList<>(a.parsed().slices());
    spliced.set(partial, b.parsed().slices().get(partial));
    for (SliceSpec s : plan.slices()) {
      if (s.outputs().stream().anyMatch(plan.slices().get(partial).inputs()::contains)) {
        spliced.set(s.id(), b.parsed().slices().get(s.id()));
      }
    }
    ProofBundle p = a.parsed();
    byte[] bad = BundleCodec.encode(new ProofBundle(p.modelDigest(), p.modelName(), p.planJson(), p.quantJson(),
        p.inputVisibility(), p.outputVisibility(), p.srs(), spliced, p.inputs(), p.outputs()));
    VerificationResult v = BundleVerifier.selfCheck(bad);
    assertFalse(v.valid(), "a spliced partial sum must not verify");
    assertTrue(v.reason().contains("@k"), v.reason());
  }
}
