package io.kubz.gkr.sumcheck;

import io.kubz.field.Fr;
import java.util.Arrays;

/** One product c·Π_{j ∈ factors} g_j of a {@link Composition}; factors index the tables (repeats allowed). */
public record Term(Fr coefficient, int[] factors) {
  public Term {
    if (factors.length == 0) {
      throw new IllegalArgumentException("a term needs at least one factor");
    }
    factors = factors.clone();
  }

  public static Term of(long coefficient, int... factors) {
    return new Term(Fr.of(coefficient), factors);
  }

  @Override
  public int[] factors() {
    return factors.clone();
  }

  int factor(int k) {
    return factors[k];
  }

  int degree() {
    return factors.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Term t && coefficient.equals(t.coefficient) && Arrays.equals(factors, t.factors);
  }

  @Override
  public int hashCode() {
    return 31 * coefficient.hashCode() + Arrays.hashCode(factors);
  }

  @Override
  public String toString() {
    return coefficient + "·g" + Arrays.toString(factors);
  }
}
