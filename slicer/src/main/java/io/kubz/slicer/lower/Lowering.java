package io.kubz.slicer.lower;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.UnaryKind;
import io.kubz.slicer.quant.IndexMap;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;

/**
 * Lowers one quantized node into the synthesis: reads the cells of its inputs, assigns its output
 * from the integer interpreter's tensor and adds the constraints that force that output (package
 * documentation). Linear operations are here; element-wise ones in {@link Elementwise} and
 * {@link Nonlinear} (table lookups), reductions in {@link Reduce} and {@link Softmax}.
 */
final class Lowering {
  private Lowering() {}

  static void lower(Synth s, QuantizedGraph q, QNode qn) {
    Node n = qn.node();
    Op op = n.op();
    AssignedCell[] out;
    if (s.partial != null && s.partial.node().equals(n.name())) {
      s.wires.put(s.partial.partialOf(n.output()).name(), Contraction.partial(s, q, qn, s.partial));
      return;
    }
    if ((op instanceof Op.Gemm || op instanceof Op.MatMul) && !qn.isParam(0) && !qn.isParam(1)) {
      out = ActivationProduct.matmul(s, q, qn);
    } else if (Compare.handles(op)) {
      out = Compare.lower(s, q, qn);
    } else if (op instanceof Op.Gemm || op instanceof Op.MatMul) {
      out = Linear.matmul(s, q, qn);
    } else if (op instanceof Op.Conv) {
      out = Linear.conv(s, q, qn);
    } else if (op instanceof Op.ConvTranspose) {
      out = Deconv.lower(s, q, qn);
    } else if (IndexMap.isLayout(op)) {
      out = layout(s, q, qn);
    } else if (op instanceof Op.DynamicGather) {
      out = Selection.gather(s, q, qn);
    } else if (op instanceof Op.DynamicGatherElements) {
      out = Selection.gatherElements(s, q, qn);
    } else if (op instanceof Op.DynamicGatherND) {
      out = Selection.gatherNd(s, q, qn);
    } else if (op instanceof Op.ScatterElements) {
      out = Scatter.elements(s, q, qn);
    } else if (op instanceof Op.ScatterND) {
      out = Scatter.nd(s, q, qn);
    } else if (op instanceof Op.Cast && qn.table() != null) {
      out = Nonlinear.table(s, q, qn);
    } else if (op instanceof Op.Cast) {
      out = s.wires.get(n.inputs().get(0));
    } else if (op instanceof Op.Unary u && u.kind() == UnaryKind.RELU) {
      out = Elementwise.relu(s, q, qn);
    } else if (op instanceof Op.Unary u && u.kind() == UnaryKind.NEG) {
      out = Nonlinear.neg(s, q, qn);
    } else if (op instanceof Op.Unary u && u.kind() == UnaryKind.ABS) {
      out = Nonlinear.abs(s, q, qn);
    } else if (op instanceof Op.Unary) {
      out = Nonlinear.table(s, q, qn);
    } else if (op instanceof Op.Clip) {
      out = Nonlinear.clip(s, q, qn);
    } else if (op instanceof Op.PRelu) {
      out = Nonlinear.prelu(s, q, qn);
    } else if (op instanceof Op.Reduce) {
      out = Reduce.reduce(s, q, qn);
    } else if (op instanceof Op.Softmax) {
      out = Softmax.softmax(s, q, qn);
    } else if (op instanceof Op.Binary b && b.kind() == Op.BinaryKind.POW) {
      out = Nonlinear.table(s, q, qn);
    } else if (op instanceof Op.Binary b && b.kind() == Op.BinaryKind.DIV && qn.table() != null) {
      out = Division.byActivation(s, q, qn);
    } else if (op instanceof Op.Binary) {
      out = Elementwise.binary(s, q, qn);
    } else if (op instanceof Op.BatchNorm) {
      out = Elementwise.batchNorm(s, q, qn);
    } else if (op instanceof Op.Pool p) {
      out = Pooling.pool(s, q, qn, p);
    } else if (op instanceof Op.GlobalAveragePool) {
      out = Pooling.globalAverage(s, q, qn);
    } else {
      throw unsupported(n);
    }
    s.wires.put(n.output(), out);
  }

