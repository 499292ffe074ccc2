package io.kubz.plonkish.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.TestCircuits;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.format.KeyCodec;
import io.kubz.plonkish.format.ProofCodec;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.keygen.VerifyingKey;
import io.kubz.plonkish.prover.Prover;
import io.kubz.plonkish.prover.Setup;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Byte-level tampering of a proof and of its verifying key: a flip of one (seeded random) bit in
 * every byte of the key and in a dense seeded sample of the proof's bytes, and every truncation of both, is either a format error (BadInputException) or a
 * proof that does not verify; nothing else escapes and nothing tampered verifies. (Element-level
 * tampering is ProverTest's.)
 */
class ProofBytesTamperTest {

  @Test
  void everyBitFlipAndTruncationOfProofAndKeyIsRejected() {
    Circuit c = TestCircuits.fibonacci(20, TestCircuits.fib(19));
    ProvingKey pk = Setup.keygen(c);
    Fr[][] inst = Setup.instance(c);
    byte[] proof = ProofCodec.encode(Prover.prove(pk, Setup.PCS, c.witness(), new Random(13)));
    byte[] key = KeyCodec.encode(pk.vk());
    assertEquals(Outcome.ACCEPTED, run(key, proof, inst), "the honest proof verifies");
    int[] counts = new int[Outcome.values().length];
    Random bits = new Random(16);
    for (int i = 0; i < proof.length; i += 1 + bits.nextInt(4)) { // a dense sample: each verify costs pairings
      byte[] p = proof.clone();
      p[i] ^= (byte) (1 << bits.nextInt(8));
      counts[run(key, p, inst).ordinal()]++;
    }
    for (int i = 0; i < key.length; i++) {
      byte[] k = key.clone();
      k[i] ^= (byte) (1 << bits.nextInt(8));
      counts[run(k, proof, inst).ordinal()]++;
    }
    for (int len = 0; len < proof.length; len++) {
      counts[run(key, Arrays.copyOf(proof, len), inst).ordinal()]++;
    }
    for (int len = 0; len < key.length; len++) {
      counts[run(Arrays.copyOf(key, len), proof, inst).ordinal()]++;
    }
    assertEquals(0, counts[Outcome.ACCEPTED.ordinal()], "tampered bytes verified");
    assertTrue(counts[Outcome.MALFORMED.ordinal()] > 0 && counts[Outcome.REJECTED.ordinal()] > 0,
        "both kinds of rejection occur: " + Arrays.toString(counts));
  }

  enum Outcome { ACCEPTED, MALFORMED, REJECTED }

  /** Anything but BadInputException from the codecs, or any throw from the verifier, fails the test. */
  static Outcome run(byte[] key, byte[] proof, Fr[][] inst) {
    VerifyingKey vk;
    Proof p;
    try {
      vk = KeyCodec.decodeVerifyingKey(key);
      p = ProofCodec.decode(proof);
    } catch (BadInputException e) {
      return Outcome.MALFORMED;
    }
    return Verifier.verify(vk, Setup.PCS, inst, p) ? Outcome.ACCEPTED : Outcome.REJECTED;
  }
}
