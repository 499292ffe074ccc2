package io.kubz.slicer.layered;

import io.kubz.field.BadInputException;
import io.kubz.gkr.model.SparseMatrix;
import io.kubz.lookup.table.FunctionTable;
import io.kubz.lookup.table.TableSpec;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.quant.IndexMap;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One lowering run: the graph, the model being built, and the tensor id of every graph tensor. */
final class Lowering {
  final QuantizedGraph q;
  final LayerBuilder b = new LayerBuilder();
  /** The signed width W assumed for what nothing bounds (model inputs, wide rescales). */
  final int width;
  private final Map<String, Integer> ids = new HashMap<>();
  /** The 0/1 tensor behind a boolean tensor (value one·bit), for the booleans the lowering made. */
  final Map<Integer, Bit> bits = new HashMap<>();
  /** ReLUs lowered as max(y, 0) ({@link #lookup}): the tensor z = max(y, 0) to y. */
  final Map<Integer, Integer> relus = new HashMap<>();

  /** A boolean's bit: the boolean is one·tensor. */
  record Bit(int tensor, long one) {}

  Lowering(QuantizedGraph q) {
    this.q = q;
    this.width = Math.min(LayerBuilder.MAX_BITS, q.activationScale() + LayeredLowering.REAL_BITS);
  }

  int[] shape(String tensor) {
    return q.graph().shape(tensor);
  }

  int tensor(String name) {
    Integer t = ids.get(name);
    if (t == null) {
      throw new IllegalStateException("tensor " + name + " is not lowered yet");
    }
    return t;
  }

  void define(String name, int t) {
    ids.put(name, t);
  }

  static BadInputException unsupported(Node n) {
    return new BadInputException("the GKR back end cannot prove " + n.onnxOpType() + " (node " + n.name()
        + ") yet; use --proof-system plonkish");
  }

  /** Lowers one node; returns the id of its output tensor. */
  int node(QNode qn) {
    Node n = qn.node();
    Op op = n.op();
    if (op instanceof Op.Gemm) {
      return rescaled(qn, Contractions.gemm(this, qn));
    } else if (op instanceof Op.MatMul) {
      return rescaled(qn, Contractions.matmul(this, qn));
    } else if (op instanceof Op.Conv) {
      return rescaled(qn, Contractions.conv(this, qn));
    } else if (op instanceof Op.ConvTranspose) {
      return rescaled(qn, Contractions.convTranspose(this, qn));
    } else if (op instanceof Op.BatchNorm) {
      return rescaled(qn, Contractions.batchNorm(this, qn));
    } else if (op instanceof Op.Binary bin && bin.kind().isPredicate()) {
      return Logic.binary(this, qn, bin.kind());
    } else if (op instanceof Op.Binary bin) {
      return Elementwise.binary(this, qn, bin.kind());
    } else if (op instanceof Op.Unary u && u.kind() == io.kubz.slicer.ir.UnaryKind.NOT) {
      return Logic.not(this, qn);
    } else if (op instanceof Op.Softmax) {
      return Softmax.lower(this, qn);
    } else if (op instanceof Op.Where) {
      return Logic.where(this, qn);
    } else if (op instanceof Op.ArgExtreme) {
      return Selection.argExtreme(this, qn);
    } else if (op instanceof Op.DynamicGather) {
      return Selection.gather(this, qn);
    } else if (op instanceof Op.DynamicGatherElements) {
      return Selection.gatherElements(this, qn);
    } else if (op instanceof Op.DynamicGatherND) {
      return Selection.gatherNd(this, qn);
    } else if (op instanceof Op.ScatterElements || op instanceof Op.ScatterND) {
      return Selection.scatter(this, qn);
    } else if (op instanceof Op.Unary) {
      return Elementwise.unary(this, qn);
    } else if (op instanceof Op.Clip) {
      return Elementwise.clip(this, qn);
    } else if (op instanceof Op.PRelu) {
      return Elementwise.prelu(this, qn);
    } else if (op instanceof Op.Pool || op instanceof Op.GlobalAveragePool || op instanceof Op.Reduce) {
      return Pools.lower(this, qn);
    } else if (op instanceof Op.Cast && !qn.isParam(0)) {
      // whole values: the identity; a fractional value cast to an integer type: the truncation table
      int x = tensor(n.inputs().get(0));
      return qn.table() == null ? x : lookup(x, qn.table());
    } else if (IndexMap.isLayout(op)) {
      return layout(qn);
    }
    throw unsupported(n);
  }

  /** The rescale of a product's accumulator by the node's shift. */
  int rescaled(QNode qn, int acc) {
    int k = qn.shift();
    if (k > LayerBuilder.MAX_BITS) {
      throw new BadInputException(qn.node().label() + ": a rescale by 2^" + k + " is beyond the GKR back end's"
          + " 2^48; lower param_scale or use --proof-system plonkish");
    }
    double natural = Math.floor(b.bound(acc) / Math.scalb(1.0, k)) + 1;
    return b.rescale(acc, k, outBits(qn, natural));
  }

