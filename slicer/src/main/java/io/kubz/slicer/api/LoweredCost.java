package io.kubz.slicer.api;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.lower.RowEstimator;
import io.kubz.slicer.lower.SliceCompiler;
import io.kubz.slicer.plan.SliceCost;
import io.kubz.slicer.quant.QuantizedGraph;

/**
 * The planning cost of a quantized model from the lowering's own cost model
 * ({@link RowEstimator}). The layouter places gadgets over disjoint columns side by side, so a
 * slice needs the maximum over gadgets of their summed rows; a node is charged the maximum of its
 * own gadget rows (outputs taken as full 64-bit values, the widest range check), and the sum over
 * nodes of these maxima bounds the slice from above.
 * A committed boundary tensor of n values costs one Poseidon row per round and an absorb row per
 * block of four (1 + 69·⌈(n + 1)/4⌉ sponge rows) plus ⌈n/5⌉ rows to hold it; memory is
 * {@link SliceCost#DEFAULT}'s.
 */
public final class LoweredCost implements SliceCost {
  private final QuantizedGraph q;

  public LoweredCost(QuantizedGraph q) {
    this.q = q;
  }

  @Override
  public long rows(Node n, Graph g) {
    long[] r = RowEstimator.nodeRows(q, q.node(n.name()), SliceCompiler.DEFAULT_LANES, false, 64);
    long max = 0;
    for (long v : r) {
      max = Math.max(max, v);
    }
    return max;
  }

  @Override
  public long boundaryRows(long elements) {
    return 1 + 69 * ((elements + 1 + 3) / 4) + (elements + 4) / 5;
  }

  @Override
  public long memoryBytes(long rows) {
    return SliceCost.DEFAULT.memoryBytes(rows);
  }
}
