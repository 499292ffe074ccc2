package io.kubz.slicer.plan;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The budget strategy's packer. Layers are packed greedily into whole slices while the estimate
 * fits. A layer that does not fit alone is cut by ranges of its last node's flat output (the
 * sink): every sub-slice holds the whole layer and computes only the sink's range and what it
 * depends on ({@link Fields}). Ranges are whole channels (outputs of rank ≥ 3: [N, C, spatial…]),
 * or pieces of one channel when a channel does not fit; the largest piece size that fits is found
 * by bisection. When no range of the layer fits (an interior output also leaves the layer, or the
 * sink is a model output, or even one element does not fit), its nodes are packed one by one, and a
 * node that does not fit alone is cut the same way on its own; if one output element of it still
 * does not fit, a Gemm/MatMul has its contraction split ({@link #contract}), and otherwise it throws {@link TooSmall} with the parts that node reads, and
 * {@link Slicer#budget} re-plans with those parts capped smaller (the {@code caps}).
 */
final class Budget {
  private final Graph g;
  private Cuts cuts;
  private final long limit;
  private final int k;
  private final java.util.Map<String, Integer> caps;
  private final List<SlicePlan.Group> groups = new ArrayList<>();
  private List<String> cur = new ArrayList<>();

  /** No slice of a node fits: the node, and its inputs with the size of their largest part so far. */
  static final class TooSmall extends BadInputException {
    private static final long serialVersionUID = 1L;
    final transient java.util.Map<String, Integer> parts;

    TooSmall(String message, java.util.Map<String, Integer> parts) {
      super(message);
      this.parts = parts;
    }
  }

  /**
   * @param caps the most elements a part of a tensor may hold (smaller parts are cheaper for the
   *     slices that read them); a layer whose output is capped below its size is always cut
   */
  Budget(Graph g, SliceCost cost, long limit, int k, java.util.Map<String, Integer> caps) {
    this.g = g;
    this.cuts = new Cuts(g, cost);
    this.limit = limit;
    this.k = k;
    this.caps = caps;
  }

  private boolean capped(List<String> nodes) {
    for (String name : nodes) {
      String t = cuts.node(name).output();
      if (caps.getOrDefault(t, Integer.MAX_VALUE) < cuts.size(t)) {
        return true;
      }
    }
    return false;
  }

  List<SlicePlan.Group> groups() {
    flush();
    return groups;
  }

  /** Adds {@code more} to the open group when the result still fits; else closes the open group. */
  private boolean joined(List<String> more) {
    if (cur.isEmpty()) {
      return false;
    }
    List<String> trial = new ArrayList<>(cur);
    trial.addAll(more);
    if (fits(new SlicePlan.Group(trial, null))) {
      cur = trial;
      return true;
    }
    flush();
    return false;
  }

  void layer(List<String> layer) {
    if (capped(layer)) {
      flush();
      if (tile(layer) >= 0) {
        return;
      }
    }
    if (joined(layer)) {
      return;
    }
    if (fits(new SlicePlan.Group(layer, null))) {
      cur = new ArrayList<>(layer);
      return;
    }
    if (tile(layer) >= 0) {
      return;
    }
    for (int i = 0; i < layer.size(); i++) {
      String name = layer.get(i);
      if (joined(List.of(name))) {
        continue;
      }
      if (!capped(List.of(name)) && fits(new SlicePlan.Group(List.of(name), null))) {
        cur = new ArrayList<>(List.of(name));
        continue;
      }
      int held = tileRiding(layer, i);
      if (held > 0) {
        i += held - 1;
        continue;
      }
      long need = smallest; // before contract() tries other slices
      Node n = cuts.node(name);
      if (contract(n)) {
        continue;
      }
      if (cuts.isModelOutput(n.output())) {
        throw new BadInputException("budget 2^" + k + " too small for " + n.label() + ", which produces model output '"
            + n.output() + "' (model outputs are not split): raise --max-rows");
      }
      int j = 64 - Long.numberOfLeadingZeros(need + Slicer.RESERVED_ROWS - 1);
      throw new TooSmall("budget 2^" + k + " too small: the smallest slice of node " + n.label() + " needs 2^"
          + j + " rows (" + need + " estimated, with the commitments of the tensors it reads and writes): raise"
          + " --max-rows to at least " + j, cuts.largestParts(n));
    }
  }

  private void flush() {
    if (!cur.isEmpty()) {
      commit(new SlicePlan.Group(cur, null));
      cur = new ArrayList<>();
    }
  }

  private void commit(SlicePlan.Group gr) {
    cuts.add(cuts.derive(gr, groups.size()));
    groups.add(gr);
  }

  private boolean fits(SlicePlan.Group gr) {
    return rows(gr) <= limit;
  }

  /** Estimated rows, or MAX_VALUE when the group cannot form a slice (an interior output leaves it). */
  private long rows(SlicePlan.Group gr) {
    try {
      return cuts.derive(gr, groups.size()).rows();
    } catch (BadInputException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * Cuts {@code nodes} by ranges of the last one's output into slices that fit and commits them;
   * returns 0, or minus the rows of the smallest sub-slice when none fits.
   */
  private long tile(List<String> nodes) {
    List<int[]> ranges = ranges(nodes);
    if (ranges == null) {
      return -smallest;
    }
    commitFamily(nodes, ranges);
    return 0;
  }

  private void commitFamily(List<String> nodes, List<int[]> ranges) {
    String sink = nodes.get(nodes.size() - 1);
    for (int[] r : ranges) {
      commit(new SlicePlan.Group(nodes, new Split(sink, r[0], r[1])));
    }
  }

  /** Rows of the smallest sub-slice of the last {@link #ranges} call that found none. */
  private long smallest;

  /**
   * The ranges of the last node's output that cut {@code nodes} into sub-slices that fit, as few
   * and as even as possible, or null (with {@link #smallest} set) when none fits. Commits nothing.
   */
  private List<int[]> ranges(List<String> nodes) {
    Node sink = cuts.node(nodes.get(nodes.size() - 1));
    if (cuts.isModelOutput(sink.output())) {
      smallest = Long.MAX_VALUE;
      return null;
    }
    int n = cuts.size(sink.output());
    int[] shape = g.shape(sink.output());
    if (sink.op() instanceof io.kubz.slicer.ir.Op.Reshape && shape.length < 3
        && g.shape(sink.inputs().get(0)).length >= 3) {
      shape = g.shape(sink.inputs().get(0)); // same row-major order: cut along the channels and rows before it
    }
    int unit = n;
    if (shape.length >= 3) {
      unit = n / (shape[0] * shape[1]);
    }
    long one = worst(nodes, sink, pieces(n, unit, 1));
    if (one > limit) {
      smallest = one;
      return null;
    }
    int lo = 1;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (worst(nodes, sink, pieces(n, unit, mid)) <= limit) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    int cap = caps.getOrDefault(sink.output(), Integer.MAX_VALUE);
    if (lo > cap) { // whole rows of the last axis when they fit the cap
      int w = shape[shape.length - 1];
      int capped = shape.length >= 3 && cap >= w && cap < unit ? cap / w * w : cap;
      if (worst(nodes, sink, pieces(n, unit, capped)) <= limit) {
        lo = capped;
      }
    }
    int w = shape[shape.length - 1];
    if (shape.length >= 3 && lo > w && lo < unit && lo % w != 0
        && worst(nodes, sink, pieces(n, unit, lo / w * w)) <= limit) {
      lo = lo / w * w; // whole rows read fewer rows of the input than pieces straddling them
    }
    int even = balanced(n, unit, lo);
    if (even < lo && worst(nodes, sink, pieces(n, unit, even)) <= limit) {
      lo = even;
    }
    return pieces(n, unit, lo);
  }

  /**
   * Cuts {@code layer.get(i)} alone by output ranges, or with the nodes after it in the layer
   * riding in its split family: each successor is added while the family still needs no more
   * sub-slices than before (an element-wise op, a mask, a scale or a re-indexing then costs the
   * family a few rows and saves the commitment of the tensor between them, which the successor's
   * own slice would read and the family would write). Returns how many nodes the committed family
   * holds, or 0 (committing nothing, {@link #smallest} set) when the node alone does not fit.
   */
  private int tileRiding(List<String> layer, int i) {
    List<String> family = List.of(layer.get(i));
    List<int[]> best = ranges(family);
    if (best == null) {
      return 0;
    }
    for (int j = i + 2; j <= layer.size(); j++) {
      List<String> more = List.copyOf(layer.subList(i, j));
      List<int[]> r = ranges(more);
      if (r == null || r.size() > best.size()) {
        break;
      }
      family = more;
      best = r;
    }
    commitFamily(family, best);
    return family.size();
  }

  /**
   * Splits the contraction of product node n when no output range of it fits: the fewest
   * contraction ranges (p = 2, 3, …, of balanced lengths) whose partial-sum slices fit with some
   * output range, that range as large as fits; then the node itself, adding the partial sums, the
   * bias and rescaling, starts the next slice (it must fit alone, or by output ranges). Returns
   * false, having committed nothing, when no such split exists.
   */
  private boolean contract(Node n) {
    if (!cuts.contractible(n)) {
      return false;
    }
    int k = cuts.contraction(n);
    int size = cuts.size(n.output());
    for (int p = 2; p <= k; p++) {
      int len = (k + p - 1) / p;
      if (p > 2 && len == (k + p - 2) / (p - 1)) {
        continue; // same ranges as p − 1
      }
      List<int[]> ks = pieces(k, k, len);
      int c = largestPartial(n, ks, size);
      if (c == 0) {
        continue;
      }
      int even = balanced(size, size, c);
      if (even < c && worstPartial(n, ks, pieces(size, size, even)) <= limit) {
        c = even;
      }
      Cuts saved = cuts;
      int count = groups.size();
      cuts = saved.fork();
      for (int[] kr : ks) {
        for (int[] r : pieces(size, size, c)) {
          commit(new SlicePlan.Group(List.of(n.name()), new Split(n.name(), r[0], r[1], kr[0], kr[1])));
        }
      }
      if (fits(new SlicePlan.Group(List.of(n.name()), null))) {
        cur = new ArrayList<>(List.of(n.name()));
        return true;
      }
      if (!cuts.isModelOutput(n.output()) && tile(List.of(n.name())) >= 0) {
        return true;
      }
      cuts = saved;
      groups.subList(count, groups.size()).clear();
    }
    return false;
  }

  /** The largest output range size whose partial-sum slices over the ranges ks all fit (0: none). */
  private int largestPartial(Node n, List<int[]> ks, int size) {
    if (worstPartial(n, ks, pieces(size, size, 1)) > limit) {
      return 0;
    }
    int lo = 1;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (worstPartial(n, ks, pieces(size, size, mid)) <= limit) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private long worstPartial(Node n, List<int[]> ks, List<int[]> outs) {
    long worst = 0;
    for (int[] kr : ks) {
      for (int[] r : outs) {
        worst = Math.max(worst, rows(new SlicePlan.Group(List.of(n.name()),
            new Split(n.name(), r[0], r[1], kr[0], kr[1]))));
        if (worst > limit) {
          return worst;
        }
      }
    }
    return worst;
  }

  /** The largest estimate over the pieces (stops at the first one over the limit). */
  private long worst(List<String> nodes, Node sink, List<int[]> pieces) {
    long worst = 0;
    for (int[] r : pieces) {
      worst = Math.max(worst, rows(new SlicePlan.Group(nodes, new Split(sink.name(), r[0], r[1]))));
      if (worst > limit) {
        break;
      }
    }
    return worst;
  }

  /** The smallest size that cuts like {@code size} into as few pieces, so that pieces come out even. */
  static int balanced(int n, int unit, int size) {
    if (size >= unit) {
      int units = n / unit;
      int per = size / unit;
      int count = (units + per - 1) / per;
      return (units + count - 1) / count * unit;
    }
    int count = (unit + size - 1) / size;
    return (unit + count - 1) / count;
  }

  /** Ranges of about {@code size} elements: whole channels (units) when size ≥ unit, else pieces of one. */
  static List<int[]> pieces(int n, int unit, int size) {
    List<int[]> out = new ArrayList<>();
    if (size >= unit) {
      int step = size / unit * unit;
      for (int from = 0; from < n; from += step) {
        out.add(new int[] {from, Math.min(n, from + step)});
      }
      return out;
    }
    for (int c = 0; c < n; c += unit) {
      int end = Math.min(n, c + unit);
      for (int from = c; from < end; from += size) {
        out.add(new int[] {from, Math.min(end, from + size)});
      }
    }
    return out;
  }
}
