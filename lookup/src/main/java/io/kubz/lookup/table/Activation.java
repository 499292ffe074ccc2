package io.kubz.lookup.table;

/**
 * The real functions that function tables tabulate. Each is evaluated with {@link StrictMath}, so a
 * table's contents (and so the verifying key that commits to it) are bit-identical on every JVM.
 */
public sealed interface Activation {
  /** f(x) for a real x. */
  double apply(double x);

  /** A stable name including parameters, part of a table's identity. */
  String id();

  /** max(x, 0). */
  record Relu() implements Activation {
    @Override public double apply(double x) { return x > 0 ? x : 0; }
    @Override public String id() { return "relu"; }
  }

  /** x for x ≥ 0, αx otherwise. */
  record LeakyRelu(double alpha) implements Activation {
    @Override public double apply(double x) { return x >= 0 ? x : alpha * x; }
    @Override public String id() { return "leaky_relu(" + alpha + ")"; }
  }

  /** 1 / (1 + e^−x). */
  record Sigmoid() implements Activation {
    @Override public double apply(double x) { return 1.0 / (1.0 + StrictMath.exp(-x)); }
    @Override public String id() { return "sigmoid"; }
  }

  /** tanh x. */
  record Tanh() implements Activation {
    @Override public double apply(double x) { return StrictMath.tanh(x); }
    @Override public String id() { return "tanh"; }
  }

  /** erf x. */
  record Erf() implements Activation {
    @Override public double apply(double x) { return Erfs.erf(x); }
    @Override public String id() { return "erf"; }
  }

  /** GELU, exact form x·Φ(x) = x/2·(1 + erf(x/√2)). */
  record Gelu() implements Activation {
    @Override public double apply(double x) { return 0.5 * x * (1 + Erfs.erf(x / StrictMath.sqrt(2))); }
    @Override public String id() { return "gelu"; }
  }

  /** GELU, tanh approximation x/2·(1 + tanh(√(2/π)(x + 0.044715x³))). */
  record GeluTanh() implements Activation {
    @Override public double apply(double x) {
      return 0.5 * x * (1 + StrictMath.tanh(StrictMath.sqrt(2 / StrictMath.PI) * (x + 0.044715 * x * x * x)));
    }
    @Override public String id() { return "gelu_tanh"; }
  }

  /** e^x (outputs beyond the fixed-point range clamp to its maximum). */
  record Exp() implements Activation {
    @Override public double apply(double x) { return StrictMath.exp(x); }
    @Override public String id() { return "exp"; }
  }

  /** 1/x for x &gt; 0; 0 for x ≤ 0 (callers keep inputs positive). */
  record Reciprocal() implements Activation {
    @Override public double apply(double x) { return x > 0 ? 1.0 / x : 0; }
    @Override public String id() { return "reciprocal"; }
  }

  /** 1/√x for x &gt; 0; 0 for x ≤ 0. */
  record Rsqrt() implements Activation {
    @Override public double apply(double x) { return x > 0 ? 1.0 / StrictMath.sqrt(x) : 0; }
    @Override public String id() { return "rsqrt"; }
  }
  /** 1/x for x ≠ 0, with its sign; 0 at x = 0 (the divisor of a division by an activation). */
  record Inverse() implements Activation {
    @Override public double apply(double x) { return x != 0 ? 1.0 / x : 0; }
    @Override public String id() { return "inverse"; }
  }

  /** ln max(x, tiny): below the smallest positive input the table holds (tiny), ln tiny, never −∞. */
  record Log(double tiny) implements Activation {
    @Override public double apply(double x) { return StrictMath.log(Math.max(x, tiny)); }
    @Override public String id() { return "log(" + tiny + ")"; }
  }

  /** √x for x ≥ 0; 0 for x &lt; 0 (no real root; a variance rounded below 0 is 0). */
  record Sqrt() implements Activation {
    @Override public double apply(double x) { return x > 0 ? StrictMath.sqrt(x) : 0; }
    @Override public String id() { return "sqrt"; }
  }

  /**
   * x^e for a constant e; where the real power is undefined or infinite (x &lt; 0 with a fractional e,
   * 0 with a negative e) the table holds 0.
   */
  record Pow(double exponent) implements Activation {
    @Override public double apply(double x) {
      double y = StrictMath.pow(x, exponent);
      return Double.isFinite(y) ? y : 0;
    }
    @Override public String id() { return "pow(" + exponent + ")"; }
  }

  /** ln(1 + e^x), as x itself beyond 30 where the two agree to double precision. */
  record Softplus() implements Activation {
    @Override public double apply(double x) { return x > 30 ? x : StrictMath.log1p(StrictMath.exp(x)); }
    @Override public String id() { return "softplus"; }
  }

  /** x for x ≥ 0, α(e^x − 1) otherwise. */
  record Elu(double alpha) implements Activation {
    @Override public double apply(double x) { return x >= 0 ? x : alpha * StrictMath.expm1(x); }
    @Override public String id() { return "elu(" + alpha + ")"; }
  }

