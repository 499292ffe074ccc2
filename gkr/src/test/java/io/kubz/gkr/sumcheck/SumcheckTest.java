package io.kubz.gkr.sumcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.Test;

class SumcheckTest {
  /** A random sum of products with exactly the given degree over m tables. */
  static Composition randomComposition(Random rnd, int m, int degree) {
    int nt = 1 + rnd.nextInt(3);
    List<Term> terms = new ArrayList<>();
    for (int t = 0; t < nt; t++) {
      int len = t == 0 ? degree : 1 + rnd.nextInt(degree);
      int[] f = new int[len];
      for (int k = 0; k < len; k++) {
        f[k] = rnd.nextInt(m);
      }
      terms.add(new Term(Fr.random(rnd), f));
    }
    return new Composition(m, terms);
  }

  /** f at hypercube entry i, by the definition. */
  static Fr at(Composition f, long[][] tables, int i) {
    long[] vals = new long[4 * tables.length];
    for (int j = 0; j < tables.length; j++) {
      Fr.copy(vals, 4 * j, tables[j], 4 * i);
    }
    return f.evaluate(vals);
  }

  static Fr bruteSum(Composition f, long[][] tables, int v) {
    Fr s = Fr.ZERO;
    for (int i = 0; i < 1 << v; i++) {
      s = s.add(at(f, tables, i));
    }
    return s;
  }

  /**
   * s_k(X) by the definition: Σ_{x'} f(g(r_0..r_{k−1}, X, x')) with each g at that point as
   * Σ_{b ∈ {0,1}^k} eq(r_{<k}, b)·((1 − X)·g[b + 2^k·2x'] + X·g[b + 2^k·(2x' + 1)]).
   */
  static Fr roundOracle(Composition f, long[][] tables, int v, long[] point, int k, Fr x) {
    long[] prefix = new long[4 * k];
    System.arraycopy(point, 0, prefix, 0, 4 * k);
    long[] eqk = Mle.eq(prefix);
    Fr sum = Fr.ZERO;
    for (int xr = 0; xr < 1 << (v - k - 1); xr++) {
      long[] vals = new long[4 * tables.length];
      for (int j = 0; j < tables.length; j++) {
        Fr g = Fr.ZERO;
        for (int b = 0; b < 1 << k; b++) {
          Fr lo = Fr.readFrom(tables[j], 4 * (b + (2 * xr << k)));
          Fr hi = Fr.readFrom(tables[j], 4 * (b + ((2 * xr + 1) << k)));
          g = g.add(Fr.readFrom(eqk, 4 * b).mul(lo.add(x.mul(hi.sub(lo)))));
        }
        g.writeTo(vals, 4 * j);
      }
      sum = sum.add(f.evaluate(vals));
    }
    return sum;
  }

  @Property(tries = 60)
  void honestProofsMatchBruteForce(@ForAll @IntRange(min = 0, max = 10) int v,
      @ForAll @IntRange(min = 1, max = 5) int degree, @ForAll @IntRange(min = 1, max = 4) int m,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    Composition f = randomComposition(rnd, m, degree);
    long[][] tables = new long[m][];
    for (int j = 0; j < m; j++) {
      tables[j] = Naive.randomTable(rnd, v);
    }
    Fr claim = bruteSum(f, tables, v);
    SumcheckProver.Output out = SumcheckProver.prove(f, tables, claim,
        new Keccak256Transcript("test"));
    Optional<SumcheckVerifier.Result> res = SumcheckVerifier.verify(v, degree, claim, out.proof(),
        new Keccak256Transcript("test"));
    assertTrue(res.isPresent());
    assertEquals(v, out.point().length / 4);
    for (int j = 0; j < m; j++) {
      // final values against the MLE by its definition at the verifier's point
      assertEquals(Naive.mle(Naive.big(tables[j]), Naive.big(res.get().point())),
          Fr.toBigInteger(out.finalValues(), 4 * j));
    }
    assertEquals(f.evaluate(out.finalValues()), res.get().value());
    if (v <= 8) {
      for (int k = 0; k < v; k++) {
        List<Fr> s = out.proof().rounds().get(k);
        for (int e = 0; e <= degree; e++) {
          assertEquals(roundOracle(f, tables, v, out.point(), k, Fr.of(e)), s.get(e),
              "round " + k + " value at " + e);
        }
      }
    }
  }

