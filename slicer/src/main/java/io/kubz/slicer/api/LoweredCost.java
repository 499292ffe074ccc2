package io.kubz.slicer.api;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.lower.RowEstimator;
import io.kubz.slicer.lower.SliceCompiler;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.plan.SliceCost;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The planning cost of a quantized model from the lowering's own cost model
 * ({@link RowEstimator}). The layouter places gadgets over disjoint columns side by side, so a
 * slice needs the maximum over gadgets of their summed rows: the plan sums the per-gadget vectors
 * of its nodes (outputs taken as full 64-bit values, the widest range check, so an upper bound of
 * the compiler's own estimate) and of its boundaries (a committed tensor: the sponge's rows,
 * {@code Sponge.commitRows}, a salt row and ⌈n/5⌉ rows to hold an input), and needs the largest
 * component. Memory is {@link SliceCost#DEFAULT}'s.
 */
public final class LoweredCost implements SliceCost {
  private final QuantizedGraph q;
  private final Visibility visibility;

  /** The cost of slicing {@code q} with public model inputs and outputs. */
  public LoweredCost(QuantizedGraph q) {
    this(q, Visibility.PUBLIC);
  }

  /** The cost of slicing {@code q} under a visibility (committed model tensors cost their sponge). */
  public LoweredCost(QuantizedGraph q, Visibility visibility) {
    this.q = q;
    this.visibility = visibility;
  }

  @Override
  public boolean hashesModel(boolean input) {
    return (input ? visibility.input() : visibility.output()) != Visibility.Mode.PUBLIC;
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
    long[] v = RowEstimator.boundaryRows(elements, true, true);
    return v[0] + v[3];
  }

  /** The gadget vector of {@link RowEstimator#nodeRows} (outputs taken as 64-bit), plus an instance component. */
  @Override
  public long[] rows(Node n, Graph g, BitSet needed) {
    return Arrays.copyOf(RowEstimator.nodeRows(q, q.node(n.name()), SliceCompiler.DEFAULT_LANES, false, 64, needed),
        RowEstimator.PLAN_WIDTH);
  }

  @Override
  public long[] partialRows(Node n, Graph g, BitSet needed, int length) {
    return Arrays.copyOf(io.kubz.slicer.lower.Contraction.partialRows(q, q.node(n.name()), SliceCompiler.DEFAULT_LANES,
        needed, length), RowEstimator.PLAN_WIDTH);
  }

  @Override
  public long[] combineRows(Node n, Graph g, BitSet needed, int parts) {
    return Arrays.copyOf(io.kubz.slicer.lower.Contraction.combineRows(q, q.node(n.name()), SliceCompiler.DEFAULT_LANES,
        needed, parts, 64), RowEstimator.PLAN_WIDTH);
  }

  @Override
  public boolean isHeight(int i) {
    return RowEstimator.isHeight(i);
  }

  @Override
  public long[] boundary(long elements, boolean hashed, boolean input) {
    return RowEstimator.boundaryRows(elements, hashed, input);
  }

  @Override
  public long[] base() {
    return RowEstimator.baseRows();
  }

  @Override
  public long memoryBytes(long rows) {
    return SliceCost.DEFAULT.memoryBytes(rows);
  }
}
