package io.kubz.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The Montgomery kernel against circomlibjs and against the BigInteger plain permutation. */
class PoseidonTest {
  private static final BigInteger R = Fr.MODULUS;

  private static void checkAll(List<CircomVectors.Case> cases) {
    for (CircomVectors.Case c : cases) {
      Fr[] in = new Fr[c.inputs().length];
      for (int i = 0; i < in.length; i++) {
        in[i] = Fr.of(c.inputs()[i]); // circomlibjs reduces inputs >= r; so does the test
      }
      assertEquals(c.output(), Poseidon.hash(in).toBigInteger(), () -> "inputs " + List.of(c.inputs()));
    }
  }

  @Test
  void bundledCircomlibVectors() {
    checkAll(CircomVectors.bundled());
  }

  @Test
  void sharedFixtureVectors() {
    Optional<List<CircomVectors.Case>> cases = CircomVectors.shared();
    Assumptions.assumeTrue(cases.isPresent(), "fixtures absent: " + CircomVectors.FIXTURE);
    checkAll(cases.get());
  }

  @Test
  void bigIntegerApiMatchesVectorAndRejectsUnreducedValues() {
    assertEquals(new BigInteger("7853200120776062878684798364095072458815029376092732009249414926327459813530"),
        Poseidon.hash(BigInteger.ONE, BigInteger.TWO));
    BadInputException e = assertThrows(BadInputException.class, () -> Poseidon.hash(BigInteger.ONE, R));
    assertTrue(e.getMessage().contains("Poseidon input 1"), e.getMessage());
    assertThrows(BadInputException.class, () -> Poseidon.hash(BigInteger.valueOf(-1)));
  }

  @Test
  void arityOutsideCircomlibIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(new Fr[0]));
    assertThrows(IllegalArgumentException.class, () -> Poseidon.hash(new Fr[17]));
    assertThrows(IllegalArgumentException.class, () -> Poseidon.permute(new long[4], 0, 1));
  }

  /** The kernel (sparse partial rounds, Montgomery) equals the plain BigInteger permutation. */
  @Property(tries = 60)
  void kernelEqualsPlainPermutation(@ForAll @IntRange(min = 2, max = 17) int t, @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 3) int offset) {
    Random rnd = new Random(seed);
    BigInteger[] s = new BigInteger[t];
    long[] state = new long[4 * (t + offset + 1)];
    java.util.Arrays.fill(state, 0x5a5a5a5aL);
    for (int i = 0; i < t; i++) {
      int kind = rnd.nextInt(5);
      s[i] = switch (kind) {
        case 0 -> BigInteger.ZERO;
        case 1 -> BigInteger.ONE;
        case 2 -> R.subtract(BigInteger.ONE);
        default -> new BigInteger(256, rnd).mod(R);
      };
      Fr.fromBigInteger(state, 4 * (offset + i), s[i]);
    }
    Poseidon.permute(state, 4 * offset, t);
    BigInteger[] want = BigPoseidon.plain(PoseidonParams.of(t), s);
    BigInteger[] got = new BigInteger[t];
    for (int i = 0; i < t; i++) {
      got[i] = Fr.toBigInteger(state, 4 * (offset + i));
    }
    assertArrayEquals(want, got);
    for (int i = 0; i < 4 * offset; i++) {
      assertEquals(0x5a5a5a5aL, state[i], "wrote before the state");
    }
    for (int i = 4 * (offset + t); i < state.length; i++) {
      assertEquals(0x5a5a5a5aL, state[i], "wrote after the state");
    }
  }

  @Property(tries = 200)
  void distinctInputsGiveDistinctDigests(@ForAll long a, @ForAll long b, @ForAll @IntRange(min = 1, max = 16) int n) {
    Assumptions.assumeTrue(a != b);
    Fr[] x = new Fr[n];
    Fr[] y = new Fr[n];
    for (int i = 0; i < n; i++) {
      x[i] = Fr.of(i);
      y[i] = Fr.of(i);
    }
    x[n - 1] = Fr.of(a);
    y[n - 1] = Fr.of(b);
    assertNotEquals(Poseidon.hash(x), Poseidon.hash(y));
  }

  @Test
  void kernelHashMayAliasItsInput() {
    long[] a = new long[8];
    Fr.set(a, 0, 1);
    Fr.set(a, 4, 2);
    Poseidon.hash(a, 4, a, 0, 2);
    assertEquals(Poseidon.hash(Fr.of(1), Fr.of(2)), Fr.readFrom(a, 4));
  }

  /** The kernels allocate nothing per call (the per-thread scratch is made once). */
  @Test
  void kernelsDoNotAllocate() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean, "no allocation counter on this JVM");
    com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) mx;
    long id = Thread.currentThread().getId();
    long[] s = new long[4 * 5];
    long[] out = new long[4];
    Poseidon.permute(s, 0, 3);
    Poseidon.hash(out, 0, s, 0, 2);
    PoseidonSponge.hash(out, 0, 1, s, 0, 5);
    long before = counter.getThreadAllocatedBytes(id);
    for (int i = 0; i < 200; i++) {
      Poseidon.permute(s, 0, 3);
      Poseidon.hash(out, 0, s, 0, 2);
      PoseidonSponge.hash(out, 0, 1, s, 0, 5);
    }
    long allocated = counter.getThreadAllocatedBytes(id) - before;
    assertTrue(allocated < 1024, allocated + " bytes allocated by 600 kernel calls");
  }
}
