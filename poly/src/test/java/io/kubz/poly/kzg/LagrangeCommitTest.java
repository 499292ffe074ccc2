package io.kubz.poly.kzg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.poly.LagrangePoly;
import io.kubz.poly.ntt.Domain;
import io.kubz.poly.srs.Srs;
import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Committing evaluations against the Lagrange basis gives the coefficient commitment's point. */
class LagrangeCommitTest {
  private static final Srs DEV = Srs.dev(6, 20261122L);
  /** The same powers without τ: a ceremony-like SRS, which must fall back to coefficients. */
  private static final Srs NO_TAU = new Srs(DEV.g1Powers(), DEV.size(), DEV.g2(), DEV.tauG2(), "powers only");

  @Property(tries = 15)
  void lagrangeCommitmentEqualsTheCoefficientCommitment(@ForAll @IntRange(min = 0, max = 6) int log2n,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    Domain d = Domain.of(log2n);
    Fr[] e = new Fr[d.size()];
    for (int i = 0; i < e.length; i++) {
      e[i] = switch (rnd.nextInt(5)) {
        case 0 -> Fr.ZERO;
        case 1 -> Fr.ONE;
        case 2 -> Fr.of(Fr.MODULUS.subtract(BigInteger.ONE));
        case 3 -> Fr.of(rnd.nextInt(1 << 16));
        default -> Fr.random(rnd);
      };
    }
    LagrangePoly p = LagrangePoly.of(d, e);
    assertTrue(DEV.lagrange(log2n).isPresent());
    Kzg kzg = new Kzg(DEV);
    assertEquals(kzg.commit(p.toCoeff()), kzg.commitLagrange(p));
    assertTrue(NO_TAU.lagrange(log2n).isEmpty());
    assertEquals(kzg.commit(p.toCoeff()), new Kzg(NO_TAU).commitLagrange(p));
  }
}