  /** max(0, x) + min(0, α(e^(x/α) − 1)). */
  record Celu(double alpha) implements Activation {
    @Override public double apply(double x) { return Math.max(0, x) + Math.min(0, alpha * StrictMath.expm1(x / alpha)); }
    @Override public String id() { return "celu(" + alpha + ")"; }
  }

  /** γ·x for x &gt; 0, γ·α(e^x − 1) otherwise. */
  record Selu(double alpha, double gamma) implements Activation {
    @Override public double apply(double x) { return gamma * (x > 0 ? x : alpha * StrictMath.expm1(x)); }
    @Override public String id() { return "selu(" + alpha + "," + gamma + ")"; }
  }

  /** max(0, min(1, αx + β)). */
  record HardSigmoid(double alpha, double beta) implements Activation {
    @Override public double apply(double x) { return Math.max(0, Math.min(1, alpha * x + beta)); }
    @Override public String id() { return "hard_sigmoid(" + alpha + "," + beta + ")"; }
  }

  /** x·max(0, min(1, x/6 + 1/2)). */
  record HardSwish() implements Activation {
    @Override public double apply(double x) { return x * Math.max(0, Math.min(1, x / 6 + 0.5)); }
    @Override public String id() { return "hard_swish"; }
  }

  /** x / (1 + |x|). */
  record Softsign() implements Activation {
    @Override public double apply(double x) { return x / (1 + Math.abs(x)); }
    @Override public String id() { return "softsign"; }
  }

  /** x·tanh(softplus(x)). */
  record Mish() implements Activation {
    @Override public double apply(double x) { return x * StrictMath.tanh(new Softplus().apply(x)); }
    @Override public String id() { return "mish"; }
  }

  /** ⌊x⌋. */
  record Floor() implements Activation {
    @Override public double apply(double x) { return StrictMath.floor(x); }
    @Override public String id() { return "floor"; }
  }

  /** ⌈x⌉. */
  record Ceil() implements Activation {
    @Override public double apply(double x) { return StrictMath.ceil(x); }
    @Override public String id() { return "ceil"; }
  }

  /**
   * x moved away from zero by {@code nudge}, then truncated toward zero: trunc(x + sign(x)·nudge).
   * With nudge 0 this is ONNX's Cast of a float to an integer type. A quotient of whole numbers a/c is
   * either whole or at least 1/c from the next whole number toward ±∞, so with nudge = 1/(2c) the
   * truncation of an approximate quotient is that of the exact one while the approximation is off by
   * less than 1/(2c) (ONNX's integer Div).
   */
  record Trunc(double nudge) implements Activation {
    public Trunc {
      if (!(nudge >= 0 && nudge < 0.5)) {
        throw new IllegalArgumentException("nudge must be in [0, 0.5), got " + nudge);
      }
    }

    @Override public double apply(double x) {
      double v = x < 0 ? x - nudge : x > 0 ? x + nudge : x;
      return v < 0 ? StrictMath.ceil(v) : StrictMath.floor(v);
    }
    @Override public String id() { return nudge == 0 ? "trunc" : "trunc(nudge=" + nudge + ")"; }
  }

  /** x rounded to the nearest integer, halves to even (ONNX Round). */
  record Round() implements Activation {
    @Override public double apply(double x) { return StrictMath.rint(x); }
    @Override public String id() { return "round"; }
  }

  /** −1, 0 or 1. */
  record Sign() implements Activation {
    @Override public double apply(double x) { return Math.signum(x); }
    @Override public String id() { return "sign"; }
  }
  /** b^x for a constant base b; 0 where the real power is undefined (b &lt; 0 with a fractional x). */
  record Exponential(double base) implements Activation {
    @Override public double apply(double x) {
      double y = StrictMath.pow(base, x);
      return Double.isFinite(y) ? y : 0;
    }
    @Override public String id() { return "exponential(" + base + ")"; }
  }

  /** The trigonometric functions of ONNX; asin and acos hold 0 outside [−1, 1] (where they are undefined). */
  record Trig(String fn) implements Activation {
    public Trig {
      if (!java.util.Set.of("sin", "cos", "tan", "asin", "acos", "atan").contains(fn)) {
        throw new IllegalArgumentException("unknown trigonometric function " + fn);
      }
    }

    @Override public double apply(double x) {
      double y = switch (fn) {
        case "sin" -> StrictMath.sin(x);
        case "cos" -> StrictMath.cos(x);
        case "tan" -> StrictMath.tan(x);
        case "asin" -> StrictMath.asin(x);
        case "acos" -> StrictMath.acos(x);
        default -> StrictMath.atan(x);
      };
      return Double.isFinite(y) ? y : 0;
    }
    @Override public String id() { return fn; }
  }
}
