package io.kubz.plonkish.builder;

import io.kubz.field.Fr;
import io.kubz.plonkish.ir.Column;

/**
 * A cell assigned inside a region. Its absolute row is known once the layouter has placed the
 * region; the value of a cell of a later phase is known once that phase's challenges are drawn.
 */
public final class AssignedCell {
  private final Column column;
  private final RegionBuilder region;
  private final int offset;
  Fr value;

  AssignedCell(Column column, RegionBuilder region, int offset, Fr value) {
    this.column = column;
    this.region = region;
    this.offset = offset;
    this.value = value;
  }

  public Column column() {
    return column;
  }

  /** Absolute row; only valid after the region has been placed. */
  public int row() {
    return region.start() + offset;
  }

  /** The value, or null for a later-phase cell whose challenges are not drawn yet. */
  public Fr value() {
    return value;
  }

  @Override
  public String toString() {
    return column + "@" + region.name() + "+" + offset;
  }
}
