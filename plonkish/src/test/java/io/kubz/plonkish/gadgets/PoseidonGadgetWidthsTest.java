package io.kubz.plonkish.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.merkle.Poseidon;
import io.kubz.merkle.PoseidonParams;
import io.kubz.merkle.PoseidonSponge;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.mock.MockProver;
import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The gadget equals merkle's native Poseidon on random inputs at every width t = 2..17. */
class PoseidonGadgetWidthsTest {

  static Fr special(Random rnd) {
    return switch (rnd.nextInt(5)) {
      case 0 -> Fr.ZERO;
      case 1 -> Fr.ONE;
      case 2 -> Fr.of(Fr.MODULUS.subtract(BigInteger.ONE));
      default -> Fr.random(rnd);
    };
  }

  @Test
  void everyWidthMatchesTheNativeHash() {
    Random rnd = new Random(20261122);
    for (int t = PoseidonParams.MIN_WIDTH; t <= PoseidonParams.MAX_WIDTH; t++) {
      Fr[] in = new Fr[t - 1];
      for (int i = 0; i < in.length; i++) {
        in[i] = special(rnd);
      }
      Fr h = Poseidon.hash(in);
      Circuit c = PoseidonGadgetTest.circuit(in, h);
      MockProver.run(c).assertSatisfied();
      if (t == PoseidonParams.MIN_WIDTH || t == PoseidonParams.MAX_WIDTH) {
        assertFalse(MockProver.run(PoseidonGadgetTest.circuit(in, h.add(Fr.ONE))).isSatisfied(), "t = " + t);
      }
    }
  }

  @Property(tries = 8)
  void randomInputsAtTheSlicerWidths(@ForAll @IntRange(min = 0, max = 1) int which, @ForAll long seed) {
    // t = 3 (two-to-one hashing, Merkle nodes) and the sponge's width
    int t = which == 0 ? 3 : PoseidonSponge.WIDTH;
    Random rnd = new Random(seed);
    Fr[] in = new Fr[t - 1];
    for (int i = 0; i < in.length; i++) {
      in[i] = special(rnd);
    }
    Fr h = Poseidon.hash(in);
    assertTrue(MockProver.run(PoseidonGadgetTest.circuit(in, h)).isSatisfied());
    Fr[] other = in.clone();
    other[rnd.nextInt(other.length)] = other[0].add(Fr.ONE);
    assertEquals(Poseidon.hash(other).equals(h), MockProver.run(PoseidonGadgetTest.circuit(other, h)).isSatisfied());
  }
}
