package io.kubz.slicer.api;

import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.OnnxWriter;
import io.kubz.slicer.onnx.proto.Onnx;
import java.util.List;
import java.util.SplittableRandom;

/** Small seeded models whose per-layer slicing has the boundary shapes the linking tests need. */
final class LinkModels {
  private LinkModels() {}

  /**
   * Two branches on one input: outA = input·A + a, outB = input·B + b. Per layer, slice 0 computes
   * outA and slice 1 outB: the input is read by two slices, and nothing else links them.
   */
  static Onnx.ModelProto branches(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    OnnxWriter w = OnnxWriter.create("branches", 13);
    String x = w.input("input", 1, 4);
    w.output(dense(w, rnd, x, 4, 3, "outA"), 1, 3);
    w.output(dense(w, rnd, x, 4, 3, "outB"), 1, 3);
    return w.build();
  }

  /**
   * A tapped MLP: hidden = Relu(input·W₁ + b₁) is a model output and also the input of
   * output = hidden·W₂ + b₂. Per layer, slice 0 produces hidden and slice 1 reads it.
   */
  static Onnx.ModelProto tapped(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    OnnxWriter w = OnnxWriter.create("tapped", 13);
    String x = w.input("input", 1, 4);
    String h = w.node("Relu", "relu1", List.of(dense(w, rnd, x, 4, 4, "fc1")), "hidden");
    w.output(h, 1, 4);
    w.output(dense(w, rnd, h, 4, 3, "output"), 1, 3);
    return w.build();
  }

  private static String dense(OnnxWriter w, SplittableRandom rnd, String x, int in, int out, String name) {
    String wt = w.initializer(name + ".weight", uniform(rnd, Math.sqrt(3.0 / in), out, in));
    String b = w.initializer(name + ".bias", uniform(rnd, 0.1, out));
    return w.node("Gemm", name, List.of(x, wt, b), name.startsWith("out") ? name : name + "_out",
        OnnxWriter.attr("transB", 1L));
  }

  private static Tensor uniform(SplittableRandom rnd, double bound, int... shape) {
    Tensor t = Tensor.zeros(DType.FLOAT, shape);
    double[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
    }
    return t;
  }
}
