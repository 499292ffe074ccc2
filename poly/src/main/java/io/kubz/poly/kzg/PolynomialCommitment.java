package io.kubz.poly.kzg;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.poly.CoeffPoly;
import io.kubz.poly.LagrangePoly;
import io.kubz.poly.transcript.Transcript;
import java.util.List;

/**
 * A homomorphic polynomial commitment to G1 with batched openings. Verifiers return false on every
 * bad proof or statement; they do not throw.
 */
public interface PolynomialCommitment {
  /** Largest number of coefficients that can be committed. */
  int maxSize();

  G1 commit(CoeffPoly p);

  /** Commitment to the polynomial with these evaluations on H (not a coset). */
  G1 commitLagrange(LagrangePoly p);

  /** Opening of p at z: the evaluation and a witness. */
  Opening open(CoeffPoly p, Fr z);

  boolean verify(G1 commitment, Fr z, Fr eval, G1 witness);

  /** Opens several polynomials at several points (see the package documentation for the order). */
  BatchOpening openBatch(Transcript t, List<ProverQuery> queries);

  boolean verifyBatch(Transcript t, List<VerifierQuery> queries, BatchOpening proof);

  /** An evaluation y = p(z) and its witness. */
  record Opening(Fr eval, G1 witness) {}

  /** Prover side of one query: p(point) = eval. */
  record ProverQuery(CoeffPoly poly, Fr point, Fr eval) {
    public static ProverQuery of(CoeffPoly poly, Fr point) {
      return new ProverQuery(poly, point, poly.evaluate(point));
    }
  }

  /** Verifier side of one query: the committed polynomial takes value eval at point. */
  record VerifierQuery(G1 commitment, Fr point, Fr eval) {}

  /** One witness per distinct point, in order of first appearance. */
  record BatchOpening(List<G1> witnesses) {
    public BatchOpening {
      witnesses = List.copyOf(witnesses);
    }
  }
}
