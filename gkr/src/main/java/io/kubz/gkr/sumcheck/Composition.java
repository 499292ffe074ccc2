package io.kubz.gkr.sumcheck;

import io.kubz.field.Fr;
import java.util.ArrayList;
import java.util.List;

/**
 * f(g_0, …, g_{m−1}) = Σ_t c_t·Π_{j ∈ S_t} g_j over m multilinear tables: the summand of a
 * sumcheck. Its degree in each variable is the largest |S_t|.
 */
public record Composition(int factorCount, List<Term> terms) {
  public Composition {
    terms = List.copyOf(terms);
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("a composition needs at least one term");
    }
    for (Term t : terms) {
      for (int j : t.factors()) {
        if (j < 0 || j >= factorCount) {
          throw new IllegalArgumentException("term " + t + " names table " + j + " of " + factorCount);
        }
      }
    }
  }

  public static Composition of(int factorCount, Term... terms) {
    return new Composition(factorCount, List.of(terms));
  }

  /** g_0·g_1·…·g_{m−1}. */
  public static Composition product(int m) {
    int[] all = new int[m];
    for (int j = 0; j < m; j++) {
      all[j] = j;
    }
    return of(m, new Term(Fr.ONE, all));
  }

  public int degree() {
    int d = 0;
    for (Term t : terms) {
      d = Math.max(d, t.degree());
    }
    return d;
  }

  /** f at the factor values v_j = values[4j..4j+3]. */
  public Fr evaluate(long[] values) {
    Fr sum = Fr.ZERO;
    for (Term t : terms) {
      Fr p = t.coefficient();
      for (int j : t.factors()) {
        p = p.mul(Fr.readFrom(values, 4 * j));
      }
      sum = sum.add(p);
    }
    return sum;
  }

  /**
   * Σ_i λ^i·f_i over the concatenated tables of the parts (part i's table j becomes table
   * offset_i + j): proves several sums over the same variables with one sumcheck.
   */
  public static Composition batch(List<Composition> parts, Fr lambda) {
    List<Term> out = new ArrayList<>();
    int offset = 0;
    Fr w = Fr.ONE;
    for (Composition c : parts) {
      for (Term t : c.terms) {
        int[] f = t.factors();
        for (int k = 0; k < f.length; k++) {
          f[k] += offset;
        }
        out.add(new Term(t.coefficient().mul(w), f));
      }
      offset += c.factorCount;
      w = w.mul(lambda);
    }
    return new Composition(offset, out);
  }

  /** Σ_i λ^i·claims_i: the claim of {@link #batch}. */
  public static Fr batchClaim(List<Fr> claims, Fr lambda) {
    Fr sum = Fr.ZERO;
    Fr w = Fr.ONE;
    for (Fr c : claims) {
      sum = sum.add(c.mul(w));
      w = w.mul(lambda);
    }
    return sum;
  }
}
