package io.kubz.slicer.onnx;

import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.UnaryKind;
import io.kubz.slicer.onnx.DecodeContext.Decoded;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ONNX operators kubz reads (default domain only) and how each becomes an IR {@link Op}.
 * Constant, ConstantOfShape and Shape are handled by the importer itself (they become
 * constants).
 */
final class OnnxOps {
  private OnnxOps() {}

  private static final Map<String, UnaryKind> UNARY =
      Map.ofEntries(
          Map.entry("Relu", UnaryKind.RELU),
          Map.entry("LeakyRelu", UnaryKind.LEAKY_RELU),
          Map.entry("Sigmoid", UnaryKind.SIGMOID),
          Map.entry("Tanh", UnaryKind.TANH),
          Map.entry("Erf", UnaryKind.ERF),
          Map.entry("Gelu", UnaryKind.GELU),
          Map.entry("Elu", UnaryKind.ELU),
          Map.entry("Selu", UnaryKind.SELU),
          Map.entry("Celu", UnaryKind.CELU),
          Map.entry("Softplus", UnaryKind.SOFTPLUS),
          Map.entry("Softsign", UnaryKind.SOFTSIGN),
          Map.entry("Mish", UnaryKind.MISH),
          Map.entry("HardSigmoid", UnaryKind.HARD_SIGMOID),
          Map.entry("HardSwish", UnaryKind.HARD_SWISH),
          Map.entry("Exp", UnaryKind.EXP),
          Map.entry("Log", UnaryKind.LOG),
          Map.entry("Sqrt", UnaryKind.SQRT),
          Map.entry("Abs", UnaryKind.ABS),
          Map.entry("Neg", UnaryKind.NEG),
          Map.entry("Sign", UnaryKind.SIGN),
          Map.entry("Reciprocal", UnaryKind.RECIPROCAL),
          Map.entry("Floor", UnaryKind.FLOOR),
          Map.entry("Ceil", UnaryKind.CEIL),
          Map.entry("Round", UnaryKind.ROUND),
          Map.entry("Sin", UnaryKind.SIN),
          Map.entry("Cos", UnaryKind.COS),
          Map.entry("Tan", UnaryKind.TAN),
          Map.entry("Asin", UnaryKind.ASIN),
          Map.entry("Acos", UnaryKind.ACOS),
          Map.entry("Atan", UnaryKind.ATAN),
          Map.entry("Not", UnaryKind.NOT));

  private static final Map<String, Op.BinaryKind> BINARY =
      Map.ofEntries(
          Map.entry("Add", Op.BinaryKind.ADD),
          Map.entry("Sub", Op.BinaryKind.SUB),
          Map.entry("Mul", Op.BinaryKind.MUL),
          Map.entry("Div", Op.BinaryKind.DIV),
          Map.entry("Pow", Op.BinaryKind.POW),
          Map.entry("Max", Op.BinaryKind.MAX),
          Map.entry("Min", Op.BinaryKind.MIN),
          Map.entry("Less", Op.BinaryKind.LESS),
          Map.entry("LessOrEqual", Op.BinaryKind.LESS_OR_EQUAL),
          Map.entry("Greater", Op.BinaryKind.GREATER),
          Map.entry("GreaterOrEqual", Op.BinaryKind.GREATER_OR_EQUAL),
          Map.entry("Equal", Op.BinaryKind.EQUAL),
          Map.entry("And", Op.BinaryKind.AND),
          Map.entry("Or", Op.BinaryKind.OR),
          Map.entry("Xor", Op.BinaryKind.XOR));

  private static final Set<String> OTHERS =
      Set.of(
          "Gemm", "MatMul", "PRelu", "Clip", "Softmax", "Conv", "ConvTranspose", "MaxPool",
          "AveragePool", "GlobalAveragePool", "BatchNormalization", "Flatten", "Reshape",
          "Transpose", "Squeeze", "Unsqueeze", "Concat", "Slice", "Gather", "Pad", "ReduceMean",
          "ReduceSum", "ReduceMax", "ReduceMin", "ReduceL1", "ReduceL2", "ReduceLogSumExp",
          "LayerNormalization", "InstanceNormalization", "Trilu", "Where", "ArgMax", "ArgMin",
          "Identity", "Dropout", "Constant", "ConstantOfShape", "Cast", "CastLike", "Shape");

  /** Every supported operator name, sorted. */
  static final List<String> SUPPORTED = supported();

  private static List<String> supported() {
    TreeSet<String> s = new TreeSet<>(OTHERS);
    s.addAll(Expansion.OPS);
    s.addAll(UNARY.keySet());
    s.addAll(BINARY.keySet());
    return List.copyOf(s);
  }

  static boolean isSupported(String domain, String opType) {
    return (domain.isEmpty() || domain.equals("ai.onnx")) && SUPPORTED.contains(opType);
  }