  static BadInputException unsupported(Node n) {
    return new BadInputException(n.label() + ": " + n.op().getClass().getSimpleName()
        + " cannot be lowered to a circuit yet; choose a model without it or a plan that leaves it out");
  }

  /** Cells of activation input i of a node (it must have been lowered or be a slice input). */
  static AssignedCell[] in(Synth s, QNode qn, int i) {
    AssignedCell[] w = s.wires.get(qn.node().inputs().get(i));
    if (w == null) {
      throw new IllegalStateException(qn.node().label() + ": input " + qn.node().inputs().get(i) + " has no cells");
    }
    return w;
  }

  /** Cell i of an input, which a split slice must have loaded (its field covers it). */
  static AssignedCell cell(AssignedCell[] x, int i, QNode qn) {
    AssignedCell c = x[i];
    if (c == null) {
      throw new IllegalStateException(qn.node().label() + ": input element " + i + " is not in the slice");
    }
    return c;
  }

  static long[] inValues(Synth s, QuantizedGraph q, QNode qn, int i) {
    String t = qn.node().inputs().get(i);
    return s.values(t, size(q, t));
  }

  static long[] outValues(Synth s, QuantizedGraph q, QNode qn) {
    String t = qn.node().output();
    return s.values(t, size(q, t));
  }

  static int size(QuantizedGraph q, String tensor) {
    return (int) Shapes.size(q.graph().shape(tensor));
  }

  /** Re-indexing: the output cells are input cells (pads: a constant cell); no rows. */
  private static AssignedCell[] layout(Synth s, QuantizedGraph q, QNode qn) {
    IndexMap m = q.indexMap(qn.name());
    AssignedCell[][] ins = new AssignedCell[qn.node().inputs().size()][];
    for (int i = 0; i < ins.length; i++) {
      ins[i] = qn.isParam(i) ? null : in(s, qn, i);
    }
    AssignedCell[] out = new AssignedCell[m.size()];
    for (int o = 0; o < out.length; o++) {
      if (!s.needs(qn.node().output(), o)) {
        continue;
      }
      int t = m.input()[o];
      if (t < 0) {
        long pad = io.kubz.lookup.table.FixedPoint.toFixed(((Op.Pad) qn.node().op()).value(), qn.outScale());
        out[o] = s.arith.constant(pad);
      } else if (ins[t] == null) {
        out[o] = s.arith.constant(qn.params()[t][m.index()[o]]);
      } else {
        out[o] = cell(ins[t], m.index()[o], qn);
      }
    }
    return out;
  }

  /**
   * y = ⌊(acc + 2^(k−1)) / 2^k⌋ by acc + 2^(k−1) = y·2^k + r with r ∈ [0, 2^k) and y ∈ [−2^(b−1), 2^(b−1))
   * (b from {@link Bounds}; nothing wraps modulo r); y is taken from the interpreter. Records y's sign
   * bits, except when y's consumers are lookups that bound it ({@link Bounds#LOOKED_UP}: no check).
   */
  static AssignedCell[] rescale(Synth s, String tensor, AssignedCell[] acc, long[] accV, int k, long[] y) {
    if (k == 0) {
      return acc;
    }
    Fr[] coeff = {Fr.ONE, Synth.pow2(k).neg(), Fr.ONE.neg(), null, null};
    Fr half = Synth.pow2(k - 1);
    AssignedCell[] out = new AssignedCell[acc.length];
    AssignedCell[] sign = new AssignedCell[acc.length];
    Range range = s.range();
    int bits = s.bound(tensor);
    for (int i = 0; i < acc.length; i++) {
      if (acc[i] == null) {
        continue;
      }
      long r = accV[i] + (1L << (k - 1)) - (y[i] << k);
      AssignedCell[] row = s.arith.row("rescale", coeff, null, half, new AssignedCell[] {acc[i]},
          new Fr[] {null, Fr.of(y[i]), Fr.of(r)});
      range.check(row[2], r, k, 0);
      if (bits != Bounds.LOOKED_UP) {
        sign[i] = range.check(row[1], y[i], bits, 1L << (bits - 1));
      }
      out[i] = row[1];
    }
    if (bits != Bounds.LOOKED_UP) {
      s.signs.put(tensor, sign);
    }
    return out;
  }
}
