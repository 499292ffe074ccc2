package io.kubz.lookup.table;

/** The range [−2^(bits−1), 2^(bits−1)): signed values held as p − |v| in the field. */
public record SignedRangeTable(int bits) implements TableSpec {
  public SignedRangeTable {
    TableSpec.checkBits(bits, "a signed range table");
  }

  @Override public String id() { return "signed_range(" + bits + ")"; }
  @Override public long min() { return -(1L << (bits - 1)); }
  @Override public long max() { return (1L << (bits - 1)) - 1; }
  @Override public int arity() { return 1; }
  @Override public long output(long x) { return x; }
}
