package io.kubz.gkr.logup;

import io.kubz.field.Fr;
import io.kubz.gkr.mle.Mle;
import io.kubz.gkr.sumcheck.SumcheckVerifier;
import io.kubz.poly.transcript.Transcript;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Checks a {@link TowerProof}; never throws on a malformed proof. */
public final class TowerVerifier {
  /**
   * The root fraction (p_root, q_root) and the claims p̃(point) = p, q̃(point) = q on the leaves
   * that the caller must discharge.
   */
  public record Result(Fr rootP, Fr rootQ, long[] point, Fr p, Fr q) {}

  private TowerVerifier() {}

  /**
   * Absorbs a layer's four children, draws (μ, λ) in one round and returns {μ, λ, p̃ at μ, q̃ at μ}:
   * the merge p0 + μ·(p1 − p0), q0 + μ·(q1 − q0) and the combiner of the next layer's two claims.
   */
  static Fr[] merge(Transcript t, List<Fr> c) {
    for (Fr x : c) {
      t.absorbScalar("tower-children", x);
    }
    Fr[] ml = t.challenges("tower-merge", 2);
    Fr mu = ml[0];
    return new Fr[] {mu, ml[1], c.get(0).add(mu.mul(c.get(1).sub(c.get(0)))),
        c.get(2).add(mu.mul(c.get(3).sub(c.get(2))))};
  }

  /** Verifies a tower over 2^n leaves (n ≥ 1). */
  public static Optional<Result> verify(int n, TowerProof proof, Transcript t) {
    if (n < 1 || proof == null || proof.layers().size() != n) {
      return Optional.empty();
    }
    long[] z = new long[0];
    Fr[] state = null;
    Fr rootP = null;
    Fr rootQ = null;
    for (int j = 0; j < n; j++) {
      TowerProof.Layer layer = proof.layers().get(j);
      List<Fr> c = layer.children();
      if (c.size() != 4 || layer.sumcheck() == null) {
        return Optional.empty();
      }
      long[] rho = z;
      if (j == 0) {
        if (!layer.sumcheck().rounds().isEmpty()) {
          return Optional.empty();
        }
        // the root: p = p0·q1 + p1·q0, q = q0·q1
        rootP = c.get(0).mul(c.get(3)).add(c.get(1).mul(c.get(2)));
        rootQ = c.get(2).mul(c.get(3));
      } else {
        Fr lambda = state[1];
        Optional<SumcheckVerifier.Result> sc = SumcheckVerifier.verify(j, 3,
            state[2].add(lambda.mul(state[3])), layer.sumcheck(), t);
        if (sc.isEmpty()) {
          return Optional.empty();
        }
        rho = sc.get().point();
        // final check: eq(z, ρ)·(p0·q1 + p1·q0 + λ·q0·q1)
        Fr expect = Mle.eqAt(z, 0, rho, 0, j).mul(c.get(0).mul(c.get(3)).add(c.get(1).mul(c.get(2)))
            .add(lambda.mul(c.get(2)).mul(c.get(3))));
        if (!expect.equals(sc.get().value())) {
          return Optional.empty();
        }
      }
      state = merge(t, c);
      z = Arrays.copyOf(rho, rho.length + 4);
      state[0].writeTo(z, rho.length);
    }
    return Optional.of(new Result(rootP, rootQ, z, state[2], state[3]));
  }
}
