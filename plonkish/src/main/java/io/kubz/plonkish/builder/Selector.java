package io.kubz.plonkish.builder;

import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;

/** A fixed column holding 1 on the rows where a gate is enabled and 0 elsewhere. */
public record Selector(Column.Fixed column) {
  /** The selector's value on the current row, to multiply into a gate. */
  public Expression expr() {
    return new Expression.Cell(column, 0);
  }
}
