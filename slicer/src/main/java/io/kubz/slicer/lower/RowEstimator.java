package io.kubz.slicer.lower;

import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.UnaryKind;
import io.kubz.slicer.quant.IndexMap;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cost model: rows a slice's circuit needs, per gadget. The layouter places regions over
 * disjoint columns side by side, so a slice needs max(arith, range, mac, sponge, instance) rows,
 * plus the blinding rows. Per element of a node's output (K = dot length, m = lanes):
 * <pre>
 *   Gemm/MatMul/Conv: mac ⌈K/m⌉ + 1 (ConvTranspose: K = the contributions reaching the output);
 *                     then a rescale by k &gt; 0 (two activations: arith K, {@link ActivationProduct}):
 *   rescale:          arith 1 + R(k) + R(b_y),   R(b) = a range check of b bits, b_y from Bounds
 *                     (R(b_y) = 0 when only lookups read y)
 *   R(b):             range 1 ({@link Lanes}: L lanes of w-bit limbs, L·w ≥ 63, and the sign)
 *   B(d):             0 ≤ r &lt; d: R(⌈log₂ d⌉), twice unless d is a power of two (a padded window: d ≤ w,
 *                     so at most 2·R(⌈log₂ w⌉))
 *   ReLU:             arith 1 (+ R(table bits) unless its input was just rescaled in the slice)
 *   Add/Sub: arith 1;  Mul/Div: arith 1 + rescale;  BatchNorm: arith 1 + rescale
 *   MaxPool (w window): per window element arith 2 + R(63);  AveragePool: mac ⌈w/m⌉ + 1, arith 1, B(w), R(b_y)
 *   layout ops: 0;   boundary tensor of n values: arith ⌈n/5⌉; commitment: sponge 1 + 20·⌈(n+1)/4⌉
 *   table functions, Neg, Abs, Clip, PRelu, reductions, Softmax: {@link NonlinearRows}
 * </pre>
 * A lookup table of S entries needs ⌈S/8⌉ usable rows whatever the gadgets use (it is cut into at
 * most 8 fixed columns): the slice needs at least that many, however many lookups it makes; a
 * slice with range checks holds a tagged range table of at least 2^9 entries (wider limbs only
 * where the table fits the rows anyway).
 * It is an upper bound of the rows the synthesis uses (tests hold it to that).
 */
public final class RowEstimator {
  private RowEstimator() {}

  /** Rows per gadget, the rows needed (max) and the smallest k whose usable rows fit. */
  public record Estimate(long arith, long range, long mac, long sponge, long freivalds, long lookup, long instance,
      long rows, int k) {}

  /** Estimate for a slice given by node names (compiles the slice's boundary, no synthesis). */
  public static Estimate estimate(QuantizedGraph q, Set<String> nodeNames, Visibility visibility) {
    return SliceCompiler.compile(q, nodeNames, visibility).estimate();
  }

  static Estimate estimate(QuantizedGraph q, List<QNode> nodes, List<Boundary> ins, List<Boundary> outs, int lanes) {
    return estimate(q, nodes, ins, outs, lanes, java.util.Map.of());
  }

  /** The estimate of a slice whose nodes compute only {@code needs} (absent tensors: all elements). */
  static Estimate estimate(QuantizedGraph q, List<QNode> nodes, List<Boundary> ins, List<Boundary> outs, int lanes,
      java.util.Map<String, java.util.BitSet> needs) {
    return estimate(q, nodes, ins, outs, lanes, needs, java.util.Map.of());
  }

