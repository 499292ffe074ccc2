package io.kubz.slicer.onnx;

import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static io.kubz.slicer.onnx.OnnxWriter.ints;

import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import java.util.List;

/** Seeded attention blocks built as PyTorch exports them, for the tests of products of two activations. */
public final class AttentionModels {
  private AttentionModels() {}

  /**
   * One head of self-attention on x [batch, seq, dim]: Q, K, V = x·W (constant weights), then
   * softmax(Q·Kᵀ/√dim)·V, with Kᵀ a Transpose (perm 0, 2, 1) and the scaling a Div by a constant.
   */
  public static ModelProto attention(long seed, int batch, int seq, int dim) {
    OnnxWriter w = OnnxWriter.create("attention", 13);
    String x = w.input("x", batch, seq, dim);
    String q = w.node("MatMul", List.of(x, w.initializer("wq", weights(seed, dim, dim))));
    String k = w.node("MatMul", List.of(x, w.initializer("wk", weights(seed + 1, dim, dim))));
    String v = w.node("MatMul", List.of(x, w.initializer("wv", weights(seed + 2, dim, dim))));
    String kt = w.node("Transpose", List.of(k), ints("perm", 0, 2, 1));
    String scores = w.node("Div", List.of(w.node("MatMul", List.of(q, kt)),
        w.initializer("sqrt_d", Tensor.of(new int[] {}, Math.sqrt(dim)))));
    String a = w.node("Softmax", List.of(scores), attr("axis", -1L));
    w.output(w.node("MatMul", List.of(a, v)));
    return w.build();
  }

  /**
   * xLSTM-style gating on x [1, 8]: a, b = x·W (constant weights, [1, 4] each), the stabiliser
   * m = Max(a, b), a gate Where(a &gt; b, Sigmoid(a), Sigmoid(b)) times m, plus the ArgMax of m as a float.
   */
  public static ModelProto gating(long seed) {
    OnnxWriter w = OnnxWriter.create("gating", 13);
    String x = w.input("x", 1, 8);
    String a = w.node("MatMul", List.of(x, w.initializer("wa", weights(seed, 8, 4))));
    String b = w.node("MatMul", List.of(x, w.initializer("wb", weights(seed + 1, 8, 4))));
    String m = w.node("Max", List.of(a, b));
    String gate = w.node("Where", List.of(w.node("Greater", List.of(a, b)), w.node("Sigmoid", List.of(a)),
        w.node("Sigmoid", List.of(b))));
    String idx = w.node("Cast", List.of(w.node("ArgMax", List.of(m), attr("axis", 1L))), attr("to", 1L));
    w.output(w.node("Add", List.of(w.node("Mul", List.of(gate, m)), idx)));
    return w.build();
  }

  /** Seeded weights uniform in [−1, 1). */
  public static Tensor weights(long seed, int... shape) {
    return ExampleModels.input(seed, shape);
  }
}
