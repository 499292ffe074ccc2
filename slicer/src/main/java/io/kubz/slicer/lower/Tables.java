package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.lookup.table.TableSpec;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.builder.Selector;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.lookup.Lookups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Function tables by logUp lookups: one row per element, advice x (copied from the input cell) and
 * y, and per distinct table T a fixed selector q_T with the lookup q_T·(x, y) ∈ T. T is the very
 * {@link TableSpec} the integer interpreter evaluates (same function, scales, rounding and domain),
 * so y = T(x) exactly, and an x outside T's domain has no row to match: the proof fails, nothing
 * wraps. Tables are fixed columns, bound by the verifying key.
 */
final class Tables {
  private final CircuitBuilder cb;
  private final Column.Advice x;
  private final Column.Advice y;
  private final Map<TableSpec, Selector> selectors = new LinkedHashMap<>();

  Tables(CircuitBuilder cb) {
    this.cb = cb;
    x = cb.advice();
    y = cb.advice();
  }

  /** Name of the lookup into {@code t} (what a MockProver failure reports). */
  static String lookupName(TableSpec t) {
    return "table " + t.id();
  }

  /** Usable rows a circuit needs to hold table {@code t} (its entries over at most 8 fixed columns). */
  static long minRows(TableSpec t) {
    return (t.size() + Lookups.MAX_TABLE_CHUNKS - 1) / Lookups.MAX_TABLE_CHUNKS;
  }

  /** y = t(x) for the cell {@code in}: one row; {@code yv} is the interpreter's output. */
  AssignedCell apply(String name, TableSpec t, AssignedCell in, long yv) {
    Selector q = selectors.computeIfAbsent(t, spec -> {
      Selector s = cb.selector();
      cb.lookup(lookupName(spec), s.expr(), List.of(CircuitBuilder.query(x), CircuitBuilder.query(y)), spec);
      return s;
    });
    return cb.region(name, r -> {
      r.enable(q, 0);
      r.copyAdvice(in, x, 0);
      return r.assignAdvice(y, 0, Fr.of(yv));
    });
  }
}
