package io.kubz.gkr.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * An external claim (r, y) on a committed boundary (Boundaries.External, the GKR end of a PLONK ↔
 * GKR bridge) joins the boundary's batched opening: it verifies when y = T~(r) for the committed
 * T, and a wrong y, another r, a claim the verifier does not add (or adds and the prover did not)
 * is rejected, never thrown.
 */
class BoundaryExternalTest {
  /** T~(r) of T zero-padded to 2^vars (variable 0 the least significant index bit). */
  static Fr mle(long[] t, Fr[] r) {
    Fr y = Fr.ZERO;
    for (int i = 0; i < t.length; i++) {
      Fr eq = Fr.ONE;
      for (int j = 0; j < r.length; j++) {
        eq = eq.mul(((i >>> j) & 1) == 1 ? r[j] : Fr.ONE.sub(r[j]));
      }
      y = y.add(Fr.of(t[i]).mul(eq));
    }
    return y;
  }

  private static Fr[] point(int size, Random rnd) {
    Fr[] r = new Fr[Boundaries.vars(size)];
    for (int j = 0; j < r.length; j++) {
      r[j] = Fr.random(rnd);
    }
    return r;
  }

  @Property(tries = 4)
  void anExternalClaimOnBothEndsOfACutOpensAgainstC_T(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int at) {
    BoundaryTest.Cut k = BoundaryTest.cut(Models.small(seed), at);
    long[] t = Evaluator.run(k.producer(), k.inputs())[k.producer().outputs()[0]];
    Random rnd = new Random(seed);
    Fr[] r = point(t.length, rnd);
    Boundaries.External ok = new Boundaries.External(k.producer().outputs()[0], r, mle(t, r));
    // producer: the claim on its committed output
    LayeredProof p = LayeredProver.prove(k.producer(), k.producer().outputs(), k.inputs(), LayeredTest.PCS,
        LayeredTest.transcript(), List.of(ok)).proof();
    assertTrue(verifyProducer(k, p, List.of(ok)));
    assertFalse(verifyProducer(k, p, List.of()), "the verifier must add the claim the prover added");
    assertFalse(verifyProducer(k, p, List.of(new Boundaries.External(ok.tensor(), r, ok.value().add(Fr.ONE)))));
    Fr[] other = r.clone();
    other[0] = other[0].add(Fr.ONE);
    assertFalse(verifyProducer(k, p, List.of(new Boundaries.External(ok.tensor(), other, ok.value()))));
    assertFalse(verifyProducer(k, p, List.of(new Boundaries.External(ok.tensor(), new Fr[r.length + 1], ok.value()))));
    assertFalse(verifyProducer(k, p, List.of(new Boundaries.External(ok.tensor() + 1, r, ok.value()))));
    // a prover that claims a wrong y cannot make the opening verify
    Boundaries.External lie = new Boundaries.External(ok.tensor(), r, ok.value().add(Fr.ONE));
    LayeredProof bad = LayeredProver.prove(k.producer(), k.producer().outputs(), k.inputs(), LayeredTest.PCS,
        LayeredTest.transcript(), List.of(lie)).proof();
    assertFalse(verifyProducer(k, bad, List.of(lie)));
    // consumer: the claim on its committed input (input id 0)
    Boundaries.External in = new Boundaries.External(0, r, mle(t, r));
    LayeredProver.Output q = LayeredProver.prove(k.consumer(), new int[] {0}, new long[][] {t}, LayeredTest.PCS,
        LayeredTest.transcript(), List.of(in));
    assertTrue(LayeredVerifier.verify(k.consumer(), new int[] {0}, new long[1][], q.outputs(), q.proof(),
        LayeredTest.PCS, LayeredTest.transcript(), List.of(in)));
    assertFalse(LayeredVerifier.verify(k.consumer(), new int[] {0}, new long[1][], q.outputs(), q.proof(),
        LayeredTest.PCS, LayeredTest.transcript(), List.of(new Boundaries.External(0, r, in.value().add(Fr.ONE)))));
  }

  @Test
  void aClaimOnATensorThatIsNotCommittedIsAProgrammingError() {
    BoundaryTest.Cut k = BoundaryTest.cut(Models.small(3), 2);
    assertThrows(IllegalArgumentException.class, () -> LayeredProver.prove(k.producer(), k.producer().outputs(),
        k.inputs(), LayeredTest.PCS, LayeredTest.transcript(), List.of(new Boundaries.External(0, new Fr[1],
            Fr.ZERO))));
  }

  private static boolean verifyProducer(BoundaryTest.Cut k, LayeredProof p, List<Boundaries.External> ext) {
    return LayeredVerifier.verify(k.producer(), k.producer().outputs(), k.inputs(), new long[1][], p,
        LayeredTest.PCS, LayeredTest.transcript(), ext);
  }
}
