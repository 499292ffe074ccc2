package io.kubz.plonkish.prover;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fixtures;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.TestCircuits;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.keygen.Keygen;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.verifier.Verifier;
import io.kubz.poly.kzg.Kzg;
import io.kubz.poly.kzg.PolynomialCommitment;
import io.kubz.poly.srs.PtauReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A proof over the SRS of a real (snarkjs) powers-of-tau ceremony file, not the dev SRS. */
class PtauSrsTest {

  @Test
  void fibonacciOverSnarkjsPtau() {
    Optional<Path> ptau = Fixtures.resolve("ptau/pot10_final.ptau");
    Assumptions.assumeTrue(ptau.isPresent(), "fixtures absent: ptau/pot10_final.ptau");
    PolynomialCommitment pcs = new Kzg(PtauReader.read(ptau.get(), 10));
    Circuit c = TestCircuits.fibonacci(100, TestCircuits.fib(99));
    ProvingKey pk = Keygen.keygen(c.description(), pcs);
    Proof p = Prover.prove(pk, pcs, c.witness(), new Random(11));
    assertTrue(Verifier.verify(pk.vk(), pcs, Setup.instance(c), p));
  }
}
