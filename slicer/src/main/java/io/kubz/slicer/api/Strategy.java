package io.kubz.slicer.api;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.plan.SliceCost;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.SliceSpec;
import io.kubz.slicer.plan.Slicer;

/**
 * How to cut a model when no plan is given: per layer, {@code --max-layers N}, or the budget
 * strategy {@code --max-rows K} (2^K rows) and/or {@code --max-memory BYTES}.
 *
 * <p>The default ({@link #defaults()}) is per layer within a memory budget taken from this JVM's
 * heap: when a layer's slice would need more prover memory than the budget, the model is planned
 * by the budget strategy instead, which cuts that layer into parts that fit. A model whose layers
 * all fit keeps its per-layer plan whatever the heap.
 *
 * @param maxLayers layers per slice (0: the budget strategy)
 * @param maxRowsLog2 K of --max-rows (0: none)
 * @param maxMemoryBytes memory per slice (0: none); with {@code maxLayers > 0}, the budget that
 *     makes a layer plan fall back to the budget strategy
 */
public record Strategy(int maxLayers, int maxRowsLog2, long maxMemoryBytes) {
  /**
   * Share of the heap one slice may plan for by default: two slices prove at a time, and the keys
   * and circuits of the slices waiting for their turn need room too.
   */
  static final int HEAP_SHARES = 3;

  /**
   * The heap left for the slices being proved once the resident circuits and keys have their share
   * (a third, {@link ProvingSession}): the default executor's budget.
   */
  public static long provingHeap() {
    long heap = Runtime.getRuntime().maxMemory();
    return heap - heap / HEAP_SHARES;
  }

  public static Strategy perLayer() {
    return new Strategy(1, 0, 0);
  }

  /** Per layer, falling back to the budget strategy when a layer needs more than a third of the heap. */
  public static Strategy defaults() {
    return perLayerWithin(Runtime.getRuntime().maxMemory() / HEAP_SHARES);
  }

  /** Per layer while every slice's prover memory fits {@code memoryBytes}, else the budget strategy. */
  public static Strategy perLayerWithin(long memoryBytes) {
    if (memoryBytes < 1) {
      throw new IllegalArgumentException("memory budget must be positive, got " + memoryBytes);
    }
    return new Strategy(1, 0, memoryBytes);
  }

  public static Strategy maxLayers(int n) {
    return new Strategy(n, 0, 0);
  }

  /** @param maxRowsLog2 K of --max-rows (0: only the memory bound) @param maxMemoryBytes 0: none */
  public static Strategy budget(int maxRowsLog2, long maxMemoryBytes) {
    return new Strategy(0, maxRowsLog2, maxMemoryBytes);
  }

  public SlicePlan plan(Graph g, SliceCost cost) {
    if (maxLayers == 0) {
      return Slicer.budget(g, maxRowsLog2 > 0 ? maxRowsLog2 : 28, maxMemoryBytes, cost);
    }
    SlicePlan layers = Slicer.maxLayers(g, maxLayers, cost);
    if (maxMemoryBytes > 0) {
      for (SliceSpec s : layers.slices()) {
        if (cost.memoryBytes(s.estimatedRows()) > maxMemoryBytes) {
          return Slicer.budget(g, 28, maxMemoryBytes, cost);
        }
      }
    }
    return layers;
  }
}
