package io.kubz.lookup.table;

import io.kubz.field.Fr;

/**
 * A table's columns as field vectors (flat Montgomery, 4 limbs per element): a signed entry v
 * becomes v mod r, so −5 is r − 5.
 */
public final class TableColumns {
  private TableColumns() {}

  /** Column {@code c} of {@code table}: {@code table.size()} elements. */
  public static long[] of(TableSpec table, int c) {
    int size = Math.toIntExact(table.size());
    long[] out = new long[4 * size];
    fill(table, c, out, size);
    return out;
  }

  /**
   * Writes column {@code c} into rows 0..rows−1 of {@code dest}; rows beyond the table's size
   * repeat its first entry (a repeated row adds nothing to a lookup: its multiplicity stays 0).
   */
  public static void fill(TableSpec table, int c, long[] dest, int rows) {
    if (rows < table.size()) {
      throw new IllegalArgumentException(table.id() + " has " + table.size() + " rows, more than the " + rows + " given");
    }
    fillSlice(table, c, 0, dest, rows);
  }

  /**
   * Writes entries {@code from}, {@code from + 1}, … of column {@code c} into rows 0..rows−1 of
   * {@code dest}; rows past the table's end repeat its first entry. A table too large for one
   * column of the trace is laid out as several such slices.
   */
  public static void fillSlice(TableSpec table, int c, long from, long[] dest, int rows) {
    if (c < 0 || c >= table.arity()) {
      throw new IllegalArgumentException(table.id() + " has " + table.arity() + " column(s), not column " + c);
    }
    long size = table.size();
    long firstEntry = c == 0 ? table.min() : table.output(table.min());
    for (int i = 0; i < rows; i++) {
      long e = from + i;
      if (e < size) {
        long x = table.min() + e;
        Fr.set(dest, 4 * i, c == 0 ? x : table.output(x));
      } else {
        Fr.set(dest, 4 * i, firstEntry);
      }
    }
  }

  /** All columns, each of {@code rows} elements (padded as in {@link #fill}). */
  public static long[][] all(TableSpec table, int rows) {
    long[][] out = new long[table.arity()][];
    for (int c = 0; c < out.length; c++) {
      out[c] = new long[4 * rows];
      fill(table, c, out[c], rows);
    }
    return out;
  }
}
