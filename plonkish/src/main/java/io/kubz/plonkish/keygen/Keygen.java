package io.kubz.plonkish.keygen;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.Parallel;
import io.kubz.plonkish.ir.Argument;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.permutation.PermutationArgument;
import io.kubz.plonkish.prover.PhaseRunner;
import io.kubz.plonkish.prover.PolyOps;
import io.kubz.poly.CoeffPoly;
import io.kubz.poly.LagrangePoly;
import io.kubz.poly.ntt.Domain;
import io.kubz.poly.kzg.PolynomialCommitment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keygen: interpolate and commit the fixed columns (selectors, constants, σ's), digest the key. */
public final class Keygen {
  private Keygen() {}

  public static ProvingKey keygen(CircuitDescription d, PolynomialCommitment pcs) {
    if (pcs.maxSize() < d.n() + 1) {
      throw new BadInputException("a circuit of 2^" + d.k() + " rows needs an SRS of at least 2^" + d.k()
          + " + 1 points, this one has " + pcs.maxSize() + ": use a larger SRS");
    }
    try {
      KeyLimits.checkShape(d.k(), d.blinding(), d.advicePhases(), d.numFixed(), d.numInstance(), d.challengePhases(),
          d.allGates().size(), d.numFixed());
      KeyLimits.checkGates(d.allGates());
      KeyLimits.checkQueries(d.queries());
    } catch (IllegalArgumentException e) {
      throw new BadInputException("the circuit is larger than a kubz verifier reads (" + e.getMessage()
          + "): slice the model finer", e);
    }
    long[][] coeffs = new long[d.numFixed()][];
    Parallel.forRange(0, coeffs.length, 1, (from, to) -> {
      for (int c = from; c < to; c++) {
        coeffs[c] = PhaseRunner.coefficients(d.fixed()[c], d.k());
      }
    });
    List<G1> commitments = new ArrayList<>();
    Map<Integer, Fr> identity = identityParts(d);
    long[] omegaPow = identity.isEmpty() ? null : Domain.powers(PolyOps.domain(d.k()).omega(), d.n());
    // from the values: selectors and small constants make the multi-scalar multiplications cheap
    for (int c = 0; c < d.numFixed(); c++) {
      long[] values = d.fixed()[c];
      Fr dj = identity.get(c);
      if (dj == null) {
        commitments.add(pcs.commitLagrange(LagrangePoly.wrap(PolyOps.domain(d.k()), false, values)));
        continue;
      }
      // σ_j = δ^j·X + (σ_j − δ^j·ω^r): the identity part is a degree-1 polynomial, the rest is zero
      // outside the copy cycles, so the wide multi-scalar multiplication runs over those rows only
      long[] rest = values.clone();
      long[] id = new long[4];
      long[] djl = new long[4];
      dj.writeTo(djl, 0);
      for (int r = 0; r < d.n(); r++) {
        Fr.mul(id, 0, djl, 0, omegaPow, 4 * r);
        Fr.sub(rest, 4 * r, rest, 4 * r, id, 0);
      }
      long[] line = new long[8];
      dj.writeTo(line, 4);
      commitments.add(pcs.commit(CoeffPoly.wrap(line))
          .add(pcs.commitLagrange(LagrangePoly.wrap(PolyOps.domain(d.k()), false, rest))));
    }
    byte[] digest = Canonical.digest(d.k(), d.blinding(), d.advicePhases(), d.numFixed(), d.numInstance(),
        d.challengePhases(), d.allGates(), commitments);
    VerifyingKey vk = new VerifyingKey(d.k(), d.blinding(), d.advicePhases(), d.numFixed(), d.numInstance(),
        d.challengePhases(), d.allGates(), commitments, digest);
    return new ProvingKey(d, vk, coeffs, PolyOps.domainPolys(d.k(), d.usable()));
  }

  /** The fixed columns that are permutation σ's, with the δ^j of their identity part δ^j·X. */
  private static Map<Integer, Fr> identityParts(CircuitDescription d) {
    Map<Integer, Fr> out = new HashMap<>();
    for (Argument a : d.arguments()) {
      if (a instanceof PermutationArgument p) {
        Fr dj = Fr.ONE;
        for (Column.Fixed s : p.sigmas()) {
          out.put(s.index(), dj);
          dj = dj.mul(PermutationArgument.DELTA);
        }
      }
    }
    return out;
  }

  /** Recomputes a verifying key's digest (for keys read from bytes). */
  public static byte[] digestOf(VerifyingKey vk) {
    return Canonical.digest(vk.k(), vk.blinding(), vk.advicePhases(), vk.numFixed(), vk.numInstance(),
        vk.challengePhases(), vk.gates(), vk.fixedCommitments());
  }
}
