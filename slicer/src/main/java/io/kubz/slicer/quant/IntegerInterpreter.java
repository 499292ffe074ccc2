package io.kubz.slicer.quant;

import io.kubz.lookup.table.FixedPoint;
import io.kubz.lookup.table.TableSpec;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.ValueInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link QuantizedGraph} in integers with exactly the semantics circuits prove (package
 * documentation). Every intermediate tensor is kept: they are the witnesses of the slices.
 */
public final class IntegerInterpreter {
  private IntegerInterpreter() {}

  /** Every activation tensor of the run (graph inputs and node outputs), by name. */
  public static Map<String, long[]> trace(QuantizedGraph q, List<long[]> inputs) {
    return trace(q, inputs, null);
  }

  /** Records, per node, the smallest and largest value its table was queried with. */
  public interface TableObserver {
    void queried(QNode node, long value);
  }

  /** As {@link #trace(QuantizedGraph, List)}, reporting every table query to {@code observer}. */
  public static Map<String, long[]> trace(QuantizedGraph q, List<long[]> inputs, TableObserver observer) {
    Graph g = q.graph();
    if (inputs.size() != g.inputs().size()) {
      throw new IllegalArgumentException("the model has " + g.inputs().size() + " inputs, got " + inputs.size());
    }
    Map<String, long[]> env = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      ValueInfo v = g.inputs().get(i);
      if (inputs.get(i).length != v.size()) {
        throw new IllegalArgumentException("input " + v.name() + " needs " + v.size() + " values");
      }
      env.put(v.name(), inputs.get(i));
    }
    for (QNode n : q.nodes()) {
      env.put(n.node().output(), apply(q, n, env, observer));
    }
    return env;
  }

  /**
   * As {@link #trace(QuantizedGraph, List, TableObserver)}, for {@code kubz inspect}: a node already in
   * {@code problems} (it could not be quantized), or whose integer semantics fail here, is recorded
   * there (node name ↦ reason) and yields zeros, so that every later node is still checked.
   */
  public static Map<String, long[]> traceLenient(QuantizedGraph q, List<long[]> inputs, TableObserver observer,
      Map<String, String> problems) {
    Graph g = q.graph();
    Map<String, long[]> env = new HashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      env.put(g.inputs().get(i).name(), inputs.get(i));
    }
    for (QNode n : q.nodes()) {
      long[] y = null;
      if (!problems.containsKey(n.name())) {
        try {
          y = apply(q, n, env, observer);
        } catch (RuntimeException e) {
          problems.put(n.name(), e.getMessage() != null ? e.getMessage() : e.toString());
        }
      }
      env.put(n.node().output(), y != null ? y : new long[Math.toIntExact(Shapes.size(g.shape(n.node().output())))]);
    }
    return env;
  }

  /** The graph outputs as integers, by name in declaration order. */
  public static Map<String, long[]> run(QuantizedGraph q, List<long[]> inputs) {
    Map<String, long[]> all = trace(q, inputs);
    Map<String, long[]> out = new LinkedHashMap<>();
    for (ValueInfo v : q.graph().outputs()) {
      out.put(v.name(), all.get(v.name()));
    }
    return out;
  }

  /** Float inputs quantized, run, and the outputs dequantized. */
  public static Map<String, Tensor> runReal(QuantizedGraph q, List<Tensor> inputs) {
    List<long[]> qi = new ArrayList<>();
    for (Tensor t : inputs) {
      qi.add(q.quantizeInput(t));
    }
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : run(q, qi).entrySet()) {
      out.put(e.getKey(), q.dequantize(e.getValue(), q.graph().shape(e.getKey())));
    }
    return out;
  }

  static long[] apply(QuantizedGraph q, QNode qn, Map<String, long[]> env, TableObserver obs) {
    Node n = qn.node();
    Graph g = q.graph();
    List<long[]> in = new ArrayList<>();
    List<int[]> shapes = new ArrayList<>();
    for (int i = 0; i < n.inputs().size(); i++) {
      in.add(qn.isParam(i) ? qn.params()[i] : env.get(n.inputs().get(i)));
      shapes.add(g.shape(n.inputs().get(i)));
    }
    int[] outShape = g.shape(n.output());
    Op op = n.op();
    String what = n.label();
    int s = qn.outScale();
    if (op instanceof Op.Gemm) {
      Op.Gemm gm = (Op.Gemm) op;
      if (in.size() > 2 && !qn.isParam(2)) {
        in.set(2, shiftLeft(in.get(2), qn.inScales()[0] + qn.inScales()[1] - s));
      }
      return IntKernels.rescale(IntKernels.linear(new Op.Gemm(1, 1, gm.transA(), gm.transB()), in, shapes, what),
          qn.shift());
    }
    if (op instanceof Op.MatMul || op instanceof Op.Conv || op instanceof Op.ConvTranspose) {
      return IntKernels.rescale(IntKernels.linear(op, in, shapes, what), qn.shift());
    }
    if (op instanceof Op.Binary) {
      long[] a = in.get(0);
      long[] b = in.get(1);
      switch (((Op.Binary) op).kind()) {
        case ADD:
          return IntKernels.broadcast(a, shapes.get(0), b, shapes.get(1), outShape, Math::addExact);
        case SUB:
          return IntKernels.broadcast(a, shapes.get(0), b, shapes.get(1), outShape, Math::subtractExact);
        case POW: { // a table over the activation side (x^e or b^x)
          long[] x = qn.isParam(0) ? b : a;
          long[] y = new long[x.length];
          for (int i = 0; i < x.length; i++) {
            y[i] = lookup(qn, x[i], obs);
          }
          return y;
        }
        case DIV:
          if (qn.table() != null) { // by an activation: a·T(b), T(b) = round(2^t / b), rescaled by t
            long[] inv = new long[b.length];
            for (int i = 0; i < b.length; i++) {
              inv[i] = lookup(qn, b[i], obs);
            }
            return IntKernels.rescale(
                IntKernels.broadcast(a, shapes.get(0), inv, shapes.get(1), outShape, Math::multiplyExact), qn.shift());
          }
          return IntKernels.rescale(
              IntKernels.broadcast(a, shapes.get(0), b, shapes.get(1), outShape, Math::multiplyExact), qn.shift());
        case MUL:
          return IntKernels.rescale(
              IntKernels.broadcast(a, shapes.get(0), b, shapes.get(1), outShape, Math::multiplyExact), qn.shift());
        default: // comparisons, booleans, Max and Min
          return LogicKernels.binary(((Op.Binary) op).kind(), a, shapes.get(0), b, shapes.get(1), outShape, s, what);
      }
    }
    if (op instanceof Op.Unary) {
      long[] x = in.get(0);
      long[] y = new long[x.length];
      switch (((Op.Unary) op).kind()) {
        case NEG:
          for (int i = 0; i < x.length; i++) {
            y[i] = -x[i];
          }
          return y;
        case ABS:
          for (int i = 0; i < x.length; i++) {
            y[i] = Math.abs(x[i]);
          }
          return y;
        case NOT:
          return LogicKernels.not(x, s, what);
        default:
          for (int i = 0; i < x.length; i++) {
            y[i] = lookup(qn, x[i], obs);
          }
          return y;
      }
    }
    if (op instanceof Op.ArgExtreme) {
      return LogicKernels.argExtreme((Op.ArgExtreme) op, in.get(0), shapes.get(0), s);
    }
    if (op instanceof Op.Where) {
      return LogicKernels.where(in.get(0), shapes.get(0), in.get(1), shapes.get(1), in.get(2), shapes.get(2),
          outShape, s, what);
    }
    if (op instanceof Op.PRelu) {
      int shift = qn.shift();
      return IntKernels.broadcast(in.get(0), shapes.get(0), in.get(1), shapes.get(1), outShape,
          (x, slope) -> x >= 0 ? x : FixedPoint.rescale(Math.multiplyExact(x, slope), shift));
    }
    if (op instanceof Op.Clip) {
      Op.Clip c = (Op.Clip) op;
      long lo = FixedPoint.toFixed(c.min(), s);
      long hi = FixedPoint.toFixed(c.max(), s);
      long[] x = in.get(0);
      long[] y = new long[x.length];
      for (int i = 0; i < x.length; i++) {
        y[i] = Math.min(Math.max(x[i], lo), hi);
      }
      return y;
    }
    if (op instanceof Op.Softmax) {
      return softmax(qn, (Op.Softmax) op, in.get(0), shapes.get(0), s, obs);
    }
    if (op instanceof Op.Pool) {
      return IntKernels.pool((Op.Pool) op, in.get(0), shapes.get(0), outShape);
    }
    if (op instanceof Op.GlobalAveragePool) {
      return IntKernels.globalAveragePool(in.get(0), shapes.get(0));
    }
    if (op instanceof Op.Reduce) {
      return IntKernels.reduce((Op.Reduce) op, in.get(0), shapes.get(0));
    }
    if (op instanceof Op.BatchNorm) {
      return batchNorm(qn, in.get(0), shapes.get(0));
    }
    if (op instanceof Op.Cast) {
      long[] x = in.get(0);
      if (qn.table() == null) { // whole values (or a cast to a float type): the identity
        return x.clone();
      }
      long[] y = new long[x.length];
      for (int i = 0; i < x.length; i++) {
        y[i] = lookup(qn, x[i], obs); // truncation toward zero
      }
      return y;
    }
    if (op instanceof Op.DynamicGather) {
      return IntKernels.gather(qn, ((Op.DynamicGather) op).axis(), in.get(0), shapes.get(0), in.get(1));
    }
    if (op instanceof Op.DynamicGatherElements) {
      return IntKernels.gatherElements(qn, ((Op.DynamicGatherElements) op).axis(), in.get(0),
          shapes.get(0), in.get(1), shapes.get(1));
    }
    if (op instanceof Op.DynamicGatherND gnd) {
      return ScatterIntKernels.gatherNd(qn, gnd.batchDims(), in.get(0), shapes.get(0), in.get(1),
          shapes.get(1));
    }
    if (op instanceof Op.ScatterElements se) {
      return ScatterIntKernels.scatterElements(qn, se.axis(), in.get(0), shapes.get(0), in.get(1),
          shapes.get(1), in.get(2));
    }
    if (op instanceof Op.ScatterND) {
      return ScatterIntKernels.scatterNd(qn, in.get(0), shapes.get(0), in.get(1), shapes.get(1),
          in.get(2));
    }
    if (IndexMap.isLayout(op)) {
      IndexMap m = q.indexMap(n.name());
      long pad = op instanceof Op.Pad ? FixedPoint.toFixed(((Op.Pad) op).value(), s) : 0;
      long[] y = new long[m.size()];
      for (int o = 0; o < y.length; o++) {
        y[o] = m.input()[o] < 0 ? pad : in.get(m.input()[o])[m.index()[o]];
      }
      return y;
    }
    throw QuantizedGraph.unsupported(n, "this operation");
  }

  /** The table's output for x, or a clear error when x is outside the calibrated domain. */
  static long lookup(QNode qn, long x, TableObserver obs) {
    if (obs != null) {
      obs.queried(qn, x);
    }
    TableSpec t = qn.table();
    if (!t.contains(x)) {
      throw new TableRangeException(qn.node().label(), t.id(), x, t.min(), t.max());
    }
    return t.output(x);
  }

  /**
   * Softmax in integers: m = max of the group, e_j = exp-table(x_j − m) (inputs ≤ 0), E = Σ e_j,
   * y_j = ⌊(e_j·2^s + ⌊E/2⌋) / E⌋.
   */
  private static long[] softmax(QNode qn, Op.Softmax op, long[] x, int[] xs, int s, TableObserver obs) {
    int[] gr = op.groups(xs);
    int outer = gr[0];
    int len = gr[1];
    int inner = gr[2];
    long[] y = new long[x.length];
    long[] e = new long[len];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * len * inner + i;
        long m = Long.MIN_VALUE;
        for (int j = 0; j < len; j++) {
          m = Math.max(m, x[base + j * inner]);
        }
        long sum = 0;
        for (int j = 0; j < len; j++) {
          e[j] = lookup(qn, x[base + j * inner] - m, obs);
          sum += e[j];
        }
        for (int j = 0; j < len; j++) {
          y[base + j * inner] = IntKernels.divRound(e[j] << s, sum);
        }
      }
    }
    return y;
  }

  private static long[] batchNorm(QNode qn, long[] x, int[] xs) {
    long[] a = qn.params()[1];
    long[] b = qn.params()[2];
    int channels = xs[1];
    int inner = (int) (Shapes.size(xs) / ((long) xs[0] * channels));
    long[] y = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      int c = (i / inner) % channels;
      y[i] = FixedPoint.rescale(Math.addExact(Math.multiplyExact(x[i], a[c]), b[c]), qn.shift());
    }
    return y;
  }

  private static long[] shiftLeft(long[] v, int k) {
    long[] r = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = Math.multiplyExact(v[i], 1L << k);
    }
    return r;
  }
}
