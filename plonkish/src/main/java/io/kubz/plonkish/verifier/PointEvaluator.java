package io.kubz.plonkish.verifier;

import io.kubz.field.Fr;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Query;
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

  /** {@code values} must hold every query; x must lie outside H. */
  public PointEvaluator(Map<Query, Fr> values, Fr[] challenges, Fr x, int k, int usable) {
    this.values = values;
    this.challenges = challenges;
    this.x = x;
    int n = 1 << k;
    long[] w = new long[4];
    Fr.rootOfUnity(w, 0, k);
    Fr omega = Fr.readFrom(w, 0);
    Fr zh = x.pow(n).sub(Fr.ONE);
    Fr nInv = Fr.of(n).inverse();
    Fr f = Fr.ZERO;
    Fr l = Fr.ZERO;
    Fr b = Fr.ZERO;
    Fr wi = omega.pow(usable);
    for (int i = usable; i < n; i++) {
      Fr li = wi.mul(zh).mul(nInv).mul(x.sub(wi).inverse());
      if (i == usable) {
        l = li;
      } else {
        b = b.add(li);
      }
      wi = wi.mul(omega);
    }
    f = zh.mul(nInv).mul(x.sub(Fr.ONE).inverse());
    this.first = f;
    this.last = l;
    this.blind = b;
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
