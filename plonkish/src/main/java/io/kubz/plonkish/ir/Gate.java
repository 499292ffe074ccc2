package io.kubz.plonkish.ir;

import java.util.List;

/** A named custom gate: each polynomial must evaluate to zero on every row of the domain. */
public record Gate(String name, List<Expression> polys) {
  public Gate {
    polys = List.copyOf(polys);
    if (polys.isEmpty()) {
      throw new IllegalArgumentException("gate " + name + " has no polynomial");
    }
  }

  public int degree() {
    int d = 0;
    for (Expression e : polys) {
      d = Math.max(d, e.degree());
    }
    return d;
  }
}
