package io.kubz.plonkish.builder;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.lookup.table.TableSpec;
import io.kubz.plonkish.ir.Argument;
import io.kubz.plonkish.ir.ArgumentContext;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.ColumnAllocator;
import io.kubz.plonkish.ir.CopyConstraint;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Gate;
import io.kubz.plonkish.ir.Region;
import io.kubz.plonkish.ir.Witness;
import io.kubz.plonkish.lookup.LookupTable;
import io.kubz.plonkish.lookup.Lookups;
import io.kubz.plonkish.permutation.PermutationArgument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Front end: declare columns, selectors, challenges and gates, then assign regions and copy
 * constraints; {@link #build()} lays the trace out and compiles it into a {@link CircuitDescription}
 * plus a {@link Witness}. The layouter is column-aware: a region starts at the first row where
 * every column it uses is free, so regions over disjoint columns share rows.
 */
public final class CircuitBuilder {
  private final ColumnAllocator alloc = new ColumnAllocator();
  private final List<Gate> gates = new ArrayList<>();
  private final Set<Column> equality = new TreeSet<>();
  private final List<RegionBuilder> regions = new ArrayList<>();
  private final List<AssignedCell[]> copies = new ArrayList<>();
  private final List<InstanceCopy> instanceCopies = new ArrayList<>();
  private final Map<Column, Integer> nextFree = new HashMap<>();
  private final Map<Column.Instance, Map<Integer, Fr>> instanceValues = new HashMap<>();
  private final List<ArgumentContext.Factory> argumentFactories = new ArrayList<>();
  private final Lookups lookups = new Lookups();
  private boolean built;
  private int minK = 1;

  private record InstanceCopy(AssignedCell cell, Column.Instance column, int row) {}

  public Column.Advice advice() {
    return alloc.advice(0);
  }

  /** An advice column assigned after the challenges of phases below {@code phase} are drawn. */
  public Column.Advice advice(int phase) {
    return alloc.advice(phase);
  }

  public Column.Fixed fixed() {
    return alloc.fixed();
  }

  public Column.Instance instance() {
    return alloc.instance();
  }

  public Selector selector() {
    return new Selector(alloc.fixed());
  }

  /** A verifier challenge drawn once the advice columns of {@code phase} are committed. */
  public Expression.Challenge challenge(int phase) {
    return alloc.challenge(phase);
  }

  /** Cell expression: {@code column} at the given rotation from the current row. */
  public static Expression.Cell query(Column column, int rotation) {
    return new Expression.Cell(column, rotation);
  }

  public static Expression.Cell query(Column column) {
    return new Expression.Cell(column, 0);
  }

  public void gate(String name, Expression... polys) {
    gates.add(new Gate(name, List.of(polys)));
  }

  /** Lets {@code column} take part in copy constraints (implied by {@link #copy}). */
  public void enableEquality(Column column) {
    equality.add(column);
  }

  /**
   * Adds an argument (a lookup, say) configured at {@link #build()}, once the layout fixes the
   * domain; the permutation argument for copy constraints is added automatically.
   */
  public void argument(ArgumentContext.Factory factory) {
    argumentFactories.add(factory);
  }

  /**
   * Looks {@code inputs} (one expression per table column) up in the fixed {@code table} on every
   * usable row: rows the circuit does not use hold zeros, so the zero tuple must be in the table
   * (true of range tables); otherwise use the selector form.
   */
  public void lookup(String name, List<? extends Expression> inputs, TableSpec table) {
    lookups.add(name, null, inputs, new LookupTable.Fixed(table));
  }

  /**
   * Looks {@code inputs} up in the fixed {@code table} (preprocessed into fixed columns, one row per
   * entry) on the rows where {@code selector} is 1 (a {@link Selector#expr()}, say; it must be 0 or 1).
   */
  public void lookup(String name, Expression selector, List<? extends Expression> inputs, TableSpec table) {
    lookups.add(name, selector, inputs, new LookupTable.Fixed(table));
  }

  /** Looks {@code inputs} up in {@code table} (fixed, or built from the trace by {@link #table}). */
  public void lookup(String name, Expression selector, List<? extends Expression> inputs, LookupTable table) {
    lookups.add(name, selector, inputs, table);
  }

  /**
   * A table built from the trace: its rows are the tuples {@code columns} on the usable rows where
   * {@code selector} (0 or 1) is 1. Look into it with {@link #lookup(String, Expression, List, LookupTable)}.
   */
  public LookupTable.Dynamic table(String name, Expression selector, List<? extends Expression> columns) {
    return new LookupTable.Dynamic(name, selector, List.copyOf(columns));
  }

  /** Asks for at least 2^k rows. */
  public CircuitBuilder minK(int k) {
    this.minK = k;
    return this;
  }

  /** Runs {@code body} on a new region and places it. */
  public <T> T region(String name, Function<RegionBuilder, T> body) {
    RegionBuilder r = new RegionBuilder(name, this);
    T out = body.apply(r);
    int start = 0;
    for (Column c : r.used) {
      start = Math.max(start, nextFree.getOrDefault(c, 0));
    }
    r.place(start);
    for (Column c : r.used) {
      nextFree.put(c, start + r.height());
    }
    regions.add(r);
    return out;
  }

  /** Constrains two assigned cells to hold equal values. */
  public void copy(AssignedCell a, AssignedCell b) {
    equality.add(a.column());
    equality.add(b.column());
    copies.add(new AssignedCell[] {a, b});
  }

  /** Constrains an assigned cell to equal a public instance cell. */
  public void constrainInstance(AssignedCell cell, Column.Instance column, int row) {
    equality.add(cell.column());
    equality.add(column);
    instanceCopies.add(new InstanceCopy(cell, column, row));
  }

  public void setInstance(Column.Instance column, int row, Fr value) {
    instanceValues.computeIfAbsent(column, c -> new HashMap<>()).put(row, value);
  }

  /** Lays out the trace and compiles the circuit. */
  public Circuit build() {
    if (built) {
      throw new IllegalStateException("a circuit builder builds once (its regions are sealed by the first build)");
    }
    built = true;
    int userDegree = 1;
    Map<Column, Set<Integer>> rotations = new HashMap<>();
    for (Gate g : gates) {
      userDegree = Math.max(userDegree, g.degree());
      Set<Expression.Cell> cells = new HashSet<>();
      g.polys().forEach(e -> e.collectCells(cells));
      for (Expression.Cell c : cells) {
        rotations.computeIfAbsent(c.column(), x -> new HashSet<>()).add(c.rotation());
      }
    }
    int maxQueries = 0;
    for (Map.Entry<Column, Set<Integer>> e : rotations.entrySet()) {
      if (e.getKey() instanceof Column.Advice) {
        maxQueries = Math.max(maxQueries, e.getValue().size());
      }
    }
    int blinding = CircuitDescription.blindingFor(maxQueries);
    int rows = 1;
    for (int free : nextFree.values()) {
      rows = Math.max(rows, free);
    }
    for (Map<Integer, Fr> m : instanceValues.values()) {
      for (int r : m.keySet()) {
        rows = Math.max(rows, r + 1);
      }
    }
    for (InstanceCopy ic : instanceCopies) {
      rows = Math.max(rows, ic.row() + 1);
    }
    if (!lookups.isEmpty()) {
      rows = Math.max(rows, lookups.minUsableRows());
    }
    int k = minK;
    while ((1 << k) - blinding - 1 < rows) {
      k++;
    }
    if (k > 28) {
      throw new BadInputException("circuit needs " + rows + " rows: more than 2^28 − blinding; split it");
    }
    int n = 1 << k;

    List<CopyConstraint> cc = new ArrayList<>();
    for (AssignedCell[] p : copies) {
      cc.add(new CopyConstraint(p[0].column(), p[0].row(), p[1].column(), p[1].row()));
    }
    for (InstanceCopy ic : instanceCopies) {
      cc.add(new CopyConstraint(ic.cell().column(), ic.cell().row(), ic.column(), ic.row()));
    }
    ArgumentContext ctx = new ArgumentContext(k, blinding, alloc.maxAdvicePhase(), userDegree);
    List<Argument> arguments = new ArrayList<>();
    for (ArgumentContext.Factory f : argumentFactories) {
      arguments.add(f.configure(alloc, ctx));
    }
    if (!lookups.isEmpty()) {
      arguments.add(lookups.configure(alloc, ctx));
    }
    if (!equality.isEmpty()) {
      arguments.add(PermutationArgument.configure(alloc, List.copyOf(equality), cc, ctx));
    }

    long[][] fixed = new long[alloc.numFixed()][];
    for (int i = 0; i < fixed.length; i++) {
      fixed[i] = new long[4 * n];
    }
    long[][] advice = new long[alloc.advicePhases().length][];
    for (int i = 0; i < advice.length; i++) {
      advice[i] = new long[4 * n];
    }
    long[][] instance = new long[alloc.numInstance()][];
    for (int i = 0; i < instance.length; i++) {
      instance[i] = new long[4 * n];
    }
    java.util.BitSet[] assigned = new java.util.BitSet[advice.length];
    for (int i = 0; i < assigned.length; i++) {
      assigned[i] = new java.util.BitSet();
    }
    List<Region> placed = new ArrayList<>();
    List<AssignedCell> laterCells = new ArrayList<>();
    List<Function<Fr[], Fr>> laterValues = new ArrayList<>();
    for (RegionBuilder r : regions) {
      placed.add(new Region(r.name(), r.start(), r.height()));
      for (RegionBuilder.FixedCell f : r.fixedCells) {
        f.value().writeTo(fixed[f.column().index()], 4 * (r.start() + f.offset()));
      }
      for (int i = 0; i < r.adviceCells.size(); i++) {
        AssignedCell c = r.adviceCells.get(i);
        assigned[c.column().index()].set(c.row());
        if (r.deferred.get(i) != null) {
          laterCells.add(c);
          laterValues.add(r.deferred.get(i));
        } else if (c.value() == null) {
          throw new IllegalArgumentException("advice cell " + c + " has no value");
        } else {
          c.value().writeTo(advice[c.column().index()], 4 * c.row());
        }
      }
    }
    for (Map.Entry<Column.Instance, Map<Integer, Fr>> e : instanceValues.entrySet()) {
      for (Map.Entry<Integer, Fr> v : e.getValue().entrySet()) {
        v.getValue().writeTo(instance[e.getKey().index()], 4 * v.getKey());
      }
    }
    for (Argument a : arguments) {
      a.fillFixed(fixed);
    }
    Witness.PhaseFiller filler = (phase, challenges, adv) -> {
      for (int i = 0; i < laterCells.size(); i++) {
        AssignedCell c = laterCells.get(i);
        if (((Column.Advice) c.column()).phase() == phase) {
          c.value = laterValues.get(i).apply(challenges);
          c.value.writeTo(adv[c.column().index()], 4 * c.row());
        }
      }
    };
    CircuitDescription desc = new CircuitDescription(k, blinding, alloc.advicePhases(), alloc.numFixed(),
        alloc.numInstance(), alloc.challengePhases(), gates, cc, fixed, placed, arguments);
    for (RegionBuilder r : regions) {
      r.seal();
    }
    regions.clear();
    copies.clear();
    instanceCopies.clear();
    return new Circuit(desc, new Witness(instance, advice,
        laterCells.isEmpty() ? List.of() : List.of(filler), assigned));
  }
}
