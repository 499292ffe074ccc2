package io.kubz.gkr.logup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.gkr.testing.Naive;
import io.kubz.poly.transcript.Keccak256Transcript;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TowerTest {
  private static final BigInteger P = Fr.MODULUS;

  @Property(tries = 30)
  void rootIsTheSumOfFractionsAndLeafClaimsAreTheMles(@ForAll @IntRange(min = 1, max = 9) int n,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    long[] p = Naive.randomTable(rnd, n);
    long[] q = Naive.randomTable(rnd, n);
    TowerProver.Output out = TowerProver.prove(p, q, new Keccak256Transcript("tower"));
    Optional<TowerVerifier.Result> r = TowerVerifier.verify(n, out.proof(),
        new Keccak256Transcript("tower"));
    assertTrue(r.isPresent());
    // Σ p_i/q_i by BigInteger: the root fraction must equal it
    BigInteger sum = BigInteger.ZERO;
    BigInteger[] pb = Naive.big(p);
    BigInteger[] qb = Naive.big(q);
    for (int i = 0; i < pb.length; i++) {
      sum = sum.add(pb[i].multiply(qb[i].modInverse(P))).mod(P);
    }
    BigInteger root = r.get().rootP().toBigInteger()
        .multiply(r.get().rootQ().toBigInteger().modInverse(P)).mod(P);
    assertEquals(sum, root);
    BigInteger[] z = Naive.big(r.get().point());
    assertEquals(n, z.length);
    assertEquals(Naive.mle(pb, z), r.get().p().toBigInteger());
    assertEquals(Naive.mle(qb, z), r.get().q().toBigInteger());
  }

  @Test
  void changingAnyChildValueIsRejected() {
    Random rnd = new Random(3);
    int n = 5;
    long[] p = Naive.randomTable(rnd, n);
    long[] q = Naive.randomTable(rnd, n);
    for (int layer = 0; layer < n; layer++) {
      for (int k = 0; k < 4; k++) {
        int tl = layer;
        int tk = k;
        // one child value + 1, every later message recomputed consistently from it
        TowerProver.Output out = TowerProver.prove(p, q, new Keccak256Transcript("tower"),
            (j, c) -> {
              if (j == tl) {
                long[] one = new long[4];
                Fr.setOne(one, 0);
                Fr.add(c, 4 * tk, c, 4 * tk, one, 0);
              }
            });
        Optional<TowerVerifier.Result> r = TowerVerifier.verify(n, out.proof(),
            new Keccak256Transcript("tower"));
        // a changed child fails its own layer's final check, or (top layer) the next layer's
        assertTrue(r.isEmpty(), "layer " + layer + " child " + k);
      }
    }
  }
}
