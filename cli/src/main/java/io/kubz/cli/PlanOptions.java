package io.kubz.cli;

import io.kubz.field.UsageException;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.plan.SliceCost;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.api.Strategy;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The slicing options shared by slice, setup and prove. */
final class PlanOptions {
  @Option(names = "--plan", paramLabel = "PLAN", description = "A plan saved by kubz slice (may be edited).")
  Path plan;

  @Option(names = "--max-layers", paramLabel = "N", description = "N consecutive layers per slice.")
  Integer maxLayers;

  @Option(names = "--max-rows", paramLabel = "K",
      description = "Budget: at most 2^K rows per slice circuit (layers too large are cut).")
  Integer maxRows;

  @Option(names = "--max-memory", paramLabel = "SIZE", description = "Budget: prover memory per slice, e.g. 4G.")
  String maxMemory;

  /** A plan saved by kubz slice (re-checked against the model), or null when a strategy was asked for. */
  SlicePlan savedPlan(Graph g, SliceCost cost) {
    strategy(); // rejects mixed options first
    return plan == null ? null : SlicePlan.fromJson(Models.read(plan, "plan"), g, cost);
  }

  /**
   * The strategy the options ask for (when none is given: per layer within a memory budget taken
   * from the heap, {@link Strategy#defaults()}); mixing strategies is a usage error.
   */
  Strategy strategy() {
    int chosen = (plan != null ? 1 : 0) + (maxLayers != null ? 1 : 0) + (maxRows != null || maxMemory != null ? 1 : 0);
    if (chosen > 1) {
      throw new UsageException("choose one of --plan, --max-layers, or --max-rows/--max-memory");
    }
    if (maxLayers != null) {
      if (maxLayers < 1) {
        throw new UsageException("--max-layers must be at least 1, got " + maxLayers);
      }
      return Strategy.maxLayers(maxLayers);
    }
    if (maxRows != null || maxMemory != null) {
      long mem = maxMemory == null ? 0 : Sizes.parse(maxMemory, "--max-memory");
      return Strategy.budget(maxRows == null ? 24 : maxRows, mem);
    }
    return Strategy.defaults();
  }

  /** The plan the options ask for: the saved one, or the strategy's. */
  SlicePlan resolve(Graph g, SliceCost cost) {
    SlicePlan saved = savedPlan(g, cost);
    return saved != null ? saved : strategy().plan(g, cost);
  }
}
