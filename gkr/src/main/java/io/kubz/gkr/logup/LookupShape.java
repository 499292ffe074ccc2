package io.kubz.gkr.logup;

/** What the verifier knows of the lookups into a table: the table, log2 of the rows, how many are used. */
public record LookupShape(Table table, int logRows, int count) {
  public LookupShape {
    if (logRows < 0 || logRows > 30 || count < 0 || count > 1 << logRows) {
      throw new IllegalArgumentException(count + " looked-up rows out of 2^" + logRows);
    }
  }

  /** log2 of each half of the tower's leaves: the larger of the lookup rows and the table. */
  int half() {
    return Math.max(logRows, table.logSize());
  }
}
