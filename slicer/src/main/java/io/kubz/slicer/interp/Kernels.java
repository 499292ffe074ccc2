package io.kubz.slicer.interp;

import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Tensor;
import java.util.List;

/**
 * The float reference semantics of every IR operation: {@link #apply} computes a node's output
 * from its input tensors in double precision. The importer uses it too, to fold constants and to
 * infer static shapes, so shapes and values can never disagree.
 */
public final class Kernels {
  private Kernels() {}

  /**
   * Evaluates {@code op} on {@code in} (in the order {@link Op} documents); {@code what} names the
   * node in error messages.
   */
  public static Tensor apply(Op op, List<Tensor> in, String what) {
    Tensor x = in.get(0);
    if (op instanceof Op.Gemm) {
      return LinearKernels.gemm((Op.Gemm) op, x, in.get(1), in.size() > 2 ? in.get(2) : null, what);
    } else if (op instanceof Op.MatMul) {
      return LinearKernels.matmul(x, in.get(1), what);
    } else if (op instanceof Op.Binary) {
      return ElementwiseKernels.binary(((Op.Binary) op).kind(), x, in.get(1), what);
    } else if (op instanceof Op.Where) {
      return ElementwiseKernels.where(x, in.get(1), in.get(2), what);
    } else if (op instanceof Op.ArgExtreme) {
      return NormKernels.argExtreme((Op.ArgExtreme) op, x);
    } else if (op instanceof Op.Unary) {
      return ElementwiseKernels.unary((Op.Unary) op, x);
    } else if (op instanceof Op.PRelu) {
      return ElementwiseKernels.prelu(x, in.get(1), what);
    } else if (op instanceof Op.Clip) {
      return ElementwiseKernels.clip((Op.Clip) op, x);
    } else if (op instanceof Op.Softmax) {
      return NormKernels.softmax((Op.Softmax) op, x);
    } else if (op instanceof Op.Conv) {
      return ConvKernels.conv((Op.Conv) op, x, in.get(1), in.size() > 2 ? in.get(2) : null, what);
    } else if (op instanceof Op.ConvTranspose) {
      return ConvKernels.convTranspose(
          (Op.ConvTranspose) op, x, in.get(1), in.size() > 2 ? in.get(2) : null, what);
    } else if (op instanceof Op.Pool) {
      return PoolKernels.pool((Op.Pool) op, x, what);
    } else if (op instanceof Op.GlobalAveragePool) {
      return PoolKernels.globalAveragePool(x);
    } else if (op instanceof Op.BatchNorm) {
      return NormKernels.batchNorm(
          (Op.BatchNorm) op, x, in.get(1), in.get(2), in.get(3), in.get(4), what);
    } else if (op instanceof Op.LayerNorm) {
      return NormKernels.layerNorm((Op.LayerNorm) op, x, in.get(1), in.size() > 2 ? in.get(2) : null,
          what);
    } else if (op instanceof Op.InstanceNorm) {
      return NormKernels.instanceNorm((Op.InstanceNorm) op, x, in.get(1), in.get(2), what);
    } else if (op instanceof Op.Reshape) {
      return LayoutKernels.reshape((Op.Reshape) op, x, what);
    } else if (op instanceof Op.Transpose) {
      return LayoutKernels.transpose((Op.Transpose) op, x);
    } else if (op instanceof Op.Concat) {
      return LayoutKernels.concat((Op.Concat) op, in, what);
    } else if (op instanceof Op.Slice) {
      return LayoutKernels.slice((Op.Slice) op, x);
    } else if (op instanceof Op.Gather) {
      return LayoutKernels.gather((Op.Gather) op, x);
    } else if (op instanceof Op.DynamicGather) {
      return LayoutKernels.gather(((Op.DynamicGather) op).axis(), x, in.get(1), what);
    } else if (op instanceof Op.DynamicGatherElements) {
      return LayoutKernels.gatherElements(((Op.DynamicGatherElements) op).axis(), x, in.get(1), what);
    } else if (op instanceof Op.DynamicGatherND g) {
      return ScatterKernels.gatherNd(g, x, in.get(1), what);
    } else if (op instanceof Op.ScatterElements se) {
      return ScatterKernels.scatterElements(se.axis(), x, in.get(1), in.get(2), what);
    } else if (op instanceof Op.ScatterND) {
      return ScatterKernels.scatterNd(x, in.get(1), in.get(2), what);
    } else if (op instanceof Op.Pad) {
      return LayoutKernels.pad((Op.Pad) op, x, what);
    } else if (op instanceof Op.Reduce) {
      return NormKernels.reduce((Op.Reduce) op, x);
    } else if (op instanceof Op.NormReduce) {
      return NormKernels.reduce((Op.NormReduce) op, x);
    } else if (op instanceof Op.Cast) {
      return x.cast(((Op.Cast) op).to());
    }
    throw new AssertionError("no kernel for " + op);
  }
}
