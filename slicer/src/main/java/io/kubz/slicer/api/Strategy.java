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
 * heap (the heap the slices being proved share, {@link #provingHeap()}, with {@link
 * SliceCost#COLUMNS_AT_PEAK} columns of the circuit counted per slice): when a layer's slice would
 * need more prover memory than the budget, the model is planned by the budget strategy instead, which cuts that layer into parts that fit. A model whose layers
 * all fit keeps its per-layer plan whatever the heap.
 *
 * @param maxLayers layers per slice (0: the budget strategy)
 * @param maxRowsLog2 K of --max-rows (0: none)
 * @param maxMemoryBytes memory per slice (0: none); with {@code maxLayers > 0}, the budget that
 *     makes a layer plan fall back to the budget strategy
 */
public record Strategy(int maxLayers, int maxRowsLog2, long maxMemoryBytes) {
  /**
   * The default split of the heap: a quarter is kept for resident circuits and keys ({@link
   * ProvingSession}), and a slice may plan for the rest, which the slices proved at once share (the
   * executor admits them on their compiled estimates, one at a time by default). Half the heap,
   * as before, cut the 3×64×64 CNN (issue #16, finding 7) into 2^16-row slices once the planning
   * estimate counted G1's humongous columns: 386 slices instead of 75, because a channel piece of
   * a convolution re-commits every input channel it reads; its 2^17-row slices fit this share.
   */
  static long sliceBudget() {
    return provingHeap();
  }

  /** The share of the heap for circuits and keys kept in memory between their keygen and their proof. */
  static long residentBudget() {
    return Runtime.getRuntime().maxMemory() / 4;
  }

  /** The heap left for the slices being proved once the resident circuits and keys have their share. */
  public static long provingHeap() {
    return Runtime.getRuntime().maxMemory() - residentBudget();
  }

  public static Strategy perLayer() {
    return new Strategy(1, 0, 0);
  }

  /** Per layer, falling back to the budget strategy when a layer needs more than the proving heap. */
  public static Strategy defaults() {
    return perLayerWithin(sliceBudget());
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