  /**
   * The width a rescaled output of {@code qn} is range-checked to: the narrowest input width of its
   * consumers' tables when every consumer looks it up in a table (the interpreter refuses anything
   * outside those domains anyway: exactly as complete, and the tightest check); else the width its
   * inputs' bounds imply ({@code natural} bounds |y|), at most {@link #width}.
   */
  int outBits(QNode qn, double natural) {
    List<Node> consumers = q.graph().consumers(qn.node().output());
    int tables = Integer.MAX_VALUE;
    for (Node c : consumers) {
      QNode qc = q.node(c.name());
      if (!(c.op() instanceof Op.Unary) || !(qc.table() instanceof FunctionTable t)) {
        tables = Integer.MAX_VALUE;
        break;
      }
      tables = Math.min(tables, t.inputBits());
    }
    if (!consumers.isEmpty() && tables != Integer.MAX_VALUE) {
      return tables;
    }
    int bits = Math.min(width, LayerBuilder.signedBits(natural));
    // the calibrated range of the node's output (margin included), when the settings carry one:
    // a tighter check, as complete as the tables' (an input beyond calibration is refused by both)
    Integer calibrated = q.plan().rangeBits().get(qn.name());
    return calibrated == null ? bits : Math.max(2, Math.min(bits, calibrated));
  }

  /** Input i of a node as a tensor of the output's shape (numpy broadcasting; a constant as constants). */
  int broadcast(QNode qn, int i, int[] out) {
    int[] idx = Shapes.broadcastIndex(shape(qn.node().inputs().get(i)), out);
    if (qn.isParam(i)) {
      long[] p = qn.params()[i];
      long[] v = new long[idx.length];
      for (int o = 0; o < v.length; o++) {
        v[o] = p[idx[o]];
      }
      return b.constant(v);
    }
    return b.gather(tensor(qn.node().inputs().get(i)), idx);
  }

  /** The matrix of broadcasting input i to the output's shape, times {@code factor}. */
  SparseMatrix broadcastMatrix(QNode qn, int i, int[] out, long factor) {
    int[] idx = Shapes.broadcastIndex(shape(qn.node().inputs().get(i)), out);
    SparseMatrix.Builder mb = new SparseMatrix.Builder(idx.length, b.size(tensor(qn.node().inputs().get(i))));
    for (int o = 0; o < idx.length; o++) {
      mb.add(o, idx[o], factor);
    }
    return mb.build();
  }

  /** Re-indexing: one 0/1 term per activation input, constants and padding values in the bias. */
  private int layout(QNode qn) {
    Node n = qn.node();
    IndexMap m = q.indexMap(n.name());
    long pad = n.op() instanceof Op.Pad p ? io.kubz.lookup.table.FixedPoint.toFixed(p.value(), qn.outScale()) : 0;
    int k = n.inputs().size();
    int size = m.size();
    long[] bias = new long[size];
    boolean anyBias = false;
    SparseMatrix.Builder[] mb = new SparseMatrix.Builder[k];
    int terms = 0;
    for (int t = 0; t < k; t++) {
      if (!qn.isParam(t)) {
        mb[t] = new SparseMatrix.Builder(size, b.size(tensor(n.inputs().get(t))));
        terms++;
      }
    }
    if (terms == 0) {
      throw unsupported(n);
    }
    for (int o = 0; o < size; o++) {
      int t = m.input()[o];
      long v = t < 0 ? pad : qn.isParam(t) ? qn.params()[t][m.index()[o]] : 0;
      if (t >= 0 && !qn.isParam(t)) {
        mb[t].add(o, m.index()[o], 1);
      }
      bias[o] = v;
      anyBias |= v != 0;
    }
    if (terms == 1 && !anyBias) {
      for (int t = 0; t < k; t++) {
        if (mb[t] != null) {
          return b.gather(tensor(n.inputs().get(t)), sourceOf(m, t));
        }
      }
    }
    int[] tensors = new int[terms];
    SparseMatrix[] mats = new SparseMatrix[terms];
    for (int t = 0, j = 0; t < k; t++) {
      if (mb[t] != null) {
        tensors[j] = tensor(n.inputs().get(t));
        mats[j++] = mb[t].build();
      }
    }
    return b.linear(size, tensors, mats, anyBias ? bias : null);
  }

  private static int[] sourceOf(IndexMap m, int t) {
    int[] s = new int[m.size()];
    for (int o = 0; o < s.length; o++) {
      s[o] = m.input()[o] == t ? m.index()[o] : -1;
    }
    return s;
  }

  /**
   * A node's table as the interpreter applies it. A ReLU table read by a rescale checked to b bits,
   * whose rows hold max(v, 0) for every v in [−2^(b−1), 2^(b−1)), is the {@code Max} of the rescale
   * and 0 instead of a lookup: the rescale's own range check refuses exactly what the table refuses,
   * and the maximum needs no 2^b-row table (no multiplicities, no table tower).
   */
  int lookup(int x, TableSpec t) {
    int bits = reluBits(x, t);
    if (bits > 0) {
      int z = b.maxWithZero(bits, x);
      relus.put(z, x);
      return z;
    }
    return b.lookup(x, t);
  }

  /**
   * The width b of x's rescale when table t is max(v, 0) on all of x's range [−2^(b−1), 2^(b−1)); 0
   * otherwise (not a rescale, or a table that is not ReLU there or refuses part of that range).
   */
  private int reluBits(int x, TableSpec t) {
    if (!(b.layer(x) instanceof io.kubz.gkr.model.Layer.Rescale r) || r.outBits() > 30 || t.arity() != 2) {
      return 0;
    }
    long lo = -(1L << (r.outBits() - 1));
    long hi = 1L << (r.outBits() - 1);
    long[] in = t.column(0);
    long[] out = t.column(1);
    java.util.BitSet seen = new java.util.BitSet();
    for (int i = 0; i < in.length; i++) {
      if (in[i] >= lo && in[i] < hi) {
        if (out[i] != Math.max(in[i], 0)) {
          return 0;
        }
        seen.set((int) (in[i] - lo));
      }
    }
    return seen.cardinality() == hi - lo ? r.outBits() : 0;
  }
}
