package io.kubz.gkr.sumcheck;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;
import io.kubz.gkr.mle.Mle;
import io.kubz.poly.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;

/**
 * The sumcheck prover (see the package documentation). Per round and hypercube pair i it computes
 * each factor at X = 0, 2, 3, …, d from (g[2i], g[2i+1]) by repeated addition of the difference,
 * and accumulates each term's product per point; s(1) comes from the running claim, s(1) =
 * claim − s(0). Chunks of pairs run through {@link Parallel}, each with its own accumulators, so the
 * inner loop allocates nothing. The caller's tables are read, never written: round 0 folds them
 * into the prover's own buffers.
 */
public final class SumcheckProver {
  /** A test seam: may change a round's values (limbs, 4 per value) before they are absorbed. */
  @FunctionalInterface
  public interface Hook {
    void round(int round, long[] values);
  }

  /** The proof, the point r (variable 0 first) and every table's value at r (4 limbs each). */
  public record Output(SumcheckProof proof, long[] point, long[] finalValues) {}

  private SumcheckProver() {}

  public static Output prove(Composition f, long[][] tables, Fr claim, Transcript t) {
    return prove(f, tables, claim, t, null);
  }

  /**
   * Proves Σ_x f(tables(x)) = claim. Every table has 2^v entries; the claim must be the true sum
   * for the proof to verify (a wrong one yields a consistent proof that fails the final check).
   */
  public static Output prove(Composition f, long[][] tables, Fr claim, Transcript t, Hook hook) {
    if (tables.length != f.factorCount()) {
      throw new IllegalArgumentException(f.factorCount() + " factors but " + tables.length + " tables");
    }
    int v = Mle.vars(tables[0]);
    for (long[] tab : tables) {
      if (tab.length != tables[0].length) {
        throw new IllegalArgumentException("tables of different sizes: " + tab.length / 4
            + " and " + tables[0].length / 4);
      }
    }
    int d = f.degree();
    int m = tables.length;
    SumcheckTranscript.begin(t, v, d);
    Kernel kernel = new Kernel(f);
    long[][] cur = tables.clone();
    long[][] spare = new long[m][];
    long[] point = new long[4 * v];
    long[] claimL = new long[4];
    claim.writeTo(claimL, 0);
    long[] values = new long[4 * (d + 1)];
    List<List<Fr>> rounds = new ArrayList<>(v);
    for (int k = 0; k < v; k++) {
      int half = 1 << (v - 1 - k);
      kernel.round(cur, half, claimL, values);
      if (hook != null) {
        hook.round(k, values);
      }
      List<Fr> msg = new ArrayList<>(d + 1);
      for (int e = 0; e <= d; e++) {
        msg.add(Fr.readFrom(values, 4 * e));
      }
      rounds.add(msg);
      Fr r = SumcheckTranscript.round(t, msg);
      r.writeTo(point, 4 * k);
      RoundPoly.evaluate(msg, r).writeTo(claimL, 0);
      for (int j = 0; j < m; j++) {
        if (k == 0) {
          long[] dst = new long[4 * half];
          Mle.fixFirst(dst, cur[j], half, point, 4 * k);
          cur[j] = dst;
        } else if (half >= 2 * Mle.PARALLEL_MIN) {
          if (spare[j] == null || spare[j].length < 4 * half) {
            spare[j] = new long[4 * half];
          }
          long[] dst = spare[j];
          Mle.fixFirst(dst, cur[j], half, point, 4 * k);
          spare[j] = cur[j];
          cur[j] = dst;
        } else {
          Mle.fixFirst(cur[j], cur[j], half, point, 4 * k);
        }
      }
    }
    long[] finals = new long[4 * m];
    for (int j = 0; j < m; j++) {
      Fr.copy(finals, 4 * j, cur[j], 0);
    }
    return new Output(new SumcheckProof(rounds), point, finals);
  }

  /** The flattened composition and the per-round evaluation over the hypercube. */
  private static final class Kernel {
    private final int m;
    private final int d;
    private final int[][] termFactors;
    private final long[] coeffs;

    Kernel(Composition f) {
      m = f.factorCount();
      d = f.degree();
      List<Term> terms = f.terms();
      termFactors = new int[terms.size()][];
      coeffs = new long[4 * terms.size()];
      for (int i = 0; i < terms.size(); i++) {
        termFactors[i] = terms.get(i).factors();
        terms.get(i).coefficient().writeTo(coeffs, 4 * i);
      }
    }

    /** values[e] = s(e) for e = 0..d; s(1) = claim − s(0). */
    void round(long[][] tab, int half, long[] claim, long[] values) {
      int nt = termFactors.length;
      int points = d; // X = 0, 2, 3, …, d
      int stride = nt * points * 4;
      int chunks = Math.max(1, Math.min(Parallel.threads() * 4, half / 1024));
      long[] acc = new long[chunks * stride];
      Parallel.forChunks(0, half, chunks, (c, from, to) -> pairs(tab, from, to, acc, c * stride));
      java.util.Arrays.fill(values, 0);
      long[] tmp = new long[4];
      for (int c = 1; c < chunks; c++) {
        for (int i = 0; i < stride; i += 4) {
          Fr.add(acc, i, acc, i, acc, c * stride + i);
        }
      }
      for (int ti = 0; ti < nt; ti++) {
        for (int p = 0; p < points; p++) {
          int e = p == 0 ? 0 : p + 1;
          Fr.mul(tmp, 0, acc, (ti * points + p) * 4, coeffs, 4 * ti);
          Fr.add(values, 4 * e, values, 4 * e, tmp, 0);
        }
      }
      Fr.sub(values, 4, claim, 0, values, 0);
    }

    /** Adds, for pairs [from, to), every term's product at each point into acc[ao..]. */
    private void pairs(long[][] tab, int from, int to, long[] acc, int ao) {
      int points = d;
      long[] vals = new long[m * points * 4];
      long[] diff = new long[4];
      long[] prod = new long[4];
      int nt = termFactors.length;
      for (int i = from; i < to; i++) {
        for (int j = 0; j < m; j++) {
          long[] g = tab[j];
          int base = j * points * 4;
          // g(0) = g[2i], g(2) = g[2i+1] + diff, g(e+1) = g(e) + diff, diff = g[2i+1] − g[2i]
          Fr.copy(vals, base, g, 8 * i);
          if (points > 1) {
            Fr.sub(diff, 0, g, 8 * i + 4, g, 8 * i);
            Fr.add(vals, base + 4, g, 8 * i + 4, diff, 0);
            for (int p = 2; p < points; p++) {
              Fr.add(vals, base + 4 * p, vals, base + 4 * (p - 1), diff, 0);
            }
          }
        }
        for (int ti = 0; ti < nt; ti++) {
          int[] fs = termFactors[ti];
          int ab = ao + ti * points * 4;
          for (int p = 0; p < points; p++) {
            int off = fs[0] * points * 4 + 4 * p;
            if (fs.length == 1) {
              Fr.add(acc, ab + 4 * p, acc, ab + 4 * p, vals, off);
              continue;
            }
            Fr.mul(prod, 0, vals, off, vals, fs[1] * points * 4 + 4 * p);
            for (int k = 2; k < fs.length; k++) {
              Fr.mul(prod, 0, prod, 0, vals, fs[k] * points * 4 + 4 * p);
            }
            Fr.add(acc, ab + 4 * p, acc, ab + 4 * p, prod, 0);
          }
        }
      }
    }
  }
}
