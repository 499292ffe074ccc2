package io.kubz.plonkish.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.plonkish.RandomCircuit;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class RandomCircuitProperties {

  @Property(tries = 60)
  void honestWitnessSatisfiesEveryConstraint(@ForAll long seed) {
    RandomCircuit rc = new RandomCircuit(seed);
    MockProver.run(rc.build(null), seed).assertSatisfied();
  }

  @Property(tries = 60)
  void corruptingAnOutputCellIsReportedAtItsGateAndRow(@ForAll long seed) {
    RandomCircuit rc = new RandomCircuit(seed);
    Random rnd = new Random(seed);
    int g = rnd.nextInt(rc.polys.size());
    int row = 1 + rnd.nextInt(rc.rows - 2);
    List<Failure> f = MockProver.run(rc.build(new int[] {1, g, row}), seed).failures();
    assertTrue(f.stream().anyMatch(x -> x instanceof Failure.GateFailure gf && gf.gate().equals("gate" + g)
        && gf.row() == row && gf.regions().equals(List.of("random(row " + row + ")"))), f.toString());
  }

  @Property(tries = 60)
  void corruptingAnInputCellIsReportedExactlyWhenTheOracleSaysItBreaks(@ForAll long seed) {
    RandomCircuit rc = new RandomCircuit(seed);
    Random rnd = new Random(seed);
    int col = rnd.nextInt(rc.inputs);
    int row = rnd.nextInt(rc.rows);
    boolean breaks = rc.inputCorruptionBreaks(col, row, Fr.random(rnd));
    assertEquals(breaks, !MockProver.run(rc.build(new int[] {0, col, row}), seed).isSatisfied());
  }

  @Property(tries = 30)
  void corruptingThePublicValueIsACopyFailure(@ForAll long seed) {
    RandomCircuit rc = new RandomCircuit(seed);
    if (rc.phase1) {
      return;
    }
    List<Failure> f = MockProver.run(rc.build(new int[] {2, 0, 0}), seed).failures();
    assertEquals(1, f.size(), f.toString());
    assertTrue(f.get(0) instanceof Failure.CopyFailure);
    assertFalse(MockProver.run(rc.build(new int[] {2, 0, 0}), seed).argumentFailures().isEmpty());
  }
}
