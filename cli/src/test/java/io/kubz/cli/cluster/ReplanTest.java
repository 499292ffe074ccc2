package io.kubz.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.prover.Prover;
import io.kubz.slicer.api.LoweredCost;
import io.kubz.slicer.api.ModelProver;
import io.kubz.slicer.api.Strategy;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.lower.SliceCompiler;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.SliceSpec;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Re-planning before dispatch on a real 16-layer MLP (the layouter packs up to 8 layers side by
 * side, so the whole model is one power of two larger than a layer) whose slices are compiled (not keyed, to stay fast: the
 * sizes re-planning looks at are the compiled circuits'): a plan whose slices all fit is kept; a
 * slice too large for every worker makes a budget plan whose slices do fit; a saved plan is not
 * changed; workers below the budget minimum, or the memory estimate, are refused clearly.
 */
class ReplanTest {
  private static final long GIB = 1L << 30;
  static QuantizedGraph q;

  /** A plan with its slices compiled. */
  record Compiled(SlicePlan plan, List<CircuitDescription> circuits) implements Replan.Sized {
    static Compiled of(SlicePlan p) {
      List<CircuitDescription> ds = new ArrayList<>();
      for (SliceSpec s : p.slices()) {
        ds.add(SliceCompiler.compile(q, new LinkedHashSet<>(s.nodes()), Visibility.PUBLIC).description());
      }
      return new Compiled(p, ds);
    }

    @Override
    public int k(int i) {
      return circuits.get(i).k();
    }

    @Override
    public long peakBytes(int i) {
      return Prover.estimateBytes(circuits.get(i));
    }

    int maxK() {
      int k = 0;
      for (CircuitDescription d : circuits) {
        k = Math.max(k, d.k());
      }
      return k;
    }
  }

  @BeforeAll
  static void model() {
    Graph g = OnnxImporter.read(ExampleModels.mlp(3, IntStream.range(0, 17).map(i -> 32).toArray()).toByteArray(), null, Map.of(), "mlp");
    q = ModelProver.quantize(g, List.of(ExampleModels.input(2, g.inputs().get(0).shape())), null);
  }

  private static Compiled plan(Strategy s) {
    return Compiled.of(s.plan(q.graph(), new LoweredCost(q)));
  }

  @Test
  void aPlanThatFitsIsKept() {
    Compiled s = plan(Strategy.perLayer());
    List<String> notes = new ArrayList<>();
    Compiled r = Replan.fit(s, q, false, List.of(new Capacity(1, s.maxK(), GIB)), p -> {
      throw new AssertionError("must not re-plan");
    }, notes::add);
    assertSame(s, r);
    assertTrue(notes.isEmpty(), notes.toString());
  }

  @Test
  void aSliceTooLargeForEveryWorkerIsReplannedIntoSlicesThatFit() {
    Compiled whole = plan(Strategy.maxLayers(16));
    Compiled perLayer = plan(Strategy.perLayer());
    assertEquals(1, whole.plan().slices().size());
    int big = whole.maxK();
    int small = perLayer.maxK();
    assertTrue(small < big, "per-layer slices (2^" + small + ") must be smaller than the whole model (2^" + big + ")");
    List<Capacity> workers = List.of(new Capacity(1, small, GIB), new Capacity(2, small - 1, GIB));
    List<String> notes = new ArrayList<>();
    Compiled r = Replan.fit(whole, q, false, workers, Compiled::of, notes::add);
    assertTrue(r.plan().slices().size() > 1, "re-planned into several slices: " + r.plan().toJson());
    assertTrue(r.plan().strategy().startsWith("budget") || r.plan().strategy().equals("per-layer"),
        r.plan().strategy());
    assertEquals(-1, Replan.misfit(r, workers), "every slice fits a worker");
    assertTrue(r.maxK() <= small);
    assertTrue(!notes.isEmpty() && notes.get(0).contains("re-planned"), notes.toString());
  }

  @Test
  void aSavedPlanIsNotChanged() {
    Compiled whole = plan(Strategy.maxLayers(16));
    ClusterException e = assertThrows(ClusterException.class, () -> Replan.fit(whole, q, true,
        List.of(new Capacity(1, whole.maxK() - 1, GIB)), Compiled::of, n -> {}));
    assertTrue(e.getMessage().contains("kubz slice --max-rows"), e.getMessage());
  }

  @Test
  void workersBelowTheBudgetMinimumFailClearly() {
    Compiled s = plan(Strategy.perLayer());
    ClusterException e = assertThrows(ClusterException.class, () -> Replan.fit(s, q, false,
        List.of(new Capacity(1, Replan.MIN_ROWS_LOG2 - 1, GIB)), Compiled::of, n -> {}));
    assertTrue(e.getMessage().contains("fits no worker") && e.getMessage().contains("--max-rows"), e.getMessage());
    assertEquals(3, e.exitCode());
  }

  @Test
  void memoryCountsToo() {
    Compiled s = plan(Strategy.perLayer());
    long peak = 0;
    for (int i = 0; i < s.plan().slices().size(); i++) {
      peak = Math.max(peak, s.peakBytes(i));
    }
    assertEquals(-1, Replan.misfit(s, List.of(new Capacity(1, 30, peak))));
    assertTrue(Replan.misfit(s, List.of(new Capacity(1, 30, peak - 1))) >= 0);
  }
}
