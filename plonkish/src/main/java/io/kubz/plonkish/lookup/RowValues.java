package io.kubz.plonkish.lookup;

import io.kubz.field.Fr;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Trace;

/**
 * Evaluates an expression on rows 0..rows−1 of a trace into a flat vector. A cell at rotation 0
 * returns the trace's own column (read-only: every operation writes a fresh vector).
 */
final class RowValues implements Expression.Evaluator<long[]> {
  private final Trace trace;
  private final Fr[] challenges;
  private final int rows;

  RowValues(Trace trace, Fr[] challenges, int rows) {
    this.trace = trace;
    this.challenges = challenges;
    this.rows = rows;
  }

  long[] of(Expression e) {
    return e.evaluate(this);
  }

  private long[] fill(Fr v) {
    long[] out = new long[4 * rows];
    for (int i = 0; i < rows; i++) {
      v.writeTo(out, 4 * i);
    }
    return out;
  }

  @Override
  public long[] constant(Fr value) {
    return fill(value);
  }

  @Override
  public long[] cell(Column column, int rotation) {
    long[] c = trace.column(column);
    if (rotation == 0) {
      return c;
    }
    int n = trace.n();
    long[] out = new long[4 * rows];
    for (int i = 0; i < rows; i++) {
      Fr.copy(out, 4 * i, c, 4 * Math.floorMod(i + rotation, n));
    }
    return out;
  }

  @Override
  public long[] challenge(int index) {
    Fr c = challenges == null ? null : challenges[index];
    if (c == null) {
      throw new IllegalStateException("lookup input uses challenge " + index + " before it is drawn");
    }
    return fill(c);
  }

  @Override
  public long[] domain(Expression.DomainPoly poly) {
    long[] out = new long[4 * rows];
    int u = trace.usable();
    long[] w = new long[4];
    Fr.rootOfUnity(w, 0, Integer.numberOfTrailingZeros(trace.n()));
    for (int i = 0; i < rows; i++) {
      switch (poly) {
        case X -> {
          if (i == 0) {
            Fr.setOne(out, 0);
          } else {
            Fr.mul(out, 4 * i, out, 4 * (i - 1), w, 0);
          }
        }
        case FIRST -> Fr.set(out, 4 * i, i == 0 ? 1 : 0);
        case LAST -> Fr.set(out, 4 * i, i == u ? 1 : 0);
        case BLIND -> Fr.set(out, 4 * i, i > u ? 1 : 0);
      }
    }
    return out;
  }

  @Override
  public long[] sum(long[] a, long[] b) {
    long[] out = new long[4 * rows];
    for (int i = 0; i < rows; i++) {
      Fr.add(out, 4 * i, a, 4 * i, b, 4 * i);
    }
    return out;
  }

  @Override
  public long[] product(long[] a, long[] b) {
    long[] out = new long[4 * rows];
    for (int i = 0; i < rows; i++) {
      Fr.mul(out, 4 * i, a, 4 * i, b, 4 * i);
    }
    return out;
  }

  @Override
  public long[] negated(long[] a) {
    long[] out = new long[4 * rows];
    for (int i = 0; i < rows; i++) {
      Fr.neg(out, 4 * i, a, 4 * i);
    }
    return out;
  }

  @Override
  public long[] scaled(long[] a, Fr factor) {
    long[] f = new long[4];
    factor.writeTo(f, 0);
    long[] out = new long[4 * rows];
    for (int i = 0; i < rows; i++) {
      Fr.mul(out, 4 * i, a, 4 * i, f, 0);
    }
    return out;
  }
}
