package io.kubz.lookup.table;

/**
 * A non-linear function over a quantized domain: inputs x in [−2^(inputBits−1), 2^(inputBits−1)) at
 * scale {@code inScale} map to round(f(x / 2^inScale) · 2^outScale) (rounding of {@link FixedPoint}).
 * A ReLU at one scale is {@code new FunctionTable(new Activation.Relu(), bits, s, s)}.
 */
public record FunctionTable(Activation fn, int inputBits, int inScale, int outScale) implements TableSpec {
  public FunctionTable {
    TableSpec.checkBits(inputBits, "a function table");
    if (inScale < 0 || inScale > 40 || outScale < 0 || outScale > 40) {
      throw new IllegalArgumentException("table scales must be in [0, 40], got " + inScale + " and " + outScale);
    }
  }

  @Override public String id() {
    return fn.id() + "(bits=" + inputBits + ",in=" + inScale + ",out=" + outScale + ")";
  }

  @Override public long min() { return -(1L << (inputBits - 1)); }
  @Override public long max() { return (1L << (inputBits - 1)) - 1; }
  @Override public int arity() { return 2; }

  @Override public long output(long x) {
    if (!contains(x)) {
      throw new IllegalArgumentException(id() + ": input " + x + " outside [" + min() + ", " + max() + "]");
    }
    return FixedPoint.toFixed(fn.apply(FixedPoint.toReal(x, inScale)), outScale);
  }
}
