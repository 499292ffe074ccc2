package io.kubz.plonkish.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.plonkish.Proof;
import io.kubz.plonkish.TestCircuits;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.keygen.VerifyingKey;
import io.kubz.plonkish.prover.Prover;
import io.kubz.plonkish.prover.Setup;
import io.kubz.plonkish.verifier.Verifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A proof made once from fixed seeds (dev SRS seed 20261122, blinding Random(7)) for the Fibonacci
 * circuit of 64 steps, checked in with its verifying key under src/test/resources/golden/. It must
 * keep verifying; regenerate it only with a format version change:
 * {@code mvn -pl plonkish test -Dtest=GoldenProofTest -Dkubz.golden.write=plonkish/src/test/resources/golden}.
 */
class GoldenProofTest {
  static Circuit circuit() {
    return TestCircuits.fibonacci(64, TestCircuits.fib(63));
  }

  @Test
  void goldenProofKeepsVerifying() throws IOException {
    String out = System.getProperty("kubz.golden.write");
    if (out != null) {
      Circuit c = circuit();
      ProvingKey pk = Setup.keygen(c);
      Proof p = Prover.prove(pk, Setup.PCS, c.witness(), new Random(7));
      Files.write(Path.of(out, "fibonacci64.vk"), KeyCodec.encode(pk.vk()));
      Files.write(Path.of(out, "fibonacci64.proof"), ProofCodec.encode(p));
    }
    VerifyingKey vk = KeyCodec.decodeVerifyingKey(read("fibonacci64.vk"));
    Proof proof = ProofCodec.decode(read("fibonacci64.proof"));
    Circuit c = circuit();
    assertTrue(Verifier.verify(vk, Setup.PCS, Setup.instance(c), proof));
    // Keygen still produces the same key for the same circuit and SRS.
    assertArrayEquals(vk.digest(), Setup.keygen(c).vk().digest());
  }

  private static byte[] read(String name) throws IOException {
    try (InputStream in = GoldenProofTest.class.getResourceAsStream("/golden/" + name)) {
      assertNotNull(in, "missing golden file " + name);
      return in.readAllBytes();
    }
  }
}
