package io.kubz.plonkish.keygen;

import io.kubz.field.Fr;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import java.util.Set;

/**
 * The folds a verifying key runs over its gates, for {@link Expression#fold} (no recursion): the
 * degree (as {@link Expression#degree}) and the cells read (as {@link Expression#collectCells}).
 */
final class Walks {
  private Walks() {}

  static final Expression.Evaluator<Integer> DEGREE = new Expression.Evaluator<>() {
    @Override
    public Integer constant(Fr value) {
      return 0;
    }

    @Override
    public Integer cell(Column column, int rotation) {
      return 1;
    }

    @Override
    public Integer challenge(int index) {
      return 0;
    }

    @Override
    public Integer domain(Expression.DomainPoly poly) {
      return 1;
    }

    @Override
    public Integer sum(Integer a, Integer b) {
      return Math.max(a, b);
    }

    @Override
    public Integer product(Integer a, Integer b) {
      return a + b;
    }

    @Override
    public Integer negated(Integer a) {
      return a;
    }

    @Override
    public Integer scaled(Integer a, Fr factor) {
      return a;
    }
  };

  /** Adds every cell to {@code out}; the values are unused. */
  record Cells(Set<Expression.Cell> out) implements Expression.Evaluator<Void> {
    @Override
    public Void constant(Fr value) {
      return null;
    }

    @Override
    public Void cell(Column column, int rotation) {
      out.add(new Expression.Cell(column, rotation));
      return null;
    }

    @Override
    public Void challenge(int index) {
      return null;
    }

    @Override
    public Void domain(Expression.DomainPoly poly) {
      return null;
    }

    @Override
    public Void sum(Void a, Void b) {
      return null;
    }

    @Override
    public Void product(Void a, Void b) {
      return null;
    }

    @Override
    public Void negated(Void a) {
      return null;
    }

    @Override
    public Void scaled(Void a, Fr factor) {
      return null;
    }
  }
}
