package io.kubz.slicer.api;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.plan.SliceCost;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.Slicer;

/**
 * How to cut a model when no plan is given: per layer (the default), {@code --max-layers N}, or
 * the budget strategy {@code --max-rows K} (2^K rows) and/or {@code --max-memory BYTES}.
 */
public record Strategy(int maxLayers, int maxRowsLog2, long maxMemoryBytes) {
  public static Strategy perLayer() {
    return new Strategy(1, 0, 0);
  }

  public static Strategy maxLayers(int n) {
    return new Strategy(n, 0, 0);
  }

  /** @param maxRowsLog2 K of --max-rows (0: only the memory bound) @param maxMemoryBytes 0: none */
  public static Strategy budget(int maxRowsLog2, long maxMemoryBytes) {
    return new Strategy(0, maxRowsLog2, maxMemoryBytes);
  }

  public SlicePlan plan(Graph g, SliceCost cost) {
    if (maxRowsLog2 > 0 || maxMemoryBytes > 0) {
      return Slicer.budget(g, maxRowsLog2 > 0 ? maxRowsLog2 : 28, maxMemoryBytes, cost);
    }
    return Slicer.maxLayers(g, maxLayers, cost);
  }
}
