package io.kubz.gkr.logup;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.gkr.mle.Mle;
import java.util.List;

/**
 * Every lookup into one table (the prover's view): {@code table.width()} input columns of 2^logRows
 * entries whose rows in {@code segments} are looked up (the first {@code count} rows for a plain
 * prefix), and the table's multiplicities m (2^logSize
 * entries, m[k] = how many looked-up rows equal table row k). All are flat MLE tables.
 */
public record Lookup(Table table, long[][] columns, List<Segment> segments, long[] multiplicities) {
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
    segments = List.copyOf(segments);
    new LookupShape(table, a, segments); // checks the segments fit
    if (multiplicities.length != 4 << table.logSize()) {
      throw new IllegalArgumentException("multiplicities need " + (1 << table.logSize()) + " entries");
    }
  }

  /** The first {@code count} rows are looked up. */
  public Lookup(Table table, long[][] columns, int count, long[] multiplicities) {
    this(table, columns, prefix(columns, count), multiplicities);
  }

  private static List<Segment> prefix(long[][] columns, int count) {
    int a = Mle.vars(columns[0]);
    if (count < 0 || count > 1 << a) {
      throw new IllegalArgumentException(count + " looked-up rows out of " + (1 << a));
    }
    return List.of(new Segment(0, a, count));
  }

  /** Computes the multiplicities; a looked-up row missing from the table is a BadInputException. */
  public static Lookup of(Table table, long[][] columns, int count) {
    return of(table, columns, prefix(columns, count));
  }

  /** The same for the rows in {@code segments}. */
  public static Lookup of(Table table, long[][] columns, List<Segment> segments) {
    long[] m = new long[4 << table.logSize()];
    long[] counts = new long[1 << table.logSize()];
    boolean[] used = new LookupShape(table, Mle.vars(columns[0]), segments).mask();
    for (int row = 0; row < used.length; row++) {
      if (!used[row]) {
        continue;
      }
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
    return new Lookup(table, columns, segments, m);
  }

  public int logRows() {
    return Mle.vars(columns[0]);
  }

  public LookupShape shape() {
    return new LookupShape(table, logRows(), segments);
  }
}
