package io.kubz.poly.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.merkle.PoseidonSponge;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PoseidonTranscriptTest {
  @Test
  void roundsAreSpongeHashesOfStateAndMessages() {
    PoseidonTranscript t = new PoseidonTranscript("ab");
    long d = PoseidonTranscript.DOMAIN;
    Fr s0 = PoseidonSponge.hash(d, Fr.of(2), Fr.of(("ab".getBytes(StandardCharsets.UTF_8)[0] << 8)
        + "ab".getBytes(StandardCharsets.UTF_8)[1]));
    t.absorbScalar("x", Fr.of(9));
    G1 g = G1.generator().mul(Fr.of(77));
    t.absorbG1("p", g);
    Fr[] c = t.challenges("c", 2);
    BigInteger mask = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    BigInteger x = g.x().toBigInteger();
    BigInteger y = g.y().toBigInteger();
    Fr s1 = PoseidonSponge.hash(d, s0, Fr.of(9), Fr.of(x.and(mask)), Fr.of(x.shiftRight(128)),
        Fr.of(y.and(mask)), Fr.of(y.shiftRight(128)));
    assertEquals(s1, c[0]);
    assertEquals(PoseidonSponge.hash(d, s1), c[1]);
  }

  @Test
  void agreementAndSensitivity() {
    Transcript a = new PoseidonTranscript("p");
    Transcript b = new PoseidonTranscript("p");
    Transcript c = new PoseidonTranscript("p");
    a.absorbG1("g", G1.generator());
    b.absorbG1("g", G1.generator());
    c.absorbG1("g", G1.generator().neg());
    Fr ca = a.challenge("c");
    assertEquals(ca, b.challenge("c"));
    assertNotEquals(ca, c.challenge("c"));
    Transcript e = new PoseidonTranscript("p");
    Transcript f = new PoseidonTranscript("p");
    e.absorbBytes("b", new byte[] {1});
    f.absorbBytes("b", new byte[] {0, 1});
    assertNotEquals(e.challenge("c"), f.challenge("c"), "bytes encoding is injective");
  }

  @Test
  void refusesAChallengeWithNothingNewAbsorbed() {
    Transcript t = new PoseidonTranscript("p");
    assertThrows(IllegalStateException.class, () -> t.challenge("c"));
    t.absorbScalar("m", Fr.ONE);
    t.challenge("c");
    assertThrows(IllegalStateException.class, () -> t.challenges("c", 2));
  }
}
