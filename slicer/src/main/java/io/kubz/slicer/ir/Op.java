package io.kubz.slicer.ir;

import java.util.Arrays;

/**
 * The closed set of operations of the graph IR. Each record holds the operation's static
 * parameters, already normalised by the importer (ONNX attributes and constant auxiliary inputs
 * such as a Reshape's target shape, a Slice's bounds or a Gather's indices are resolved; negative
 * axes are made positive; auto-padding is made explicit). A {@link Node}'s inputs are therefore only
 * tensors that carry data: activations and weights.
 *
 * <p>Several ONNX operators map to one IR operation: Reshape, Flatten, Squeeze, Unsqueeze,
 * Identity and inference-mode Dropout are all {@link Reshape} (row-major data is unchanged, only
 * the shape differs); Constant, ConstantOfShape and Shape never appear (the importer folds them
 * into constants, as every shape is static).
 * {@link Node#onnxOpType()} keeps the original operator name for reports.
 *
 * <p>Input order per operation (names in the {@link Node}): Gemm (A, B[, C]), MatMul (A, B),
 * Binary (A, B), PRelu (X, slope), Conv and ConvTranspose (X, W[, B]), BatchNorm (X, scale, bias,
 * mean, var), LayerNorm (X, scale[, bias]), InstanceNorm (X, scale, bias), Where (cond, X, Y),
 * Concat (X₁ … Xₙ), DynamicGather, DynamicGatherElements and DynamicGatherND (data, indices),
 * ScatterElements and ScatterND (data, indices, updates);
 * every other operation has one input.
 *
 * <p>Trilu is imported as a Binary MUL by a constant 0/1 mask, so it needs no operation of its
 * own.
 */
public sealed interface Op {

  /** Y = alpha·A'·B' + beta·C with A' = Aᵀ if transA, B' = Bᵀ if transB; C broadcasts to Y. */
  record Gemm(double alpha, double beta, boolean transA, boolean transB) implements Op {}

  /** numpy matmul: batched over leading dimensions (broadcast), rank-1 operands promoted. */
  record MatMul() implements Op {}

  /** Element-wise binary arithmetic with numpy broadcasting. */
  record Binary(BinaryKind kind) implements Op {}

  /** An element-wise function of one input; {@code alpha}, {@code beta} as the kind documents. */
  record Unary(UnaryKind kind, double alpha, double beta) implements Op {
    public double apply(double x) {
      return kind.apply(x, alpha, beta);
    }
  }

  /** y = X where cond ≠ 0, else Y; the three inputs broadcast together. */
  record Where() implements Op {}

  /**
   * Index (INT64) of the largest ({@code max}) or smallest element along {@code axis}; ties go
   * to the first index, or the last with {@code selectLast}.
   */
  record ArgExtreme(boolean max, int axis, boolean keepDims, boolean selectLast) implements Op {}

  /** y = x if x ≥ 0 else slope·x, slope broadcast to x (unidirectionally). */
  record PRelu() implements Op {}

  /** y = min(max(x, min), max). */
  record Clip(double min, double max) implements Op {}

  /**
   * Softmax along {@code axis}. With {@code coerce2d} (opsets before 13) the input is seen as a
   * matrix [prod(shape[..axis]), prod(shape[axis..])] and the softmax runs along each row.
   */
  record Softmax(int axis, boolean coerce2d) implements Op {
    /**
     * The groups of a softmax over an input of shape {@code xs}: {outer, len, inner}, element
     * (o, j, i) at o·len·inner + j·inner + i, each group (o, ·, i) normalised on its own (opset &lt; 13's
     * coerce-to-2-D makes every axis from {@code axis} on one group).
     */
    public int[] groups(int[] xs) {
      int outer = 1;
      for (int a = 0; a < axis; a++) {
        outer *= xs[a];
      }
      int len = xs[axis];
      int inner = 1;
      for (int a = axis + 1; a < xs.length; a++) {
        inner *= xs[a];
      }
      return coerce2d ? new int[] {outer, len * inner, 1} : new int[] {outer, len, inner};
    }
  }

