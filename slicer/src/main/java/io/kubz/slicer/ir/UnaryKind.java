package io.kubz.slicer.ir;

/**
 * Element-wise functions of one variable, as ONNX defines them. The parameters are ONNX's
 * attributes: LeakyRelu, Elu and Celu use alpha; Selu uses alpha and beta (= gamma); HardSigmoid
 * uses alpha and beta; the others use none. SOFTSIGN is x/(1 + |x|), MISH x·tanh(softplus(x)). NOT is
 * logical negation (0 ↦ 1, anything else ↦ 0). GELU is the exact x·Φ(x) = x/2·(1 + erf(x/√2));
 * GELU_TANH is its tanh approximation x/2·(1 + tanh(√(2/π)·(x + 0.044715·x³))).
 */
public enum UnaryKind {
  RELU,
  LEAKY_RELU,
  SIGMOID,
  TANH,
  ERF,
  GELU,
  GELU_TANH,
  ELU,
  SELU,
  CELU,
  SOFTPLUS,
  SOFTSIGN,
  MISH,
  HARD_SIGMOID,
  HARD_SWISH,
  EXP,
  LOG,
  SQRT,
  ABS,
  NEG,
  SIGN,
  RECIPROCAL,
  FLOOR,
  CEIL,
  ROUND,
  SIN,
  COS,
  TAN,
  ASIN,
  ACOS,
  ATAN,
  NOT;

  /** √(2/π), derived rather than pasted. */
  private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

  /** f(x) with the kind's parameters. */
  public double apply(double x, double alpha, double beta) {
    switch (this) {
      case RELU:
        return x > 0 ? x : 0;
      case LEAKY_RELU:
        return x >= 0 ? x : alpha * x;
      case SIGMOID:
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
      case TANH:
        return Math.tanh(x);
      case ERF:
        return io.kubz.lookup.table.Erfs.erf(x);
      case GELU:
        return 0.5 * x * (1 + io.kubz.lookup.table.Erfs.erf(x / Math.sqrt(2)));
      case GELU_TANH:
        return 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
      case ELU:
        return x >= 0 ? x : alpha * (Math.exp(x) - 1);
      case SELU:
        return beta * (x > 0 ? x : alpha * (Math.exp(x) - 1));
      case CELU:
        return Math.max(0, x) + Math.min(0, alpha * (Math.exp(x / alpha) - 1));
      case SOFTPLUS:
        return x > 30 ? x : Math.log1p(Math.exp(x));
      case SOFTSIGN:
        return x / (1 + Math.abs(x));
      case MISH:
        return x * Math.tanh(x > 30 ? x : Math.log1p(Math.exp(x)));
      case HARD_SIGMOID:
        return Math.max(0, Math.min(1, alpha * x + beta));
      case HARD_SWISH:
        return x * Math.max(0, Math.min(1, x / 6 + 0.5));
      case EXP:
        return Math.exp(x);
      case LOG:
        return Math.log(x);
      case SQRT:
        return Math.sqrt(x);
      case ABS:
        return Math.abs(x);
      case NEG:
        return -x;
      case SIGN:
        return Math.signum(x);
      case RECIPROCAL:
        return 1 / x;
      case FLOOR:
        return Math.floor(x);
      case CEIL:
        return Math.ceil(x);
      case ROUND:
        return Math.rint(x);
      case SIN:
        return Math.sin(x);
      case COS:
        return Math.cos(x);
      case TAN:
        return Math.tan(x);
      case ASIN:
        return Math.asin(x);
      case ACOS:
        return Math.acos(x);
      case ATAN:
        return Math.atan(x);
      case NOT:
        return x == 0 ? 1 : 0;
      default:
        throw new AssertionError(this);
    }
  }
}
