package io.kubz.plonkish.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.TestCircuits;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.keygen.VerifyingKey;
import io.kubz.plonkish.prover.Prover;
import io.kubz.plonkish.prover.Setup;
import io.kubz.plonkish.verifier.Verifier;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CodecTest {

  @Test
  void proofVerifyingKeyAndProvingKeyRoundTrip() {
    Circuit c = TestCircuits.fibonacci(30, TestCircuits.fib(29));
    ProvingKey pk = Setup.keygen(c);
    ProvingKey pk2 = KeyCodec.decodeProvingKey(KeyCodec.encode(pk));
    assertArrayEquals(pk.vk().digest(), pk2.vk().digest());
    VerifyingKey vk = KeyCodec.decodeVerifyingKey(KeyCodec.encode(pk.vk()));
    assertEquals(pk.vk().gates(), vk.gates());
    assertEquals(pk.vk().fixedCommitments(), vk.fixedCommitments());
    // A proof made with the decoded proving key, sent as bytes, verifies with the decoded vk.
    byte[] bytes = ProofCodec.encode(Prover.prove(pk2, Setup.PCS, c.witness(), new Random(5)));
    Proof p = ProofCodec.decode(bytes);
    assertTrue(Verifier.verify(vk, Setup.PCS, Setup.instance(c), p));
    assertArrayEquals(bytes, ProofCodec.encode(p));
  }

  @Test
  void malformedBytesAreFormatErrors() {
    Circuit c = TestCircuits.fibonacci(20, TestCircuits.fib(19));
    ProvingKey pk = Setup.keygen(c);
    byte[] proof = ProofCodec.encode(Prover.prove(pk, Setup.PCS, c.witness(), new Random(6)));
    assertThrows(BadInputException.class, () -> ProofCodec.decode(Arrays.copyOf(proof, proof.length - 7)));
    byte[] flipped = proof.clone();
    flipped[10] ^= 0x40; // inside the first point: off the curve
    assertThrows(BadInputException.class, () -> ProofCodec.decode(flipped));
    byte[] vk = KeyCodec.encode(pk.vk());
    byte[] vkBad = vk.clone();
    vkBad[vkBad.length - 40] ^= 1; // inside the digest
    assertThrows(BadInputException.class, () -> KeyCodec.decodeVerifyingKey(vkBad));
    // version 99: an unknown format
    assertThrows(BadInputException.class, () -> ProofCodec.decode(new byte[] {8, 99}));
  }
}
