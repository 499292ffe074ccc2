package io.kubz.slicer.plan;

import io.kubz.field.BadInputException;
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
 *       and prover memory fit; a layer that alone does not fit has its weighted operation cut into
 *       sub-slices by ranges of its flat output (channels, then rows within a channel) that each fit,
 *       and its following operations become slices of their own. (A following operation too large
 *       on its own is an error for now: consumers cannot yet be cut by the parts they read.)
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
    List<SlicePlan.Group> groups = new ArrayList<>();
    List<String> cur = new ArrayList<>();
    for (List<String> layer : layers(g)) {
      List<String> trial = new ArrayList<>(cur);
      trial.addAll(layer);
      if (rows(g, trial, cost) <= limit) {
        cur = trial;
        continue;
      }
      if (!cur.isEmpty()) {
        groups.add(new SlicePlan.Group(cur, null));
        cur = new ArrayList<>();
      }
      if (rows(g, layer, cost) <= limit) {
        cur = new ArrayList<>(layer);
        continue;
      }
      splitLayer(g, layer, limit, maxRowsLog2, cost, groups);
    }
    if (!cur.isEmpty()) {
      groups.add(new SlicePlan.Group(cur, null));
    }
    return SlicePlan.of("budget(rows=2^" + maxRowsLog2 + (maxMemory > 0 ? ",memory=" + maxMemory : "") + ")",
        g, groups, cost);
  }

  /** Cuts the layer's weighted node by output channels; the rest of the layer is packed after it. */
  private static void splitLayer(Graph g, List<String> layer, long limit, int k, SliceCost cost,
      List<SlicePlan.Group> groups) {
    Node w = null;
    for (String name : layer) {
      Node n = node(g, name);
      if (weighted(n.op())) {
        w = n;
      }
    }
    if (w == null) {
      throw new BadInputException("operations " + layer + " need more than 2^" + k + " rows and cannot be split;"
          + " raise --max-rows");
    }
    long extent = io.kubz.slicer.ir.Shapes.size(g.shape(w.output()));
    long inputRows = 0;
    for (String t : w.inputs()) {
      if (!g.isConstant(t)) {
        inputRows += SlicePlan.boundary(g, cost, t, io.kubz.slicer.ir.Shapes.size(g.shape(t)));
      }
    }
    // per output element: its share of the node's rows plus its share of the output commitment
    double perElement = (double) cost.rows(w, g) / extent
        + (double) (SlicePlan.boundary(g, cost, w.output(), extent) - SlicePlan.boundary(g, cost, w.output(), 0)) / extent;
    long room = limit - inputRows - SlicePlan.boundary(g, cost, w.output(), 0);
    long perSlice = (long) Math.floor(room / perElement);
    while (perSlice > 0 && inputRows + cost.rows(w, g) * perSlice / extent
        + SlicePlan.boundary(g, cost, w.output(), perSlice) > limit) {
      perSlice--;
    }
    if (perSlice < 1) {
      throw new BadInputException("the budget 2^" + k + " rows is too small for even one output of " + w.label()
          + " (its inputs alone need about " + inputRows + " rows): raise --max-rows");
    }
    for (long from = 0; from < extent; from += perSlice) {
      groups.add(new SlicePlan.Group(List.of(w.name()),
          new Split(w.name(), (int) from, (int) Math.min(extent, from + perSlice))));
    }
    List<String> rest = new ArrayList<>();
    for (String name : layer) {
      if (!name.equals(w.name())) {
        List<String> trial = new ArrayList<>(rest);
        trial.add(name);
        if (!rest.isEmpty() && rows(g, trial, cost) > limit) {
          groups.add(new SlicePlan.Group(rest, null));
          rest = new ArrayList<>();
        }
        rest.add(name);
      }
    }
    if (!rest.isEmpty()) {
      if (rows(g, rest, cost) > limit) {
        throw new BadInputException("operation " + rest + " after " + w.label() + " needs more than 2^" + k
            + " rows on its own; raise --max-rows");
      }
      groups.add(new SlicePlan.Group(rest, null));
    }
  }

  /** Estimated rows of a slice holding {@code nodes}, with its boundary commitments. */
  static long rows(Graph g, List<String> nodes, SliceCost cost) {
    java.util.Set<String> own = new java.util.HashSet<>(nodes);
    java.util.Set<String> produced = new java.util.HashSet<>();
    long rows = 0;
    for (String name : nodes) {
      Node n = node(g, name);
      produced.add(n.output());
      rows += cost.rows(n, g);
    }
    java.util.Set<String> boundary = new java.util.LinkedHashSet<>();
    for (String name : nodes) {
      Node n = node(g, name);
      for (String t : n.inputs()) {
        if (!g.isConstant(t) && !produced.contains(t)) {
          boundary.add(t);
        }
      }
      boolean external = g.outputs().stream().anyMatch(v -> v.name().equals(n.output()));
      for (Node c : g.consumers(n.output())) {
        external |= !own.contains(c.name());
      }
      if (external) {
        boundary.add(n.output());
      }
    }
    for (String t : boundary) {
      rows += SlicePlan.boundary(g, cost, t, io.kubz.slicer.ir.Shapes.size(g.shape(t)));
    }
    return rows;
  }

  private static Node node(Graph g, String name) {
    for (Node n : g.nodes()) {
      if (n.name().equals(name)) {
        return n;
      }
    }
    throw new IllegalArgumentException("no node " + name);
  }
}
