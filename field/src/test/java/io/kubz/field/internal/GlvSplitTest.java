package io.kubz.field.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import org.junit.jupiter.api.Test;

/** The limb split against the BigInteger one of {@link Glv}: same congruence, bound kept. */
class GlvSplitTest {
  private static final BigInteger R = Fr.MODULUS, L = Glv.LAMBDA;
  /** The carry-free top window of GlvMsm at c = 16 needs |k_i| &lt; 2^127 − 2^112. */
  private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE.shiftLeft(112));

  /** {k1, k2} as signed BigIntegers from GlvSplit. */
  static BigInteger[] split(BigInteger k) {
    long[] limbs = new long[4], z = new long[4], t = new long[GlvSplit.SCRATCH];
    for (int i = 0; i < 4; i++) {
      limbs[i] = k.shiftRight(64 * i).longValue();
    }
    int flags = GlvSplit.split(limbs, 0, z, 0, t);
    BigInteger k1 = unsigned(z[0], z[1]), k2 = unsigned(z[2], z[3]);
    return new BigInteger[] {(flags & 1) != 0 ? k1.negate() : k1, (flags & 2) != 0 ? k2.negate() : k2};
  }

  private static BigInteger unsigned(long lo, long hi) {
    return new BigInteger(Long.toUnsignedString(hi)).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
  }

  private static void check(BigInteger k) {
    BigInteger[] s = split(k);
    assertEquals(k, s[0].add(s[1].multiply(L)).mod(R), "k ≡ k1 + k2·λ for k = " + k);
    assertTrue(s[0].abs().compareTo(LIMIT) < 0 && s[1].abs().compareTo(LIMIT) < 0, k + ": " + s[0] + ", " + s[1]);
    assertTrue(s[0].abs().bitLength() <= GlvSplit.HALF_BITS && s[1].abs().bitLength() <= GlvSplit.HALF_BITS);
    // no wider than the exactly rounded split by more than the quotients' rounding slack
    BigInteger[] e = Glv.decompose(k);
    assertTrue(s[0].subtract(e[0]).abs().compareTo(Glv.A1.add(Glv.A2)) <= 0, "k1 near the exact split");
    assertTrue(s[1].subtract(e[1]).abs().compareTo(Glv.B1.abs().add(Glv.B2)) <= 0, "k2 near the exact split");
  }

  @Property(tries = 1000)
  void splitsAnyScalar(
      @ForAll @BigRange(min = "0", max = "21888242871839275222246405745257275088548364400416034343698204186575808495616")
          BigInteger k) {
    check(k);
  }

  @Test
  void edgeScalars() {
    BigInteger one = BigInteger.ONE;
    BigInteger[] ks = {BigInteger.ZERO, one, BigInteger.TWO, R.subtract(one), R.subtract(BigInteger.TWO),
        R.shiftRight(1), R.shiftRight(1).add(one), L, L.add(one), L.subtract(one), L.pow(2).mod(R),
        R.subtract(L), Glv.A1, Glv.A2, Glv.B2, Glv.B1.negate(), Glv.A2.add(Glv.A1), one.shiftLeft(127),
        one.shiftLeft(128).subtract(one), one.shiftLeft(253), one.shiftLeft(253).subtract(one),
        one.shiftLeft(64), L.multiply(one.shiftLeft(126)).mod(R)};
    for (BigInteger k : ks) {
      check(k);
    }
    // in place: the halves written over k
    long[] k = new long[4], z = new long[4], t = new long[GlvSplit.SCRATCH];
    BigInteger v = L.multiply(BigInteger.valueOf(12345)).add(R.shiftRight(3)).mod(R);
    for (int i = 0; i < 4; i++) {
      k[i] = v.shiftRight(64 * i).longValue();
    }
    long[] copy = k.clone();
    int flags = GlvSplit.split(copy, 0, z, 0, t);
    assertEquals(flags, GlvSplit.split(k, 0, k, 0, t));
    assertEquals(java.util.Arrays.toString(z), java.util.Arrays.toString(k));
  }

  /** Both halves take both signs (so the negated-point paths of the MSM are exercised). */
  @Test
  void halvesTakeBothSigns() {
    Random rnd = new Random(5);
    int[] seen = new int[4];
    for (int i = 0; i < 400; i++) {
      BigInteger[] s = split(new BigInteger(254, rnd).mod(R));
      seen[(s[0].signum() < 0 ? 1 : 0) | (s[1].signum() < 0 ? 2 : 0)]++;
    }
    for (int f = 0; f < 4; f++) {
      assertTrue(seen[f] > 0, "sign pattern " + f + " never occurred");
    }
  }
}
