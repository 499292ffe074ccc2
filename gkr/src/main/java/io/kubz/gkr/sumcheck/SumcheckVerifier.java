package io.kubz.gkr.sumcheck;

import io.kubz.field.Fr;
import io.kubz.poly.transcript.Transcript;
import java.util.List;
import java.util.Optional;

/** The sumcheck verifier (see the package documentation); it never throws on a malformed proof. */
public final class SumcheckVerifier {
  /** The point r (variable 0 first, 4 limbs per coordinate) and the claim f(g(r)) left to check. */
  public record Result(long[] point, Fr value) {}

  private SumcheckVerifier() {}

  /**
   * Checks a proof that Σ_x f(g(x)) = claim over {@code vars} variables for an f of the given
   * degree. Empty when a round has other than degree + 1 values or s(0) + s(1) ≠ claim; otherwise
   * the caller must still check the returned value against f at the returned point.
   */
  public static Optional<Result> verify(int vars, int degree, Fr claim, SumcheckProof proof,
      Transcript t) {
    if (proof == null || proof.rounds() == null || proof.rounds().size() != vars || degree < 1) {
      return Optional.empty();
    }
    SumcheckTranscript.begin(t, vars, degree);
    long[] point = new long[4 * vars];
    Fr c = claim;
    for (int k = 0; k < vars; k++) {
      List<Fr> s = proof.rounds().get(k);
      if (s == null || s.size() != degree + 1) {
        return Optional.empty();
      }
      if (!s.get(0).add(s.get(1)).equals(c)) {
        return Optional.empty();
      }
      Fr r = SumcheckTranscript.round(t, s);
      r.writeTo(point, 4 * k);
      c = RoundPoly.evaluate(s, r);
    }
    return Optional.of(new Result(point, c));
  }
}
