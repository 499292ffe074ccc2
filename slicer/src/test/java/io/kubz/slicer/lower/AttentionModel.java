package io.kubz.slicer.lower;

import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static io.kubz.slicer.onnx.OnnxWriter.ints;

import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.OnnxWriter;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A one-head causal self-attention block shaped like nanoGPT's, small: x [1, T, D];
 * q = x·Wq, k = x·Wk, v = x·Wv; s = q·kᵀ (a product of two activations), scaled by 1/√D (Mul by
 * a constant), masked by a constant lower-triangular condition (Where), Softmax over the last
 * axis, a = s·v; then an MLP a·W1 → Gelu → ·W2. The scale, the mask, the softmax and the GELU are
 * the cheap successors the budget planner lets ride in their producer's split family.
 */
public final class AttentionModel {
  private AttentionModel() {}

  public static ModelProto of(long seed, int t, int d) {
    SplittableRandom rnd = new SplittableRandom(seed);
    OnnxWriter w = OnnxWriter.create("attention", 13);
    String x = w.input("input", 1, t, d);
    String q = w.node("MatMul", "q", List.of(x, w.initializer("wq", weight(rnd, d, d))), "q_out");
    String k = w.node("MatMul", "k", List.of(x, w.initializer("wk", weight(rnd, d, d))), "k_out");
    String v = w.node("MatMul", "v", List.of(x, w.initializer("wv", weight(rnd, d, d))), "v_out");
    String kt = w.node("Transpose", "kt", List.of(k), "kt_out", ints("perm", 0, 2, 1));
    String s = w.node("MatMul", "scores", List.of(q, kt), "scores_out");
    String scale = w.initializer("scale", Tensor.scalar(DType.FLOAT, (float) (1 / Math.sqrt(d))));
    s = w.node("Mul", "scale_mul", List.of(s, scale), "scaled");
    double[] causal = new double[t * t];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j <= i; j++) {
        causal[i * t + j] = 1;
      }
    }
    String mask = w.initializer("mask", Tensor.of(DType.BOOL, new int[] {1, t, t}, causal));
    String fill = w.initializer("fill", Tensor.scalar(DType.FLOAT, -8f));
    s = w.node("Where", "mask_where", List.of(mask, s, fill), "masked");
    s = w.node("Softmax", "attn_softmax", List.of(s), "probs", attr("axis", -1L));
    String a = w.node("MatMul", "attend", List.of(s, v), "attended");
    String h = w.node("MatMul", "fc", List.of(a, w.initializer("w1", weight(rnd, d, 2 * d))), "fc_out");
    h = w.node("Gelu", "gelu", List.of(h), "gelu_out");
    String y = w.node("MatMul", "proj", List.of(h, w.initializer("w2", weight(rnd, 2 * d, d))), "proj_out");
    String out = w.node("Identity", "output", List.of(y), "output");
    w.output(out, 1, t, d);
    return w.build();
  }

  private static Tensor weight(SplittableRandom rnd, int in, int out) {
    Tensor t = Tensor.zeros(DType.FLOAT, in, out);
    double[] v = t.data();
    double bound = Math.sqrt(3.0 / in);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
    }
    return t;
  }
}
