package io.kubz.slicer.quant;

import io.kubz.slicer.interp.Kernels;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each output element of a re-indexing operation (Reshape, Transpose, Concat, Slice, Gather,
 * Pad) comes from: input {@code input[j]}, element {@code index[j]}, or padding where input is −1.
 *
 * <p>It is computed by running the float kernel of the operation itself on "code" tensors whose
 * element i of input t holds base_t + i + 1 (padding writes 0): the kernel moves codes exactly as
 * it moves values, so the map agrees with the float reference by construction, for every
 * attribute combination the importer accepts. Codes stay below 2^31, far inside double's exact range.
 */
public record IndexMap(int[] input, int[] index) {

  /** Whether the operation only moves elements, so its output is an {@link IndexMap} of its inputs. */
  public static boolean isLayout(Op op) {
    return op instanceof Op.Reshape || op instanceof Op.Transpose || op instanceof Op.Concat
        || op instanceof Op.Slice || op instanceof Op.Gather || op instanceof Op.Pad;
  }

  public int size() {
    return input.length;
  }

  public static IndexMap of(Node n, Graph g) {
    Op op = n.op();
    if (op instanceof Op.Pad) {
      Op.Pad p = (Op.Pad) op;
      op = new Op.Pad(p.pads(), p.mode(), 0.0);
    }
    List<Tensor> codes = new ArrayList<>();
    long[] bases = new long[n.inputs().size() + 1];
    for (int t = 0; t < n.inputs().size(); t++) {
      int[] shape = g.shape(n.inputs().get(t));
      int size = (int) Shapes.size(shape);
      double[] d = new double[size];
      for (int i = 0; i < size; i++) {
        d[i] = bases[t] + i + 1;
      }
      bases[t + 1] = bases[t] + size;
      codes.add(Tensor.of(shape, d));
    }
    if (bases[n.inputs().size()] >= Integer.MAX_VALUE) {
      throw new IllegalArgumentException(n.label() + ": tensors too large to re-index");
    }
    double[] out = Kernels.apply(op, codes, n.label()).data();
    int[] input = new int[out.length];
    int[] index = new int[out.length];
    for (int o = 0; o < out.length; o++) {
      long c = (long) out[o];
      if (c == 0) {
        input[o] = -1;
        index[o] = -1;
        continue;
      }
      int t = 0;
      while (c - 1 >= bases[t + 1]) {
        t++;
      }
      input[o] = t;
      index[o] = (int) (c - 1 - bases[t]);
    }
    return new IndexMap(input, index);
  }
}
