package io.kubz.plonkish.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.mock.Failure;
import io.kubz.plonkish.mock.MockProver;
import io.kubz.plonkish.prover.Prover;
import io.kubz.plonkish.prover.Setup;
import io.kubz.plonkish.verifier.Verifier;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RangeCheckTest {

  /** One check of {@code value} in a circuit with {@code limbBits}-bit limbs. */
  static Circuit single(Fr value, int bits, boolean signed, int limbBits) {
    CircuitBuilder b = new CircuitBuilder();
    RangeCheck rc = RangeCheck.configure(b, limbBits);
    if (signed) {
      rc.checkSigned("v", value, bits);
    } else {
      rc.check("v", value, bits);
    }
    return b.build();
  }

  static boolean unsignedInRange(BigInteger v, int bits) {
    return v.signum() >= 0 && v.bitLength() <= bits;
  }

  @Property(tries = 60)
  void unsignedCheckAcceptsExactlyTheRange(@ForAll @IntRange(min = 1, max = 70) int bits,
      @ForAll @IntRange(min = -3, max = 3) int delta, @ForAll boolean atTop, @ForAll @LongRange(min = 0) long low) {
    // values near the edges 0 and 2^bits, plus arbitrary ones
    BigInteger base = atTop ? BigInteger.ONE.shiftLeft(bits) : BigInteger.ZERO;
    BigInteger v = base.add(BigInteger.valueOf(delta)).add(atTop ? BigInteger.ZERO : BigInteger.valueOf(low % 5));
    Circuit c = single(Fr.of(v), bits, false, 4);
    assertEquals(unsignedInRange(v, bits), MockProver.run(c).isSatisfied(), v + " in " + bits + " bits");
  }

  @Property(tries = 60)
  void signedCheckAcceptsExactlyTheRange(@ForAll @IntRange(min = 1, max = 62) int bits,
      @ForAll @IntRange(min = -2, max = 2) int delta, @ForAll @IntRange(min = 0, max = 2) int where) {
    long half = 1L << (bits - 1);
    long v = (where == 0 ? -half : where == 1 ? 0 : half) + delta;
    Circuit c = single(Fr.of(v), bits, true, 5);
    assertEquals(v >= -half && v < half, MockProver.run(c).isSatisfied(), v + " in signed " + bits + " bits");
  }

  @Test
  void outOfRangeNamesTheRegionAndTheLimb() {
    Circuit c = single(Fr.of(300), 8, false, 4);
    List<Failure> f = MockProver.run(c).failures();
    assertEquals(1, f.size(), f.toString());
    String s = f.get(0).toString();
    assertTrue(s.contains("range check v (8 bits)") && s.contains("range check limbs (4 bits)"), s);
  }

  @Test
  void rowsPerCheck() {
    assertEquals(2, RangeCheck.rows(8, 4));
    assertEquals(4, RangeCheck.rows(9, 4));
    assertEquals(1, RangeCheck.rows(16, 16));
    assertEquals(4, RangeCheck.rows(64, 16));
    assertEquals(6, RangeCheck.rows(65, 16));
  }

  @Test
  void checksOfCopiedCellsProveAndForgedOnesFail() {
    for (boolean honest : new boolean[] {true, false}) {
      CircuitBuilder b = new CircuitBuilder();
      Column.Advice a = b.advice();
      RangeCheck rc = RangeCheck.configure(b, 6);
      AssignedCell[] cells = b.region("values", r -> new AssignedCell[] {
        r.assignAdvice(a, 0, Fr.of(1000)), r.assignAdvice(a, 1, Fr.of(-1000)), r.assignAdvice(a, 2, Fr.of(honest ? 5 : 40))});
      rc.check("x", cells[0], 10);
      rc.checkSigned("y", cells[1], 11);
      rc.check("z", cells[2], 5);
      Circuit c = b.build();
      assertEquals(honest, MockProver.run(c).isSatisfied());
      ProvingKey pk = Setup.keygen(c);
      Proof p = Prover.prove(pk, Setup.PCS, c.witness(), new Random(7));
      assertEquals(honest, Verifier.verify(pk.vk(), Setup.PCS, Setup.instance(c), p));
    }
  }

  @Test
  void aLimbBeyondTheTopWidthIsCaught() {
    // 6 bits with 4-bit limbs: the top limb must be < 4; 0b110000 = 48 has top limb 3, 64 has top limb 4
    assertTrue(MockProver.run(single(Fr.of(63), 6, false, 4)).isSatisfied());
    assertFalse(MockProver.run(single(Fr.of(64), 6, false, 4)).isSatisfied());
  }
}
