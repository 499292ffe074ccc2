package io.kubz.gkr.logup;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.gkr.mle.Mle;

/**
 * Every lookup into one table (the prover's view): {@code table.width()} input columns of 2^logRows
 * entries whose first {@code count} rows are looked up, and the table's multiplicities m (2^logSize
 * entries, m[k] = how many looked-up rows equal table row k). All are flat MLE tables.
 */
public record Lookup(Table table, long[][] columns, int count, long[] multiplicities) {
  public Lookup {
    if (columns.length != table.width()) {
      throw new IllegalArgumentException("table of width " + table.width() + " but "
          + columns.length + " columns");
    }
    int a = Mle.vars(columns[0]);
    for (long[] c : columns) {
      if (c.length != columns[0].length) {
        throw new IllegalArgumentException("lookup columns of different lengths");
      }
    }
    if (count < 0 || count > 1 << a) {
      throw new IllegalArgumentException(count + " looked-up rows out of " + (1 << a));
    }
    if (multiplicities.length != 4 << table.logSize()) {
      throw new IllegalArgumentException("multiplicities need " + (1 << table.logSize()) + " entries");
    }
  }

  /** Computes the multiplicities; a looked-up row missing from the table is a BadInputException. */
  public static Lookup of(Table table, long[][] columns, int count) {
    long[] m = new long[4 << table.logSize()];
    long[] counts = new long[1 << table.logSize()];
    for (int row = 0; row < count; row++) {
      int k = table.indexOf(columns, row);
      if (k < 0) {
        throw new BadInputException("row " + row + " of a lookup is not in table " + table.tag()
            + ": widen the table's range or fix the quantization");
      }
      counts[k]++;
    }
    for (int k = 0; k < counts.length; k++) {
      Fr.set(m, 4 * k, counts[k]);
    }
    return new Lookup(table, columns, count, m);
  }

  public int logRows() {
    return Mle.vars(columns[0]);
  }

  public LookupShape shape() {
    return new LookupShape(table, logRows(), count);
  }
}
