package io.kubz.slicer.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Witness;
import io.kubz.plonkish.mock.MockProver;
import io.kubz.slicer.quant.QNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SliceCircuitTest {

  static Set<String> all(Models.Traced t) {
    Set<String> s = new LinkedHashSet<>();
    for (QNode n : t.q().nodes()) {
      s.add(n.name());
    }
    return s;
  }

  /** Mock-checks the slice, compares its instance with the native one and its shape with keygen's. */
  static Circuit check(Models.Traced t, Set<String> nodes, Visibility vis) {
    CompiledSlice cs = SliceCompiler.compile(t.q(), nodes, vis);
    Map<String, Fr> salts = t.salts(7);
    Circuit c = cs.circuit(t.trace(), salts);
    MockProver.run(c, 1).assertSatisfied();
    Fr[] expected = cs.instance(t.trace(), salts)[0];
    for (int r = 0; r < expected.length; r++) {
      assertEquals(expected[r], Fr.readFrom(c.witness().instance()[0], 4 * r), "instance row " + r);
    }
    CircuitDescription d = cs.description();
    assertEquals(d.k(), c.description().k());
    assertEquals(d.numFixed(), c.description().numFixed());
    for (int i = 0; i < d.numFixed(); i++) {
      assertArrayEquals(d.fixed()[i], c.description().fixed()[i], "fixed column " + i);
    }
    long used = cs.layout().rows();
    for (io.kubz.plonkish.ir.Region r : d.regions()) {
      used = Math.max(used, r.start() + r.rows());
    }
    if (d.allGates().stream().anyMatch(g -> g.name().startsWith("lookup " + Lanes.TABLE.id()))) {
      used = Math.max(used, Tables.minRows(Lanes.TABLE)); // the range table's rows
    }
    RowEstimator.Estimate est = cs.estimate();
    assertTrue(est.rows() >= used && est.rows() <= 2 * used + 16, "estimate " + est + " vs " + used + " rows used");
    assertTrue(est.k() >= d.k());
    return c;
  }

  @Test
  void mlpAsOneSliceAndPerNode() {
    Models.Traced t = Models.mlp(11);
    Circuit c = check(t, all(t), Visibility.PUBLIC);
    // public output values are the interpreter's
    long[] out = t.trace().get("output");
    CompiledSlice cs = SliceCompiler.compile(t.q(), all(t), Visibility.PUBLIC);
    InstanceLayout.Entry e = cs.layout().find("output", true);
    for (int i = 0; i < out.length; i++) {
      assertEquals(Fr.of(out[i]), Fr.readFrom(c.witness().instance()[0], 4 * (e.row() + i)));
    }
    for (QNode n : t.q().nodes()) {
      check(t, Set.of(n.name()), new Visibility(Visibility.Mode.HASHED, Visibility.Mode.HASHED));
    }
  }

  @Test
  void cnnAsOneSlice() {
    Models.Traced t = Models.cnn(12);
    check(t, all(t), Visibility.PUBLIC);
  }

  @Test
  void residualPerNode() {
    Models.Traced t = Models.residual(13);
    for (QNode n : t.q().nodes()) {
      check(t, Set.of(n.name()), Visibility.PUBLIC);
    }
  }

  @Test
  void singleCellCorruptionsAreCaught() {
    Models.Traced t = Models.mlp(14);
    Circuit c = check(t, all(t), Visibility.PUBLIC);
    CircuitDescription d = c.description();
    Witness w = c.witness();
    Random rnd = new Random(3);
    int tried = 0;
    for (int attempt = 0; attempt < 100000 && tried < 25; attempt++) {
      int col = rnd.nextInt(d.numAdvice());
      int row = rnd.nextInt(d.usable());
      if (Fr.readFrom(w.advice()[col], 4 * row).isZero()) {
        continue;
      }
      long[][] adv = w.advice().clone();
      adv[col] = adv[col].clone();
      Fr.readFrom(adv[col], 4 * row).add(Fr.ONE).writeTo(adv[col], 4 * row);
      Circuit bad = new Circuit(d, new Witness(w.instance(), adv, w.fillers()));
      assertFalse(MockProver.run(bad, 1).isSatisfied(), "corrupting advice" + col + "@" + row + " went unnoticed");
      tried++;
    }
    assertEquals(25, tried);
  }

  @Test
  void boundariesAndErrors() {
    Models.Traced t = Models.residual(15);
    // the residual block's Add reads the model input and fc2's output: two inputs, one committed
    String add = null;
    for (QNode n : t.q().nodes()) {
      if (n.node().op() instanceof io.kubz.slicer.ir.Op.Binary) {
        add = n.name();
      }
    }
    CompiledSlice cs = SliceCompiler.compile(t.q(), Set.of(add), Visibility.PUBLIC);
    assertEquals(2, cs.inputs().size());
    assertEquals(1, cs.outputs().size());
    long commitments = cs.layout().entries().stream().filter(InstanceLayout.Entry::commitment).count();
    assertEquals(2, commitments, "fc2's output and the Add's output are committed: " + cs.layout());
    io.kubz.field.BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(
        io.kubz.field.BadInputException.class, () -> SliceCompiler.compile(t.q(), Set.of("nope"), Visibility.PUBLIC));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }
}
