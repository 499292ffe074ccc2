package io.kubz.slicer.onnx;

import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static io.kubz.slicer.onnx.OnnxWriter.ints;

import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small seeded models for demos and tests: the same seed always gives the same bytes. Weights are
 * uniform in ±√(3/fanIn) (variance 1/fanIn), so activations stay of order one through the layers.
 */
public final class ExampleModels {
  private ExampleModels() {}

  /** Opset used by the examples. */
  public static final long OPSET = 13;

  /**
   * A multilayer perceptron: input [1, widths[0]], then Gemm (transB) + Relu per layer, without a
   * Relu after the last.
   */
  public static ModelProto mlp(long seed, int... widths) {
    SplittableRandom rnd = new SplittableRandom(seed);
    OnnxWriter w = OnnxWriter.create("mlp", OPSET);
    String x = w.input("input", 1, widths[0]);
    for (int l = 1; l < widths.length; l++) {
      x = dense(w, rnd, x, widths[l - 1], widths[l], "fc" + l);
      if (l < widths.length - 1) {
        x = w.node("Relu", List.of(x));
      }
    }
    String out = w.node("Identity", "output", List.of(x), "output");
    w.output(out, 1, widths[widths.length - 1]);
    return w.build();
  }

  /**
   * A small CNN on [1, 1, 8, 8]: Conv 3×3 (4 channels, pad 1) + BatchNormalization + Relu,
   * MaxPool 2×2, Conv 3×3 (8 channels, stride 1) + Relu, GlobalAveragePool, Flatten, Gemm to 3.
   */
  public static ModelProto cnn(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    OnnxWriter w = OnnxWriter.create("cnn", OPSET);
    String x = w.input("input", 1, 1, 8, 8);
    x = conv(w, rnd, x, 1, 4, 3, 1, "conv1");
    x = batchNorm(w, rnd, x, 4, "bn1");
    x = w.node("Relu", List.of(x));
    x = w.node("MaxPool", List.of(x), ints("kernel_shape", 2, 2), ints("strides", 2, 2));
    x = conv(w, rnd, x, 4, 8, 3, 0, "conv2");
    x = w.node("Relu", List.of(x));
    x = w.node("GlobalAveragePool", List.of(x));
    x = w.node("Flatten", List.of(x), attr("axis", 1L));
    x = dense(w, rnd, x, 8, 3, "fc");
    String out = w.node("Identity", "output", List.of(x), "output");
    w.output(out, 1, 3);
    return w.build();
  }

  /**
   * A deeper CNN on a [1, 3, 64, 64] image, the shape that made the default plan run out of heap:
   * fourteen 3×3 convolutions (pad 1) with Relu in five stages of widths 8, 16, 24, 24, 32 (a
   * 2×2 MaxPool between stages), GlobalAveragePool and a Gemm to 10 classes: about 53k parameters,
   * and a first layer of 32k outputs × 27 multiply-accumulates.
   */
  public static ModelProto wideCnn(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    OnnxWriter w = OnnxWriter.create("wide_cnn", OPSET);
    String x = w.input("input", 1, 3, 64, 64);
    int[] widths = {8, 16, 24, 24, 32};
    int[] convs = {3, 3, 3, 3, 2};
    int cin = 3;
    int id = 0;
    for (int s = 0; s < widths.length; s++) {
      if (s > 0) {
        x = w.node("MaxPool", List.of(x), ints("kernel_shape", 2, 2), ints("strides", 2, 2));
      }
      for (int c = 0; c < convs[s]; c++) {
        x = conv(w, rnd, x, cin, widths[s], 3, 1, "conv" + (++id));
        x = w.node("Relu", List.of(x));
        cin = widths[s];
      }
    }
    x = w.node("GlobalAveragePool", List.of(x));
    x = w.node("Flatten", List.of(x), attr("axis", 1L));
    x = dense(w, rnd, x, cin, 10, "fc");
    String out = w.node("Identity", "output", List.of(x), "output");
    w.output(out, 1, 10);
    return w.build();
  }

  /**
   * A CIFAR-10-shaped CNN of about 264k parameters on [1, 3, 32, 32], the shape of deep-prove's
   * published CNN benchmark: two blocks of two 3×3 convolutions (pad 1) with Relu and a 2×2 MaxPool
   * (widths 32 and 64), Flatten, Gemm 4096→48 + Relu, Gemm 48→10.
   */
  public static ModelProto cifarCnn(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    OnnxWriter w = OnnxWriter.create("cifar_cnn", OPSET);
    String x = w.input("input", 1, 3, 32, 32);
    int cin = 3;
    int id = 0;
    for (int width : new int[] {32, 64}) {
      for (int c = 0; c < 2; c++) {
        x = conv(w, rnd, x, cin, width, 3, 1, "conv" + (++id));
        x = w.node("Relu", List.of(x));
        cin = width;
      }
      x = w.node("MaxPool", List.of(x), ints("kernel_shape", 2, 2), ints("strides", 2, 2));
    }
    x = w.node("Flatten", List.of(x), attr("axis", 1L));
    x = dense(w, rnd, x, 64 * 8 * 8, 48, "fc1");
    x = w.node("Relu", List.of(x));
    x = dense(w, rnd, x, 48, 10, "fc2");
    String out = w.node("Identity", "output", List.of(x), "output");
    w.output(out, 1, 10);
    return w.build();
  }

