package io.kubz.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Properties every prime-field kernel set must satisfy, checked against BigInteger arithmetic
 * (values enter and leave Montgomery form through {@link FieldOps#load}/{@link FieldOps#read},
 * which use BigInteger only). Each kernel runs with the output in a separate array at an odd
 * offset and aliased to each input; a guard value around every element catches stray writes.
 */
abstract class FieldKernelContract {
  private static final long GUARD = 0x5A5A_5A5A_5A5A_5A5AL;

  abstract FieldOps ops();

  private final FieldOps f = ops();
  private final BigInteger p = f.p();

  @Provide
  Arbitrary<BigInteger> elements() {
    BigInteger two = BigInteger.TWO;
    List<BigInteger> edges = List.of(BigInteger.ZERO, BigInteger.ONE, two, p.subtract(BigInteger.ONE),
        p.subtract(two), p.shiftRight(1), p.shiftRight(1).add(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(128), BigInteger.ONE.shiftLeft(253),
        BigInteger.ONE.shiftLeft(256).mod(p), BigInteger.ONE.shiftLeft(256).mod(p).negate().mod(p));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.of(edges)),
        net.jqwik.api.Tuple.of(2, Arbitraries.bigIntegers().between(BigInteger.ZERO, p.subtract(BigInteger.ONE))));
  }

  /** An array holding v in Montgomery form at offset o, with guards everywhere else. */
  private long[] at(BigInteger v, int o, int len) {
    long[] a = new long[len];
    Arrays.fill(a, GUARD);
    f.load(a, o, v);
    return a;
  }

  private static void assertGuards(long[] a, int... elementOffsets) {
    outer:
    for (int i = 0; i < a.length; i++) {
      for (int o : elementOffsets) {
        if (i >= o && i < o + 4) {
          continue outer;
        }
      }
      assertEquals(GUARD, a[i], "stray write at index " + i);
    }
  }

  /** Runs a binary kernel with distinct arrays and with z aliasing x, y, and x == y == z. */
  private void checkBinary(FieldOps.Bin k, BinaryOperator<BigInteger> oracle, BigInteger x, BigInteger y) {
    BigInteger want = oracle.apply(x, y).mod(p);
    long[] xa = at(x, 1, 9);
    long[] ya = at(y, 4, 9);
    long[] za = at(BigInteger.ZERO, 3, 11);
    k.run(za, 3, xa, 1, ya, 4);
    assertEquals(want, f.read(za, 3), "separate");
    assertGuards(za, 3);
    assertEquals(x, f.read(xa, 1), "input x modified");
    assertEquals(y, f.read(ya, 4), "input y modified");

    long[] zx = at(x, 5, 10);
    k.run(zx, 5, zx, 5, ya, 4);
    assertEquals(want, f.read(zx, 5), "z == x");
    assertGuards(zx, 5);

    long[] zy = at(y, 2, 7);
    k.run(zy, 2, xa, 1, zy, 2);
    assertEquals(want, f.read(zy, 2), "z == y");
    assertGuards(zy, 2);

    BigInteger same = oracle.apply(x, x).mod(p);
    long[] zz = at(x, 6, 12);
    k.run(zz, 6, zz, 6, zz, 6);
    assertEquals(same, f.read(zz, 6), "z == x == y");
    assertGuards(zz, 6);

    long[] both = new long[16];
    Arrays.fill(both, GUARD);
    f.load(both, 1, x);
    f.load(both, 9, y);
    k.run(both, 5, both, 1, both, 9); // one array, three slots
    assertEquals(want, f.read(both, 5), "shared array");
  }

  private void checkUnary(FieldOps.Un k, UnaryOperator<BigInteger> oracle, BigInteger x) {
    BigInteger want = oracle.apply(x).mod(p);
    long[] xa = at(x, 3, 8);
    long[] za = at(BigInteger.ONE, 1, 6);
    k.run(za, 1, xa, 3);
    assertEquals(want, f.read(za, 1), "separate");
    assertGuards(za, 1);
    assertEquals(x, f.read(xa, 3), "input modified");
    long[] zx = at(x, 2, 9);
    k.run(zx, 2, zx, 2);
    assertEquals(want, f.read(zx, 2), "z == x");
    assertGuards(zx, 2);
  }

  private BigInteger inv(BigInteger x) {
    return x.signum() == 0 ? BigInteger.ZERO : x.modInverse(p);
  }

  @Property(tries = 300)
  void add(@ForAll("elements") BigInteger x, @ForAll("elements") BigInteger y) {
    checkBinary(f.add(), BigInteger::add, x, y);
  }

  @Property(tries = 300)
  void sub(@ForAll("elements") BigInteger x, @ForAll("elements") BigInteger y) {
    checkBinary(f.sub(), BigInteger::subtract, x, y);
  }

  @Property(tries = 300)
  void mul(@ForAll("elements") BigInteger x, @ForAll("elements") BigInteger y) {
    checkBinary(f.mul(), BigInteger::multiply, x, y);
  }

  @Property(tries = 200)
  void unaryKernels(@ForAll("elements") BigInteger x) {
    checkUnary(f.square(), v -> v.multiply(v), x);
    checkUnary(f.neg(), BigInteger::negate, x);
    checkUnary(f.dbl(), v -> v.shiftLeft(1), x);
    checkUnary(f.copy(), v -> v, x);
  }

  @Property(tries = 200)
  void inverse(@ForAll("elements") BigInteger x) {
    checkUnary(f.inverse(), this::inv, x);
  }

  @Property(tries = 60)
  void pow(@ForAll("elements") BigInteger x, @ForAll BigInteger e) {
    BigInteger want = e.signum() >= 0 ? x.modPow(e, p) : inv(x).modPow(e.negate(), p);
    checkUnary((z, zo, a, ao) -> f.pow().run(z, zo, a, ao, e), v -> want, x);
  }

  @Property(tries = 100)
  void setLong(@ForAll long v) {
    long[] z = at(BigInteger.TWO, 2, 7);
    f.set().run(z, 2, v);
    assertEquals(BigInteger.valueOf(v).mod(p), f.read(z, 2));
    assertGuards(z, 2);
  }

  @Test
  void setLongEdges() {
    for (long v : new long[] {0, 1, -1, -5, Long.MAX_VALUE, Long.MIN_VALUE}) {
      long[] z = new long[4];
      f.set().run(z, 0, v);
      assertEquals(BigInteger.valueOf(v).mod(p), f.read(z, 0), "set " + v);
    }
  }

  @Property(tries = 100)
  void zeroOneIsZeroEqual(@ForAll("elements") BigInteger x, @ForAll("elements") BigInteger y) {
    long[] a = at(x, 1, 9);
    f.load(a, 5, y);
    assertEquals(x.signum() == 0, f.isZero().run(a, 1));
    assertEquals(x.equals(y), f.equal().run(a, 1, a, 5));
    assertTrue(f.equal().run(a, 1, a, 1));
    f.setZero().run(a, 1);
    assertEquals(BigInteger.ZERO, f.read(a, 1));
    f.setOne().run(a, 5);
    assertEquals(BigInteger.ONE, f.read(a, 5));
    assertTrue(f.isZero().run(a, 1));
    assertFalse(f.isZero().run(a, 5));
  }

  @Property(tries = 100)
  void bigIntegerConversions(@ForAll("elements") BigInteger x, @ForAll BigInteger any) {
    long[] z = at(BigInteger.ZERO, 3, 9);
    f.fromBigInteger().run(z, 3, any);
    assertEquals(any.mod(p), f.read(z, 3));
    assertGuards(z, 3);
    f.fromBigInteger().run(z, 3, x.add(p.multiply(BigInteger.valueOf(-7))));
    assertEquals(x, f.read(z, 3));
    assertEquals(x, f.toBigInteger().run(z, 3));
  }

  @Property(tries = 100)
  void canonicalLimbs(@ForAll("elements") BigInteger x) {
    long[] m = at(x, 1, 5);
    long[] c = new long[6];
    f.toCanonicalLimbs().run(c, 2, m, 1);
    for (int i = 0; i < 4; i++) {
      assertEquals(x.shiftRight(64 * i).longValue(), c[2 + i]);
    }
    long[] back = new long[4];
    f.fromCanonicalLimbs().run(back, 0, c, 2);
    assertEquals(x, f.read(back, 0));
  }

  @Property(tries = 100)
  void bytesRoundTrip(@ForAll("elements") BigInteger x) {
    long[] m = at(x, 1, 5);
    byte[] be = new byte[35];
    byte[] le = new byte[35];
    f.toBytesBE().run(m, 1, be, 2);
    f.toBytesLE().run(m, 1, le, 1);
    byte[] want = fixed32(x);
    assertArrayEquals(want, Arrays.copyOfRange(be, 2, 34));
    for (int i = 0; i < 32; i++) {
      assertEquals(want[31 - i], le[1 + i]);
    }
    long[] z = new long[8];
    f.fromBytesBE().run(z, 1, be, 2);
    assertEquals(x, f.read(z, 1));
    f.fromBytesLE().run(z, 4, le, 1);
    assertEquals(x, f.read(z, 4));
  }

  @Test
  void nonCanonicalInputsAreRejected() {
    BigInteger top = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    for (BigInteger bad : List.of(p, p.add(BigInteger.ONE), p.shiftLeft(1), top)) {
      byte[] be = fixed32(bad);
      byte[] le = reverse(be);
      long[] z = new long[4];
      assertThrows(IllegalArgumentException.class, () -> f.fromBytesBE().run(z, 0, be, 0), bad.toString());
      assertThrows(IllegalArgumentException.class, () -> f.fromBytesLE().run(z, 0, le, 0), bad.toString());
      long[] limbs = new long[4];
      for (int i = 0; i < 4; i++) {
        limbs[i] = bad.shiftRight(64 * i).longValue();
      }
      assertThrows(IllegalArgumentException.class, () -> f.fromCanonicalLimbs().run(z, 0, limbs, 0));
    }
  }

  @Property(tries = 40)
  void batchInverseMatchesSingleInverse(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 4) Integer> kinds,
      @ForAll("elements") BigInteger seed) {
    int n = kinds.size();
    BigInteger[] vals = new BigInteger[n];
    long[] a = new long[4 * n + 6];
    Arrays.fill(a, GUARD);
    for (int i = 0; i < n; i++) {
      // kind 0 is a zero; the others are distinct-ish non-trivial values (edges included via seed)
      vals[i] = kinds.get(i) == 0 ? BigInteger.ZERO
          : seed.add(BigInteger.valueOf(i * 31L + kinds.get(i))).mod(p);
      f.load(a, 3 + 4 * i, vals[i]);
    }
    f.batchInverse().run(a, 3, n);
    for (int i = 0; i < n; i++) {
      assertEquals(inv(vals[i]), f.read(a, 3 + 4 * i), "element " + i);
    }
    for (int i : new int[] {0, 1, 2, 4 * n + 3, 4 * n + 4, 4 * n + 5}) {
      assertEquals(GUARD, a[i]);
    }
  }

  @Test
  void parallelBatchInverseMatchesSequential() {
    int saved = Parallel.threads();
    try {
      Parallel.setThreads(3);
      int n = 4096 * 3 + 17;
      long[] a = new long[4 * n + 2];
      long[] b = new long[4 * n + 2];
      java.util.Random rnd = new java.util.Random(5);
      BigInteger[] orig = new BigInteger[n];
      for (int i = 0; i < n; i++) {
        orig[i] = i % 97 == 0 ? BigInteger.ZERO : new BigInteger(300, rnd).mod(p);
        f.load(a, 1 + 4 * i, orig[i]);
      }
      System.arraycopy(a, 0, b, 0, a.length);
      f.batchInverse().run(a, 1, n);
      f.batchInverseParallel().run(b, 1, n);
      assertArrayEquals(a, b);
      for (int i = 0; i < n; i += 409) {
        assertEquals(inv(orig[i]), f.read(b, 1 + 4 * i), "element " + i);
      }
    } finally {
      Parallel.setThreads(saved);
    }
  }

  @Test
  void batchInverseOfNothingAndAllZeros() {
    long[] a = new long[12];
    f.batchInverse().run(a, 0, 0);
    f.batchInverse().run(a, 0, 3);
    assertArrayEquals(new long[12], a);
  }

  static byte[] fixed32(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  static byte[] reverse(byte[] b) {
    byte[] r = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = b[b.length - 1 - i];
    }
    return r;
  }
}
