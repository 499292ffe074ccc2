package io.kubz.plonkish.ir;

/**
 * The full table of cell values: {@code advice[c]}, {@code fixed[c]}, {@code instance[c]} are flat
 * Montgomery vectors of {@code n} elements (4 longs each). Rows {@code usable..n-1} of advice
 * columns hold blinding values.
 */
public record Trace(int n, int usable, long[][] advice, long[][] fixed, long[][] instance) {

  public long[] column(Column c) {
    if (c instanceof Column.Advice a) {
      return advice[a.index()];
    } else if (c instanceof Column.Fixed f) {
      return fixed[f.index()];
    }
    return instance[((Column.Instance) c).index()];
  }
}
