package io.kubz.plonkish.builder;

import io.kubz.field.Fr;
import io.kubz.plonkish.ir.Column;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Assignments of one named region at offsets relative to its first row. The layouter places the
 * region once its body has run, at the first row where all the columns it uses are free.
 */
public final class RegionBuilder {
  private final String name;
  private CircuitBuilder owner;
  private int start = -1;
  private int height;
  final Set<Column> used = new LinkedHashSet<>();
  final List<FixedCell> fixedCells = new ArrayList<>();
  final List<AssignedCell> adviceCells = new ArrayList<>();
  final List<Function<Fr[], Fr>> deferred = new ArrayList<>(); // parallel to adviceCells, null when eager

  record FixedCell(Column.Fixed column, int offset, Fr value) {}

  RegionBuilder(String name, CircuitBuilder owner) {
    this.name = name;
    this.owner = owner;
  }

  /**
   * Drops the assignments once the circuit is built, keeping name, start and height: a later-phase
   * value function of the witness holds cells, a cell holds its region, and an unsealed region held
   * every cell of the circuit and, through its owner, the whole builder (half a GiB for a 2^17-row
   * slice, kept alive for the whole proof: issue #16, finding 7).
   */
  void seal() {
    owner = null;
    used.clear();
    fixedCells.clear();
    adviceCells.clear();
    deferred.clear();
    ((ArrayList<?>) fixedCells).trimToSize();
    ((ArrayList<?>) adviceCells).trimToSize();
    ((ArrayList<?>) deferred).trimToSize();
  }

  public String name() {
    return name;
  }

  int start() {
    if (start < 0) {
      throw new IllegalStateException("region " + name + " is not placed yet");
    }
    return start;
  }

  void place(int start) {
    this.start = start;
  }

  int height() {
    return height;
  }

  private void touch(Column c, int offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("negative offset " + offset + " in region " + name);
    }
    used.add(c);
    height = Math.max(height, offset + 1);
  }

  /** Assigns a known value to an advice cell. */
  public AssignedCell assignAdvice(Column.Advice column, int offset, Fr value) {
    touch(column, offset);
    AssignedCell cell = new AssignedCell(column, this, offset, value);
    adviceCells.add(cell);
    deferred.add(null);
    return cell;
  }

  /**
   * Assigns an advice cell of a later phase from the challenges drawn before it (array indexed by
   * challenge index). Cells are computed in assignment order, so the function may read values of
   * cells assigned before it.
   */
  public AssignedCell assignAdvice(Column.Advice column, int offset, Function<Fr[], Fr> value) {
    if (column.phase() == 0) {
      throw new IllegalArgumentException(column + " is a phase-0 column: assign a value, not a function");
    }
    touch(column, offset);
    AssignedCell cell = new AssignedCell(column, this, offset, null);
    adviceCells.add(cell);
    deferred.add(value);
    return cell;
  }

  /** Assigns a copy of {@code from}'s value and constrains the two cells equal. */
  public AssignedCell copyAdvice(AssignedCell from, Column.Advice column, int offset) {
    AssignedCell cell = from.value() != null || column.phase() == 0
        ? assignAdvice(column, offset, from.value())
        : assignAdvice(column, offset, ch -> from.value());
    owner.copy(from, cell);
    return cell;
  }

  public void assignFixed(Column.Fixed column, int offset, Fr value) {
    touch(column, offset);
    fixedCells.add(new FixedCell(column, offset, value));
  }

  /** Sets the selector to 1 on the given row of this region. */
  public void enable(Selector s, int offset) {
    assignFixed(s.column(), offset, Fr.ONE);
  }
}
