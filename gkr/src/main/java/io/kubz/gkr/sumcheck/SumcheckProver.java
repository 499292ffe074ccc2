package io.kubz.gkr.sumcheck;

import io.kubz.field.Fr;
import io.kubz.gkr.mle.Mle;
import io.kubz.poly.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;

/**
 * The sumcheck prover (see the package documentation). Each round takes s(0) and s(2..d) from
 * {@link RoundKernel} (parallel over the hypercube, nothing allocated per pair) and s(1) from the
 * running claim, s(1) = claim − s(0); the kernel binds the previous round's variable in the same
 * pass ({@link Rounds}). The caller's tables are read, never written.
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
    RoundKernel kernel = new RoundKernel(f);
    Rounds rs = new Rounds(tables, new int[m], v, null);
    long[] point = new long[4 * v];
    long[] claimL = new long[4];
    claim.writeTo(claimL, 0);
    long[] values = new long[4 * (d + 1)];
    List<List<Fr>> rounds = new ArrayList<>(v);
    for (int k = 0; k < v; k++) {
      int half = 1 << (v - 1 - k);
      // s(0) and s(2..d) over the hypercube (binding r_{k−1} on the way), s(1) = claim − s(0)
      kernel.sums(rs.next(k, point), half, values, 4);
      Fr.copy(values, 0, values, 4);
      Fr.sub(values, 4, claimL, 0, values, 0);
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
    }
    return new Output(new SumcheckProof(rounds), point, rs.finals(point));
  }
}
