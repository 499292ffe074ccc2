package io.kubz.plonkish.keygen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.permutation.PermutationArgument;
import io.kubz.plonkish.prover.PolyOps;
import io.kubz.plonkish.prover.Setup;
import io.kubz.plonkish.TestCircuits;
import io.kubz.poly.LagrangePoly;
import io.kubz.poly.kzg.Kzg;
import io.kubz.poly.srs.Srs;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keygen commits σ columns as identity + sparse rest: the very points of committing their values. */
class KeygenTest {

  @Test
  void everyFixedCommitmentEqualsTheCommitmentOfItsValues() {
    for (CircuitDescription d : List.of(TestCircuits.fibonacci(50, TestCircuits.fib(49)).description(),
        TestCircuits.range(BigInteger.valueOf(0xBEEF), 16, BigInteger.valueOf(0xBEEF)).description())) {
      assertTrue(d.arguments().stream().anyMatch(a -> a instanceof PermutationArgument), "the case has σ columns");
      VerifyingKey vk = Keygen.keygen(d, Setup.PCS).vk();
      // the same SRS, committing interpolated coefficients against the powers: an independent path
      Kzg plain = new Kzg(Srs.dev(10, 20261122L));
      for (int c = 0; c < d.numFixed(); c++) {
        LagrangePoly values = LagrangePoly.wrap(PolyOps.domain(d.k()), false, d.fixed()[c]);
        assertEquals(plain.commit(values.toCoeff()), vk.fixedCommitments().get(c), "fixed column " + c);
      }
    }
  }
}
