package io.kubz.lookup.logup;

/**
 * The first row of each distinct tuple of a table, for counting multiplicities: an open-addressing
 * hash table over the Montgomery limbs of the tuple's columns (Montgomery form is canonical, so
 * equal field elements have equal limbs). Immutable once built; lookups allocate nothing.
 */
public final class TupleIndex {
  private final long[][] columns;
  private final int[] slots; // row + 1, 0 = empty
  private final int mask;
  private final int distinct;

  private TupleIndex(long[][] columns, int[] slots, int distinct) {
    this.columns = columns;
    this.slots = slots;
    this.mask = slots.length - 1;
    this.distinct = distinct;
  }

  /**
   * Indexes rows {@code 0..rows-1} of {@code columns} (flat vectors, 4 limbs per element) whose
   * {@code selector} entry is non-zero ({@code selector} null: every row). The arrays are kept, not
   * copied: do not change them while the index is in use.
   */
  public static TupleIndex build(long[][] columns, int rows, long[] selector) {
    if (columns.length == 0) {
      throw new IllegalArgumentException("a table needs at least one column");
    }
    int cap = Integer.highestOneBit(Math.max(4, rows) * 2 - 1) << 1;
    int[] slots = new int[cap];
    TupleIndex idx = new TupleIndex(columns, slots, 0);
    int distinct = 0;
    for (int r = 0; r < rows; r++) {
      if (selector != null && isZero(selector, r)) {
        continue;
      }
      int s = idx.slotOf(columns, r);
      if (slots[s] == 0) {
        slots[s] = r + 1;
        distinct++;
      }
    }
    return new TupleIndex(columns, slots, distinct);
  }

  /** Number of distinct tuples indexed. */
  public int distinct() {
    return distinct;
  }

  /** The first table row holding the tuple {@code query[*][row]}, or −1. */
  public int find(long[][] query, int row) {
    int r = slots[slotOf(query, row)];
    return r - 1;
  }

  /** The slot holding the tuple, or the empty slot where it would go. */
  private int slotOf(long[][] q, int row) {
    int s = hash(q, row) & mask;
    while (true) {
      int r = slots[s];
      if (r == 0 || same(q, row, r - 1)) {
        return s;
      }
      s = (s + 1) & mask;
    }
  }

  private boolean same(long[][] q, int row, int tableRow) {
    for (int c = 0; c < columns.length; c++) {
      long[] a = q[c];
      long[] b = columns[c];
      int ao = 4 * row;
      int bo = 4 * tableRow;
      if (a[ao] != b[bo] || a[ao + 1] != b[bo + 1] || a[ao + 2] != b[bo + 2] || a[ao + 3] != b[bo + 3]) {
        return false;
      }
    }
    return true;
  }

  private static int hash(long[][] q, int row) {
    long h = 0x9E3779B97F4A7C15L;
    for (long[] col : q) {
      int o = 4 * row;
      for (int l = 0; l < 4; l++) {
        h = (h ^ col[o + l]) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
      }
    }
    return (int) (h ^ (h >>> 32));
  }

  private static boolean isZero(long[] v, int row) {
    int o = 4 * row;
    return (v[o] | v[o + 1] | v[o + 2] | v[o + 3]) == 0;
  }
}
