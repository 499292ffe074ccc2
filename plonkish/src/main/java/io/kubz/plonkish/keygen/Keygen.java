package io.kubz.plonkish.keygen;

import io.kubz.field.BadInputException;
import io.kubz.field.G1;
import io.kubz.field.Parallel;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.prover.PhaseRunner;
import io.kubz.plonkish.prover.PolyOps;
import io.kubz.poly.LagrangePoly;
import io.kubz.poly.kzg.PolynomialCommitment;
import java.util.ArrayList;
import java.util.List;

/** Keygen: interpolate and commit the fixed columns (selectors, constants, σ's), digest the key. */
public final class Keygen {
  private Keygen() {}

  public static ProvingKey keygen(CircuitDescription d, PolynomialCommitment pcs) {
    if (pcs.maxSize() < d.n() + 1) {
      throw new BadInputException("a circuit of 2^" + d.k() + " rows needs an SRS of at least 2^" + d.k()
          + " + 1 points, this one has " + pcs.maxSize() + ": use a larger SRS");
    }
    long[][] coeffs = new long[d.numFixed()][];
    Parallel.forRange(0, coeffs.length, 1, (from, to) -> {
      for (int c = from; c < to; c++) {
        coeffs[c] = PhaseRunner.coefficients(d.fixed()[c], d.k());
      }
    });
    List<G1> commitments = new ArrayList<>();
    // from the values: selectors and small constants make the multi-scalar multiplications cheap
    for (long[] values : d.fixed()) {
      commitments.add(pcs.commitLagrange(LagrangePoly.wrap(PolyOps.domain(d.k()), false, values)));
    }
    byte[] digest = Canonical.digest(d.k(), d.blinding(), d.advicePhases(), d.numFixed(), d.numInstance(),
        d.challengePhases(), d.allGates(), commitments);
    VerifyingKey vk = new VerifyingKey(d.k(), d.blinding(), d.advicePhases(), d.numFixed(), d.numInstance(),
        d.challengePhases(), d.allGates(), commitments, digest);
    return new ProvingKey(d, vk, coeffs, PolyOps.domainPolys(d.k(), d.usable()));
  }

  /** Recomputes a verifying key's digest (for keys read from bytes). */
  public static byte[] digestOf(VerifyingKey vk) {
    return Canonical.digest(vk.k(), vk.blinding(), vk.advicePhases(), vk.numFixed(), vk.numInstance(),
        vk.challengePhases(), vk.gates(), vk.fixedCommitments());
  }
}
