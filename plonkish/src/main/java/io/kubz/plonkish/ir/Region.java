package io.kubz.plonkish.ir;

/** A named block of rows placed by the layouter, kept for diagnostics. */
public record Region(String name, int start, int rows) {
  public boolean contains(int row) {
    return row >= start && row < start + rows;
  }
}
