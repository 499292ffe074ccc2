package io.kubz.gkr.logup;

import java.util.List;

/**
 * What the verifier knows of the lookups into a table: the table, log2 of the rows, and which rows
 * are used (disjoint {@link Segment}s; one segment [0, count) for a plain prefix).
 */
public record LookupShape(Table table, int logRows, List<Segment> segments) {
  public LookupShape {
    segments = List.copyOf(segments);
    if (logRows < 0 || logRows > 30) {
      throw new IllegalArgumentException("2^" + logRows + " lookup rows");
    }
    long end = 0;
    for (Segment s : segments) {
      if (!s.fitsIn(logRows) || s.offset() < end) {
        throw new IllegalArgumentException("segments must be increasing, disjoint and inside 2^"
            + logRows + " rows: " + segments);
      }
      end = (long) s.offset() + (1L << s.logSize());
    }
  }

  /** The first {@code count} of 2^logRows rows are used. */
  public LookupShape(Table table, int logRows, int count) {
    this(table, logRows, List.of(new Segment(0, logRows, count)));
  }

  /** log2 of the lookup tower's leaves: the lookup rows, at least 2 leaves (a tower has a root with two children). */
  int lookupVars() {
    return Math.max(logRows, 1);
  }

  /** log2 of the table tower's leaves: the table's rows, at least 2 leaves. */
  int tableVars() {
    return Math.max(table.logSize(), 1);
  }

  /** Layers of both towers together (the numbering of {@link TowerProver.Hook} across them). */
  int towerLayers() {
    return lookupVars() + tableVars();
  }

  /** Whether the rows are the plain prefix [0, count) (the original descriptor applies). */
  boolean isPrefix() {
    return segments.size() == 1 && segments.get(0).offset() == 0 && segments.get(0).logSize() == logRows;
  }

  /** Rows looked up, in all. */
  public long used() {
    long n = 0;
    for (Segment s : segments) {
      n += s.count();
    }
    return n;
  }

  /** used[x] for every row x &lt; 2^logRows. */
  boolean[] mask() {
    boolean[] m = new boolean[1 << logRows];
    for (Segment s : segments) {
      java.util.Arrays.fill(m, s.offset(), s.offset() + s.count(), true);
    }
    return m;
  }
}
