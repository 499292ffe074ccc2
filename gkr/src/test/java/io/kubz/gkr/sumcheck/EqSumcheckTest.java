package io.kubz.gkr.sumcheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.gkr.mle.Mle;
import io.kubz.gkr.testing.Naive;
import io.kubz.poly.transcript.Keccak256Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class EqSumcheckTest {
  /** eq·g as a plain composition: eq is table 0, g's tables shift by one. */
  static Composition withEq(Composition g) {
    List<Term> terms = new ArrayList<>();
    for (Term t : g.terms()) {
      int[] f = t.factors();
      int[] h = new int[f.length + 1];
      for (int k = 0; k < f.length; k++) {
        h[k + 1] = f[k] + 1;
      }
      terms.add(new Term(t.coefficient(), h));
    }
    return new Composition(g.factorCount() + 1, terms);
  }

  @Property(tries = 40)
  void sameMessagesAsTheProverWithAnEqTable(@ForAll @IntRange(min = 0, max = 9) int v,
      @ForAll @IntRange(min = 1, max = 4) int dg, @ForAll @IntRange(min = 1, max = 4) int m,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    Composition g = SumcheckTest.randomComposition(rnd, m, dg);
    long[][] tables = new long[m][];
    for (int j = 0; j < m; j++) {
      tables[j] = Naive.randomTable(rnd, v);
    }
    long[] z = Naive.randomPoint(rnd, v);
    long[][] all = new long[m + 1][];
    all[0] = Mle.eq(z);
    System.arraycopy(tables, 0, all, 1, m);
    Composition f = withEq(g);
    Fr claim = SumcheckTest.bruteSum(f, all, v);
    SumcheckProver.Output plain = SumcheckProver.prove(f, all, claim, new Keccak256Transcript("eq"));
    SumcheckProver.Output fast = EqSumcheckProver.prove(z, g, tables, claim,
        new Keccak256Transcript("eq"));
    assertEquals(plain.proof(), fast.proof());
    assertArrayEquals(plain.point(), fast.point());
    long[] tail = new long[4 * m];
    System.arraycopy(plain.finalValues(), 4, tail, 0, 4 * m);
    assertArrayEquals(tail, fast.finalValues());
    Optional<SumcheckVerifier.Result> r = SumcheckVerifier.verify(v, dg + 1, claim, fast.proof(),
        new Keccak256Transcript("eq"));
    assertTrue(r.isPresent());
    assertEquals(Mle.eqAt(z, 0, r.get().point(), 0, v).mul(g.evaluate(fast.finalValues())),
        r.get().value());
  }
}
