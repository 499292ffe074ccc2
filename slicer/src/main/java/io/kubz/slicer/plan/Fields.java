package io.kubz.slicer.plan;

import io.kubz.slicer.interp.Windows;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.UnaryKind;
import io.kubz.slicer.quant.IndexMap;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Receptive fields: which input elements a set of output elements of a node depends on. The
 * lowering of a <em>partial</em> operation ({@link #partial}) computes exactly the output elements
 * it is asked for and reads only their fields; any other operation computes its whole output from
 * its whole inputs. Both the planner (which parts a sub-slice reads) and the circuit compiler
 * (which elements each node computes) use these fields, so they agree by construction.
 */
public final class Fields {
  /** Index maps of re-indexing nodes, computed once per node (planning asks for them per candidate slice). */
  private static final Map<Node, IndexMap> MAPS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /**
   * Window tables of convolution and pooling nodes, computed once per geometry: planning derives every
   * candidate slice's fields, and rebuilding a 64×64×9 table per candidate made planning a large CNN
   * take minutes (issue #16, finding 7). Keyed by the geometry itself, so a node of the same name
   * in a graph of other shapes gets its own; the few most recent geometries are kept.
   */
  private static final Map<String, int[]> TABLES = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
          return size() > 64;
        }
      });

  private static int[] table(int[] in, int[] out, int[] kernel, int[] strides, int[] pads, int[] dilations) {
    String key = Arrays.toString(in) + Arrays.toString(out) + Arrays.toString(kernel) + Arrays.toString(strides)
        + Arrays.toString(pads) + Arrays.toString(dilations);
    return TABLES.computeIfAbsent(key, x -> Windows.table(in, out, kernel, strides, pads, dilations));
  }

  private Fields() {}

  /** Whether the lowering of {@code op} can compute a subset of its outputs. */
  public static boolean partial(Op op) {
    return op instanceof Op.Gemm || op instanceof Op.MatMul || op instanceof Op.Conv || IndexMap.isLayout(op)
        || op instanceof Op.Cast || (op instanceof Op.Unary u && u.kind() != UnaryKind.NEG
            && u.kind() != UnaryKind.ABS && u.kind() != UnaryKind.NOT)
        || op instanceof Op.Binary || op instanceof Op.BatchNorm || op instanceof Op.Pool
        || op instanceof Op.GlobalAveragePool || op instanceof Op.Where || op instanceof Op.Softmax;
  }

  /** The number of softmax groups that hold an element of {@code needed} (null: all groups). */
  public static long softmaxGroupsTouched(int[] gr, BitSet needed) {
    if (needed == null) {
      return (long) gr[0] * gr[2];
    }
    BitSet touched = new BitSet();
    for (int y = needed.nextSetBit(0); y >= 0; y = needed.nextSetBit(y + 1)) {
      touched.set(y / (gr[1] * gr[2]) * gr[2] + y % gr[2]);
    }
    return touched.cardinality();
  }

  /**
   * The elements each activation input of {@code n} must hold for the outputs {@code out} (null:
   * all outputs); entry i is null for a constant input.
   */
  public static BitSet[] inputs(Graph g, Node n, BitSet out) {
    return inputs(g, n, out, null);
  }

  /**
   * As {@link #inputs(Graph, Node, BitSet)}, for a product node that sums only over the contraction
   * range of {@code split} when it is a contraction split of n (null or another split: all of it).
   */
  public static BitSet[] inputs(Graph g, Node n, BitSet out, Split split) {
    int arity = n.inputs().size();
    BitSet[] in = new BitSet[arity];
    for (int i = 0; i < arity; i++) {
      String t = n.inputs().get(i);
      if (!g.isConstant(t)) {
        in[i] = new BitSet();
        if (out == null || !partial(n.op())) {
          in[i].set(0, (int) Shapes.size(g.shape(t)));
        }
      }
    }
    if (out == null || !partial(n.op())) {
      return in;
    }
    Op op = n.op();
    int[] ys = g.shape(n.output());
    if (op instanceof Op.Gemm || op instanceof Op.MatMul) {
      boolean part = split != null && split.partial() && split.node().equals(n.name());
      matmul(g, n, out, in, part ? split.kFrom() : 0, part ? split.kTo() : Integer.MAX_VALUE);
    } else if (op instanceof Op.Conv c) {
      conv(g, n, c, out, in[0]);
    } else if (op instanceof Op.Pool p) {
      int[] xs = g.shape(n.inputs().get(0));
      int[] ins = Arrays.copyOfRange(xs, 2, xs.length);
      int[] outs = Arrays.copyOfRange(ys, 2, ys.length);
      int[] table = table(ins, outs, p.kernel(), p.strides(), p.pads(), p.dilations());
      int ni = (int) Shapes.size(ins);
      int no = (int) Shapes.size(outs);
      int nk = (int) Shapes.size(p.kernel());
      for (int y = out.nextSetBit(0); y >= 0; y = out.nextSetBit(y + 1)) {
        for (int k = 0; k < nk; k++) {
          int off = table[(y % no) * nk + k];
          if (off >= 0) {
            in[0].set(y / no * ni + off);
          }
        }
      }
    } else if (op instanceof Op.GlobalAveragePool) {
      int window = (int) (Shapes.size(g.shape(n.inputs().get(0))) / Shapes.size(ys));
      for (int y = out.nextSetBit(0); y >= 0; y = out.nextSetBit(y + 1)) {
        in[0].set(y * window, (y + 1) * window);
      }
    } else if (op instanceof Op.Softmax sm) {
      int[] gr = sm.groups(g.shape(n.inputs().get(0)));
      for (int y = out.nextSetBit(0); y >= 0; y = out.nextSetBit(y + 1)) {
        int base = y / (gr[1] * gr[2]) * gr[1] * gr[2] + y % gr[2];
        for (int j = 0; j < gr[1]; j++) {
          in[0].set(base + j * gr[2]); // the whole group: its max and its sum
        }
      }
    } else if (IndexMap.isLayout(op)) {
      IndexMap m = MAPS.computeIfAbsent(n, x -> IndexMap.of(x, g));
      for (int y = out.nextSetBit(0); y >= 0; y = out.nextSetBit(y + 1)) {
        int t = m.input()[y];
        if (t >= 0 && in[t] != null) {
          in[t].set(m.index()[y]);
        }
      }
    } else {
      for (int i = 0; i < arity; i++) {
        if (in[i] != null && Arrays.equals(g.shape(n.inputs().get(i)), ys)) {
          in[i].or(out); // same shape: element y reads element y
        } else if (in[i] != null) {
          int[] idx = Shapes.broadcastIndex(g.shape(n.inputs().get(i)), ys);
          for (int y = out.nextSetBit(0); y >= 0; y = out.nextSetBit(y + 1)) {
            in[i].set(idx[y]);
          }
        }
      }
    }
    return in;
  }

  /**
   * The output elements each node of a slice computes, by tensor name, and the elements of its
   * boundary inputs it reads; an absent tensor is needed whole. For a split slice the sink (its last
   * node) computes [from, to) and fields are propagated backwards; otherwise every node computes all.
   * A contraction split's sink reads only the activation elements of its contraction range.
   */
  public static Map<String, BitSet> needs(Graph g, List<Node> nodes, Split split) {
    Map<String, BitSet> acc = new HashMap<>();
    if (split == null) {
      return acc;
    }
    BitSet sink = new BitSet();
    sink.set(split.from(), split.to());
    for (int i = nodes.size() - 1; i >= 0; i--) {
      Node n = nodes.get(i);
      BitSet out = n.name().equals(split.node()) ? sink : acc.getOrDefault(n.output(), new BitSet());
      if (!partial(n.op())) {
        out = new BitSet();
        out.set(0, (int) Shapes.size(g.shape(n.output())));
      }
      acc.put(n.output(), out);
      BitSet[] in = inputs(g, n, out, split);
      for (int j = 0; j < in.length; j++) {
        if (in[j] != null) {
          acc.computeIfAbsent(n.inputs().get(j), t -> new BitSet()).or(in[j]);
        }
      }
    }
    return acc;
  }

  private static void matmul(Graph g, Node n, BitSet out, BitSet[] in, int kFrom, int kTo) {
    boolean transA = n.op() instanceof Op.Gemm gm && gm.transA();
    boolean transB = n.op() instanceof Op.Gemm gm2 && gm2.transB();
    int[] as = g.shape(n.inputs().get(0));
    int[] bs = g.shape(n.inputs().get(1));
    boolean aConst = in[0] == null;
    if (in[0] != null && in[1] != null && kFrom == 0 && kTo == Integer.MAX_VALUE) {
      product(g, n, out, in, as, bs);
      return;
    }
    if (bs.length != 2 || (in[0] == null) == (in[1] == null)) {
      for (int i = 0; i < in.length; i++) {
        if (in[i] != null) {
          in[i].set(0, (int) Shapes.size(g.shape(n.inputs().get(i))));
        }
      }
      return; // not lowered: the compiler names the node
    }
    int k = transB ? bs[1] : bs[0];
    int cols = transB ? bs[0] : bs[1];
    int rows = (int) (Shapes.size(as) / k);
    for (int o = out.nextSetBit(0); o >= 0; o = out.nextSetBit(o + 1)) {
      int i = o / cols;
      int j = o % cols;
      for (int t = Math.max(0, kFrom); t < Math.min(k, kTo); t++) {
        if (aConst) {
          in[1].set(transB ? j * k + t : t * cols + j);
        } else {
          in[0].set(transA ? t * rows + i : i * k + t);
        }
      }
    }
    if (n.inputs().size() > 2 && in[2] != null) {
      in[2].set(0, (int) Shapes.size(g.shape(n.inputs().get(2))));
    }
  }

  /**
   * A product of two activations (attention's q·kᵀ and p·v): output o reads row i of A and column
   * j of B of its batch entry, as {@code io.kubz.slicer.lower.ActivationProduct#pairs} multiplies
   * them (Gemm with its transpositions; numpy MatMul with 1-D operands and broadcast batches), and
   * element o of an activation bias.
   */
  private static void product(Graph g, Node n, BitSet out, BitSet[] in, int[] as, int[] bs) {
    int[] ys = g.shape(n.output());
    if (n.op() instanceof Op.Gemm gm) {
      int m = gm.transA() ? as[1] : as[0];
      int k = gm.transA() ? as[0] : as[1];
      int cols = gm.transB() ? bs[0] : bs[1];
      for (int o = out.nextSetBit(0); o >= 0; o = out.nextSetBit(o + 1)) {
        int i = o / cols;
        int j = o % cols;
        for (int t = 0; t < k; t++) {
          in[0].set(gm.transA() ? t * m + i : i * k + t);
          in[1].set(gm.transB() ? j * k + t : t * cols + j);
        }
      }
    } else {
      Shapes.MatMul mm = Shapes.matMul(as, bs, n.label());
      int m = mm.m();
      int k = mm.k();
      int cols = mm.n();
      int[] pa = mm.aIndex();
      int[] pb = mm.bIndex();
      for (int o = out.nextSetBit(0); o >= 0; o = out.nextSetBit(o + 1)) {
        int p = o / (m * cols);
        int i = o / cols % m;
        int j = o % cols;
        for (int t = 0; t < k; t++) {
          in[0].set(pa[p] * m * k + i * k + t);
          in[1].set(pb[p] * k * cols + t * cols + j);
        }
      }
    }
    if (n.inputs().size() > 2 && in[2] != null) {
      int[] ci = Shapes.broadcastIndex(g.shape(n.inputs().get(2)), ys);
      for (int o = out.nextSetBit(0); o >= 0; o = out.nextSetBit(o + 1)) {
        in[2].set(ci[o]);
      }
    }
  }

  private static void conv(Graph g, Node n, Op.Conv op, BitSet out, BitSet x) {
    int[] xs = g.shape(n.inputs().get(0));
    int[] wsh = g.shape(n.inputs().get(1));
    int c = xs[1];
    int m = wsh[0];
    int cg = wsh[1];
    int mg = m / op.group();
    int[] ins = Arrays.copyOfRange(xs, 2, xs.length);
    int[] kernel = Arrays.copyOfRange(wsh, 2, wsh.length);
    int[] outs = Windows.outShape(ins, kernel, op.strides(), op.pads(), op.dilations(), false);
    int[] table = table(ins, outs, kernel, op.strides(), op.pads(), op.dilations());
    int no = (int) Shapes.size(outs);
    int nk = (int) Shapes.size(kernel);
    int ni = (int) Shapes.size(ins);
    for (int y = out.nextSetBit(0); y >= 0; y = out.nextSetBit(y + 1)) {
      int o = y % no;
      int oc = (y / no) % m;
      int bn = y / no / m;
      int group = oc / mg;
      for (int ic = 0; ic < cg; ic++) {
        int xo = (bn * c + group * cg + ic) * ni;
        for (int kk = 0; kk < nk; kk++) {
          int off = table[o * nk + kk];
          if (off >= 0) {
            x.set(xo + off);
          }
        }
      }
    }
  }
}
