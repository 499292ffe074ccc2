package io.kubz.plonkish.mock;

import io.kubz.field.Fr;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Trace;

/** Evaluates an expression on one row of a trace with immutable field values. */
final class RowEvaluator implements Expression.Evaluator<Fr> {
  private final Trace trace;
  private final Fr[] challenges;
  private final Fr omega;
  int row;

  RowEvaluator(Trace trace, Fr[] challenges) {
    this.trace = trace;
    this.challenges = challenges;
    long[] w = new long[4];
    Fr.rootOfUnity(w, 0, Integer.numberOfTrailingZeros(trace.n()));
    this.omega = Fr.readFrom(w, 0);
  }

  Fr at(Column c, int rotation) {
    int r = Math.floorMod(row + rotation, trace.n());
    return Fr.readFrom(trace.column(c), 4 * r);
  }

  @Override
  public Fr constant(Fr value) {
    return value;
  }

  @Override
  public Fr cell(Column column, int rotation) {
    return at(column, rotation);
  }

  @Override
  public Fr challenge(int index) {
    return challenges[index];
  }

  @Override
  public Fr domain(Expression.DomainPoly poly) {
    int u = trace.usable();
    switch (poly) {
      case X:
        return omega.pow(row);
      case FIRST:
        return row == 0 ? Fr.ONE : Fr.ZERO;
      case LAST:
        return row == u ? Fr.ONE : Fr.ZERO;
      default:
        return row > u ? Fr.ONE : Fr.ZERO;
    }
  }

  @Override
  public Fr sum(Fr a, Fr b) {
    return a.add(b);
  }

  @Override
  public Fr product(Fr a, Fr b) {
    return a.mul(b);
  }

  @Override
  public Fr negated(Fr a) {
    return a.neg();
  }

  @Override
  public Fr scaled(Fr a, Fr factor) {
    return a.mul(factor);
  }
}
