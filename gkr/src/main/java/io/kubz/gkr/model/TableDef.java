package io.kubz.gkr.model;

/**
 * A function table of a model: out = f(in) for every in of {@code inputs} (distinct, signed), the
 * pairs the plonkish path's table of the same {@code id} holds.
 */
public record TableDef(String id, long[] inputs, long[] outputs) {
  public TableDef {
    if (inputs.length == 0 || inputs.length != outputs.length) {
      throw new IllegalArgumentException("table " + id + ": " + inputs.length + " inputs, "
          + outputs.length + " outputs");
    }
  }

  /** The output for {@code x}, or throws when the table has no row for it (a witness error). */
  public long apply(long x) {
    // inputs of a model table are a contiguous range in practice: try the direct index first
    long off = x - inputs[0];
    if (off >= 0 && off < inputs.length && inputs[(int) off] == x) {
      return outputs[(int) off];
    }
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i] == x) {
        return outputs[i];
      }
    }
    throw new io.kubz.field.BadInputException("value " + x + " is outside table " + id
        + " [" + inputs[0] + ", " + inputs[inputs.length - 1] + "]");
  }
}
