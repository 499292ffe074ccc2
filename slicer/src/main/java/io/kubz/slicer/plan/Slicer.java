package io.kubz.slicer.plan;

import io.kubz.field.UsageException;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Slicing strategies. A <em>layer</em> is one weighted operation (Gemm, MatMul, Conv, ConvTranspose)
 * with the operations that follow it up to the next weighted one (operations before the first
 * weighted one join the first layer).
 * <ul>
 *   <li>per layer (the default): one slice per layer;
 *   <li>max layers N: N consecutive layers per slice;
 *   <li>budget (rows 2^k, memory): consecutive layers packed greedily while the slice's estimated rows
 *       and prover memory fit; a layer that alone does not fit is cut into sub-slices by ranges of
 *       its last operation's flat output ({@link Budget}).
 * </ul>
 */
public final class Slicer {
  /** Rows a circuit of 2^k rows reserves for blinding and the permutation argument's last row. */
  public static final int RESERVED_ROWS = 8;

  private Slicer() {}

  static boolean weighted(Op op) {
    return op instanceof Op.Gemm || op instanceof Op.MatMul || op instanceof Op.Conv || op instanceof Op.ConvTranspose;
  }

  /** The layers of a graph in topological order. */
  static List<List<String>> layers(Graph g) {
    List<List<String>> layers = new ArrayList<>();
    List<String> cur = new ArrayList<>();
    boolean hasWeighted = false;
    for (Node n : g.nodes()) {
      if (weighted(n.op()) && hasWeighted) {
        layers.add(cur);
        cur = new ArrayList<>();
        hasWeighted = false;
      }
      cur.add(n.name());
      hasWeighted |= weighted(n.op());
    }
    if (!cur.isEmpty()) {
      layers.add(cur);
    }
    return layers;
  }

  public static SlicePlan perLayer(Graph g, SliceCost cost) {
    return maxLayers(g, 1, cost);
  }

  public static SlicePlan maxLayers(Graph g, int n, SliceCost cost) {
    if (n < 1) {
      throw new UsageException("--max-layers must be at least 1, got " + n);
    }
    List<List<String>> layers = layers(g);
    List<SlicePlan.Group> groups = new ArrayList<>();
    for (int i = 0; i < layers.size(); i += n) {
      List<String> nodes = new ArrayList<>();
      for (int j = i; j < Math.min(layers.size(), i + n); j++) {
        nodes.addAll(layers.get(j));
      }
      groups.add(new SlicePlan.Group(nodes, null));
    }
    return SlicePlan.of(n == 1 ? "per-layer" : "max-layers=" + n, g, groups, cost);
  }

  /**
   * Packs layers into slices of at most 2^maxRowsLog2 rows and {@code maxMemory} bytes of prover
   * memory (0: no memory limit).
   */
  public static SlicePlan budget(Graph g, int maxRowsLog2, long maxMemory, SliceCost cost) {
    if (maxRowsLog2 < 4 || maxRowsLog2 > 28) {
      throw new UsageException("--max-rows takes log2 of the rows, from 4 to 28; got " + maxRowsLog2);
    }
    long limit = (1L << maxRowsLog2) - RESERVED_ROWS;
    if (maxMemory > 0) {
      long lo = 0;
      long hi = limit;
      while (lo < hi) { // the largest row count whose prover memory fits
        long mid = (lo + hi + 1) >>> 1;
        if (cost.memoryBytes(mid) <= maxMemory) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      limit = lo;
    }
    java.util.Map<String, Integer> caps = new java.util.HashMap<>();
    while (true) {
      try {
        Budget b = new Budget(g, cost, limit, maxRowsLog2, caps);
        for (List<String> layer : layers(g)) {
          b.layer(layer);
        }
        return SlicePlan.of("budget(rows=2^" + maxRowsLog2 + (maxMemory > 0 ? ",memory=" + maxMemory : "") + ")",
            g, b.groups(), cost);
      } catch (Budget.TooSmall e) {
        // the node reads parts too large for it: re-plan with its inputs cut in quarters
        boolean shrunk = false;
        for (java.util.Map.Entry<String, Integer> p : e.parts.entrySet()) {
          if (p.getValue() > 1) {
            caps.put(p.getKey(), Math.max(1, p.getValue() / 4));
            shrunk = true;
          }
        }
        if (!shrunk) {
          throw e;
        }
      }
    }
  }
}
