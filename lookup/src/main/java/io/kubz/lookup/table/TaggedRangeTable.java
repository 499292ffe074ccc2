package io.kubz.lookup.table;

/**
 * Ranges of every width up to {@code bits} in one table: the pairs (x, 2^⌊log₂ x⌋) for
 * 0 ≤ x &lt; 2^(bits+1), with (0, 0) for x = 0. Looking up (l + t, t) with t = 2^r a constant proves
 * l ∈ [0, 2^r) for any 0 ≤ r ≤ bits: the tag forces t = 2^⌊log₂ x⌋, so x = l + t ∈ [t, 2t). With
 * t = 0 the only row is (0, 0), so l = 0: unused lanes (and rows the circuit leaves zero) match.
 * One table of 2^(bits+1) rows thus serves all widths 0..bits.
 */
public record TaggedRangeTable(int bits) implements TableSpec {
  public TaggedRangeTable {
    TableSpec.checkBits(bits, "a tagged range table");
    TableSpec.checkBits(bits + 1, "a tagged range table (2^(bits+1) rows)");
  }

  @Override public String id() { return "tagged_range(" + bits + ")"; }
  @Override public long min() { return 0; }
  @Override public long max() { return (1L << (bits + 1)) - 1; }
  @Override public int arity() { return 2; }
  @Override public long output(long x) { return Long.highestOneBit(x); }
}
