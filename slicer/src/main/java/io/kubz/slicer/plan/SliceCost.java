package io.kubz.slicer.plan;

import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Shapes;

/**
 * What a slice costs when compiled: rows per node, rows to commit a boundary tensor, and prover
 * memory for a circuit of a given size. Planning uses it; the circuit compiler provides the real
 * figures, and {@link #DEFAULT} is a documented approximation for planning without it.
 */
public interface SliceCost {
  /** Rows that node {@code n} needs once lowered, lookups and range checks included. */
  long rows(Node n, Graph g);

  /** Rows to commit a boundary tensor of {@code elements} values with the Poseidon sponge in-circuit. */
  long boundaryRows(long elements);

  /** Rows to expose {@code elements} model input or output values as public instance cells. */
  default long publicRows(long elements) {
    return elements;
  }

  /**
   * Columns of n field elements a proof of an n-row slice holds at its peak, for planning: {@code
   * Prover.estimateBytes} counts about 3F + 2A + 11 of them for F fixed and A advice columns (the
   * circuit's fixed values, the key's coefficients, the advice, and every column again on a
   * sub-coset of the quotient's domain), and a slice compiled with 8 product lanes has up to about
   * 80 fixed and 75 advice columns. Measured: a 2^17-row CNN slice with 63 fixed and 48 advice.
   */
  long COLUMNS_AT_PEAK = 400;

  /** Peak prover memory for a circuit of {@code rows} rows. */
  long memoryBytes(long rows);

  /**
   * Rows node {@code n} needs when it computes only the output elements {@code needed} (null: all),
   * as a vector over gadget groups: a slice sums the vectors of its nodes and boundaries and needs
   * the largest component (groups sit side by side over disjoint columns). The default is one group,
   * {@link #rows(Node, Graph)} scaled by the share of outputs computed.
   */
  default long[] rows(Node n, Graph g, java.util.BitSet needed) {
    long all = rows(n, g);
    if (needed == null || !Fields.partial(n.op())) {
      return new long[] {all};
    }
    long size = Shapes.size(g.shape(n.output()));
    return new long[] {(all * needed.cardinality() + size - 1) / size};
  }

  /**
   * Rows product node {@code n} needs in a contraction split ({@link Split#partial()}): the partial
   * sums over {@code length} contraction indices of its outputs {@code needed}, without bias or
   * rescale. The default scales {@link #rows(Node, Graph, java.util.BitSet)} by length / K.
   */
  default long[] partialRows(Node n, Graph g, java.util.BitSet needed, int length) {
    long[] all = rows(n, g, needed);
    long k = Math.max(1, macs(n, g) / Math.max(1, Shapes.size(g.shape(n.output()))));
    long[] out = new long[all.length];
    for (int i = 0; i < all.length; i++) {
      out[i] = (all[i] * length + k - 1) / k;
    }
    return out;
  }

  /**
   * Rows product node {@code n} needs when it adds {@code parts} partial sums per output (its
   * contraction was split), the bias, and rescales, for the outputs {@code needed}. The default
   * takes the node's rows over the whole contraction (an upper bound when parts &lt; K).
   */
  default long[] combineRows(Node n, Graph g, java.util.BitSet needed, int parts) {
    return rows(n, g, needed);
  }

  /**
   * Rows of one boundary tensor of {@code elements} values, as a vector like {@link #rows(Node,
   * Graph, java.util.BitSet)}: committed ({@code hashed}) or public values, read ({@code input}) or
   * produced.
   */
  default long[] boundary(long elements, boolean hashed, boolean input) {
    return new long[] {hashed ? boundaryRows(elements) : publicRows(elements)};
  }

  /**
   * Whether the model's inputs ({@code input}) or outputs cross a cut committed rather than as
   * public values (their visibility is not PUBLIC); planning then charges them a commitment.
   */
  default boolean hashesModel(boolean input) {
    return false;
  }

  /** Whether entry i of the vectors is a minimum height (a lookup table's) that a slice takes the maximum of. */
  default boolean isHeight(int i) {
    return false;
  }

  /** Rows every slice needs whatever it holds (constants), as a vector. */
  default long[] base() {
    return new long[] {0};
  }

  /**
   * The default approximation: multiply-accumulates at 4 products per row plus 2 rows per output
   * (rescale and its range check); element-wise ops 1 row per element; pooling one row per window
   * element; softmax 3 rows per element; re-indexing free; 17 rows per committed element plus one
   * permutation (merkle's width-5 sponge absorbs 4 values per 68-round permutation, and the Poseidon
   * gadget spends one row per round); memory {@link #COLUMNS_AT_PEAK} columns.
   */
  SliceCost DEFAULT = new SliceCost() {
    @Override
    public long rows(Node n, Graph g) {
      long out = Shapes.size(g.shape(n.output()));
      Op op = n.op();
      if (op instanceof Op.Gemm || op instanceof Op.MatMul || op instanceof Op.Conv
          || op instanceof Op.ConvTranspose) {
        return macs(n, g) / 4 + 2 * out;
      }
      if (op instanceof Op.Reshape || op instanceof Op.Transpose || op instanceof Op.Concat
          || op instanceof Op.Slice || op instanceof Op.Gather || op instanceof Op.Pad || op instanceof Op.Cast) {
        return 0;
      }
      if (op instanceof Op.Pool) {
        return out * Shapes.size(((Op.Pool) op).kernel());
      }
      if (op instanceof Op.GlobalAveragePool || op instanceof Op.Reduce) {
        return Shapes.size(g.shape(n.inputs().get(0))) + out;
      }
      if (op instanceof Op.Softmax) {
        return 3 * out;
      }
      return out;
    }

    @Override
    public long boundaryRows(long elements) {
      return 17 * ((elements + 1 + 3) / 4 * 4) + 68;
    }

    /**
     * {@link #COLUMNS_AT_PEAK} columns of the power-of-two circuit the rows land in (reserved rows
     * included), each as this JVM lays it out: with G1, a column of half a region or more takes
     * whole regions ({@code HeapFootprint}).
     */
    @Override
    public long memoryBytes(long rows) {
      long n = Long.highestOneBit(Math.max(1, rows + Slicer.RESERVED_ROWS - 1)) << 1;
      return COLUMNS_AT_PEAK * io.kubz.plonkish.prover.HeapFootprint.column(n);
    }
  };

  /** Multiply-accumulates of a product node: outputs × contraction length. */
  static long macs(Node n, Graph g) {
    long out = Shapes.size(g.shape(n.output()));
    int[] w = g.shape(n.inputs().get(1));
    Op op = n.op();
    if (op instanceof Op.Conv) {
      return out * (Shapes.size(w) / w[0]);
    }
    if (op instanceof Op.ConvTranspose) {
      return Shapes.size(g.shape(n.inputs().get(0))) * (Shapes.size(w) / w[0]);
    }
    if (op instanceof Op.Gemm) {
      int[] a = g.shape(n.inputs().get(0));
      return out * (((Op.Gemm) op).transA() ? a[0] : a[1]);
    }
    int[] a = g.shape(n.inputs().get(0));
    return out * a[a.length - 1];
  }
}
