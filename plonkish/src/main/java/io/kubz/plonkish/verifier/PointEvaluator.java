package io.kubz.plonkish.verifier;

import io.kubz.field.Fr;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Query;
import io.kubz.plonkish.keygen.KeyLimits;
import java.util.Map;

/**
 * Evaluates an expression at the challenge point x from the opened values c(x·ω^r) and the domain
 * polynomials at x: L_i(x) = ω^i·(x^n − 1) / (n·(x − ω^i)).
 */
public final class PointEvaluator implements Expression.Evaluator<Fr> {
  private final Map<Query, Fr> values;
  private final Fr[] challenges;
  private final Fr x;
  private final Fr first;
  private final Fr last;
  private final Fr blind;

  /**
   * {@code values} must hold every query; x must lie outside H. The reserved rows usable..n−1 are
   * at most {@link KeyLimits#MAX_BLINDING} + 1 (else IllegalArgumentException): their L_i(x) and
   * L_0(x) cost one batch inversion, whatever n is.
   */
  public PointEvaluator(Map<Query, Fr> values, Fr[] challenges, Fr x, int k, int usable) {
    KeyLimits.checkCount("k", k, KeyLimits.MAX_K);
    int n = 1 << k;
    int rows = n - usable;
    if (usable < 1 || rows < 1 || rows > KeyLimits.MAX_BLINDING + 1) {
      throw new IllegalArgumentException(usable + " usable rows of " + n + ": more blinding rows than any key has");
    }
    this.values = values;
    this.challenges = challenges;
    this.x = x;
    long[] w = new long[4];
    Fr.rootOfUnity(w, 0, k);
    Fr omega = Fr.readFrom(w, 0);
    // den = (x − ω^usable, …, x − ω^{n−1}, x − 1), inverted at once
    Fr[] wi = new Fr[rows];
    long[] den = new long[4 * (rows + 1)];
    Fr p = omega.pow(usable);
    for (int j = 0; j < rows; j++) {
      wi[j] = p;
      x.sub(p).writeTo(den, 4 * j);
      p = p.mul(omega);
    }
    x.sub(Fr.ONE).writeTo(den, 4 * rows);
    Fr.batchInverse(den, 0, rows + 1);
    // L_i(x) = ω^i·(x^n − 1)/(n·(x − ω^i))
    Fr common = x.pow(n).sub(Fr.ONE).mul(Fr.of(n).inverse());
    Fr b = Fr.ZERO;
    for (int j = 1; j < rows; j++) {
      b = b.add(wi[j].mul(Fr.readFrom(den, 4 * j)));
    }
    this.first = common.mul(Fr.readFrom(den, 4 * rows));
    this.last = common.mul(wi[0]).mul(Fr.readFrom(den, 0));
    this.blind = common.mul(b);
  }

  @Override
  public Fr constant(Fr value) {
    return value;
  }

  @Override
  public Fr cell(Column column, int rotation) {
    Fr v = values.get(new Query(column, rotation));
    if (v == null) {
      throw new IllegalArgumentException("no opened value for " + column + " at rotation " + rotation);
    }
    return v;
  }

  @Override
  public Fr challenge(int index) {
    return challenges[index];
  }

  @Override
  public Fr domain(Expression.DomainPoly poly) {
    switch (poly) {
      case X:
        return x;
      case FIRST:
        return first;
      case LAST:
        return last;
      default:
        return blind;
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
