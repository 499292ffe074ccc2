package io.kubz.cli;

import io.kubz.field.UsageException;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.plan.SliceCost;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.Slicer;
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

  /** The plan the options ask for; per layer when none is given. */
  SlicePlan resolve(Graph g, SliceCost cost) {
    int chosen = (plan != null ? 1 : 0) + (maxLayers != null ? 1 : 0) + (maxRows != null || maxMemory != null ? 1 : 0);
    if (chosen > 1) {
      throw new UsageException("choose one of --plan, --max-layers, or --max-rows/--max-memory");
    }
    if (plan != null) {
      return SlicePlan.fromJson(Models.read(plan, "plan"), g, cost);
    }
    if (maxLayers != null) {
      return Slicer.maxLayers(g, maxLayers, cost);
    }
    if (maxRows != null || maxMemory != null) {
      long mem = maxMemory == null ? 0 : Sizes.parse(maxMemory, "--max-memory");
      return Slicer.budget(g, maxRows == null ? 24 : maxRows, mem, cost);
    }
    return Slicer.perLayer(g, cost);
  }
}
