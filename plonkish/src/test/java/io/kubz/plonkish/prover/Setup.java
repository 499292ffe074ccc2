package io.kubz.plonkish.prover;

import io.kubz.field.Fr;
import io.kubz.plonkish.Protocol;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.keygen.Keygen;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.poly.kzg.Kzg;
import io.kubz.poly.kzg.PolynomialCommitment;
import io.kubz.poly.srs.Srs;

/** One insecure dev SRS shared by the protocol tests. */
public final class Setup {
  /** 2^10 powers: circuits up to 2^9 rows (pieces need n + 1 powers). */
  public static final PolynomialCommitment PCS = new Kzg(Srs.dev(10, 20261122L));

  private Setup() {}

  public static ProvingKey keygen(Circuit c) {
    return Keygen.keygen(c.description(), PCS);
  }

  public static Fr[][] instance(Circuit c) {
    return Protocol.instanceValues(c.witness().instance());
  }
}
