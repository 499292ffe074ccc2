package io.kubz.gkr.sumcheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.gkr.mle.Mle;
import io.kubz.gkr.testing.Naive;
import io.kubz.poly.transcript.Keccak256Transcript;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The dedicated loops of {@link FastKernels} and the fused binding of {@link Rounds} against the
 * generic loop: a shape with an extra unused table takes the generic path and must give the same
 * messages; the final values must be the tables' MLEs at the point.
 */
class FastKernelsTest {
  static final Composition FRACTION_SHAPE = Composition.of(4, new Term(Fr.ONE, new int[] {0, 3}),
      new Term(Fr.ONE, new int[] {1, 2}), new Term(Fr.of(7), new int[] {2, 3}));

  @Test
  void shapesAreRecognisedOnlyWhenExact() {
    assertEquals(FastKernels.Shape.PRODUCT2, FastKernels.shapeOf(Composition.product(2)));
    assertEquals(FastKernels.Shape.PRODUCT2, FastKernels.shapeOf(Composition.of(2, Term.of(5, 1, 0))));
    assertEquals(FastKernels.Shape.FRACTION, FastKernels.shapeOf(FRACTION_SHAPE));
    assertEquals(FastKernels.Shape.GENERIC, FastKernels.shapeOf(Composition.of(2, Term.of(1, 0, 0))));
    assertEquals(FastKernels.Shape.GENERIC, FastKernels.shapeOf(Composition.product(3)));
    assertEquals(FastKernels.Shape.GENERIC, FastKernels.shapeOf(Composition.of(4,
        Term.of(2, 0, 3), Term.of(1, 1, 2), Term.of(7, 2, 3))));
  }

  /** f over tables plus one unused table: the generic loop, same degree, same messages. */
  static Composition padded(Composition f) {
    return new Composition(f.factorCount() + 1, f.terms());
  }

  static long[][] pad(long[][] tables, Random rnd, int v) {
    long[][] out = Arrays.copyOf(tables, tables.length + 1);
    out[tables.length] = Naive.randomTable(rnd, v);
    return out;
  }

  @Property(tries = 25)
  void productMatchesTheGenericLoop(@ForAll @IntRange(min = 0, max = 13) int v,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    Composition f = Composition.of(2, new Term(Fr.random(rnd), new int[] {0, 1}));
    long[][] tables = {Naive.randomTable(rnd, v), Naive.randomTable(rnd, v)};
    long[][] before = {tables[0].clone(), tables[1].clone()};
    Fr claim = SumcheckTest.bruteSum(f, tables, v);
    SumcheckProver.Output fast = SumcheckProver.prove(f, tables, claim, new Keccak256Transcript("p"));
    SumcheckProver.Output slow = SumcheckProver.prove(padded(f), pad(tables, rnd, v), claim,
        new Keccak256Transcript("p"));
    assertEquals(slow.proof(), fast.proof());
    assertArrayEquals(slow.point(), fast.point());
    assertArrayEquals(before[0], tables[0], "the caller's tables are never written");
    assertArrayEquals(before[1], tables[1]);
    for (int j = 0; j < 2; j++) {
      assertEquals(Mle.evaluate(tables[j], fast.point()), Fr.readFrom(fast.finalValues(), 4 * j));
    }
    Optional<SumcheckVerifier.Result> r = SumcheckVerifier.verify(v, 2, claim, fast.proof(),
        new Keccak256Transcript("p"));
    assertTrue(r.isPresent());
    assertEquals(f.evaluate(fast.finalValues()), r.get().value());
  }

  @Property(tries = 25)
  void fractionMatchesTheGenericLoopAndReadsHalvesInPlace(
      @ForAll @IntRange(min = 0, max = 13) int v, @ForAll long seed) {
    Random rnd = new Random(seed);
    Composition g = Composition.of(4, new Term(Fr.ONE, new int[] {0, 3}),
        new Term(Fr.ONE, new int[] {1, 2}), new Term(Fr.random(rnd), new int[] {2, 3}));
    long[] p = Naive.randomTable(rnd, v + 1);
    long[] q = Naive.randomTable(rnd, v + 1);
    long[] pc = p.clone();
    long[][] halves = {Arrays.copyOfRange(p, 0, 4 << v), Arrays.copyOfRange(p, 4 << v, 8 << v),
        Arrays.copyOfRange(q, 0, 4 << v), Arrays.copyOfRange(q, 4 << v, 8 << v)};
    long[] z = Naive.randomPoint(rnd, v);
    long[][] withEq = new long[5][];
    withEq[0] = Mle.eq(z);
    System.arraycopy(halves, 0, withEq, 1, 4);
    Fr claim = SumcheckTest.bruteSum(EqSumcheckTest.withEq(g), withEq, v);
    SumcheckProver.Output fast = EqSumcheckProver.prove(z, g, new long[][] {p, p, q, q},
        new int[] {0, 4 << v, 0, 4 << v}, claim, new Keccak256Transcript("f"));
    SumcheckProver.Output slow = EqSumcheckProver.prove(z, padded(g), pad(halves, rnd, v), claim,
        new Keccak256Transcript("f"));
    assertEquals(slow.proof(), fast.proof());
    assertArrayEquals(slow.point(), fast.point());
    assertArrayEquals(pc, p, "the caller's array is never written");
    for (int j = 0; j < 4; j++) {
      assertEquals(Mle.evaluate(halves[j], fast.point()), Fr.readFrom(fast.finalValues(), 4 * j));
    }
    Optional<SumcheckVerifier.Result> r = SumcheckVerifier.verify(v, 3, claim, fast.proof(),
        new Keccak256Transcript("f"));
    assertTrue(r.isPresent());
    assertEquals(Mle.eqAt(z, 0, r.get().point(), 0, v).mul(g.evaluate(fast.finalValues())),
        r.get().value());
  }

  @Test
  void offsetsOutsideTheArrayAreRejected() {
    long[] a = new long[4 * 8];
    long[] z = new long[4 * 3];
    Composition g = Composition.product(2);
    assertThrows(IllegalArgumentException.class, () -> EqSumcheckProver.prove(z, g,
        new long[][] {a, a}, new int[] {0, 4}, Fr.ZERO, new Keccak256Transcript("o")));
    assertThrows(IllegalArgumentException.class, () -> EqSumcheckProver.prove(z, g,
        new long[][] {a, a}, new int[] {0, 2}, Fr.ZERO, new Keccak256Transcript("o")));
    assertThrows(IllegalArgumentException.class, () -> EqSumcheckProver.prove(z, g,
        new long[][] {a}, new int[] {0}, Fr.ZERO, new Keccak256Transcript("o")));
  }
}
