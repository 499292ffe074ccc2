package io.kubz.slicer.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Witness;
import io.kubz.plonkish.mock.Failure;
import io.kubz.plonkish.mock.MockProver;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The lookup range gadget against the integer statement: x + o ∈ [0, 2^b) with o read unsigned, x
 * any field element (given as an integer, negative = r − |x|), and the returned cell is bit b−1.
 * Out-of-range values are rejected with the honest (low-bit) witness and with a witness whose first
 * limb is re-solved to satisfy the gate (then only a lookup can object).
 */
class LanesTest {
  private static final BigInteger TWO64 = BigInteger.ONE.shiftLeft(64);

  /** One circuit with checks of the values xs (each x + o, b bits): the circuit, gadget and sign cells. */
  private record Built(Circuit circuit, Lanes lanes, List<AssignedCell> signs) {}

  private static Built build(List<BigInteger> xs, int bits, long offset) {
    CircuitBuilder cb = new CircuitBuilder();
    Arith arith = new Arith(cb);
    Lanes lanes = new Lanes(cb);
    Range range = new Range(lanes);
    List<AssignedCell> signs = new ArrayList<>();
    for (BigInteger x : xs) {
      AssignedCell cell = arith.store("x", new Fr[] {Fr.of(x.mod(Fr.MODULUS))})[0];
      signs.add(range.check(cell, signed(x).longValue(), bits, offset));
    }
    return new Built(cb.build(), lanes, signs);
  }

  private static BigInteger unsigned(long v) {
    return new BigInteger(Long.toUnsignedString(v));
  }

  /** The representative of x mod r in (−r/2, r/2): the integer a lowering would hold as x. */
  private static BigInteger signed(BigInteger x) {
    BigInteger v = x.mod(Fr.MODULUS);
    return v.compareTo(Fr.MODULUS.shiftRight(1)) > 0 ? v.subtract(Fr.MODULUS) : v;
  }

  /** x + o as the field element's representative in [0, r). */
  private static BigInteger sum(BigInteger x, long offset) {
    return x.add(unsigned(offset)).mod(Fr.MODULUS);
  }

  private static boolean inRange(BigInteger x, int bits, long offset) {
    return sum(x, offset).bitLength() <= bits;
  }

  private static Fr cell(Witness w, Column.Advice c, int row) {
    return Fr.readFrom(w.advice()[c.index()], 4 * row);
  }

  private static Circuit with(Circuit c, Column.Advice col, int row, Fr value) {
    long[][] adv = c.witness().advice().clone();
    adv[col.index()] = adv[col.index()].clone();
    value.writeTo(adv[col.index()], 4 * row);
    return new Circuit(c.description(), new Witness(c.witness().instance(), adv, c.witness().fillers()));
  }

  /**
   * Re-solves limb 0 of the check's row {@code row} so that its gate holds again (given the other
   * cells, the fixed weights of a check of {@code bits} and whether it continues), as a cheating
   * prover would; returns the circuit.
   */
  private static Circuit resolveLimb0(Circuit c, Lanes lanes, int row, int first, int bits, long offset) {
    Witness w = c.witness();
    int j = row - first;
    int rows = Lanes.rows(bits);
    Fr rest = cell(w, lanes.x, row);
    if (j == 0) {
      rest = rest.add(Fr.of(unsigned(offset)));
    }
    for (int i = 1; i < Lanes.LANES; i++) {
      rest = rest.sub(cell(w, lanes.limb[i], row).mul(Synth.pow2(Lanes.LIMB_BITS * i)));
    }
    if (j == rows - 1) {
      rest = rest.sub(cell(w, lanes.s, row).mul(Synth.pow2(bits - 1 - Lanes.ROW_BITS * j)));
    } else {
      rest = rest.sub(cell(w, lanes.x, row + 1).mul(Synth.pow2(Lanes.ROW_BITS)));
    }
    return with(c, lanes.limb[0], row, rest);
  }

  private static void assertOnlyLookupsFail(Circuit c, String what) {
    List<Failure> f = MockProver.run(c, 1).failures();
    assertFalse(f.isEmpty(), what + " was accepted");
    assertTrue(f.stream().allMatch(x -> x instanceof Failure.LookupFailure), what + ": " + f);
  }

  /** Accepts exactly the in-range values, with the right sign bit; a re-solved limb never helps. */
  private static void checkExactly(BigInteger x, int bits, long offset) {
    Built b = build(List.of(x), bits, offset);
    boolean ok = MockProver.run(b.circuit(), 1).isSatisfied();
    String what = "x=" + x + " bits=" + bits + " offset=" + unsigned(offset);
    assertEquals(inRange(x, bits, offset), ok, what);
    AssignedCell s = b.signs().get(0);
    if (ok) {
      boolean bit = sum(x, offset).testBit(bits - 1);
      assertEquals(bit ? Fr.ONE : Fr.ZERO, cell(b.circuit().witness(), (Column.Advice) s.column(), s.row()), what);
    } else {
      int first = s.row() - (Lanes.rows(bits) - 1);
      assertOnlyLookupsFail(resolveLimb0(b.circuit(), b.lanes(), first, first, bits, offset), what + " (re-solved limb)");
    }
  }

