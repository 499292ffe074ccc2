package io.kubz.gkr.pcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.field.Fixtures;
import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.G2;
import io.kubz.poly.srs.Srs;
import io.kubz.poly.srs.SrsCache;
import io.kubz.poly.transcript.Keccak256Transcript;
import io.kubz.poly.transcript.Transcript;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HyperKzgTest {
  static final Fr TAU = Fr.of(0x4b7e_1234L).pow(5);
  static final Srs SRS = Srs.devWithTau(10, TAU, "HyperKzgTest");
  private final HyperKzg pcs = new HyperKzg(SRS);

  static Transcript transcript() {
    return new Keccak256Transcript("hyperkzg-test");
  }

  @Property(tries = 40)
  void opensToTheMleValue(@ForAll @IntRange(min = 0, max = 10) int n, @ForAll long seed) {
    Random rnd = new Random(seed);
    long[] f = Mles.random(rnd, n);
    Fr[] u = Mles.point(rnd, n);
    G1 c = pcs.commit(f);
    HyperKzg.Opening o = pcs.open(transcript(), c, f, u);
    assertEquals(Mles.evaluate(f, u), o.value(), "f~(u) against the naive oracle");
    assertTrue(pcs.verify(transcript(), c, u, o.value(), o.proof()));
    assertTrue(pcs.verify(transcript(), c, u, o.value(), o.proof().toBytes()));
    assertEquals(HyperKzgProof.encodedLength(n), o.proof().toBytes().length);
    assertEquals(o.proof(), HyperKzgProof.fromBytes(o.proof().toBytes(), n));
    assertFalse(pcs.verify(transcript(), c, u, o.value().add(Fr.ONE), o.proof()), "wrong value");
  }

  @Property(tries = 50)
  void theInterpolantPassesThroughItsThreePoints(@ForAll long seed) {
    Random rnd = new Random(seed);
    Fr r = Fr.random(rnd);
    Fr[] s = {r, r.neg(), r.square()};
    Fr[] y = {Fr.random(rnd), Fr.of(rnd.nextInt(3) - 1), Fr.random(rnd)};
    Fr[] c = ThreePointOpening.interpolant(s, y);
    for (int j = 0; j < 3; j++) {
      assertEquals(y[j], c[0].add(c[1].mul(s[j])).add(c[2].mul(s[j].square())), "point " + j);
    }
  }

  @Test
  void commitmentIsKzgOfTheEvaluationsAsCoefficients() {
    Random rnd = new Random(3);
    for (int n : new int[] {0, 1, 5, 10}) {
      long[] f = Mles.random(rnd, n);
      assertEquals(G1.generator().mul(Mles.univariate(f, TAU)), pcs.commit(f), "n = " + n);
    }
  }

  @Test
  void integersCommitLikeTheirFieldElements() {
    Random rnd = new Random(4);
    long[] ints = new long[1 << 9];
    long[] f = new long[4 << 9];
    for (int i = 0; i < ints.length; i++) {
      ints[i] = rnd.nextInt(1 << 17) - (1 << 16);
      Fr.of(ints[i]).writeTo(f, 4 * i);
    }
    assertEquals(pcs.commit(f), pcs.commitIntegers(ints));
  }

  /** Mostly zeros, repeated values, and values wider than 16 bits (more windows) up to ±2^63. */
  @Test
  void integersOfAnyWidthCommitLikeTheirFieldElements() {
    Random rnd = new Random(6);
    long[] special = {0, 1, -1, (1 << 16) - 1, 1 << 16, -(1L << 40), Long.MAX_VALUE, Long.MIN_VALUE};
    for (int n : new int[] {0, 1, 4, 10}) {
      long[] ints = new long[1 << n];
      long[] f = new long[4 << n];
      for (int i = 0; i < ints.length; i++) {
        int k = rnd.nextInt(4);
        ints[i] = k == 0 ? special[rnd.nextInt(special.length)] : k == 1 ? rnd.nextLong() : k == 2 ? 3 : 0;
        Fr.set(f, 4 * i, ints[i]);
      }
      assertEquals(pcs.commit(f), pcs.commitIntegers(ints), "n = " + n);
    }
  }

  /**
   * A 4×8 row-major tensor T[a][c] = 10a + c: index = 8a + c, so c is bits 0–2 (variables 0–2) and
   * a bits 3–4. T is affine in the bits, so its MLE is 10·(u_3 + 2u_4) + (u_0 + 2u_1 + 4u_2); the
   * other bit order would give 10·(u_1 + 2u_0) + (u_4 + 2u_3 + 4u_2).
   */
  @Test
  void variableZeroIsTheLeastSignificantBitOfARowMajorTensor() {
    long[] f = new long[4 * 32];
    for (int a = 0; a < 4; a++) {
      for (int c = 0; c < 8; c++) {
        Fr.set(f, 4 * (8 * a + c), 10L * a + c);
      }
    }
    Random rnd = new Random(5);
    Fr[] u = Mles.point(rnd, 5);
    Fr expected = Fr.of(10).mul(u[3].add(u[4].add(u[4])))
        .add(u[0]).add(u[1].add(u[1])).add(u[2].mul(Fr.of(4)));
    Fr swapped = Fr.of(10).mul(u[1].add(u[0].add(u[0])))
        .add(u[4]).add(u[3].add(u[3])).add(u[2].mul(Fr.of(4)));
    assertNotEquals(expected, swapped, "the point must tell the orders apart");
    G1 c = pcs.commit(f);
    HyperKzg.Opening o = pcs.open(transcript(), c, f, u);
    assertEquals(expected, o.value());
    assertTrue(pcs.verify(transcript(), c, u, expected, o.proof()));
    assertFalse(pcs.verify(transcript(), c, u, swapped, o.proof()));
    // at the boolean point of T[1][3] (index 11 = 0b01011) the MLE is the entry itself
    Fr[] at = {Fr.ONE, Fr.ONE, Fr.ZERO, Fr.ONE, Fr.ZERO};
    assertEquals(Fr.of(13), pcs.open(transcript(), c, f, at).value());
  }

  @Test
  void bindingAnyChangedEvaluationChangesTheCommitment() {
    Random rnd = new Random(6);
    long[] f = Mles.random(rnd, 6);
    G1 c = pcs.commit(f);
    long[] one = new long[4];
    Fr.setOne(one, 0);
    for (int i = 0; i < 64; i += 7) {
      long[] g = f.clone();
      Fr.add(g, 4 * i, g, 4 * i, one, 0);
      assertNotEquals(c, pcs.commit(g), "entry " + i);
    }
  }

  @Test
  void aProofForAnotherPolynomialDoesNotOpenTheCommitment() {
    Random rnd = new Random(7);
    long[] f = Mles.random(rnd, 7);
    long[] g = f.clone();
    long[] three = new long[4];
    Fr.set(three, 0, 3);
    Fr.add(g, 4 * 5, g, 4 * 5, three, 0);
    Fr[] u = new Fr[7]; // no boolean coordinate, so eq(u, 5) ≠ 0 and f~(u) ≠ g~(u)
    for (int i = 0; i < u.length; i++) {
      u[i] = Fr.random(rnd);
    }
    G1 c = pcs.commit(f);
    // the malicious prover runs the honest algorithm on g against f's commitment
    HyperKzg.Opening lie = pcs.open(transcript(), c, g, u);
    assertNotEquals(Mles.evaluate(f, u), lie.value());
    assertFalse(pcs.verify(transcript(), c, u, lie.value(), lie.proof()));
    HyperKzg.Opening honest = pcs.open(transcript(), c, f, u);
    assertTrue(pcs.verify(transcript(), c, u, honest.value(), honest.proof()));
    Fr[] v = u.clone();
    v[3] = v[3].add(Fr.ONE);
    assertFalse(pcs.verify(transcript(), c, v, honest.value(), honest.proof()), "other point");
    assertFalse(pcs.verify(transcript(), c.add(G1.generator()), u, honest.value(), honest.proof()),
        "other commitment");
    Transcript other = new Keccak256Transcript("another protocol");
    assertFalse(pcs.verify(other, c, u, honest.value(), honest.proof()), "other transcript");
  }

  @Test
  void sizesBeyondTheSrsAreRefusedAndRejected() {
    assertThrows(BadInputException.class, () -> pcs.commit(new long[4 << 11]));
    assertThrows(IllegalArgumentException.class, () -> pcs.commit(new long[4 * 3]));
    assertThrows(BadInputException.class, () -> pcs.commitIntegers(new long[1 << 11]));
    assertThrows(IllegalArgumentException.class, () -> pcs.commitIntegers(new long[3]));
    assertThrows(IllegalArgumentException.class, () -> pcs.commitIntegers(new long[0]));
    assertEquals(10, pcs.maxVars());
    Fr[] u = new Fr[11];
    java.util.Arrays.fill(u, Fr.ONE);
    assertFalse(pcs.verify(transcript(), G1.generator(), u, Fr.ONE,
        new byte[HyperKzgProof.encodedLength(11)]));
  }

  @Test
  void needsAndUsesTheHigherG2Powers() {
    Srs plain = new Srs(SRS.g1Powers(), SRS.size(), SRS.g2(), SRS.tauG2(), "powers only");
    BadInputException e = assertThrows(BadInputException.class, () -> new HyperKzg(plain));
    assertTrue(e.getMessage().contains("[τ²]_2"), e.getMessage());
    new HyperKzg(Srs.dev(0, 1).trim(1)); // one G1 power: constants only, no pairing needed
    // an honest proof fails against a wrong [τ³]_2 or [τ²]_2: the check reads both
    Random rnd = new Random(12);
    long[] f = Mles.random(rnd, 5);
    Fr[] u = Mles.point(rnd, 5);
    G1 c = pcs.commit(f);
    HyperKzg.Opening o = pcs.open(transcript(), c, f, u);
    assertTrue(pcs.verify(transcript(), c, u, o.value(), o.proof()));
    G2 t2 = SRS.g2Power(2);
    G2 t3 = SRS.g2Power(3);
    HyperKzg bad3 = new HyperKzg(SRS.withHigherG2(t2, t3.add(G2.generator())));
    HyperKzg bad2 = new HyperKzg(SRS.withHigherG2(t2.add(G2.generator()), t3));
    assertFalse(bad3.verify(transcript(), c, u, o.value(), o.proof()));
    assertFalse(bad2.verify(transcript(), c, u, o.value(), o.proof()));
  }

  @Test
  void anSrsOfTwoPowersOpensOneVariable() {
    HyperKzg two = new HyperKzg(Srs.devWithTau(1, TAU, "two powers"));
    long[] f = Mles.random(new Random(13), 1);
    Fr[] u = {Fr.of(5)};
    G1 c = two.commit(f);
    HyperKzg.Opening o = two.open(transcript(), c, f, u);
    assertEquals(Mles.evaluate(f, u), o.value());
    assertTrue(two.verify(transcript(), c, u, o.value(), o.proof()));
    assertTrue(pcs.verify(transcript(), c, u, o.value(), o.proof()), "same τ, more powers");
    assertFalse(two.verify(transcript(), c, u, o.value().add(Fr.ONE), o.proof()));
  }

  @Test
  void worksOnTheCeremonySrsThroughTheCache(@TempDir Path cache) {
    Optional<Path> ptau = Fixtures.resolve("ptau/pot10_final.ptau");
    Assumptions.assumeTrue(ptau.isPresent(), "fixtures absent: ptau/pot10_final.ptau (set KUBZ_FIXTURES)");
    Srs srs = new SrsCache(cache).load(ptau.get(), 10);
    HyperKzg ceremony = new HyperKzg(srs);
    Random rnd = new Random(8);
    long[] f = Mles.random(rnd, 10);
    Fr[] u = Mles.point(rnd, 10);
    G1 c = ceremony.commit(f);
    HyperKzg.Opening o = ceremony.open(transcript(), c, f, u);
    assertEquals(Mles.evaluate(f, u), o.value());
    assertTrue(ceremony.verify(transcript(), c, u, o.value(), o.proof().toBytes()));
    assertFalse(ceremony.verify(transcript(), c, u, o.value().add(Fr.ONE), o.proof()));
    // a proof on the dev SRS does not verify on the ceremony's
    G1 cd = pcs.commit(f);
    HyperKzg.Opening od = pcs.open(transcript(), cd, f, u);
    assertFalse(ceremony.verify(transcript(), cd, u, od.value(), od.proof()));
  }
}
