package io.kubz.slicer.onnx;

import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.ValueInfo;
import io.kubz.slicer.onnx.proto.Onnx.TensorProto;
import java.util.Map;

/**
 * Constant, ConstantOfShape and Shape nodes, which always produce constants (every shape is
 * static).
 */
final class ConstantOps {
  private ConstantOps() {}

  /** The node's constant output if it is a Constant or Shape node, else null. */
  static Tensor tryConstant(DecodeContext c, Map<String, ValueInfo> values) {
    switch (c.node.getOpType()) {
      case "Constant":
        return constant(c);
      case "Shape": {
        int[] s = values.get(c.input(0)).shape();
        int r = s.length;
        long start = c.attrs.i("start", 0);
        long end = c.attrs.i("end", r);
        start = Math.max(0, Math.min(r, start < 0 ? start + r : start));
        end = Math.max(start, Math.min(r, end < 0 ? end + r : end));
        long[] v = new long[(int) (end - start)];
        for (int k = 0; k < v.length; k++) {
          v[k] = s[(int) start + k];
        }
        return Tensor.longs(v);
      }
      case "ConstantOfShape": {
        long[] shape = c.constant(0, "shape").toLongs();
        TensorProto v = c.attrs.t("value");
        Tensor value = v == null ? Tensor.scalar(DType.FLOAT, 0)
            : TensorCodec.decode(v, null, c.what + " value");
        if (value.size() != 1) {
          throw c.error("value must hold one element");
        }
        Tensor t = Tensor.zeros(value.dtype(), DecodeContext.toInts(shape));
        java.util.Arrays.fill(t.data(), value.get(0));
        return t;
      }
      default:
        return null;
    }
  }

  private static Tensor constant(DecodeContext c) {
    Attrs a = c.attrs;
    TensorProto t = a.t("value");
    if (t != null) {
      return TensorCodec.decode(t, null, c.what + " value");
    }
    if (a.has("value_float")) {
      return Tensor.scalar(DType.FLOAT, a.f("value_float", 0));
    }
    if (a.has("value_int")) {
      return Tensor.scalar(DType.INT64, a.i("value_int", 0));
    }
    float[] fs = a.floats("value_floats");
    if (fs != null) {
      return Tensor.ofFloats(new int[] {fs.length}, fs);
    }
    long[] is = a.ints("value_ints");
    if (is != null) {
      return Tensor.longs(is);
    }
    throw c.error("only tensor, float and int values are supported for Constant");
  }
}
