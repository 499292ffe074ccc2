package io.kubz.gkr.logup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.gkr.mle.Mle;
import io.kubz.poly.transcript.Keccak256Transcript;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LogupTest {
  static final RangeTable RANGE4 = new RangeTable(4, Fr.of(1));
  static final RangeTable RANGE8 = new RangeTable(8, Fr.of(2));
  /** ReLU on [−5, 5]: 11 pairs, padded to 16 rows. */
  static final FunctionTable RELU = relu();

  static FunctionTable relu() {
    long[] in = new long[11];
    long[] out = new long[11];
    for (int i = 0; i < 11; i++) {
      in[i] = i - 5;
      out[i] = Math.max(0, i - 5);
    }
    return new FunctionTable(Fr.of(3), in, out);
  }

  static long[] column(long... v) {
    long[] t = new long[4 * v.length];
    for (int i = 0; i < v.length; i++) {
      Fr.set(t, 4 * i, v[i]);
    }
    return t;
  }

  static long[] randomValues(Random rnd, int n, int bound) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = rnd.nextInt(bound);
    }
    return v;
  }

  static Lookup reluLookup(Random rnd, int logRows, int count) {
    long[] in = new long[1 << logRows];
    long[] out = new long[1 << logRows];
    for (int i = 0; i < in.length; i++) {
      in[i] = i < count ? rnd.nextInt(11) - 5 : 1000 + i; // unused rows hold anything
      out[i] = i < count ? Math.max(0, in[i]) : -7;
    }
    return Lookup.of(RELU, new long[][] {column(in), column(out)}, count);
  }

  static Optional<List<LogupProof.Claims>> verify(List<Lookup> lookups, LogupProof proof) {
    return LogupVerifier.verify(lookups.stream().map(Lookup::shape).toList(), proof,
        new Keccak256Transcript("logup"));
  }

  @Property(tries = 15)
  void honestLookupsVerifyAndClaimsAreTheMles(@ForAll @IntRange(min = 0, max = 10) int logA,
      @ForAll @IntRange(min = 0, max = 6) int logC, @ForAll long seed) {
    Random rnd = new Random(seed);
    int count = Math.max(0, (1 << logA) - rnd.nextInt(3));
    Lookup a = Lookup.of(RANGE4, new long[][] {column(randomValues(rnd, 1 << logA, 16))}, count);
    Lookup b = Lookup.of(RANGE8, new long[][] {column(randomValues(rnd, 1 << logA, 256))}, 1 << logA);
    Lookup c = reluLookup(rnd, logC, Math.max(1, (1 << logC) - 1));
    List<Lookup> all = List.of(a, b, c);
    LogupProver.Output out = LogupProver.prove(all, new Keccak256Transcript("logup"));
    Optional<List<LogupProof.Claims>> claims = verify(all, out.proof());
    assertTrue(claims.isPresent());
    for (int i = 0; i < all.size(); i++) {
      LogupProof.Claims cl = claims.get().get(i);
      Lookup l = all.get(i);
      for (int j = 0; j < l.columns().length; j++) {
        assertEquals(Mle.evaluate(l.columns()[j], cl.columnPoint()), cl.columnValues().get(j));
      }
      assertEquals(Mle.evaluate(l.multiplicities(), cl.multiplicityPoint()), cl.multiplicityValue());
    }
  }

  @Test
  void valueMissingFromTheTableIsABadInput() {
    assertThrows(BadInputException.class,
        () -> Lookup.of(RANGE4, new long[][] {column(1, 2, 16, 3)}, 4));
    assertThrows(BadInputException.class,
        () -> Lookup.of(RELU, new long[][] {column(-1, 2), column(1, 2)}, 2));
  }

  @Test
  void shiftedMultiplicityIsRejected() {
    Random rnd = new Random(11);
    Lookup honest = Lookup.of(RANGE4, new long[][] {column(randomValues(rnd, 32, 16))}, 32);
    long[] m = honest.multiplicities().clone();
    // move one unit of multiplicity from row 3 to row 4 (the total stays the same)
    Fr.set(m, 12, Fr.readFrom(m, 12).toBigInteger().longValue() + 1);
    Fr.set(m, 16, Fr.readFrom(m, 16).toBigInteger().longValue() - 1);
    Lookup bad = new Lookup(RANGE4, honest.columns(), 32, m);
    LogupProver.Output out = LogupProver.prove(List.of(bad), new Keccak256Transcript("logup"));
    assertTrue(verify(List.of(bad), out.proof()).isEmpty());
  }

  @Test
  void unusedRowMarkedUsedIsRejected() {
    Random rnd = new Random(12);
    long[] v = randomValues(rnd, 16, 16);
    v[15] = 99; // not in the table, but declared unused
    Lookup ok = Lookup.of(RANGE4, new long[][] {column(v)}, 15);
    assertTrue(verify(List.of(ok), LogupProver.prove(List.of(ok), new Keccak256Transcript("logup"))
        .proof()).isPresent());
    // the prover claims only 15 rows are used but the verifier expects 16
    Lookup lying = new Lookup(RANGE4, ok.columns(), 15, ok.multiplicities());
    LogupProof proof = LogupProver.prove(List.of(lying), new Keccak256Transcript("logup")).proof();
    assertTrue(LogupVerifier.verify(List.of(new LookupShape(RANGE4, 4, 16)), proof,
        new Keccak256Transcript("logup")).isEmpty());
  }

  @Test
  void lookupIntoOneTablePaidByAnotherIsRejected() {
    // 200 is in RANGE8 but not in RANGE4; the prover looks it up in RANGE4 and counts it in RANGE8
    long[] intoA = {1, 2, 200, 3};
    long[] intoB = {5, 6, 7, 8};
    Lookup a0 = Lookup.of(RANGE4, new long[][] {column(1, 2, 3, 3)}, 4);
    Lookup b0 = Lookup.of(RANGE8, new long[][] {column(intoB)}, 4);
    long[] mA = a0.multiplicities().clone();
    Fr.set(mA, 12, 1); // value 3 once, as in intoA
    long[] mB = b0.multiplicities().clone();
    Fr.set(mB, 4 * 200, 1); // RANGE8 pays for the 200 looked up in RANGE4
    Lookup a = new Lookup(RANGE4, new long[][] {column(intoA)}, 4, mA);
    Lookup b = new Lookup(RANGE8, new long[][] {column(intoB)}, 4, mB);
    List<Lookup> both = List.of(a, b);
    LogupProof proof = LogupProver.prove(both, new Keccak256Transcript("logup")).proof();
    assertTrue(verify(both, proof).isEmpty());
  }

  @Test
  void twoTablesWithOneTagAreRefused() {
    Lookup a = Lookup.of(RANGE4, new long[][] {column(1, 2)}, 2);
    Lookup b = Lookup.of(new RangeTable(8, Fr.of(1)), new long[][] {column(1, 2)}, 2);
    assertThrows(IllegalArgumentException.class,
        () -> LogupProver.prove(List.of(a, b), new Keccak256Transcript("logup")));
  }

  @Test
  void tamperedTowerValueIsRejectedInEveryLayer() {
    Random rnd = new Random(13);
    Lookup a = Lookup.of(RANGE4, new long[][] {column(randomValues(rnd, 8, 16))}, 8);
    int layers = a.shape().towerLayers();
    for (int layer = 0; layer < layers; layer++) {
      int target = layer;
      LogupProof proof = LogupProver.prove(List.of(a), new Keccak256Transcript("logup"),
          (j, c) -> {
            if (j == target) {
              long[] one = new long[4];
              Fr.setOne(one, 0);
              Fr.add(c, 0, c, 0, one, 0); // p0 + 1, the rest recomputed from it
            }
          }).proof();
      assertTrue(verify(List.of(a), proof).isEmpty(), "layer " + layer);
    }
  }
}
