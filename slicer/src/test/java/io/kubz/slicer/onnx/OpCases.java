package io.kubz.slicer.onnx;

import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static io.kubz.slicer.onnx.OnnxWriter.ints;

import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.proto.Onnx.AttributeProto;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/** One small ONNX model per operator variant, written with {@link OnnxWriter}. */
final class OpCases {
  record Case(String name, ModelProto model) {}

  private OpCases() {}

  private static final SplittableRandom RND = new SplittableRandom(2024);

  static Tensor rand(int... shape) {
    return ExampleModels.uniform(RND, 1, shape);
  }

  /** A model with input x of {@code shape} whose body the function writes; returns its output. */
  static Case single(String name, long opset, int[] shape, Function<OnnxWriter, String> body) {
    OnnxWriter w = OnnxWriter.create(name, opset);
    w.input("x", shape);
    String out = body.apply(w);
    String y = w.node("Identity", "y", List.of(out), "y");
    w.output(y);
    return new Case(name, w.build());
  }

  static Case op(String name, long opset, int[] shape, String op, AttributeProto... attrs) {
    return single(name, opset, shape, w -> w.node(op, List.of("x"), attrs));
  }

  static List<Case> all() {
    List<Case> c = new ArrayList<>();
    int[] img = {1, 4, 9, 8};
    c.add(single("Conv strides/pads/dilations/group", 13, img, w -> w.node("Conv",
        List.of("x", w.initializer("w", rand(6, 2, 3, 3)), w.initializer("b", rand(6))),
        ints("strides", 2, 1), ints("pads", 1, 0, 2, 1), ints("dilations", 2, 1),
        attr("group", 2L))));
    c.add(single("Conv SAME_UPPER stride 2", 13, new int[] {1, 2, 7, 7}, w -> w.node("Conv",
        List.of("x", w.initializer("w", rand(3, 2, 3, 3))), attr("auto_pad", "SAME_UPPER"),
        ints("strides", 2, 2))));
    c.add(single("Conv SAME_LOWER 2x2", 13, new int[] {1, 2, 6, 6}, w -> w.node("Conv",
        List.of("x", w.initializer("w", rand(3, 2, 2, 2))), attr("auto_pad", "SAME_LOWER"))));
    c.add(single("Conv 1-d", 13, new int[] {1, 2, 10}, w -> w.node("Conv",
        List.of("x", w.initializer("w", rand(3, 2, 3)), w.initializer("b", rand(3))),
        ints("strides", 2))));
    c.add(single("Conv depthwise", 13, img, w -> w.node("Conv",
        List.of("x", w.initializer("w", rand(4, 1, 3, 3))), attr("group", 4L),
        ints("pads", 1, 1, 1, 1))));
    c.add(single("ConvTranspose stride 2 pads output_padding", 13, new int[] {1, 4, 5, 5},
        w -> w.node("ConvTranspose",
            List.of("x", w.initializer("w", rand(4, 3, 3, 3)), w.initializer("b", rand(3))),
            ints("strides", 2, 2), ints("pads", 1, 1, 1, 1), ints("output_padding", 1, 1))));
    c.add(single("ConvTranspose group 2 dilation", 13, new int[] {1, 4, 4, 5},
        w -> w.node("ConvTranspose", List.of("x", w.initializer("w", rand(4, 2, 2, 3))),
            attr("group", 2L), ints("dilations", 2, 1), ints("strides", 1, 2))));
    c.add(single("ConvTranspose output_shape", 13, new int[] {1, 2, 5, 5},
        w -> w.node("ConvTranspose", List.of("x", w.initializer("w", rand(2, 3, 3, 3))),
            ints("strides", 2, 2), ints("output_shape", 10, 10))));
    c.add(op("MaxPool k3 s2 p1 ceil", 13, img, "MaxPool", ints("kernel_shape", 3, 3),
        ints("strides", 2, 2), ints("pads", 1, 1, 1, 1), attr("ceil_mode", 1L)));
    c.add(op("MaxPool dilated", 13, img, "MaxPool", ints("kernel_shape", 2, 2),
        ints("dilations", 2, 2)));
    c.add(op("AveragePool count_include_pad", 13, img, "AveragePool", ints("kernel_shape", 3, 3),
        ints("strides", 2, 2), ints("pads", 1, 1, 1, 1), attr("count_include_pad", 1L)));
    c.add(op("AveragePool excluding pad, ceil", 13, img, "AveragePool",
        ints("kernel_shape", 3, 2), ints("strides", 2, 2), ints("pads", 1, 0, 1, 1),
        attr("ceil_mode", 1L)));
    c.add(op("AveragePool SAME_UPPER", 13, img, "AveragePool", ints("kernel_shape", 3, 3),
        ints("strides", 2, 2), attr("auto_pad", "SAME_UPPER")));
    c.add(op("GlobalAveragePool", 13, img, "GlobalAveragePool"));
    c.add(single("BatchNormalization", 13, img, w -> w.node("BatchNormalization",
        List.of("x", w.initializer("s", rand(4)), w.initializer("b", rand(4)),
            w.initializer("m", rand(4)), w.initializer("v", plus(rand(4), 1.5))),
        attr("epsilon", 1e-3f))));
    c.add(single("Conv without bias + BatchNormalization (folded)", 13, img, w -> w.node(
        "BatchNormalization", List.of(w.node("Conv", List.of("x", w.initializer("w",
            rand(3, 4, 3, 3)))), w.initializer("s", rand(3)), w.initializer("b", rand(3)),
            w.initializer("m", rand(3)), w.initializer("v", plus(rand(3), 1.5))))));
    c.add(single("Gemm + BatchNormalization (folded)", 13, new int[] {2, 3}, w -> w.node(
        "BatchNormalization", List.of(w.node("Gemm", List.of("x", w.initializer("w",
            rand(4, 3)), w.initializer("c", rand(4))), attr("transB", 1L), attr("beta", 0.5f)),
            w.initializer("s", rand(4)), w.initializer("b", rand(4)),
            w.initializer("m", rand(4)), w.initializer("v", plus(rand(4), 1.5))))));
    c.add(op("Softmax axis 1 opset 13", 13, new int[] {2, 3, 4}, "Softmax", attr("axis", 1L)));
    c.add(op("Softmax default axis opset 13", 13, new int[] {2, 3, 4}, "Softmax"));
    c.add(op("Softmax coerced opset 11", 11, new int[] {2, 3, 4}, "Softmax", attr("axis", 1L)));
    c.add(single("Gemm transA alpha beta", 13, new int[] {5, 3}, w -> w.node("Gemm",
        List.of("x", w.initializer("w", rand(5, 4)), w.initializer("c", rand(4))),
        attr("transA", 1L), attr("alpha", 0.5f), attr("beta", 2f))));
    c.add(single("Gemm full C", 13, new int[] {2, 3}, w -> w.node("Gemm",
        List.of("x", w.initializer("w", rand(4, 3)), w.initializer("c", rand(2, 4))),
        attr("transB", 1L))));
    c.add(single("MatMul batched", 13, new int[] {2, 3, 4}, w -> w.node("MatMul",
        List.of("x", w.initializer("w", rand(4, 5))))));
    c.add(single("MatMul vector", 13, new int[] {4}, w -> w.node("MatMul",
        List.of("x", w.initializer("w", rand(2, 4, 3))))));
    for (String b : new String[] {"Add", "Sub", "Mul", "Div"}) {
      c.add(single(b + " broadcast", 13, new int[] {2, 3, 4}, w -> w.node(b,
          List.of("x", w.initializer("k", plus(rand(3, 1), 2))))));
    }
    c.add(single("Pow", 13, new int[] {2, 3}, w -> w.node("Pow",
        List.of("x", w.initializer("e", Tensor.of(new int[] {}, 3))))));
    String[] unary = {"Relu", "Sigmoid", "Tanh", "Erf", "Elu", "Selu", "Celu", "Softplus",
        "HardSigmoid", "Exp", "Abs", "Neg", "Sign", "Floor", "Ceil", "Round", "Sin", "Cos", "Atan"};
    for (String u : unary) {
      c.add(op(u, 13, new int[] {3, 5}, u));
    }
    c.add(op("HardSwish", 14, new int[] {3, 5}, "HardSwish"));
    c.add(op("LeakyRelu alpha", 13, new int[] {3, 5}, "LeakyRelu", attr("alpha", 0.2f)));
    c.add(op("Gelu", 20, new int[] {3, 5}, "Gelu"));
    c.add(op("Gelu tanh", 20, new int[] {3, 5}, "Gelu", attr("approximate", "tanh")));
    c.add(single("PRelu per channel", 13, img, w -> w.node("PRelu",
        List.of("x", w.initializer("s", rand(4, 1, 1))))));
    c.add(single("Clip inputs", 13, new int[] {3, 5}, w -> w.node("Clip", List.of("x",
        w.initializer("lo", Tensor.of(new int[] {}, -0.3)),
        w.initializer("hi", Tensor.of(new int[] {}, 0.4))))));
    c.add(op("Clip attributes opset 10", 10, new int[] {3, 5}, "Clip", attr("min", -0.2f),
        attr("max", 0.5f)));
    c.add(op("Flatten axis 2", 13, img, "Flatten", attr("axis", 2L)));
    c.add(single("Reshape 0 and -1", 13, img, w -> w.node("Reshape",
        List.of("x", w.initializer("s", Tensor.longs(0, -1, 4))))));
    c.add(op("Dropout (inference)", 13, img, "Dropout"));
    c.add(op("Transpose", 13, img, "Transpose", ints("perm", 2, 0, 3, 1)));
    c.add(single("Squeeze/Unsqueeze opset 13", 13, new int[] {1, 3, 1, 4}, w -> w.node(
        "Unsqueeze", List.of(w.node("Squeeze", List.of("x", w.initializer("a",
            Tensor.longs(2)))), w.initializer("b", Tensor.longs(-1, 0))))));
    c.add(single("Squeeze/Unsqueeze opset 11", 11, new int[] {1, 3, 1, 4}, w -> w.node(
        "Unsqueeze", List.of(w.node("Squeeze", List.of("x"), ints("axes", 0))),
        ints("axes", 1))));
    c.add(single("Concat with constant", 13, new int[] {2, 3, 4}, w -> w.node("Concat",
        List.of("x", w.initializer("k", rand(2, 2, 4)), "x"), attr("axis", 1L))));
    c.add(single("Slice negative step", 13, new int[] {5, 6, 4}, w -> w.node("Slice",
        List.of("x", w.initializer("st", Tensor.longs(-1, 1)), w.initializer("en",
            Tensor.longs(-100, 6)), w.initializer("ax", Tensor.longs(1, 0)),
            w.initializer("sp", Tensor.longs(-2, 3))))));
    c.add(single("Gather axis 1", 13, new int[] {2, 5, 3}, w -> w.node("Gather",
        List.of("x", w.initializer("i", Tensor.of(DType.INT64, new int[] {2, 2},
            new double[] {0, -1, 3, 3}))), attr("axis", 1L))));
    for (String mode : new String[] {"constant", "reflect", "edge"}) {
      c.add(single("Pad " + mode, 13, new int[] {1, 2, 4, 5}, w -> w.node("Pad",
          List.of("x", w.initializer("p", Tensor.longs(0, 0, 2, 1, 0, 1, 3, 2)),
              w.initializer("v", Tensor.of(new int[] {}, 0.25))), attr("mode", mode))));
    }
    c.add(op("ReduceMean axes keepdims 0", 13, img, "ReduceMean", ints("axes", 1, -1),
        attr("keepdims", 0L)));
    c.add(single("ReduceSum axes input", 13, img, w -> w.node("ReduceSum",
        List.of("x", w.initializer("a", Tensor.longs(2))))));
    c.add(op("ReduceMax all", 13, img, "ReduceMax"));
    c.add(op("ReduceL1", 13, img, "ReduceL1", ints("axes", 2, 3)));
    c.add(op("ReduceL2 keepdims 0", 13, img, "ReduceL2", ints("axes", 1), attr("keepdims", 0L)));
    c.add(op("ReduceLogSumExp", 13, img, "ReduceLogSumExp", ints("axes", -1)));
    c.add(single("ReduceMean axes input opset 18", 18, img, w -> w.node("ReduceMean",
        List.of("x", w.initializer("a", Tensor.longs(0, 2))))));
    c.add(single("LayerNormalization axis -2", 17, new int[] {2, 3, 4}, w -> w.node(
        "LayerNormalization", List.of("x", w.initializer("s", rand(3, 4)),
            w.initializer("b", rand(4))), attr("axis", -2L), attr("epsilon", 1e-3f))));
    c.add(single("LayerNormalization no bias", 17, new int[] {2, 5}, w -> w.node(
        "LayerNormalization", List.of("x", w.initializer("s", rand(5))))));
    c.add(single("InstanceNormalization", 13, img, w -> w.node("InstanceNormalization",
        List.of("x", w.initializer("s", rand(4)), w.initializer("b", rand(4))))));
    c.add(op("Trilu upper", 14, new int[] {2, 4, 5}, "Trilu"));
    c.add(single("Trilu lower k=-1", 14, new int[] {2, 4, 5}, w -> w.node("Trilu",
        List.of("x", w.initializer("k", Tensor.scalar(DType.INT64, -1))), attr("upper", 0L))));
    for (String cmp : new String[] {"Less", "LessOrEqual", "Greater", "GreaterOrEqual",
        "Equal"}) {
      c.add(single(cmp, 13, new int[] {3, 4}, w -> w.node("Cast", List.of(w.node(cmp,
          List.of(w.node("Round", List.of("x")), w.initializer("z", Tensor.of(new int[] {4},
              -1, 0, 0.5, 1))))), attr("to", 1L))));
    }
    c.add(single("And/Or/Xor/Not", 13, new int[] {3, 4}, w -> {
      String pos = w.node("Greater", List.of("x", w.initializer("z", Tensor.scalar(DType.FLOAT,
          0))));
      String small = w.node("Less", List.of("x", w.initializer("h", Tensor.scalar(DType.FLOAT,
          0.5))));
      String and = w.node("And", List.of(pos, small));
      String or = w.node("Or", List.of(and, w.node("Not", List.of(pos))));
      return w.node("Cast", List.of(w.node("Xor", List.of(or, small))), attr("to", 1L));
    }));
    c.add(single("Where", 13, new int[] {3, 4}, w -> w.node("Where", List.of(
        w.node("Greater", List.of("x", w.initializer("z", Tensor.scalar(DType.FLOAT, 0)))),
        "x", w.initializer("k", rand(4))))));
    for (String ext : new String[] {"Max", "Min"}) {
      c.add(single(ext + " of two", 13, new int[] {3, 4}, w -> w.node(ext, List.of("x", w.initializer("k", rand(4))))));
    }
    c.add(single("ArgMax keepdims", 13, new int[] {2, 3, 4}, w -> w.node("Cast", List.of(
        w.node("ArgMax", List.of("x"), attr("axis", 1L))), attr("to", 1L))));
    c.add(single("ArgMin last index", 13, new int[] {2, 3, 4}, w -> w.node("Cast", List.of(
        w.node("ArgMin", List.of(w.node("Round", List.of("x"))), attr("axis", -1L),
            attr("keepdims", 0L), attr("select_last_index", 1L))), attr("to", 1L))));
    c.add(single("ConstantOfShape (folded)", 13, new int[] {2, 3}, w -> w.node("Add", List.of(
        "x", w.node("ConstantOfShape", List.of(w.node("Shape", List.of("x"))),
            OnnxWriter.tensor("value", Tensor.of(new int[] {1}, 2.5)))))));
    c.add(op("ReduceMin axis 0", 13, img, "ReduceMin", ints("axes", 0)));
    c.add(single("Shape-driven Reshape (folded)", 13, img, w -> {
      String shape = w.node("Shape", List.of("x"));
      String batch = w.node("Gather", List.of(shape, w.initializer("z", Tensor.scalar(
          DType.INT64, 0))), attr("axis", 0L));
      String b1 = w.node("Unsqueeze", List.of(batch, w.initializer("a0", Tensor.longs(0))));
      String target = w.node("Concat", List.of(b1, w.initializer("m1", Tensor.longs(-1))),
          attr("axis", 0L));
      return w.node("Reshape", List.of("x", target));
    }));
    c.add(single("Cast to int32 and back", 13, new int[] {3, 5}, w -> w.node("Cast",
        List.of(w.node("Cast", List.of(w.node("Mul", List.of("x", w.initializer("k",
            Tensor.of(new int[] {}, 7))))), attr("to", 6L))), attr("to", 1L))));
    c.add(single("Constant node", 13, new int[] {2, 3}, w -> w.node("Add", List.of("x",
        w.node("Constant", List.of(), OnnxWriter.tensor("value", rand(3)))))));
    return c;
  }

  private static Tensor plus(Tensor t, double v) {
    double[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (d[i] + v);
    }
    return t;
  }
}