  /**
   * LeNet-5 in its common modern form on [1, 1, 28, 28]: Conv 5×5 (6, pad 2) + Relu + AveragePool
   * 2×2, Conv 5×5 (16) + Relu + AveragePool 2×2, Flatten, Gemm 400→120 + Relu, 120→84 + Relu,
   * 84→10.
   */
  public static ModelProto lenet(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    OnnxWriter w = OnnxWriter.create("lenet", OPSET);
    String x = w.input("input", 1, 1, 28, 28);
    x = conv(w, rnd, x, 1, 6, 5, 2, "conv1");
    x = w.node("Relu", List.of(x));
    x = w.node("AveragePool", List.of(x), ints("kernel_shape", 2, 2), ints("strides", 2, 2));
    x = conv(w, rnd, x, 6, 16, 5, 0, "conv2");
    x = w.node("Relu", List.of(x));
    x = w.node("AveragePool", List.of(x), ints("kernel_shape", 2, 2), ints("strides", 2, 2));
    x = w.node("Flatten", List.of(x), attr("axis", 1L));
    x = dense(w, rnd, x, 400, 120, "fc1");
    x = w.node("Relu", List.of(x));
    x = dense(w, rnd, x, 120, 84, "fc2");
    x = w.node("Relu", List.of(x));
    x = dense(w, rnd, x, 84, 10, "fc3");
    String out = w.node("Identity", "output", List.of(x), "output");
    w.output(out, 1, 10);
    return w.build();
  }

  /**
   * A residual MLP on [1, width]: h = Relu(x·W₁ + b₁)·W₂ + b₂; y = Relu(h + x); then Gemm to 4
   * outputs. The skip connection makes the graph a DAG rather than a chain.
   */
  public static ModelProto residual(long seed, int width) {
    SplittableRandom rnd = new SplittableRandom(seed);
    OnnxWriter w = OnnxWriter.create("residual", OPSET);
    String x = w.input("input", 1, width);
    String h = dense(w, rnd, x, width, width, "block.fc1");
    h = w.node("Relu", List.of(h));
    h = dense(w, rnd, h, width, width, "block.fc2");
    String y = w.node("Add", List.of(h, x));
    y = w.node("Relu", List.of(y));
    y = dense(w, rnd, y, width, 4, "head");
    String out = w.node("Identity", "output", List.of(y), "output");
    w.output(out, 1, 4);
    return w.build();
  }

  /**
   * A classifier with smooth non-linearities on [1, width]: Gemm + Sigmoid, Gemm + Tanh,
   * Gemm + Gelu, Gemm to 3 classes and Softmax. Every non-linearity is a lookup table.
   */
  public static ModelProto smooth(long seed, int width) {
    SplittableRandom rnd = new SplittableRandom(seed);
    OnnxWriter w = OnnxWriter.create("smooth", OPSET);
    String x = w.input("input", 1, width);
    x = w.node("Sigmoid", List.of(dense(w, rnd, x, width, width, "fc1")));
    x = w.node("Tanh", List.of(dense(w, rnd, x, width, width, "fc2")));
    x = w.node("Gelu", List.of(dense(w, rnd, x, width, width, "fc3")));
    x = dense(w, rnd, x, width, 3, "head");
    String out = w.node("Softmax", "softmax", List.of(x), "output", attr("axis", 1L));
    w.output(out, 1, 3);
    return w.build();
  }

  /** A seeded input for a model input shape, uniform in [−1, 1). */
  public static Tensor input(long seed, int... shape) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Tensor t = Tensor.zeros(io.kubz.slicer.ir.DType.FLOAT, shape);
    double[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (rnd.nextDouble() * 2 - 1);
    }
    return t;
  }

  private static String dense(OnnxWriter w, SplittableRandom rnd, String x, int in, int out,
      String name) {
    String wt = w.initializer(name + ".weight", uniform(rnd, Math.sqrt(3.0 / in), out, in));
    String b = w.initializer(name + ".bias", uniform(rnd, 0.1, out));
    return w.node("Gemm", name, List.of(x, wt, b), name + "_out", attr("transB", 1L));
  }

  private static String conv(OnnxWriter w, SplittableRandom rnd, String x, int cin, int cout,
      int k, int pad, String name) {
    String wt = w.initializer(name + ".weight",
        uniform(rnd, Math.sqrt(3.0 / (cin * k * k)), cout, cin, k, k));
    String b = w.initializer(name + ".bias", uniform(rnd, 0.1, cout));
    return w.node("Conv", name, List.of(x, wt, b), name + "_out",
        ints("kernel_shape", k, k), ints("pads", pad, pad, pad, pad), ints("strides", 1, 1));
  }

  private static String batchNorm(OnnxWriter w, SplittableRandom rnd, String x, int c,
      String name) {
    String g = w.initializer(name + ".scale", shifted(uniform(rnd, 0.2, c), 1));
    String b = w.initializer(name + ".bias", uniform(rnd, 0.2, c));
    String m = w.initializer(name + ".mean", uniform(rnd, 0.2, c));
    String v = w.initializer(name + ".var", shifted(uniform(rnd, 0.2, c), 1));
    return w.node("BatchNormalization", name, List.of(x, g, b, m, v), name + "_out",
        attr("epsilon", 1e-5f));
  }

  /** Float32 values uniform in ±bound. */
  static Tensor uniform(SplittableRandom rnd, double bound, int... shape) {
    Tensor t = Tensor.zeros(io.kubz.slicer.ir.DType.FLOAT, shape);
    double[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
    }
    return t;
  }

  private static Tensor shifted(Tensor t, double by) {
    double[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (d[i] + by);
    }
    return t;
  }
}
