package io.kubz.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubz.field.Fr;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class PoseidonSpongeTest {

  private static Fr[] random(Random rnd, int n) {
    Fr[] v = new Fr[n];
    for (int i = 0; i < n; i++) {
      v[i] = Fr.random(rnd);
    }
    return v;
  }

  private static BigInteger[] big(Fr[] v) {
    BigInteger[] b = new BigInteger[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = v[i].toBigInteger();
    }
    return b;
  }

  @Property(tries = 30)
  void matchesTheSpecWrittenInBigInteger(@ForAll @IntRange(min = 0, max = 13) int n, @ForAll long seed,
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long domain) {
    Fr[] v = random(new Random(seed), n);
    assertEquals(BigPoseidon.sponge(domain, big(v)), PoseidonSponge.hash(domain, v).toBigInteger());
  }

  @Property(tries = 50)
  void paddingSeparatesTrailingZeros(@ForAll long a, @ForAll @IntRange(min = 1, max = 9) int n) {
    Fr[] x = new Fr[n];
    java.util.Arrays.fill(x, Fr.ZERO);
    x[0] = Fr.of(a);
    Fr[] y = java.util.Arrays.copyOf(x, n + 1);
    y[n] = Fr.ZERO;
    assertNotEquals(PoseidonSponge.hash(x), PoseidonSponge.hash(y));
  }

  @Test
  void singleElementAndItsZeroExtensionDiffer() {
    Fr a = Fr.of(7);
    assertNotEquals(PoseidonSponge.hash(a), PoseidonSponge.hash(a, Fr.ZERO));
    assertNotEquals(PoseidonSponge.hash(), PoseidonSponge.hash(Fr.ZERO));
  }

  @Test
  void domainsSeparate() {
    Fr[] v = {Fr.of(1), Fr.of(2)};
    assertNotEquals(PoseidonSponge.hash(2, v), PoseidonSponge.hash(1, v));
    assertThrows(IllegalArgumentException.class, () -> PoseidonSponge.hash(0, v));
  }

  /** IV ≠ 0: the empty sponge is not circomlib's Poseidon(0, 0, 0, 0). */
  @Test
  void emptyInputIsNotACircomlibHash() {
    assertNotEquals(Poseidon.hash(Fr.ZERO, Fr.ZERO, Fr.ZERO, Fr.ZERO), PoseidonSponge.hash());
  }

  /** A short input is circomlib's PoseidonEx(4 inputs, initialState = IV): cell 0 of Poseidon_5. */
  @Test
  void oneBlockIsCircomlibWidthFiveWithInitialState() {
    Fr[] v = {Fr.of(3), Fr.of(4)};
    BigInteger[] s = {PoseidonSponge.iv(9, 2), BigInteger.valueOf(3), BigInteger.valueOf(4), BigInteger.ZERO,
        BigInteger.ZERO};
    assertEquals(BigPoseidon.plain(PoseidonParams.of(5), s)[0], PoseidonSponge.hash(9, v).toBigInteger());
  }

  @Property(tries = 100)
  void distinctRandomInputsGiveDistinctDigests(@ForAll long seed, @ForAll @IntRange(min = 1, max = 20) int n) {
    Random rnd = new Random(seed);
    Set<Fr> seen = new HashSet<>();
    for (int k = 0; k < 4; k++) {
      seen.add(PoseidonSponge.hash(random(rnd, n)));
    }
    assertEquals(4, seen.size());
  }
}