  /** Unsigned and signed bounds for every width: −1, 0, 2^b − 1, 2^b and −2^(b−1) − 1, …, 2^(b−1). */
  @Test
  void boundsOfEveryWidth() {
    for (int bits = 1; bits <= 64; bits++) {
      BigInteger top = BigInteger.ONE.shiftLeft(bits);
      BigInteger half = BigInteger.ONE.shiftLeft(bits - 1);
      long signed = 1L << (bits - 1); // 2^63 reads as Long.MIN_VALUE, unsigned 2^63
      List<BigInteger> unsignedOk = List.of(BigInteger.ZERO, BigInteger.ONE.min(top.subtract(BigInteger.ONE)),
          top.subtract(BigInteger.ONE), half);
      List<BigInteger> signedOk = List.of(half.negate(), BigInteger.ONE.negate(), BigInteger.ZERO,
          half.subtract(BigInteger.ONE));
      assertSatisfiedWithSigns(unsignedOk, bits, 0);
      assertSatisfiedWithSigns(signedOk, bits, signed);
      for (BigInteger x : List.of(top, BigInteger.ONE.negate())) {
        checkExactly(x, bits, 0);
      }
      for (BigInteger x : List.of(half, half.negate().subtract(BigInteger.ONE))) {
        checkExactly(x, bits, signed);
      }
    }
  }

  private static void assertSatisfiedWithSigns(List<BigInteger> xs, int bits, long offset) {
    Built b = build(xs, bits, offset);
    MockProver.run(b.circuit(), 1).assertSatisfied();
    for (int i = 0; i < xs.size(); i++) {
      AssignedCell s = b.signs().get(i);
      boolean bit = sum(xs.get(i), offset).testBit(bits - 1);
      assertEquals(bit ? Fr.ONE : Fr.ZERO, cell(b.circuit().witness(), (Column.Advice) s.column(), s.row()),
          "sign of " + xs.get(i) + " at " + bits + " bits");
    }
  }

  /** Random widths, offsets and values (near the bounds and anywhere) against BigInteger. */
  @Property(tries = 150)
  void matchesBigInteger(@ForAll @IntRange(min = 1, max = 64) int bits, @ForAll("offsets") long offset,
      @ForAll("values") BigInteger x) {
    checkExactly(x, bits, offset);
  }

  @Provide
  Arbitrary<Long> offsets() {
    return Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs(), Arbitraries.integers().between(0, 63)
        .map(k -> 1L << k));
  }

  @Provide
  Arbitrary<BigInteger> values() {
    Arbitrary<BigInteger> near = Arbitraries.integers().between(-65, 65).flatMap(k -> Arbitraries.integers()
        .between(-2, 2).map(d -> BigInteger.ONE.shiftLeft(Math.abs(k)).multiply(BigInteger.valueOf(Integer.signum(k)))
            .add(BigInteger.valueOf(d))));
    return Arbitraries.oneOf(near, Arbitraries.bigIntegers().between(TWO64.negate(), TWO64),
        Arbitraries.bigIntegers().between(Fr.MODULUS.subtract(TWO64), Fr.MODULUS));
  }

  /** Every single change to an accepted check's cells is caught, and so is a compensated one. */
  @Test
  void tamperedCellsAreRejected() {
    for (int bits : new int[] {1, 7, 9, 16, 33, 63, 64}) {
      long offset = 1L << (bits - 1);
      BigInteger x = BigInteger.ONE.shiftLeft(bits - 2 < 0 ? 0 : bits - 2).subtract(BigInteger.valueOf(bits > 1 ? 3 : 1));
      Built b = build(List.of(x), bits, offset);
      Circuit c = b.circuit();
      MockProver.run(c, 1).assertSatisfied();
      AssignedCell s = b.signs().get(0);
      int last = s.row();
      int first = last - (Lanes.rows(bits) - 1);
      Witness w = c.witness();
      List<Column.Advice> cols = new ArrayList<>(List.of(b.lanes().x, b.lanes().s));
      cols.addAll(List.of(b.lanes().limb));
      for (int row = first; row <= last; row++) {
        for (Column.Advice col : cols) {
          Fr v = cell(w, col, row);
          String what = bits + " bits: " + col + "@" + row;
          assertFalse(MockProver.run(with(c, col, row, v.add(Fr.ONE)), 1).isSatisfied(), what + " + 1");
          assertFalse(MockProver.run(with(c, col, row, v.sub(Fr.ONE)), 1).isSatisfied(), what + " − 1");
          if (col != b.lanes().limb[0] && col != b.lanes().x && col != b.lanes().s) {
            // another limb moved and the gate re-balanced by limb 0: only the lookups can (and must) object
            Circuit moved = resolveLimb0(with(c, col, row, v.add(Fr.ONE)), b.lanes(), row, first, bits, offset);
            assertOnlyLookupsFail(moved, what + " + 1, limb 0 re-solved");
          }
        }
      }
      // the sign flipped and limb 0 re-solved
      Fr flipped = Fr.ONE.sub(cell(w, b.lanes().s, last));
      assertOnlyLookupsFail(resolveLimb0(with(c, b.lanes().s, last, flipped), b.lanes(), last, first, bits, offset),
          bits + " bits: sign flipped");
    }
  }

  @Test
  void costMatchesRows() {
    for (int bits = 1; bits <= 64; bits++) {
      Built b = build(List.of(BigInteger.ZERO), bits, 0);
      long rows = b.circuit().description().regions().stream().filter(r -> r.name().equals("range"))
          .mapToLong(io.kubz.plonkish.ir.Region::rows).sum();
      assertEquals(Range.cost(bits), rows, bits + " bits");
    }
    assertEquals(1, Range.belowCost(1));
    assertTrue(Range.belowCost(1 << 16) >= 2 * Range.cost(16));
  }
}
