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
}
