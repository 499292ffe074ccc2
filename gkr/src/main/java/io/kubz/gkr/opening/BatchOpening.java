package io.kubz.gkr.opening;

import io.kubz.field.Fr;
import io.kubz.gkr.mle.Mle;
import io.kubz.gkr.sumcheck.Composition;
import io.kubz.gkr.sumcheck.SumcheckProver;
import io.kubz.gkr.sumcheck.SumcheckVerifier;
import io.kubz.poly.transcript.Transcript;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Prover and verifier of the batched-opening reduction (see the package documentation). */
public final class BatchOpening {
  /** The proof and the one claim left, W̃it(ρ) = w. */
  public record Output(ReductionProof proof, Claim claim) {}

  private BatchOpening() {}

  /** Absorbs the label and the claims, returns γ. */
  private static Fr gamma(Transcript t, int vars, List<Claim> claims) {
    for (Claim c : claims) {
      if (c.vars() != vars || c.point().length % 4 != 0) {
        throw new IllegalArgumentException("a claim on " + c.vars() + " variables for a table of "
            + vars);
      }
    }
    t.absorbBytes("batch-open", ("kubz-batch-open-v1/" + vars + "/" + claims.size())
        .getBytes(StandardCharsets.US_ASCII));
    for (Claim c : claims) {
      for (int i = 0; i < vars; i++) {
        t.absorbScalar("batch-open-point", c.point(), 4 * i);
      }
      t.absorbScalar("batch-open-value", c.value());
    }
    return t.challenge("batch-open-gamma");
  }

  public static Output prove(long[] wit, List<Claim> claims, Transcript t) {
    int n = Mle.vars(wit);
    if (claims.isEmpty()) {
      throw new IllegalArgumentException("nothing to open");
    }
    Fr gamma = gamma(t, n, claims);
    // E(x) = Σ_i γ^i·eq(z_i, x); a claim embedded in an aligned block (its top coordinates are
    // bits) adds γ^i·eq(z_low, x_low) inside that block only: O(block) instead of O(2^n)
    long[] e = new long[4 << n];
    long[] w = new long[4];
    Fr.setOne(w, 0);
    long[] g = new long[4];
    gamma.writeTo(g, 0);
    Fr claim = Fr.ZERO;
    Fr wv = Fr.ONE;
    for (Claim c : claims) {
      int k = n;
      while (k > 0 && isBit(c.point(), k - 1)) {
        k--;
      }
      long block = 0;
      for (int i = n - 1; i >= k; i--) {
        block = 2 * block + (Fr.isZero(c.point(), 4 * i) ? 0 : 1);
      }
      long[] tmp = new long[4 << k];
      Mle.eq(tmp, c.point(), 0, k, w, 0);
      int at = (int) (block << k);
      for (int i = 0; i < 1 << k; i++) {
        Fr.add(e, 4 * (at + i), e, 4 * (at + i), tmp, 4 * i);
      }
      Fr.mul(w, 0, w, 0, g, 0);
      claim = claim.add(c.value().mul(wv));
      wv = wv.mul(gamma);
    }
    SumcheckProver.Output out = SumcheckProver.prove(Composition.product(2), new long[][] {wit, e},
        claim, t);
    Fr value = Fr.readFrom(out.finalValues(), 0);
    t.absorbScalar("batch-open-result", value);
    return new Output(new ReductionProof(out.proof(), value), new Claim(out.point(), value));
  }

  /** Whether coordinate i of the point is 0 or 1. */
  private static boolean isBit(long[] point, int i) {
    return Fr.isZero(point, 4 * i) || Fr.readFrom(point, 4 * i).equals(Fr.ONE);
  }

  /** The one claim left to open, or empty when the proof is wrong; never throws on the proof. */
  public static Optional<Claim> verify(int vars, List<Claim> claims, ReductionProof proof,
      Transcript t) {
    if (claims.isEmpty()) {
      throw new IllegalArgumentException("nothing to open");
    }
    Fr gamma = gamma(t, vars, claims);
    if (proof == null || proof.value() == null) {
      return Optional.empty();
    }
    Fr claim = Fr.ZERO;
    Fr wv = Fr.ONE;
    for (Claim c : claims) {
      claim = claim.add(c.value().mul(wv));
      wv = wv.mul(gamma);
    }
    Optional<SumcheckVerifier.Result> r = SumcheckVerifier.verify(vars, 2, claim, proof.sumcheck(), t);
    if (r.isEmpty()) {
      return Optional.empty();
    }
    long[] rho = r.get().point();
    Fr e = Fr.ZERO;
    wv = Fr.ONE;
    for (Claim c : claims) {
      e = e.add(wv.mul(Mle.eqAt(c.point(), 0, rho, 0, vars)));
      wv = wv.mul(gamma);
    }
    if (!proof.value().mul(e).equals(r.get().value())) {
      return Optional.empty();
    }
    t.absorbScalar("batch-open-result", proof.value());
    return Optional.of(new Claim(rho, proof.value()));
  }
}
