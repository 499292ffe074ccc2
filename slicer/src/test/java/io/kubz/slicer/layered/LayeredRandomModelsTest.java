package io.kubz.slicer.layered;

import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static io.kubz.slicer.onnx.OnnxWriter.ints;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.OnnxWriter;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random one- and two-operator models (odd and size-1 dimensions, strides, pads, dilations,
 * groups, broadcasting, ceil mode, padded windows): the lowered model computes the interpreter's
 * outputs bit for bit on two inputs the settings were calibrated on.
 */
class LayeredRandomModelsTest {
  private static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8};

  /** Builds the model the body writes on input x of {@code shape}, calibrates on two inputs, checks both. */
  static LayeredLowering.Lowered agrees(String name, long opset, int[] shape, SplittableRandom rnd,
      BiFunction<OnnxWriter, SplittableRandom, String> body) {
    OnnxWriter w = OnnxWriter.create(name, opset);
    w.input("x", shape);
    String out = body.apply(w, rnd);
    w.output(w.node("Identity", "y", List.of(out), "y"));
    Graph g = Differential.graph(w.build());
    List<List<Tensor>> samples = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      samples.add(List.of(uniform(rnd, 2, g.inputs().get(0).shape())));
    }
    QuantizedGraph q = Calibrator.calibrate(g, samples, QuantPlan.defaults()).graph();
    LayeredLowering.Lowered l = null;
    for (List<Tensor> in : samples) {
      l = Differential.check(q, in);
    }
    return l;
  }

  static Tensor uniform(SplittableRandom rnd, double bound, int... shape) {
    Tensor t = Tensor.zeros(DType.FLOAT, shape);
    double[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
    }
    return t;
  }

  private static int dim(SplittableRandom rnd, int max) {
    return 1 + rnd.nextInt(max);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void conv(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int group = dim(rnd, 3);
    int cg = dim(rnd, 2);
    int mg = dim(rnd, 2);
    boolean oneD = rnd.nextInt(4) == 0;
    int h = dim(rnd, 7);
    int wd = dim(rnd, 6);
    int kh = dim(rnd, 3);
    int kw = dim(rnd, 3);
    int sh = dim(rnd, 3);
    int sw = dim(rnd, 2);
    int dh = dim(rnd, 2);
    int dw = dim(rnd, 2);
    int[] p = {rnd.nextInt(3), rnd.nextInt(2), rnd.nextInt(3), rnd.nextInt(2)};
    // keep the kernel within the padded input
    while (h + p[0] + p[2] < (kh - 1) * dh + 1) {
      p[0]++;
    }
    while (wd + p[1] + p[3] < (kw - 1) * dw + 1) {
      p[3]++;
    }
    int n = dim(rnd, 2);
    int[] shape = oneD ? new int[] {n, group * cg, h} : new int[] {n, group * cg, h, wd};
    agrees("conv", 13, shape, rnd, (w, r) -> w.node("Conv", List.of("x",
        w.initializer("w", oneD ? uniform(r, 1, group * mg, cg, kh) : uniform(r, 1, group * mg, cg, kh, kw)),
        w.initializer("b", uniform(r, 0.5, group * mg))),
        oneD ? ints("strides", sh) : ints("strides", sh, sw),
        oneD ? ints("pads", p[0], p[2]) : ints("pads", p[0], p[1], p[2], p[3]),
        oneD ? ints("dilations", dh) : ints("dilations", dh, dw), attr("group", (long) group)));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void convTranspose(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int group = dim(rnd, 2);
    int cg = dim(rnd, 2);
    int mg = dim(rnd, 3);
    int s0 = dim(rnd, 3);
    int s1 = dim(rnd, 2);
    int k0 = dim(rnd, 3);
    int k1 = dim(rnd, 2);
    int pad = rnd.nextInt(Math.min(k0, k1));
    int op = rnd.nextInt(Math.min(s0, s1));
    agrees("convT", 13, new int[] {1, group * cg, dim(rnd, 4), dim(rnd, 5)}, rnd, (w, r) -> w.node("ConvTranspose",
        List.of("x", w.initializer("w", uniform(r, 1, group * cg, mg, k0, k1)), w.initializer("b", uniform(r, 0.5, group * mg))),
        ints("strides", s0, s1), ints("pads", pad, 0, pad, 0), ints("output_padding", op, op),
        ints("dilations", 1, dim(rnd, 2)), attr("group", (long) group)));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void pools(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int h = dim(rnd, 7);
    int wd = dim(rnd, 6);
    int kh = dim(rnd, Math.min(3, h));
    int kw = dim(rnd, Math.min(3, wd));
    long[] pads = {rnd.nextInt(kh), rnd.nextInt(kw), rnd.nextInt(kh), rnd.nextInt(kw)};
    int[] shape = {dim(rnd, 2), dim(rnd, 3), h, wd};
    long ceil = rnd.nextInt(2);
    long include = rnd.nextInt(2);
    int sh = dim(rnd, 2);
    int sw = dim(rnd, 3);
    agrees("avgpool", 13, shape, rnd, (w, r) -> w.node("AveragePool", List.of("x"), ints("kernel_shape", kh, kw),
        ints("strides", sh, sw), ints("pads", pads), attr("ceil_mode", ceil), attr("count_include_pad", include)));
    agrees("maxpool", 13, shape, rnd, (w, r) -> w.node("MaxPool", List.of("x"), ints("kernel_shape", kh, kw),
        ints("strides", sh, sw), ints("pads", pads), attr("ceil_mode", ceil)));
    agrees("gap", 13, shape, rnd, (w, r) -> w.node("GlobalAveragePool", List.of("x")));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void reductions(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] shape = {dim(rnd, 3), dim(rnd, 5), dim(rnd, 4)};
    long[] axes = rnd.nextBoolean() ? new long[] {rnd.nextInt(3)} : new long[] {0, 2};
    long keep = rnd.nextInt(2);
    for (String op : new String[] {"ReduceMean", "ReduceMax", "ReduceMin"}) {
      agrees(op, 13, shape, rnd, (w, r) -> w.node(op, List.of("x"), ints("axes", axes), attr("keepdims", keep)));
    }
    agrees("ReduceSum", 13, shape, rnd, (w, r) -> w.node("ReduceSum",
        List.of("x", w.initializer("a", Tensor.longs(axes))), attr("keepdims", keep)));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void contractions(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int m = dim(rnd, 4);
    int k = dim(rnd, 5);
    int n = dim(rnd, 3);
    int b = dim(rnd, 3);
    // constant right operand, batched and broadcast
    agrees("matmul const", 13, new int[] {b, m, k}, rnd, (w, r) -> w.node("MatMul",
        List.of("x", w.initializer("w", uniform(r, 1, k, n)))));
    // constant left operand, batched on the constant
    agrees("matmul const left", 13, new int[] {k, n}, rnd, (w, r) -> w.node("MatMul",
        List.of(w.initializer("w", uniform(r, 1, b, m, k)), "x")));
    // rank-1 activation
    agrees("matmul vector", 13, new int[] {k}, rnd, (w, r) -> w.node("MatMul",
        List.of("x", w.initializer("w", uniform(r, 1, b, k, n)))));
    // two activations: x·xᵀ over the batch
    agrees("matmul activations", 13, new int[] {b, m, k}, rnd, (w, r) -> w.node("MatMul",
        List.of("x", w.node("Transpose", List.of("x"), ints("perm", 0, 2, 1)))));
    long ta = rnd.nextInt(2);
    long tb = rnd.nextInt(2);
    int[] cShape = rnd.nextBoolean() ? new int[] {n} : new int[] {m, 1};
    agrees("gemm", 13, ta == 1 ? new int[] {k, m} : new int[] {m, k}, rnd, (w, r) -> w.node("Gemm",
        List.of("x", w.initializer("w", tb == 1 ? uniform(r, 1, n, k) : uniform(r, 1, k, n)),
            w.initializer("c", uniform(r, 1, cShape))), attr("transA", ta), attr("transB", tb)));
    // Gemm with an activation bias: x·W + x (square)
    agrees("gemm activation bias", 13, new int[] {m, k}, rnd, (w, r) -> w.node("Gemm",
        List.of("x", w.initializer("w", uniform(r, 1, k, k)), "x")));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void elementwise(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] shape = {dim(rnd, 2), dim(rnd, 3), dim(rnd, 4)};
    int[] small = {shape[1], 1};
    for (String op : new String[] {"Add", "Sub", "Mul", "Div", "Max", "Min"}) {
      agrees(op + " const", 13, shape, rnd, (w, r) -> w.node(op,
          List.of(w.initializer("c", plusOne(uniform(r, 1, small))), "x")));
    }
    for (String op : new String[] {"Add", "Sub", "Mul", "Max", "Min"}) {
      // both activations, one broadcast (a reduction of x keeps its rank)
      agrees(op + " activations", 13, shape, rnd, (w, r) -> w.node(op,
          List.of("x", w.node("ReduceSum", List.of("x", w.initializer("a", Tensor.longs(2)))))));
    }
    agrees("Div by activation", 13, shape, rnd, (w, r) -> w.node("Div",
        List.of("x", w.node("Add", List.of(w.node("Sigmoid", List.of("x")),
            w.initializer("one", Tensor.of(new int[] {}, 1.0)))))));
    agrees("Abs Neg", 13, shape, rnd, (w, r) -> w.node("Neg", List.of(w.node("Abs", List.of("x")))));
    agrees("Clip", 13, shape, rnd, (w, r) -> w.node("Clip", List.of("x",
        w.initializer("lo", Tensor.of(new int[] {}, -0.3)), w.initializer("hi", Tensor.of(new int[] {}, 0.6)))));
    agrees("Clip max only", 13, shape, rnd, (w, r) -> w.node("Clip", List.of("x", "",
        w.initializer("hi", Tensor.of(new int[] {}, 0.6)))));
    agrees("Relu Sigmoid Tanh", 13, shape, rnd, (w, r) -> w.node("Tanh",
        List.of(w.node("Sigmoid", List.of(w.node("Relu", List.of("x")))))));
    agrees("Pow", 13, shape, rnd, (w, r) -> w.node("Pow",
        List.of("x", w.initializer("e", Tensor.of(new int[] {}, 2)))));
    agrees("PRelu", 13, new int[] {1, shape[1], 3}, rnd, (w, r) -> w.node("PRelu",
        List.of("x", w.initializer("s", halfPlusHalf(uniform(r, 1, shape[1], 1))))));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void layouts(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] shape = {dim(rnd, 2), dim(rnd, 3), dim(rnd, 4), dim(rnd, 5)};
    agrees("Transpose", 13, shape, rnd, (w, r) -> w.node("Transpose", List.of("x"), ints("perm", 2, 0, 3, 1)));
    agrees("Flatten", 13, shape, rnd, (w, r) -> w.node("Flatten", List.of("x"), attr("axis", 2L)));
    agrees("Concat with constant", 13, shape, rnd, (w, r) -> w.node("Concat",
        List.of("x", w.initializer("k", uniform(r, 1, shape[0], 2, shape[2], shape[3])), "x"), attr("axis", 1L)));
    agrees("Slice", 13, shape, rnd, (w, r) -> w.node("Slice", List.of("x",
        w.initializer("st", Tensor.longs(-1, 0)), w.initializer("en", Tensor.longs(-100, 5)),
        w.initializer("ax", Tensor.longs(3, 1)), w.initializer("sp", Tensor.longs(-2, 2)))));
    for (String mode : new String[] {"constant", "reflect", "edge"}) {
      int ph = mode.equals("constant") ? 2 : Math.min(2, shape[2] - 1);
      int pw = mode.equals("constant") ? 1 : Math.min(1, shape[3] - 1);
      agrees("Pad " + mode, 13, shape, rnd, (w, r) -> w.node("Pad", List.of("x",
          w.initializer("p", Tensor.longs(0, 0, ph, 0, 0, 0, 0, pw)),
          w.initializer("v", Tensor.of(new int[] {}, 0.25))), attr("mode", mode)));
    }
    agrees("Gather", 13, shape, rnd, (w, r) -> w.node("Gather", List.of("x", w.initializer("i",
        Tensor.of(DType.INT64, new int[] {2}, new double[] {shape[1] - 1, 0}))), attr("axis", 1L)));
    agrees("Expand", 13, new int[] {shape[1], 1}, rnd, (w, r) -> w.node("Expand",
        List.of("x", w.initializer("s", Tensor.longs(2, shape[1], 3)))));
  }

  /** Every linear layer fused with its rescale keeps its size; a 1×1 model works. */
  @Test
  void sizeOneEverywhere() {
    SplittableRandom rnd = new SplittableRandom(9);
    agrees("tiny", 13, new int[] {1, 1, 1, 1}, rnd, (w, r) -> w.node("GlobalAveragePool", List.of(w.node("Conv",
        List.of("x", w.initializer("w", uniform(r, 1, 1, 1, 1, 1))), ints("pads", 0, 0, 0, 0)))));
  }

  @Test
  void preluWithASlopeAboveOneIsRefused() {
    SplittableRandom rnd = new SplittableRandom(3);
    BadInputException e = assertThrows(BadInputException.class, () -> agrees("prelu", 13, new int[] {1, 2, 3}, rnd,
        (w, r) -> w.node("PRelu", "steep", List.of("x", w.initializer("s", Tensor.of(new int[] {2, 1}, 1.5, 0.5))),
            "steep_out")));
    assertTrue(e.getMessage().contains("PRelu (node steep)") && e.getMessage().contains("plonkish"), e.getMessage());
  }

  @Test
  void comparisonsAreRefused() {
    SplittableRandom rnd = new SplittableRandom(4);
    BadInputException e = assertThrows(BadInputException.class, () -> agrees("less", 13, new int[] {2, 3}, rnd,
        (w, r) -> w.node("Less", "cmp", List.of("x", w.initializer("z", Tensor.of(new int[] {}, 0.0))), "cmp_out")));
    assertTrue(e.getMessage().contains("Less (node cmp)"), e.getMessage());
  }

  private static Tensor plusOne(Tensor t) {
    double[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = d[i] >= 0 ? d[i] + 1 : d[i] - 1; // away from 0: Div by a constant refuses 0
    }
    return t;
  }

  private static Tensor halfPlusHalf(Tensor t) {
    double[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = 0.5 + 0.5 * d[i]; // slopes in [0, 1]
    }
    return t;
  }
}