  @Test
  void wrongClaimIsRejectedAtTheEnd() {
    Random rnd = new Random(5);
    Composition f = Composition.product(3);
    long[][] tables = {Naive.randomTable(rnd, 6), Naive.randomTable(rnd, 6), Naive.randomTable(rnd, 6)};
    Fr wrong = bruteSum(f, tables, 6).add(Fr.ONE);
    // the honest algorithm on a wrong claim: every round is consistent (s(1) = claim − s(0))
    SumcheckProver.Output out = SumcheckProver.prove(f, tables, wrong, new Keccak256Transcript("t"));
    Optional<SumcheckVerifier.Result> res = SumcheckVerifier.verify(6, 3, wrong, out.proof(),
        new Keccak256Transcript("t"));
    assertTrue(res.isPresent(), "rounds are consistent by construction");
    assertFalse(res.get().value().equals(f.evaluate(out.finalValues())), "final check must fail");
  }

  @Test
  void tamperedRoundIsRejected() {
    Random rnd = new Random(6);
    Composition f = Composition.product(2);
    long[][] tables = {Naive.randomTable(rnd, 5), Naive.randomTable(rnd, 5)};
    Fr claim = bruteSum(f, tables, 5);
    for (int round = 0; round < 5; round++) {
      int target = round;
      // the hook shifts s(0) and s(1) by ±1 (sum kept) in one round, then the prover goes on honestly
      SumcheckProver.Output out = SumcheckProver.prove(f, tables, claim, new Keccak256Transcript("t"),
          (k, values) -> {
            if (k == target) {
              long[] one = new long[4];
              Fr.setOne(one, 0);
              Fr.add(values, 0, values, 0, one, 0);
              Fr.sub(values, 4, values, 4, one, 0);
            }
          });
      Optional<SumcheckVerifier.Result> res = SumcheckVerifier.verify(5, 2, claim, out.proof(),
          new Keccak256Transcript("t"));
      assertTrue(res.isEmpty() || !res.get().value().equals(f.evaluate(out.finalValues())),
          "round " + round);
    }
  }

  @Property(tries = 20)
  void batchedSumsVerify(@ForAll @IntRange(min = 1, max = 7) int v, @ForAll long seed) {
    Random rnd = new Random(seed);
    Composition a = randomComposition(rnd, 2, 2);
    Composition b = randomComposition(rnd, 3, 3);
    long[][] ta = {Naive.randomTable(rnd, v), Naive.randomTable(rnd, v)};
    long[][] tb = {Naive.randomTable(rnd, v), Naive.randomTable(rnd, v), Naive.randomTable(rnd, v)};
    Fr lambda = Fr.random(rnd);
    Composition both = Composition.batch(List.of(a, b), lambda);
    long[][] all = {ta[0], ta[1], tb[0], tb[1], tb[2]};
    Fr claim = Composition.batchClaim(List.of(bruteSum(a, ta, v), bruteSum(b, tb, v)), lambda);
    assertEquals(bruteSum(both, all, v), claim);
    SumcheckProver.Output out = SumcheckProver.prove(both, all, claim, new Keccak256Transcript("b"));
    Optional<SumcheckVerifier.Result> res = SumcheckVerifier.verify(v, 3, claim, out.proof(),
        new Keccak256Transcript("b"));
    assertTrue(res.isPresent());
    assertEquals(both.evaluate(out.finalValues()), res.get().value());
  }

  @Test
  void wrongShapeIsRejectedWithoutThrowing() {
    Random rnd = new Random(7);
    Composition f = Composition.product(2);
    long[][] tables = {Naive.randomTable(rnd, 3), Naive.randomTable(rnd, 3)};
    Fr claim = bruteSum(f, tables, 3);
    SumcheckProof p = SumcheckProver.prove(f, tables, claim, new Keccak256Transcript("s")).proof();
    assertTrue(SumcheckVerifier.verify(3, 2, claim, p, new Keccak256Transcript("s")).isPresent());
    assertTrue(SumcheckVerifier.verify(3, 3, claim, p, new Keccak256Transcript("s")).isEmpty());
    assertTrue(SumcheckVerifier.verify(4, 2, claim, p, new Keccak256Transcript("s")).isEmpty());
    assertTrue(SumcheckVerifier.verify(3, 2, claim, null, new Keccak256Transcript("s")).isEmpty());
    List<List<Fr>> longer = new ArrayList<>(p.rounds());
    List<Fr> r1 = new ArrayList<>(longer.get(1));
    r1.add(Fr.ZERO); // a degree-3 polynomial with the same values at 0..2
    longer.set(1, r1);
    assertTrue(SumcheckVerifier.verify(3, 2, claim, new SumcheckProof(longer),
        new Keccak256Transcript("s")).isEmpty());
  }
}
