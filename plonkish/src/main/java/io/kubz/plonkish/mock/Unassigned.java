package io.kubz.plonkish.mock;

import io.kubz.field.Fr;
import io.kubz.plonkish.ir.Argument;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Gate;
import io.kubz.plonkish.lookup.LogUpArgument;
import io.kubz.plonkish.lookup.LookupQuery;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * The check of halo2's {@code CellNotAssigned}: a cell that synthesis never assigned holds whatever
 * the prover likes, so a constraint that reads it constrains nothing about it. Reported: every
 * advice cell on a usable row, never assigned (by {@link io.kubz.plonkish.ir.Witness#assigned}),
 * that
 * <ul>
 *   <li>a circuit gate's polynomial reads on a row where the gate is <i>enabled</i> for that cell:
 *       the polynomial's value on the row, with every unassigned cell it reads taken as a free
 *       variable, depends on the cell. Tested by evaluating it with the unassigned cells at
 *       pseudo-random 64-bit values, then again with that cell alone changed; a polynomial of
 *       degree d that depends on it differs but with probability ≤ d/2^64. So a cell whose every
 *       term is weighed by a zero fixed value (a selector off, the unused lane of a
 *       multiply-accumulate row with weight 0, an arithmetic row's unused wire) is not reported;
 *   <li>a lookup input (or a column of a table built from the trace) reads, on a row where the
 *       lookup is active and the input depends on it (same test): active means the selector is
 *       non-zero, or, for a lookup without a selector, that some advice cell its inputs read on
 *       the row is assigned (rows the circuit leaves empty are the zero tuple by design).
 * </ul>
 * Columns of the arguments (multiplicities, running sums) and the reserved rows (blinding values)
 * count as assigned; instance and fixed cells are never reported.
 */
final class Unassigned {
  private final CircuitDescription desc;
  private final BitSet[] assigned;
  private final boolean[] argumentColumn;
  private final int usable;

  Unassigned(CircuitDescription desc, BitSet[] assigned) {
    this.desc = desc;
    this.assigned = assigned;
    this.usable = desc.usable();
    this.argumentColumn = new boolean[desc.numAdvice()];
    for (Argument a : desc.arguments()) {
      for (Column.Advice c : a.columns()) {
        argumentColumn[c.index()] = true;
      }
    }
  }

  boolean assigned(Column.Advice c, int row) {
    return row >= usable || c.index() >= assigned.length || argumentColumn[c.index()]
        || assigned[c.index()].get(row);
  }

  /** Failures for the circuit's own gates; {@code regions} names the regions of a row. */
  void checkGates(RowEvaluator ev, IntFunction<List<String>> regions, List<Failure> out) {
    for (Gate g : desc.gates()) {
      for (int p = 0; p < g.polys().size(); p++) {
        Expression e = g.polys().get(p);
        List<Expression.Cell> cells = adviceCells(e);
        String reader = "gate '" + g.name() + "' (poly " + p + ")";
        for (int row = 0; row < desc.n(); row++) {
          check(ev, e, cells, row, reader, regions, out);
        }
      }
    }
  }

  /** Failures for the lookups' inputs (and the trace tables' columns) on their active rows. */
  void checkLookups(RowEvaluator ev, IntFunction<List<String>> regions, List<Failure> out) {
    for (Argument a : desc.arguments()) {
      if (!(a instanceof LogUpArgument l)) {
        continue;
      }
      for (LookupQuery q : l.reads()) {
        List<List<Expression.Cell>> cells = new ArrayList<>();
        List<Expression.Cell> all = new ArrayList<>();
        for (Expression in : q.inputs()) {
          cells.add(adviceCells(in));
          all.addAll(cells.get(cells.size() - 1));
        }
        String reader = "lookup '" + q.name() + "'";
        for (int row = 0; row < usable; row++) {
          ev.row = row;
          boolean active;
          if (q.selector() != null) {
            active = !q.selector().evaluate(ev).isZero();
          } else {
            active = false;
            for (Expression.Cell c : all) {
              active |= assigned((Column.Advice) c.column(), Math.floorMod(row + c.rotation(), desc.n()));
            }
          }
          if (active) {
            for (int i = 0; i < cells.size(); i++) {
              check(ev, q.inputs().get(i), cells.get(i), row, reader, regions, out);
            }
          }
        }
      }
    }
  }

  /** Reports the unassigned cells among {@code cells} that {@code e} depends on at {@code row}. */
  private void check(RowEvaluator ev, Expression e, List<Expression.Cell> cells, int row, String reader,
      IntFunction<List<String>> regions, List<Failure> out) {
    int n = desc.n();
    boolean any = false;
    for (Expression.Cell c : cells) {
      any |= !assigned((Column.Advice) c.column(), Math.floorMod(row + c.rotation(), n));
    }
    if (!any) {
      return;
    }
    ev.row = row;
    ev.free = this;
    Fr base = e.evaluate(ev);
    ev.salt = 1;
    try {
      if (e.evaluate(ev).equals(base)) {
        return;
      }
      Fr free = e.evaluate(ev);
      Set<String> seen = new HashSet<>();
      for (Expression.Cell c : cells) {
        Column.Advice col = (Column.Advice) c.column();
        int r = Math.floorMod(row + c.rotation(), n);
        if (assigned(col, r) || !seen.add(col + "@" + r)) {
          continue;
        }
        ev.probe = col;
        ev.probeRow = r;
        if (!e.evaluate(ev).equals(free)) {
          out.add(new Failure.CellNotAssigned(reader, row, regions.apply(row), col, r, regions.apply(r)));
        }
        ev.probe = null;
      }
    } finally {
      ev.salt = 0;
      ev.probe = null;
    }
  }

  private static List<Expression.Cell> adviceCells(Expression e) {
    Set<Expression.Cell> cells = new TreeSet<>((x, y) -> x.column().compareTo(y.column()) != 0
        ? x.column().compareTo(y.column()) : Integer.compare(x.rotation(), y.rotation()));
    e.collectCells(cells);
    List<Expression.Cell> out = new ArrayList<>();
    for (Expression.Cell c : cells) {
      if (c.column() instanceof Column.Advice) {
        out.add(c);
      }
    }
    return out;
  }
}
