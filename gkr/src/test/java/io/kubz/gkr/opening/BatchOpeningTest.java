package io.kubz.gkr.opening;

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
import org.junit.jupiter.api.Test;

class BatchOpeningTest {
  static List<Claim> trueClaims(Random rnd, long[] wit, int n, int k) {
    List<Claim> claims = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      long[] z = Naive.randomPoint(rnd, n);
      claims.add(new Claim(z, Fr.of(Naive.mle(Naive.big(wit), Naive.big(z)))));
    }
    return claims;
  }

  @Property(tries = 25)
  void reducesToOneTrueClaim(@ForAll @IntRange(min = 0, max = 8) int n,
      @ForAll @IntRange(min = 1, max = 5) int k, @ForAll long seed) {
    Random rnd = new Random(seed);
    long[] wit = Naive.randomTable(rnd, n);
    List<Claim> claims = trueClaims(rnd, wit, n, k);
    BatchOpening.Output out = BatchOpening.prove(wit, claims, new Keccak256Transcript("open"));
    Optional<Claim> c = BatchOpening.verify(n, claims, out.proof(), new Keccak256Transcript("open"));
    assertTrue(c.isPresent());
    // the one claim left is true: direct evaluation of Wit at ρ by the definition
    assertEquals(Naive.mle(Naive.big(wit), Naive.big(c.get().point())), c.get().value().toBigInteger());
    assertEquals(out.claim().value(), c.get().value());
  }

  @Test
  void oneWrongClaimIsRejected() {
    Random rnd = new Random(21);
    long[] wit = Naive.randomTable(rnd, 6);
    List<Claim> claims = trueClaims(rnd, wit, 6, 4);
    for (int i = 0; i < 4; i++) {
      List<Claim> bad = new ArrayList<>(claims);
      bad.set(i, new Claim(claims.get(i).point(), claims.get(i).value().add(Fr.ONE)));
      BatchOpening.Output out = BatchOpening.prove(wit, bad, new Keccak256Transcript("open"));
      assertTrue(BatchOpening.verify(6, bad, out.proof(), new Keccak256Transcript("open")).isEmpty(),
          "claim " + i);
    }
  }

  @Test
  void embeddedSubTableClaimsAreClaimsOnTheWhole() {
    // Wit of 2^6 entries holds an 8×2 block... a 2^3-entry sub-table at block 5 (entries 40..47)
    Random rnd = new Random(22);
    long[] wit = Naive.randomTable(rnd, 6);
    long[] sub = new long[4 * 8];
    System.arraycopy(wit, 4 * 40, sub, 0, 4 * 8);
    long[] z = Naive.randomPoint(rnd, 3);
    Claim local = new Claim(z, Mle.evaluate(sub, z));
    Claim whole = local.embed(5, 6);
    assertEquals(Mle.evaluate(wit, whole.point()), whole.value());
    Claim wrongBlock = local.embed(4, 6);
    assertTrue(!Mle.evaluate(wit, wrongBlock.point()).equals(wrongBlock.value()));
  }
}
