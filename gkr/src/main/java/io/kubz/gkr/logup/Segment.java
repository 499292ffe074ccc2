package io.kubz.gkr.logup;

/**
 * A run of used lookup rows: rows [offset, offset + count) of the aligned block
 * [offset, offset + 2^logSize) (offset a multiple of 2^logSize, count ≤ 2^logSize). Several tensors
 * looked up in one table are placed as blocks of one column; only their first {@code count} rows
 * (the entries, not the padding) are looked up.
 */
public record Segment(int offset, int logSize, int count) {
  public Segment {
    if (logSize < 0 || logSize > 30 || offset < 0 || (offset & ((1 << logSize) - 1)) != 0
        || count < 0 || count > 1 << logSize) {
      throw new IllegalArgumentException("segment of " + count + " rows in 2^" + logSize
          + " at offset " + offset);
    }
  }

  /** Whether this segment fits in 2^logRows rows. */
  boolean fitsIn(int logRows) {
    return logSize <= logRows && (long) offset + (1L << logSize) <= 1L << logRows;
  }
}