  /** As above, with the rows of some nodes given ({@code nodeRows}, by node name: a split contraction's). */
  static Estimate estimate(QuantizedGraph q, List<QNode> nodes, List<Boundary> ins, List<Boundary> outs, int lanes,
      java.util.Map<String, java.util.BitSet> needs, java.util.Map<String, long[]> nodeRows) {
    long[] g = new long[WIDTH]; // arith, range, mac, sponge, horner, phase-1 mac, lookup, table
    long instance = 0;
    g[0] += 2; // constants
    for (Boundary b : ins) {
      g[0] += (b.size() + Arith.WIDTH - 1) / Arith.WIDTH;
      instance += boundary(g, b);
    }
    for (Boundary b : outs) {
      instance += boundary(g, b);
    }
    Set<String> rescaled = new HashSet<>();
    Set<String> names = new HashSet<>();
    nodes.forEach(n -> names.add(n.name()));
    Set<String> oneHots = new HashSet<>();
    for (QNode n : nodes) {
      long[] given = nodeRows.get(n.name());
      add(g, given != null ? given : nodeRows(q, n, lanes, rescaled.contains(n.node().inputs().get(0)),
          Bounds.bits(q, names, n.node().output()), needs.get(n.node().output())));
      if (given == null && n.node().op() instanceof Op.DynamicGather dg && n.isParam(0)) {
        // a later gather of a constant table by the same index reuses the first one's one-hots
        int dim = q.graph().shape(n.node().inputs().get(0))[dg.axis()];
        long idx = Shapes.size(q.graph().shape(n.node().inputs().get(1)));
        long per = Shapes.size(q.graph().shape(n.node().output())) / Math.max(1, idx);
        if (!oneHots.add(n.node().inputs().get(1) + "/" + dim + "/" + TableGather.digit(dim, per) + "/"
            + n.inScales()[1])) {
          g[0] -= idx * TableGather.digitsRows(dim, per);
        }
      }
      if (n.shift() > 0 && !(n.node().op() instanceof Op.PRelu)) {
        rescaled.add(n.node().output());
      }
    }
    long rows = instance;
    for (long v : g) {
      rows = Math.max(rows, v);
    }
    int blinding = CircuitDescription.blindingFor(2);
    int k = 1;
    while ((1L << k) - blinding - 1 < rows) {
      k++;
    }
    return new Estimate(g[0], g[1], g[2], g[3], Math.max(g[4], g[5]), g[6], instance, rows, k);
  }

  /** {@code e} with {@code arith} more arithmetic rows and {@code instance} more instance rows (a bridge: {@link Bridge#rows}). */
  static Estimate plus(Estimate e, long arith, long instance) {
    long a = e.arith() + arith;
    long in = e.instance() + instance;
    long rows = Math.max(e.rows(), Math.max(a, in));
    int blinding = CircuitDescription.blindingFor(2);
    int k = 1;
    while ((1L << k) - blinding - 1 < rows) {
      k++;
    }
    return new Estimate(a, e.range(), e.mac(), e.sponge(), e.freivalds(), e.lookup(), in, rows, k);
  }

  /**
   * The planning vector of one boundary tensor of n values: the entries of {@link #nodeRows}, then
   * the instance rows ({@link #PLAN_WIDTH} entries). A committed one takes a salt row and its sponge,
   * a public one its instance cells; an input is also stored (⌈n/5⌉ rows).
   */
  public static long[] boundaryRows(long n, boolean hashed, boolean input) {
    long[] v = new long[PLAN_WIDTH];
    if (input) {
      v[0] += (n + Arith.WIDTH - 1) / Arith.WIDTH;
    }
    if (hashed) {
      v[0] += 1;
      v[3] += Sponge.commitRows(n);
      v[WIDTH] += 1;
    } else {
      v[WIDTH] += n;
    }
    return v;
  }

  /** The planning vector every slice starts from (its constants). */
  public static long[] baseRows() {
    long[] v = new long[PLAN_WIDTH];
    v[0] = 2;
    return v;
  }

  /** Entries of a planning vector: those of {@link #nodeRows}, then the instance rows. */
  public static final int PLAN_WIDTH = 9;

  /** Whether entry i of a planning vector is a minimum height (a table) that slices take the maximum of. */
  public static boolean isHeight(int i) {
    return i == TABLE;
  }

