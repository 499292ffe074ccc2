package io.kubz.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.internal.Glv;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import org.junit.jupiter.api.Test;

/** Re-derives the GLV constants and checks the scalar split. */
class GlvTest {
  private static final BigInteger Q = NaiveG1.Q, R = NaiveG1.R;

  @Test
  void constantsAreCubeRootsOfUnityThatPairUp() {
    BigInteger b = Glv.BETA_INT, l = Glv.LAMBDA;
    assertEquals(BigInteger.ONE, b.modPow(BigInteger.valueOf(3), Q));
    assertNotEquals(BigInteger.ONE, b);
    assertEquals(BigInteger.ZERO, l.pow(2).add(l).add(BigInteger.ONE).mod(R), "λ² + λ + 1 ≡ 0");
    // derive: a primitive cube root of unity is g^((p−1)/3) ≠ 1; the other is its square
    BigInteger beta = cubeRoot(Q), lambda = cubeRoot(R);
    assertTrue(b.equals(beta) || b.equals(beta.pow(2).mod(Q)));
    assertTrue(l.equals(lambda) || l.equals(lambda.pow(2).mod(R)));
    // the pair matches: λ·G = (β·1, 2), by the oracle
    BigInteger[] lg = NaiveG1.mul(l, NaiveG1.G);
    assertEquals(b, lg[0]);
    assertEquals(BigInteger.TWO, lg[1]);
    BigInteger[] p = NaiveG1.random(new java.util.Random(3));
    BigInteger[] lp = NaiveG1.mul(l, p);
    assertEquals(b.multiply(p[0]).mod(Q), lp[0]);
    assertEquals(p[1], lp[1]);
  }

  private static BigInteger cubeRoot(BigInteger p) {
    for (int g = 2; ; g++) {
      BigInteger c = BigInteger.valueOf(g).modPow(p.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3)), p);
      if (!c.equals(BigInteger.ONE)) {
        return c;
      }
    }
  }

  @Property(tries = 200)
  void splitIsShortAndCorrect(
      @ForAll @BigRange(min = "0", max = "21888242871839275222246405745257275088548364400416034343698204186575808495616")
          BigInteger k) {
    BigInteger[] s = Glv.decompose(k);
    assertEquals(k.mod(R), s[0].add(s[1].multiply(Glv.LAMBDA)).mod(R));
    assertTrue(s[0].bitLength() <= 128 && s[1].bitLength() <= 128, s[0] + " " + s[1]);
  }
}