  /**
   * N-d convolution (cross-correlation) of X [N, C, d₁…] with W [M, C/group, k₁…]: pads holds the
   * begin pads of each spatial axis, then the end pads.
   */
  record Conv(int[] strides, int[] pads, int[] dilations, int group) implements Op {
    @Override
    public String toString() {
      return "Conv[strides=" + Arrays.toString(strides) + ", pads=" + Arrays.toString(pads)
          + ", dilations=" + Arrays.toString(dilations) + ", group=" + group + "]";
    }
  }

  /**
   * Transposed convolution of X [N, C, d₁…] with W [C, M/group, k₁…]; output extent per axis:
   * stride·(in−1) + outputPadding + (k−1)·dilation + 1 − padBegin − padEnd.
   */
  record ConvTranspose(int[] strides, int[] pads, int[] dilations, int group, int[] outputPadding)
      implements Op {
    @Override
    public String toString() {
      return "ConvTranspose[strides=" + Arrays.toString(strides) + ", pads="
          + Arrays.toString(pads) + ", outputPadding=" + Arrays.toString(outputPadding) + "]";
    }
  }

  /**
   * Max or average pooling over the spatial axes of [N, C, d₁…]; output extent per axis is
   * floor (or ceil) of (in + padBegin + padEnd − ((k−1)·dilation + 1)) / stride + 1.
   */
  record Pool(
      PoolKind kind,
      int[] kernel,
      int[] strides,
      int[] pads,
      int[] dilations,
      boolean ceilMode,
      boolean countIncludePad)
      implements Op {
    @Override
    public String toString() {
      return kind + "Pool[kernel=" + Arrays.toString(kernel) + ", strides="
          + Arrays.toString(strides) + ", pads=" + Arrays.toString(pads) + "]";
    }
  }

  /** Mean over all spatial axes of [N, C, d₁…], giving [N, C, 1…]. */
  record GlobalAveragePool() implements Op {}

  /** Inference batch normalisation: y = scale·(x − mean)/√(var + ε) + bias, per channel (axis 1). */
  record BatchNorm(double epsilon) implements Op {}

  /**
   * Layer normalisation over the axes [axis, rank): y = (x − mean)/√(var + ε)·scale + bias, with
   * the biased variance; scale and bias (optional) broadcast over those axes.
   */
  record LayerNorm(int axis, double epsilon) implements Op {}

  /** Instance normalisation of [N, C, …]: normalise each (n, c) over the spatial axes, then per
   * channel y = scale[c]·x̂ + bias[c]. */
  record InstanceNorm(double epsilon) implements Op {}

  /** Same elements, new shape (Reshape, Flatten, Squeeze, Unsqueeze, Identity, Dropout). */
  record Reshape(int[] shape) implements Op {
    @Override
    public String toString() {
      return "Reshape" + Arrays.toString(shape);
    }
  }

  /** Axis permutation: output axis i is input axis perm[i]. */
  record Transpose(int[] perm) implements Op {
    @Override
    public String toString() {
      return "Transpose" + Arrays.toString(perm);
    }
  }

  /** Concatenation along {@code axis}. */
  record Concat(int axis) implements Op {}

  /**
   * A strided slice with one entry per input axis: output index j of axis a reads input index
   * starts[a] + j·steps[a], for j in [0, outShape[a]).
   */
  record Slice(int[] starts, int[] steps, int[] outShape) implements Op {
    @Override
    public String toString() {
      return "Slice[starts=" + Arrays.toString(starts) + ", steps=" + Arrays.toString(steps)
          + ", out=" + Arrays.toString(outShape) + "]";
    }
  }

  /**
   * Gather along {@code axis} with constant indices (already in [0, dim)) of shape {@code
   * indicesShape}: output shape is data[..axis] ++ indicesShape ++ data[axis+1..].
   */
  record Gather(int axis, int[] indices, int[] indicesShape) implements Op {
    @Override
    public String toString() {
      return "Gather[axis=" + axis + ", indices=" + Arrays.toString(indices) + "]";
    }
  }

