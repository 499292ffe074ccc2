package io.kubz.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The Grain-derived parameters against circomlibjs, through the BigInteger reference permutation. */
class ReferencePoseidonTest {

  @Test
  void bundledVectorsCoverEveryWidth() {
    List<CircomVectors.Case> cases = CircomVectors.bundled();
    Set<Integer> widths = new HashSet<>();
    for (CircomVectors.Case c : cases) {
      assertEquals(c.output(), BigPoseidon.hash(c.inputs()), () -> "inputs " + List.of(c.inputs()));
      widths.add(c.inputs().length + 1);
    }
    for (int t = PoseidonParams.MIN_WIDTH; t <= PoseidonParams.MAX_WIDTH; t++) {
      assertTrue(widths.contains(t), "no vector for t = " + t);
    }
  }

  @Test
  void sharedFixtureVectors() {
    Optional<List<CircomVectors.Case>> cases = CircomVectors.shared();
    Assumptions.assumeTrue(cases.isPresent(), "fixtures absent: " + CircomVectors.FIXTURE);
    assertTrue(cases.get().size() >= 16);
    for (CircomVectors.Case c : cases.get()) {
      assertEquals(c.output(), BigPoseidon.hash(c.inputs()));
    }
  }

  /** Values printed in circomlibjs's poseidon_constants.js (C[1][0] and M[1][0][0], t = 3). */
  @Test
  void firstConstantsOfWidthThreeMatchCircomlib() {
    PoseidonParams p = PoseidonParams.of(3);
    assertEquals(new BigInteger("0ee9a592ba9a9518d05986d656f40c2114c4993c11bb29938d21d47304cd8e6e", 16),
        p.roundConstant(0, 0));
    assertEquals(new BigInteger("109b7f411ba0e4c9b2b70caf5c36a7b194be7c11ad24378bfedb68592ba8118b", 16),
        p.mds(0, 0));
    assertEquals(65, p.rounds());
  }

  /**
   * Every round constant and MDS entry for t = 2..17, as circomlibjs 0.1.7 ships them in
   * src/poseidon_constants.json: SHA-256 over the entries as 64 lower-case hex digits and a newline,
   * for each t the constants C[t] in order, then M[t] row by row (digest computed from that file).
   */
  @Test
  void allConstantsEqualCircomlibjsShippedTables() throws Exception {
    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
    for (int t = PoseidonParams.MIN_WIDTH; t <= PoseidonParams.MAX_WIDTH; t++) {
      PoseidonParams p = PoseidonParams.of(t);
      StringBuilder sb = new StringBuilder();
      for (int r = 0; r < p.rounds(); r++) {
        for (int i = 0; i < t; i++) {
          sb.append(String.format("%064x", p.roundConstant(r, i))).append('\n');
        }
      }
      for (int i = 0; i < t; i++) {
        for (int j = 0; j < t; j++) {
          sb.append(String.format("%064x", p.mds(i, j))).append('\n');
        }
      }
      sha.update(sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    assertEquals("98f4cbf66ec8b007a9c342a6f4df5e96da9f6eec4f762971ee05d6ce1358a99a",
        java.util.HexFormat.of().formatHex(sha.digest()));
  }

  @Test
  void widthsOutsideCircomlibAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> PoseidonParams.of(1));
    assertThrows(IllegalArgumentException.class, () -> PoseidonParams.of(18));
  }

  @Property(tries = 20)
  void sparseFormEqualsPlainForm(@ForAll @IntRange(min = 2, max = 17) int t, @ForAll long seed) {
    Random rnd = new Random(seed);
    BigInteger[] s = new BigInteger[t];
    for (int i = 0; i < t; i++) {
      int kind = rnd.nextInt(4);
      s[i] = kind == 0 ? BigInteger.ZERO : kind == 1 ? Fr.MODULUS.subtract(BigInteger.ONE)
          : new BigInteger(260, rnd).mod(Fr.MODULUS);
    }
    PoseidonParams p = PoseidonParams.of(t);
    assertArrayEquals(BigPoseidon.plain(p, s), BigPoseidon.sparse(new SparseRounds(p), s));
  }
}
