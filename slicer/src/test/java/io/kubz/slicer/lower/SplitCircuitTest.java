package io.kubz.slicer.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.mock.MockProver;
import io.kubz.slicer.api.LoweredCost;
import io.kubz.slicer.api.Strategy;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.plan.Part;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.SliceSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Budget plans with split layers, compiled: every slice's circuit is satisfied by the interpreter's
 * trace, uses no more rows than the estimate (which fits the budget), and commits to exactly the
 * trace's elements of each part it reads or writes.
 */
class SplitCircuitTest {

  /** Compiles and mock-proves every slice; returns the number of split slices. */
  static int checkPlan(Models.Traced t, int k) {
    return checkPlan(t, k, s -> true);
  }

  /** As above, compiling only the slices {@code which} selects (every slice's plan estimate is checked). */
  static int checkPlan(Models.Traced t, int k, java.util.function.Predicate<SliceSpec> which) {
    SlicePlan plan = Strategy.budget(k, 0).plan(t.q().graph(), new LoweredCost(t.q()));
    Map<String, Fr> salts = new java.util.HashMap<>();
    java.util.Random rnd = new java.util.Random(3);
    for (SliceSpec s : plan.slices()) {
      s.inputs().forEach(b -> salts.computeIfAbsent(b, x -> Fr.random(rnd)));
      s.outputs().forEach(b -> salts.computeIfAbsent(b, x -> Fr.random(rnd)));
    }
    int split = 0;
    java.util.List<java.util.List<String>> sets = new java.util.ArrayList<>();
    plan.slices().forEach(x -> sets.add(x.nodes()));
    Linking links = Linking.of(t.q().graph(), sets, Visibility.PUBLIC);
    for (SliceSpec s : plan.slices()) {
      split += s.split() != null ? 1 : 0;
      assertTrue(s.estimatedRows() < 1L << k, "slice " + s.id() + " plan estimate " + s.estimatedRows());
      if (!which.test(s)) {
        continue;
      }
      CompiledSlice cs = SliceCompiler.compile(t.q(), s, links);
      Circuit c = cs.circuit(t.trace(), salts);
      MockProver.run(c, 1).assertSatisfied();
      CircuitDescription d = cs.description();
      long used = cs.layout().rows();
      for (io.kubz.plonkish.ir.Region r : d.regions()) {
        used = Math.max(used, r.start() + r.rows());
      }
      assertTrue(used <= cs.estimate().rows(), "slice " + s.id() + ": " + used + " rows used, estimate " + cs.estimate());
      // planning assumes 8 lanes; the compiler may take fewer when that keeps the circuit's size
      RowEstimator.Estimate wide = SliceCompiler.compile(t.q(), s, links, SliceCompiler.DEFAULT_LANES).estimate();
      assertTrue(wide.rows() <= s.estimatedRows(), "compiler estimate within the plan's: " + s.id());
      assertTrue(cs.estimate().k() <= wide.k(), "fewer lanes keep the size: " + s.id());
      assertTrue(d.k() <= k, "slice " + s.id() + " has 2^" + d.k() + " rows");
      Fr[] expected = cs.instance(t.trace(), salts)[0];
      for (int r = 0; r < expected.length; r++) {
        assertEquals(expected[r], Fr.readFrom(c.witness().instance()[0], 4 * r), "slice " + s.id() + " instance row " + r);
      }
      for (InstanceLayout.Entry e : cs.layout().entries()) {
        Part p = Part.parse(e.tensor());
        if (p != null) {
          long[] whole = t.trace().containsKey(p.tensor()) ? t.trace().get(p.tensor()) : partialSums(t, p.tensor());
          Fr want = CompiledSlice.commitment(salts.get(e.tensor()),
              java.util.Arrays.copyOfRange(whole, p.from(), p.to()));
          assertEquals(want, expected[e.row()], "part " + e.tensor() + " commits to the trace's elements");
        }
      }
      System.out.println("split plan 2^" + k + " slice " + s.id() + " " + s.nodes() + " " + s.split() + ": " + used
          + " rows used, estimate " + cs.estimate().rows() + ", plan " + s.estimatedRows());
    }
    return split;
  }

  /**
   * The oracle of a partial-sum tensor {@code y@kA:B} of a Gemm x·Wᵀ (x of one row, W constant):
   * s[j] = Σ_{t∈[A,B)} x[t]·W[j, t], summed in BigInteger.
   */
  private static long[] partialSums(Models.Traced t, String name) {
    io.kubz.slicer.plan.Partial p = io.kubz.slicer.plan.Partial.parse(name);
    io.kubz.slicer.quant.QNode n = t.q().node(t.q().graph().producer(p.tensor()).name());
    long[] x = t.trace().get(n.node().inputs().get(0));
    long[] w = n.params()[1];
    int k = x.length;
    long[] s = new long[w.length / k];
    for (int j = 0; j < s.length; j++) {
      java.math.BigInteger acc = java.math.BigInteger.ZERO;
      for (int i = p.kFrom(); i < p.kTo(); i++) {
        acc = acc.add(java.math.BigInteger.valueOf(x[i]).multiply(java.math.BigInteger.valueOf(w[j * k + i])));
      }
      s[j] = acc.longValueExact();
    }
    return s;
  }

  /**
   * LeNet at 2^12 (issue #8): every slice's estimate fits, and the slices holding its first dense
   * layer, which reads the 400 flattened values in many small parts (so that its contraction is
   * split into partial sums when one output with those reads does not fit), compile within it and
   * are satisfied by the trace.
   */
  @Test
  void lenetAt2To12FitsAndItsDenseLayerReadsRowParts() {
    Models.Traced t = Models.traced(ExampleModels.lenet(1), 3);
    String fc1 = "fc1";
    checkPlan(t, 12, s -> s.nodes().contains(fc1));
  }

  @Test
  void mlpAt2To8SplitsTheContractionOfItsOutputLayer() {
    Models.Traced t = Models.traced(ExampleModels.mlp(1, 8, 64, 4), 3);
    SlicePlan plan = Strategy.budget(8, 0).plan(t.q().graph(), new LoweredCost(t.q()));
    assertTrue(plan.slices().stream().anyMatch(s -> s.split() != null && s.split().partial()), plan.toJson());
    checkPlan(t, 8);
  }

  @Test
  void cnnAt2To10SplitsItsFirstLayerByPooledChannels() {
    assertTrue(checkPlan(Models.cnn(5), 10) >= 2);
  }

  @Test
  void residualAt2To12SplitsTheBlockAndTheHeadReadsParts() {
    assertTrue(checkPlan(Models.traced(ExampleModels.residual(5, 256), 5), 12) >= 2);
  }

  @Test
  void cnnAt2To12FitsOneSlice() {
    assertEquals(0, checkPlan(Models.cnn(6), 12));
  }
}