  /**
   * Gather along {@code axis} with indices that are an activation (second input, values in [0,
   * dim)): output shape is data[..axis] ++ indices.shape ++ data[axis+1..]. Proved by a one-hot
   * selection (lower/Selection), unlike {@link Gather}, whose constant indices are re-indexing.
   */
  record DynamicGather(int axis) implements Op {}

  /**
   * GatherElements along {@code axis} with an activation index tensor (second input, the output's
   * shape, values in [0, dim)): y[j] = x[j with its axis coordinate replaced by idx[j]].
   */
  record DynamicGatherElements(int axis) implements Op {}

  /**
   * GatherND with an activation index tensor (second input, shape [b₁…b_B, i…, k], B = {@code
   * batchDims}): each index tuple of length k addresses data axes B … B+k−1 within its batch, and
   * the output is indices.shape[..−1] ++ data.shape[B+k..].
   */
  record DynamicGatherND(int batchDims) implements Op {}

  /**
   * ScatterElements (reduction none) with an activation index tensor: y = data, then for each j in
   * row-major order y[j with its axis coordinate replaced by idx[j]] = updates[j]. ONNX leaves the
   * result of duplicate indices undefined; kubz defines it as the last write (row-major) wins.
   */
  record ScatterElements(int axis) implements Op {}

  /**
   * ScatterND (reduction none) with an activation index tensor [i…, k]: y = data, then for each
   * tuple j in row-major order the slice y[idx[j]] (data axes k.. ) = updates[j]. Duplicate tuples:
   * the last write wins, as for {@link ScatterElements}.
   */
  record ScatterND() implements Op {}

  /** Padding: pads holds the begin pad of each axis, then the end pads (negative pads crop). */
  record Pad(int[] pads, PadMode mode, double value) implements Op {
    @Override
    public String toString() {
      return "Pad[" + mode + ", pads=" + Arrays.toString(pads) + ", value=" + value + "]";
    }
  }

  /** A reduction over the sorted, distinct {@code axes}; keepDims leaves them with extent 1. */
  record Reduce(ReduceKind kind, int[] axes, boolean keepDims) implements Op {
    @Override
    public String toString() {
      return "Reduce" + kind + "[axes=" + Arrays.toString(axes) + ", keepDims=" + keepDims + "]";
    }
  }

  /**
   * A non-linear reduction (ReduceL1, ReduceL2, ReduceLogSumExp) over sorted, distinct axes; a
   * record of its own so that a stage handling {@link Reduce} cannot mistake it for a sum.
   */
  record NormReduce(NormReduceKind kind, int[] axes, boolean keepDims) implements Op {
    @Override
    public String toString() {
      return "Reduce" + kind + "[axes=" + Arrays.toString(axes) + ", keepDims=" + keepDims + "]";
    }
  }

  /** Element type conversion (Cast; CastLike, to its second input's element type). */
  record Cast(DType to) implements Op {}

  /**
   * Element-wise binary operations. Comparisons and the logical operations give BOOL tensors
   * (1 for true, 0 for false); logical operations read any non-zero value as true.
   */
  enum BinaryKind {
    ADD,
    SUB,
    MUL,
    DIV,
    POW,
    /** ONNX Max and Min of two inputs (element-wise, broadcast). */
    MAX,
    MIN,
    LESS,
    LESS_OR_EQUAL,
    GREATER,
    GREATER_OR_EQUAL,
    EQUAL,
    AND,
    OR,
    XOR;

    /** True for the kinds whose result is BOOL. */
    public boolean isPredicate() {
      return ordinal() >= LESS.ordinal();
    }
  }

  /** Pooling kinds. */
  enum PoolKind {
    MAX,
    AVERAGE
  }

  /** Padding modes of ONNX Pad. */
  enum PadMode {
    CONSTANT,
    REFLECT,
    EDGE
  }

  /** Linear and order reductions: Σx, mean, max, min. */
  enum ReduceKind {
    SUM,
    MEAN,
    MAX,
    MIN
  }

  /** Non-linear reductions: Σ|x|, √(Σx²), log Σ exp(x). */
  enum NormReduceKind {
    L1,
    L2,
    LOG_SUM_EXP
  }
}
