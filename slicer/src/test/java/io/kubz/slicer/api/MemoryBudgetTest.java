package io.kubz.slicer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.exec.KeyCache;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.plan.SliceCost;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.SliceSpec;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #16, finding 7 (out of memory): the default plan fits a memory budget taken from the heap,
 * and a session whose slices do not all fit in memory keeps only their verifying keys.
 */
class MemoryBudgetTest {
  /** The 3×64×64 CNN whose per-layer plan has a 2^19-row slice (it ran out of a 6 GiB heap). */
  @Test
  void theDefaultPlanSplitsLayersThatDoNotFitTheBudget() {
    Graph g = Runs.graph(ExampleModels.wideCnn(7));
    QuantizedGraph q = ModelProver.quantize(g, Runs.input(g, 1), null);
    LoweredCost cost = new LoweredCost(q);
    SlicePlan perLayer = Strategy.perLayer().plan(q.graph(), cost);
    long widest = perLayer.slices().stream().mapToLong(SliceSpec::estimatedRows).max().orElseThrow();
    long budget = cost.memoryBytes(widest) / 2; // one size smaller: 2^18 rows
    SlicePlan within = Strategy.perLayerWithin(budget).plan(q.graph(), cost);
    assertTrue(cost.memoryBytes(widest) > budget, "the per-layer plan does not fit");
    assertTrue(!perLayer.toJson().equals(within.toJson()), "the model was planned again");
    for (SliceSpec s : within.slices()) {
      assertTrue(cost.memoryBytes(s.estimatedRows()) <= budget,
          "slice " + s.id() + " (" + s.estimatedRows() + " rows) fits " + budget + " bytes");
    }
    SlicePlan roomy = Strategy.perLayerWithin(cost.memoryBytes(widest)).plan(q.graph(), cost);
    assertEquals(perLayer.toJson(), roomy.toJson(), "a model whose layers fit keeps its per-layer plan");
  }

  @Test
  void memoryIsChargedForThePowerOfTwoCircuitTheRowsLandIn() {
    SliceCost c = SliceCost.DEFAULT;
    assertEquals(c.memoryBytes(1000), c.memoryBytes(1024 - 8), "same 2^10 circuit");
    assertEquals(SliceCost.COLUMNS_AT_PEAK * io.kubz.plonkish.prover.HeapFootprint.column(2048), c.memoryBytes(1024 - 7),
        "one more row doubles the circuit");
    assertEquals(SliceCost.COLUMNS_AT_PEAK * io.kubz.plonkish.prover.HeapFootprint.column(1024), c.memoryBytes(1000));
  }

  /** Slices that do not fit the resident budget are re-synthesized and re-keyed from their verifying key. */
  @Test
  void aSessionWithNoResidentSlicesProvesTheSameBundle() {
    Graph g = Runs.graph(ExampleModels.cnn(3));
    List<Tensor> in = Runs.input(g, 4);
    QuantizedGraph q = ModelProver.quantize(g, in, null);
    SlicePlan plan = Strategy.perLayer().plan(q.graph(), new LoweredCost(q));
    ProvingSession lean = new ProvingSession(q, plan, Visibility.PUBLIC, log2 -> Runs.srs(), KeyCache.inMemory(),
        ProgressListener.NONE, 0);
    ProvingSession full = new ProvingSession(q, plan, Visibility.PUBLIC, log2 -> Runs.srs(), KeyCache.inMemory(),
        ProgressListener.NONE);
    for (int i = 0; i < plan.slices().size(); i++) {
      assertFalse(lean.resident(i), "slice " + i + " is not kept with a zero budget");
      assertTrue(full.resident(i), "slice " + i + " is kept with the default budget");
    }
    assertTrue(java.util.Arrays.equals(full.statement().modelDigest(), lean.statement().modelDigest()),
        "same keys, same model digest");
    ModelProver.Result r = ModelProver.prove(lean, in, ModelProver.Options.of(Runs.srs()));
    VerificationResult v = BundleVerifier.selfCheck(r.bundle());
    assertTrue(v.valid(), v.reason());
  }
}
