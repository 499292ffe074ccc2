package io.kubz.plonkish.lookup;

import io.kubz.plonkish.ir.ArgumentContext;
import io.kubz.plonkish.ir.ColumnAllocator;
import io.kubz.plonkish.ir.Expression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lookups a circuit declares, grouped by table in declaration order; compiled into one
 * {@link LogUpArgument} when the layout fixes the domain.
 */
public final class Lookups {
  private final Map<LookupTable, List<LookupQuery>> byTable = new LinkedHashMap<>();

  /** Declares that {@code inputs} lie in {@code table} on the rows where {@code selector} is 1. */
  public void add(String name, Expression selector, List<? extends Expression> inputs, LookupTable table) {
    if (inputs.size() != table.arity()) {
      throw new IllegalArgumentException("lookup " + name + " has " + inputs.size() + " input(s) but table "
          + table.id() + " has " + table.arity() + " column(s)");
    }
    byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(new LookupQuery(name, selector, List.copyOf(inputs)));
  }

  public boolean isEmpty() {
    return byTable.isEmpty();
  }

  /**
   * A fixed table longer than the usable rows is cut into at most this many chunks (columns), so
   * that a large table does not force a large domain on a small circuit.
   */
  public static final int MAX_TABLE_CHUNKS = 8;

  /** Usable rows the fixed tables need: each entry takes a row, over up to {@link #MAX_TABLE_CHUNKS} columns. */
  public int minUsableRows() {
    long rows = 1;
    for (LookupTable t : byTable.keySet()) {
      if (t instanceof LookupTable.Fixed f) {
        rows = Math.max(rows, (f.spec().size() + MAX_TABLE_CHUNKS - 1) / MAX_TABLE_CHUNKS);
      }
    }
    return Math.toIntExact(rows);
  }

  /** Allocates the argument's columns and challenges (see {@link LogUpArgument}). */
  public LogUpArgument configure(ColumnAllocator alloc, ArgumentContext ctx) {
    return LogUpArgument.configure(alloc, ctx, byTable);
  }
}
