package io.kubz.plonkish.mock;

import io.kubz.field.Fr;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Trace;

/**
 * Evaluates an expression on one row of a trace with immutable field values. With a non-zero
 * {@link #salt}, every advice cell that {@link #free} marks as never assigned reads a pseudo-random
 * value drawn from (column, row, salt) instead of the trace, and the one cell {@link #probe} (if
 * set) reads the value of salt + 1: the free-variable evaluation of {@link Unassigned}.
 */
final class RowEvaluator implements Expression.Evaluator<Fr> {
  private final Trace trace;
  private final Fr[] challenges;
  private final Fr omega;
  int row;
  Unassigned free;
  long salt;
  Column.Advice probe;
  int probeRow;

  RowEvaluator(Trace trace, Fr[] challenges) {
    this.trace = trace;
    this.challenges = challenges;
    long[] w = new long[4];
    Fr.rootOfUnity(w, 0, Integer.numberOfTrailingZeros(trace.n()));
    this.omega = Fr.readFrom(w, 0);
  }

  Fr at(Column c, int rotation) {
    int r = Math.floorMod(row + rotation, trace.n());
    if (salt != 0 && c instanceof Column.Advice a && !free.assigned(a, r)) {
      return Fr.of(mix(a.index(), r, a.equals(probe) && r == probeRow ? salt + 1 : salt));
    }
    return Fr.readFrom(trace.column(c), 4 * r);
  }

  /** SplitMix64 finalizer over (column, row, salt): a fixed pseudo-random 64-bit value. */
  private static long mix(int column, int row, long salt) {
    long z = ((long) column << 32 ^ row) * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
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
