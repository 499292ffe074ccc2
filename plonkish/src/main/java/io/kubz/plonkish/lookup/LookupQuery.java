package io.kubz.plonkish.lookup;

import io.kubz.plonkish.ir.Expression;
import java.util.List;

/**
 * A named lookup: on every usable row where {@code selector} is non-zero (null: every usable row),
 * the tuple {@code inputs} must be a row of its table. The selector weighs the row's query (use 0/1).
 */
public record LookupQuery(String name, Expression selector, List<Expression> inputs) {
  public LookupQuery {
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("lookup " + name + " has no inputs");
    }
  }
}