  /** Decodes every supported operator except Constant and Shape. */
  static Decoded decode(DecodeContext c) {
    String t = c.node.getOpType();
    Attrs a = c.attrs;
    UnaryKind u = UNARY.get(t);
    if (u != null) {
      return c.of(unary(u, a, c), c.inputs(1));
    }
    Op.BinaryKind b = BINARY.get(t);
    if (b != null) {
      if ((b == Op.BinaryKind.MAX || b == Op.BinaryKind.MIN) && c.node.getInputCount() != 2) {
        throw c.error(t + " of " + c.node.getInputCount() + " inputs is not supported, only of two:"
            + " export it as a chain of two-input " + t + " nodes");
      }
      return c.of(new Op.Binary(b), c.inputs(2));
    }
    switch (t) {
      case "Gemm":
        return c.of(
            new Op.Gemm(a.f("alpha", 1), a.f("beta", 1), a.i("transA", 0) != 0,
                a.i("transB", 0) != 0),
            c.optionalInputs(2, 3));
      case "MatMul":
        return c.of(new Op.MatMul(), c.inputs(2));
      case "PRelu":
        return c.of(new Op.PRelu(), c.inputs(2));
      case "Clip":
        return clip(c);
      case "Softmax":
        return softmax(c);
      case "BatchNormalization":
        if (a.i("training_mode", 0) != 0) {
          throw c.error("training_mode=1 is not supported: export the model in inference mode");
        }
        return c.of(new Op.BatchNorm(a.f("epsilon", 1e-5)), c.inputs(5));
      case "Cast":
        return cast(c);
      case "CastLike": // a Cast to the element type of the second input, which carries no data here
        return c.of(new Op.Cast(c.dtype(1)), c.inputs(1));
      case "LayerNormalization": {
        int axis = io.kubz.slicer.ir.Shapes.axis(a.i("axis", -1), c.shape(0).length, c.what);
        return c.of(new Op.LayerNorm(axis, a.f("epsilon", 1e-5)), c.optionalInputs(2, 3));
      }
      case "InstanceNormalization":
        return c.of(new Op.InstanceNorm(a.f("epsilon", 1e-5)), c.inputs(3));
      case "Trilu":
        return trilu(c);
      case "Where":
        return c.of(new Op.Where(), c.inputs(3));
      case "ArgMax":
      case "ArgMin": {
        int axis = io.kubz.slicer.ir.Shapes.axis(a.i("axis", 0), c.shape(0).length, c.what);
        return c.of(new Op.ArgExtreme(t.equals("ArgMax"), axis, a.i("keepdims", 1) != 0,
            a.i("select_last_index", 0) != 0), c.inputs(1));
      }
      case "Conv":
      case "ConvTranspose":
      case "MaxPool":
      case "AveragePool":
      case "GlobalAveragePool":
        return WindowOps.decode(c);
      default:
        return ShapeOps.decode(c);
    }
  }

  private static Op unary(UnaryKind u, Attrs a, DecodeContext c) {
    switch (u) {
      case LEAKY_RELU:
        return new Op.Unary(u, a.f("alpha", 0.01), 0);
      case ELU:
      case CELU:
        return new Op.Unary(u, a.f("alpha", 1), 0);
      case SELU:
        // ONNX's defaults, the float32 values of Klambauer et al.'s α and λ.
        return new Op.Unary(u, a.f("alpha", 1.67326319217681884765625),
            a.f("gamma", 1.05070102214813232421875));
      case HARD_SIGMOID:
        return new Op.Unary(u, a.f("alpha", 0.2), a.f("beta", 0.5));
      case GELU:
        String approx = a.s("approximate", "none");
        if (approx.equals("tanh")) {
          return new Op.Unary(UnaryKind.GELU_TANH, 0, 0);
        } else if (!approx.equals("none")) {
          throw c.error("unknown approximate='" + approx + "'");
        }
        return new Op.Unary(u, 0, 0);
      default:
        return new Op.Unary(u, 0, 0);
    }
  }

  private static Decoded clip(DecodeContext c) {
    double min = Double.NEGATIVE_INFINITY;
    double max = Double.POSITIVE_INFINITY;
    if (c.opset < 11) {
      min = c.attrs.f("min", min);
      max = c.attrs.f("max", max);
    } else {
      if (c.hasInput(1)) {
        min = c.constant(1, "min").get(0);
      }
      if (c.hasInput(2)) {
        max = c.constant(2, "max").get(0);
      }
    }
    return c.of(new Op.Clip(min, max), c.inputs(1));
  }

  private static Decoded softmax(DecodeContext c) {
    int rank = c.shape(0).length;
    boolean legacy = c.opset < 13;
    long axis = c.attrs.i("axis", legacy ? 1 : -1);
    int ax = io.kubz.slicer.ir.Shapes.axis(axis, rank, c.what);
    return c.of(new Op.Softmax(ax, legacy), c.inputs(1));
  }

  /**
   * Trilu keeps the elements with j − i ≥ k (upper) or j − i ≤ k (lower) of the last two axes:
   * imported as Mul by a constant 0/1 mask of shape [rows, cols].
   */
  private static Decoded trilu(DecodeContext c) {
    int[] s = c.shape(0);
    if (s.length < 2) {
      throw c.error("input must have rank 2 or more, got " + java.util.Arrays.toString(s));
    }
    long k = c.hasInput(1) ? (long) c.constant(1, "k").get(0) : 0;
    boolean upper = c.attrs.i("upper", 1) != 0;
    int rows = s[s.length - 2];
    int cols = s[s.length - 1];
    double[] mask = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        mask[i * cols + j] = (upper ? j - i >= k : j - i <= k) ? 1 : 0;
      }
    }
    String name = c.node.getOutput(0) + "_trilu_mask";
    return c.withConstant(new Op.Binary(Op.BinaryKind.MUL), List.of(c.input(0), name), name,
        Tensor.of(c.dtype(0), new int[] {rows, cols}, mask));
  }

  private static Decoded cast(DecodeContext c) {
    long to = c.attrs.i("to", -1);
    DType d = DType.fromOnnx((int) to);
    if (d == null) {
      throw c.error("Cast to ONNX element type " + to + " is not supported");
    }
    return c.of(new Op.Cast(d), c.inputs(1));
  }
}
