package io.kubz.lookup.table;

/**
 * A lookup table as data: a contiguous integer domain [min, max] (the first column) and, for function
 * tables, the output each input maps to (the second column). Tables are fixed, so their contents are
 * part of the verifying key; {@link #id()} names them stably for caching and digests.
 */
public sealed interface TableSpec permits RangeTable, SignedRangeTable, TaggedRangeTable, FunctionTable {
  /** Tables beyond 2^24 rows are refused: they would dominate every circuit that uses them. */
  int MAX_BITS = 24;

  String id();

  /** Smallest input (inclusive). */
  long min();

  /** Largest input (inclusive). */
  long max();

  /** 1 for a range table (just the inputs), 2 for a function table (input, output). */
  int arity();

  /** Number of rows: max − min + 1. */
  default long size() {
    return max() - min() + 1;
  }

  default boolean contains(long x) {
    return x >= min() && x <= max();
  }

  /** The second column's entry for input x (for range tables, x itself). */
  long output(long x);

  /** Column {@code c} (0 inputs, 1 outputs) as signed integers, in input order. */
  default long[] column(int c) {
    if (c < 0 || c >= arity()) {
      throw new IllegalArgumentException(id() + " has " + arity() + " column(s), not column " + c);
    }
    long[] out = new long[Math.toIntExact(size())];
    for (int i = 0; i < out.length; i++) {
      long x = min() + i;
      out[i] = c == 0 ? x : output(x);
    }
    return out;
  }

  static void checkBits(int bits, String what) {
    if (bits < 1 || bits > MAX_BITS) {
      throw new IllegalArgumentException(what + " needs 1 to " + MAX_BITS + " bits, got " + bits);
    }
  }
}
