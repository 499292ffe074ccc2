package io.kubz.slicer.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.mock.MockProver;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.onnx.OnnxWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gathers of constant tables by an activation index with two-digit one-hots ({@link TableGather}),
 * as in a tree ensemble (two node arrays of 72 entries gathered by the same node index, then a
 * leaf array of 24 by another, and a [12, 3] table whose rows are gathered): the row estimate
 * covers the rows used, no unassigned cell is read, every assigned cell is pinned, a wrong output
 * element is rejected, and the second gather by the same index shares the first one's one-hots.
 */
class TableGatherTest {

  static Models.Traced trees(boolean second) {
    OnnxWriter w = OnnxWriter.create(second ? "trees" : "tree", 13);
    w.input("i", DType.INT64, 5);
    w.input("l", DType.INT64, 2);
    String a = w.node("Gather", List.of(w.initializer("nodes", NonlinearLoweringTest.weights(61, 72)), "i"));
    String s = a;
    if (second) {
      String b = w.node("Gather", List.of(w.initializer("biases", NonlinearLoweringTest.weights(62, 72)), "i"));
      s = w.node("Add", List.of(a, b));
    }
    String leaf = w.node("Gather", List.of(w.initializer("leaves", NonlinearLoweringTest.weights(63, 24)), "l"));
    String rows = w.node("Gather", List.of(w.initializer("rows", NonlinearLoweringTest.weights(64, 12, 3)), "l"));
    w.output(w.node("Concat", List.of(s, leaf, w.node("Reshape", List.of(rows,
        w.initializer("flat", io.kubz.slicer.ir.Tensor.of(DType.INT64, new int[] {1}, new double[] {6}))))), OnnxWriter.attr("axis", 0L)));
    return SelectionTest.traced(w.build(), List.of(SelectionTest.ints(new int[] {5}, 71, 0, 35, 36, 8),
        SelectionTest.ints(new int[] {2}, 11, 5)));
  }

  @Test
  void digitsAreChosenWhereTheySaveRows() {
    int b = TableGather.digit(72, 1);
    assertTrue(b > 1 && b < 72 && 72 % b == 0, "digit " + b);
    assertEquals(7, TableGather.digit(7, 1)); // a prime: the plain one-hot
    assertEquals(512, TableGather.digit(512, 768)); // an embedding row per index: plain is cheapest
    assertTrue(TableGather.digitsRows(576, 1) + TableGather.selectRows(576, 1)
        < (TableGather.oneHotRows(576) + 192) / 3);
  }

  @Test
  void aTreeEnsembleGathersSoundly() {
    Models.Traced t = trees(true);
    SliceCircuitTest.check(t, SliceCircuitTest.all(t), Visibility.PUBLIC);
    AssignedCellsTest.assertAssigned("trees", SliceCompiler.compile(t.q(), SliceCircuitTest.all(t),
        new Visibility(Visibility.Mode.HASHED, Visibility.Mode.HASHED)).circuit(t.trace(), t.salts(3)));
    assertEquals(List.of(), MutationSweepTest.survivors(MutationSweepTest.oneSlice(t, Visibility.PUBLIC)));
  }

  @Test
  void theSecondGatherByAnIndexSharesItsOneHots() {
    long one = SliceCompiler.compile(trees(false).q(), SliceCircuitTest.all(trees(false)), Visibility.PUBLIC)
        .estimate().rows();
    long two = SliceCompiler.compile(trees(true).q(), SliceCircuitTest.all(trees(true)), Visibility.PUBLIC)
        .estimate().rows();
    // the second gather adds its selections (A·⌈B/3⌉ + A each) and an Add, not another 5 one-hots
    assertTrue(two - one < 5 * TableGather.digitsRows(72, 1) + 5 * TableGather.selectRows(72, 1),
        one + " → " + two);
    SliceCircuitTest.check(trees(false), SliceCircuitTest.all(trees(false)), Visibility.PUBLIC);
  }

  /** Each element of each gather's output claims another value (the concatenation only moves cells). */
  @Test
  void aWrongGatheredElementIsRejected() {
    Models.Traced t = trees(true);
    int forgedCount = 0;
    for (io.kubz.slicer.quant.QNode n : t.q().nodes()) {
      if (!(n.node().op() instanceof io.kubz.slicer.ir.Op.DynamicGather)) {
        continue;
      }
      String out = n.node().output();
      long[] y = t.trace().get(out);
      for (int i = 0; i < y.length; i++) {
        Map<String, long[]> forged = new HashMap<>(t.trace());
        long[] f = y.clone();
        f[i] = y[(i + 1) % y.length] != y[i] ? y[(i + 1) % y.length] : y[i] + 1;
        forged.put(out, f);
        Circuit c = SliceCompiler.compile(t.q(), SliceCircuitTest.all(t), Visibility.PUBLIC).circuit(forged, Map.of());
        assertFalse(MockProver.run(c, 1).isSatisfied(), n.name() + " element " + i);
        forgedCount++;
      }
    }
    assertEquals(5 + 5 + 2 + 6, forgedCount);
  }
}
