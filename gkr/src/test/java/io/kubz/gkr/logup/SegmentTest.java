package io.kubz.gkr.logup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.gkr.mle.Mle;
import io.kubz.gkr.testing.Naive;
import io.kubz.poly.transcript.Keccak256Transcript;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Lookups whose used rows are several aligned segments (blocks of one column), not a prefix. */
class SegmentTest {
  /** Rows 0..4 of the block [0, 8) and rows 8..10 of the block [8, 12); the rest unused. */
  static final List<Segment> SEGMENTS = List.of(new Segment(0, 3, 5), new Segment(8, 2, 3));

  @Property(tries = 30)
  void theSelectorMleMatchesItsDefinition(@ForAll long seed) {
    Random rnd = new Random(seed);
    LookupShape shape = new LookupShape(LogupTest.RANGE4, 4, SEGMENTS);
    int s = 5; // one more variable than the rows: the zero extension
    long[] z = Naive.randomPoint(rnd, s);
    boolean[] used = shape.mask();
    BigInteger[] sel = new BigInteger[1 << s];
    for (int x = 0; x < sel.length; x++) {
      sel[x] = x < used.length && used[x] ? BigInteger.ONE : BigInteger.ZERO;
    }
    assertEquals(Naive.mle(sel, Naive.big(z)), Leaves.selector(shape, z, s).toBigInteger());
  }

  private static long[] values(boolean garbageInside) {
    long[] v = new long[16];
    LookupShape shape = new LookupShape(LogupTest.RANGE4, 4, SEGMENTS);
    boolean[] used = shape.mask();
    for (int i = 0; i < 16; i++) {
      v[i] = used[i] ? (3 * i) % 16 : 1000 + i; // unused rows hold anything
    }
    if (garbageInside) {
      v[9] = 16;
    }
    return v;
  }

  @Test
  void onlyTheSegmentsAreLookedUp() {
    Lookup l = Lookup.of(LogupTest.RANGE4, new long[][] {LogupTest.column(values(false))}, SEGMENTS);
    LogupProver.Output out = LogupProver.prove(List.of(l), new Keccak256Transcript("seg"));
    Optional<List<LogupProof.Claims>> claims = LogupVerifier.verify(List.of(l.shape()), out.proof(),
        new Keccak256Transcript("seg"));
    assertTrue(claims.isPresent());
    LogupProof.Claims c = claims.get().get(0);
    assertEquals(Mle.evaluate(l.columns()[0], c.columnPoint()), c.columnValues().get(0));
    // the same rows as a prefix would look up the garbage
    assertThrows(BadInputException.class, () -> Lookup.of(LogupTest.RANGE4,
        new long[][] {LogupTest.column(values(false))}, 16));
  }

  @Test
  void aValueOutsideTheTableInsideASegmentIsRejected() {
    long[] v = values(true);
    assertThrows(BadInputException.class,
        () -> Lookup.of(LogupTest.RANGE4, new long[][] {LogupTest.column(v)}, SEGMENTS));
    // a prover that counts the bad row against row 15 anyway
    long[] m = new long[4 * 16];
    long[] counts = new long[16];
    boolean[] used = new LookupShape(LogupTest.RANGE4, 4, SEGMENTS).mask();
    for (int i = 0; i < 16; i++) {
      if (used[i]) {
        counts[(int) Math.min(15, v[i])]++;
      }
    }
    for (int k = 0; k < 16; k++) {
      Fr.set(m, 4 * k, counts[k]);
    }
    Lookup bad = new Lookup(LogupTest.RANGE4, new long[][] {LogupTest.column(v)}, SEGMENTS, m);
    LogupProver.Output out = LogupProver.prove(List.of(bad), new Keccak256Transcript("seg"));
    assertTrue(LogupVerifier.verify(List.of(bad.shape()), out.proof(), new Keccak256Transcript("seg"))
        .isEmpty());
  }

  @Test
  void segmentsMustBeAlignedDisjointAndInside() {
    assertThrows(IllegalArgumentException.class, () -> new Segment(4, 3, 1), "not aligned");
    assertThrows(IllegalArgumentException.class, () -> new Segment(0, 2, 5), "count over the block");
    assertThrows(IllegalArgumentException.class, () -> new LookupShape(LogupTest.RANGE4, 3,
        List.of(new Segment(0, 3, 1), new Segment(4, 2, 1))), "overlap");
    assertThrows(IllegalArgumentException.class, () -> new LookupShape(LogupTest.RANGE4, 3,
        List.of(new Segment(8, 2, 1))), "outside");
  }
}
