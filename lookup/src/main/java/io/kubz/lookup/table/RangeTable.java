package io.kubz.lookup.table;

/** The range [0, 2^bits): range checks, and the remainders of rescales. */
public record RangeTable(int bits) implements TableSpec {
  public RangeTable {
    TableSpec.checkBits(bits, "a range table");
  }

  @Override public String id() { return "range(" + bits + ")"; }
  @Override public long min() { return 0; }
  @Override public long max() { return (1L << bits) - 1; }
  @Override public int arity() { return 1; }
  @Override public long output(long x) { return x; }
}
