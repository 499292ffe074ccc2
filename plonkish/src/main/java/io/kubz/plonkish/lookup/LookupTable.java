package io.kubz.plonkish.lookup;

import io.kubz.lookup.table.TableSpec;
import io.kubz.plonkish.ir.Expression;
import java.util.List;

/** What a lookup looks into: a fixed table (preprocessed into fixed columns) or rows of the trace. */
public sealed interface LookupTable {

  /** A stable name for diagnostics and gate names. */
  String id();

  /** Number of columns of a tuple. */
  int arity();

  /** A table fixed by the circuit: its rows go into fixed columns, bound by the verifying key. */
  record Fixed(TableSpec spec) implements LookupTable {
    @Override
    public String id() {
      return spec.id();
    }

    @Override
    public int arity() {
      return spec.arity();
    }
  }

  /**
   * A table built from the trace: on every usable row where {@code selector} is 1, the tuple
   * {@code columns} is a table row ({@code selector} must be boolean, e.g. a fixed selector column).
   */
  record Dynamic(String name, Expression selector, List<Expression> columns) implements LookupTable {
    public Dynamic {
      columns = List.copyOf(columns);
      java.util.Objects.requireNonNull(selector, "table " + name + " needs a selector");
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("table " + name + " needs at least one column");
      }
    }

    @Override
    public String id() {
      return name;
    }

    @Override
    public int arity() {
      return columns.size();
    }
  }
}
