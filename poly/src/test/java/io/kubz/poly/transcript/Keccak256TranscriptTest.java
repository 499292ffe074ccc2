package io.kubz.poly.transcript;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubz.field.Fr;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Keccak256TranscriptTest {
  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  @Test
  void keccakKnownAnswers() {
    // Ethereum's keccak256 of the empty string and of "abc" (not SHA3-256)
    assertArrayEquals(hex("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        Keccak256Transcript.keccak(new byte[0]));
    assertArrayEquals(hex("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
        Keccak256Transcript.keccak("abc".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void challengeIsKeccakOfStateAndBigEndianScalars() {
    Keccak256Transcript t = new Keccak256Transcript("test");
    t.absorbScalar("a", Fr.of(5));
    t.absorbBytes("b", new byte[] {1, 2});
    Fr c = t.challenge("c");
    byte[] s0 = Keccak256Transcript.keccak("test".getBytes(StandardCharsets.UTF_8));
    byte[] in = new byte[32 + 32 + 2];
    System.arraycopy(s0, 0, in, 0, 32);
    in[63] = 5;
    in[64] = 1;
    in[65] = 2;
    byte[] s1 = Keccak256Transcript.keccak(in);
    assertEquals(Fr.of(new BigInteger(1, s1)), c);
    // a second challenge in the same round hashes the state alone
    t.absorbScalar("d", Fr.ONE.neg());
    Fr[] two = t.challenges("e", 2);
    byte[] in2 = new byte[64];
    System.arraycopy(s1, 0, in2, 0, 32);
    System.arraycopy(Fr.ONE.neg().toBytesBE(), 0, in2, 32, 32);
    byte[] s2 = Keccak256Transcript.keccak(in2);
    assertEquals(Fr.of(new BigInteger(1, s2)), two[0]);
    assertEquals(Fr.of(new BigInteger(1, Keccak256Transcript.keccak(s2))), two[1]);
  }

  @Test
  void proverAndVerifierAgreeAndMessagesMatter() {
    Transcript p = new Keccak256Transcript("x");
    Transcript v = new Keccak256Transcript("x");
    Transcript other = new Keccak256Transcript("x");
    Transcript otherDomain = new Keccak256Transcript("y");
    for (Transcript t : new Transcript[] {p, v, otherDomain}) {
      t.absorbScalar("m", Fr.of(7));
    }
    other.absorbScalar("m", Fr.of(8));
    Fr cp = p.challenge("c");
    assertEquals(cp, v.challenge("c"));
    assertNotEquals(cp, other.challenge("c"));
    assertNotEquals(cp, otherDomain.challenge("c"));
  }

  @Test
  void refusesAChallengeWithNothingNewAbsorbed() {
    Transcript t = new Keccak256Transcript("x");
    assertThrows(IllegalStateException.class, () -> t.challenge("first"));
    t.absorbScalar("m", Fr.ONE);
    t.challenge("c1");
    assertThrows(IllegalStateException.class, () -> t.challenge("c2"));
    t.absorbBytes("m2", new byte[] {0});
    assertEquals(3, t.challenges("c3", 3).length);
  }
}