  private static long boundary(long[] g, Boundary b) {
    switch (b.mode()) {
      case PUBLIC:
        return b.size();
      case HASHED:
        g[0] += 1;
        g[3] += Sponge.commitRows(b.size());
        return 1;
      default:
        return 0;
    }
  }

  /** Sums per-gadget rows; the last entry (a table's minimum height) is a maximum, not a sum. */
  private static void add(long[] g, long[] d) {
    for (int i = 0; i < TABLE; i++) {
      g[i] += d[i];
    }
    g[TABLE] = Math.max(g[TABLE], d[TABLE]);
  }

  /** Entries of {@link #nodeRows}. */
  static final int WIDTH = 8;
  /** Index of the rows a node's lookup table needs (a minimum height, not added up). */
  static final int TABLE = 7;

  /**
   * Rows (arith, range, mac, sponge, Freivalds horner, Freivalds mac, lookup) one node adds, and
   * last the usable rows its lookup table needs.
   */
  public static long[] nodeRows(QuantizedGraph q, QNode n, int lanes, boolean inputRescaled, int outBits) {
    return nodeRows(q, n, lanes, inputRescaled, outBits, null);
  }

  /**
   * Rows (arith, range, mac, sponge, Freivalds horner, Freivalds mac) one node adds when it computes
   * only the output elements {@code needed} (null: all; ignored for operations that always compute
   * all, see {@code io.kubz.slicer.plan.Fields#partial}).
   */
  public static long[] nodeRows(QuantizedGraph q, QNode n, int lanes, boolean inputRescaled, int outBits,
      java.util.BitSet needed) {
    Node node = n.node();
    Op op = node.op();
    long all = Shapes.size(q.graph().shape(node.output()));
    if (!io.kubz.slicer.plan.Fields.partial(op)) {
      needed = null;
    }
    long out = Linear.count(all, needed);
    long[] g = new long[WIDTH];
    if ((op instanceof Op.Gemm || op instanceof Op.MatMul) && !n.isParam(0) && !n.isParam(1)) {
      g[0] += out * ActivationProduct.rows(q, node);
      rescale(g, out, n.shift(), outBits);
    } else if (Compare.handles(op)) {
      Compare.rows(g, q, n);
    } else if (op instanceof Op.Gemm || op instanceof Op.MatMul) {
      int[] bs = q.graph().shape(node.inputs().get(1));
      boolean transB = op instanceof Op.Gemm gm && gm.transB();
      int k = bs.length == 2 ? (transB ? bs[1] : bs[0]) : bs[bs.length - 2];
      g[2] += out * Mac.rows(k, lanes);
      rescale(g, out, n.shift(), outBits);
    } else if (op instanceof Op.Conv) {
      int[] ws = q.graph().shape(node.inputs().get(1));
      int k = (int) (Shapes.size(ws) / ws[0]);
      int[] mkp = Linear.convMkp(q, n);
      int[][] rect = mkp == null ? null
          : Linear.rectangle(mkp[0], mkp[2], q.graph().shape(node.output())[0], needed);
      if (rect != null && Linear.useFreivalds(rect[0].length, mkp[1], rect[1].length, out, lanes)) {
        long[] f = Freivalds.rows(rect[0].length, mkp[1], rect[1].length, lanes);
        g[4] += f[0];
        g[5] += f[1];
        out = (long) rect[0].length * rect[1].length;
      } else {
        g[2] += out * Mac.rows(k, lanes);
      }
      rescale(g, out, n.shift(), outBits);
    } else if (op instanceof Op.Unary u && u.kind() == UnaryKind.RELU) {
      g[0] += out;
      if (!inputRescaled) {
        range(g, out, ((io.kubz.lookup.table.FunctionTable) n.table()).inputBits());
      }
    } else if (op instanceof Op.Binary && n.table() != null) {
      NonlinearRows.add(g, q, n, lanes, inputRescaled, outBits, needed);
    } else if (op instanceof Op.Binary b) {
      g[0] += out;
      if (b.kind() == Op.BinaryKind.MUL || b.kind() == Op.BinaryKind.DIV) {
        rescale(g, out, n.shift(), outBits);
      }
    } else if (op instanceof Op.BatchNorm) {
      g[0] += out;
      rescale(g, out, n.shift(), outBits);
    } else if (op instanceof Op.Pool p) {
      int w = (int) Shapes.size(p.kernel());
      if (p.kind() == Op.PoolKind.MAX) {
        g[0] += out * 2L * w;
        range(g, out * w, 63);
      } else {
        boolean whole = !p.ceilMode() && java.util.Arrays.stream(p.pads()).allMatch(x -> x == 0);
        average(g, out, w, whole, lanes, outBits);
      }
    } else if (op instanceof Op.GlobalAveragePool) {
      int[] xs = q.graph().shape(node.inputs().get(0));
      average(g, out, (int) (Shapes.size(xs) / all), true, lanes, outBits);
    } else if (op instanceof Op.ConvTranspose) {
      g[2] += Deconv.macRows(q, n, lanes);
      rescale(g, out, n.shift(), outBits);
    } else if (op instanceof Op.Unary || op instanceof Op.Clip || op instanceof Op.PRelu || op instanceof Op.Reduce
        || op instanceof Op.Softmax) {
      NonlinearRows.add(g, q, n, lanes, inputRescaled, outBits, needed);
    } else if (op instanceof Op.DynamicGather dg) {
      // Selection: per index n bits, Σh and Σ k·h (3 terms a row); per output Σ h·x. A constant
      // table: the digit one-hots of TableGather (shared between gathers: see estimate)
      int dim = q.graph().shape(node.inputs().get(0))[dg.axis()];
      long idx = Shapes.size(q.graph().shape(node.inputs().get(1)));
      long per = out / Math.max(1, idx);
      g[0] += n.isParam(0) ? idx * TableGather.digitsRows(dim, per) + out * TableGather.selectRows(dim, per)
          : idx * (dim + 2 * ((dim + 2) / 3)) + out * dim;
    } else if (op instanceof Op.DynamicGatherElements dge) {
      long dim = q.graph().shape(node.inputs().get(0))[dge.axis()];
      g[0] += out * (dim + 2 * ((dim + 2) / 3) + (n.isParam(0) ? (dim + 2) / 3 : dim));
    } else if (op instanceof Op.DynamicGatherND || op instanceof Op.ScatterND
        || op instanceof Op.ScatterElements) {
      g[0] += Scatter.rows(q, n);
    } else if (op instanceof Op.Cast && n.table() != null) {
      NonlinearRows.add(g, q, n, lanes, inputRescaled, outBits, needed);
    } else if (IndexMap.isLayout(op) || op instanceof Op.Cast) {
      g[0] += 1; // a pad constant at most
    } else {
      g[0] += out; // not lowered yet: SliceCompiler synthesis will say so
    }
    return g;
  }

  /** A mean over w elements per output ({@code whole}: every window has all w, else up to w). */
  static void average(long[] g, long out, int w, boolean whole, int lanes, int bits) {
    g[2] += out * Mac.rows(w, lanes);
    g[0] += out;
    rangeRows(g, out * Range.belowCost(w, whole));
    if (bits != Bounds.LOOKED_UP) {
      range(g, out, bits);
    }
  }

  static void rescale(long[] g, long out, int k, int bits) {
    if (k == 0) {
      return;
    }
    g[0] += out;
    range(g, out, k);
    if (bits != Bounds.LOOKED_UP) {
      range(g, out, bits);
    }
  }

  /** Adds {@code count} range checks of {@code bits}, and the table their lookups need. */
  static void range(long[] g, long count, int bits) {
    rangeRows(g, count * Range.cost(bits));
  }

  private static void rangeRows(long[] g, long rows) {
    if (rows > 0) {
      g[1] += rows;
      g[TABLE] = Math.max(g[TABLE], Tables.minRows(Lanes.MIN_TABLE));
    }
  }
}
