package io.kubz.plonkish.gadgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.merkle.Poseidon;
import io.kubz.merkle.PoseidonParams;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.mock.Failure;
import io.kubz.plonkish.mock.MockProver;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The dense permutation layout against merkle's native permutation. */
class PoseidonRoundsTest {

  /** Native: permute(st + (0, block)) twice, as a sponge absorbing two blocks. */
  static Fr[] nativeSponge(Fr[] st, Fr[] b0, Fr[] b1) {
    int t = st.length;
    long[] s = new long[4 * t];
    for (int i = 0; i < t; i++) {
      st[i].writeTo(s, 4 * i);
    }
    for (Fr[] b : new Fr[][] {b0, b1}) {
      for (int i = 1; i < t; i++) {
        Fr.readFrom(s, 4 * i).add(b[i - 1]).writeTo(s, 4 * i);
      }
      Poseidon.permute(s, 0, t);
    }
    Fr[] out = new Fr[t];
    for (int i = 0; i < t; i++) {
      out[i] = Fr.readFrom(s, 4 * i);
    }
    return out;
  }

  /**
   * In-circuit: the state copied from an input region, one absorbing permutation, one plain
   * permutation of (that state + block 1) done as "absorb" too, the final state exposed as instances.
   */
  static Circuit circuit(Fr[] st, Fr[] b0, Fr[] b1, Fr[] claimed) {
    int t = st.length;
    CircuitBuilder cb = new CircuitBuilder();
    Column.Advice in = cb.advice();
    Column.Instance pub = cb.instance();
    PoseidonRounds perm = PoseidonRounds.configure(cb, t);
    AssignedCell[][] cells = cb.region("inputs", r -> {
      AssignedCell[][] out = new AssignedCell[3][];
      out[0] = new AssignedCell[t];
      out[1] = new AssignedCell[t - 1];
      out[2] = new AssignedCell[t - 1];
      int row = 0;
      for (int i = 0; i < t; i++) {
        out[0][i] = r.assignAdvice(in, row++, st[i]);
      }
      for (int i = 0; i < t - 1; i++) {
        out[1][i] = r.assignAdvice(in, row++, b0[i]);
        out[2][i] = r.assignAdvice(in, row++, b1[i]);
      }
      return out;
    });
    AssignedCell[] result = cb.region("permutations", r -> {
      for (int i = 0; i < t; i++) {
        r.copyAdvice(cells[0][i], perm.state(i), 0);
      }
      int rows = perm.rowsPerPermutation();
      Fr[] s = perm.permute(r, 0, st, cells[1]);
      perm.assignState(r, rows, s);
      s = perm.permute(r, rows, s, cells[2]);
      return perm.assignState(r, 2 * rows, s);
    });
    for (int i = 0; i < t; i++) {
      cb.setInstance(pub, i, claimed[i]);
      cb.constrainInstance(result[i], pub, i);
    }
    return cb.build();
  }

  private static Fr[] values(Random rnd, int n) {
    Fr[] v = new Fr[n];
    for (int i = 0; i < n; i++) {
      v[i] = PoseidonGadgetWidthsTest.special(rnd);
    }
    return v;
  }

  @Property(tries = 12)
  void equalsTheNativePermutation(@ForAll @IntRange(min = 2, max = 17) int t, @ForAll long seed) {
    Random rnd = new Random(seed);
    Fr[] st = values(rnd, t);
    Fr[] b0 = values(rnd, t - 1);
    Fr[] b1 = values(rnd, t - 1);
    Fr[] expected = nativeSponge(st.clone(), b0, b1);
    Circuit c = circuit(st, b0, b1, expected);
    MockProver.run(c).assertSatisfied();
    assertTrue(c.description().maxDegree() <= 5, "degree " + c.description().maxDegree());
    Fr[] wrong = expected.clone();
    wrong[rnd.nextInt(t)] = wrong[0].add(Fr.ONE);
    assertFalse(MockProver.run(circuit(st, b0, b1, wrong)).isSatisfied());
  }

  @Property(tries = 20)
  void aTamperedCellBreaksAPoseidonGate(@ForAll long seed) {
    Random rnd = new Random(seed);
    int t = 5;
    Fr[] st = values(rnd, t);
    Fr[] b0 = values(rnd, t - 1);
    Fr[] b1 = values(rnd, t - 1);
    Circuit c = circuit(st, b0, b1, nativeSponge(st.clone(), b0, b1));
    // Columns: 0 the input column, then the state x_0..x_4, then the extra cells e_0..e_8, of which
    // e_0..e_4 (the S-box helpers) are used on every row of a permutation.
    int column = 1 + rnd.nextInt(2 * t);
    int row = rnd.nextInt(2 * PoseidonRounds.rowsPerPermutation(t));
    long[] col = c.witness().advice()[column];
    Fr.readFrom(col, 4 * row).add(Fr.random(rnd).add(Fr.ONE)).writeTo(col, 4 * row);
    List<Failure> f = MockProver.run(c).failures();
    assertTrue(f.stream().anyMatch(x -> x instanceof Failure.GateFailure g && g.gate().startsWith("poseidon")),
        "advice" + column + "@" + row + ": " + f);
  }

  @Test
  void rowsPerPermutation() {
    for (int t = PoseidonParams.MIN_WIDTH; t <= PoseidonParams.MAX_WIDTH; t++) {
      int r = PoseidonRounds.partialPerRow(t);
      assertTrue(r <= t && PoseidonParams.partialRoundsFor(t) % r == 0, "t = " + t);
      System.out.printf("poseidon t=%d: %d partial rounds per row, %d rows per permutation (one per round: %d)%n", t, r,
          PoseidonRounds.rowsPerPermutation(t), PoseidonParams.of(t).rounds());
    }
    assertEquals(20, PoseidonRounds.rowsPerPermutation(5));
  }
}
