package io.kubz.slicer.lower;

import static io.kubz.slicer.onnx.OnnxWriter.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.ir.Argument;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Witness;
import io.kubz.plonkish.mock.MockProver;
import io.kubz.slicer.onnx.OnnxWriter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue #16: on small slices (a multiply-accumulate product, a padded convolution on the
 * Freivalds path, a table non-linearity, a pool, a slice linked by commitments on both sides),
 * every advice cell that synthesis assigned, changed alone by +1 (in the final trace, the cells of
 * later phases included), makes the MockProver fail. No cell is excluded: an assigned cell that
 * no constraint pins would be a value the prover may choose freely.
 */
class MutationSweepTest {

  /** Cells changed and survived (the MockProver still satisfied), as "column@row (regions)". */
  static List<String> survivors(Circuit c) {
    CircuitDescription d = c.description();
    Witness w = c.witness();
    MockProver.run(c, 1).assertSatisfied();
    boolean[] argument = new boolean[d.numAdvice()];
    for (Argument a : d.arguments()) {
      a.columns().forEach(col -> argument[col.index()] = true);
    }
    List<String> out = new ArrayList<>();
    int swept = 0;
    for (int col = 0; col < d.numAdvice(); col++) {
      BitSet rows = w.assigned()[col];
      if (argument[col]) {
        assertTrue(rows.isEmpty(), "synthesis assigns no argument column");
        continue;
      }
      for (int row = rows.nextSetBit(0); row >= 0 && row < d.usable(); row = rows.nextSetBit(row + 1)) {
        swept++;
        if (MockProver.run(mutated(c, col, row), 1).isSatisfied()) {
          int r = row;
          out.add("advice" + col + "@" + row + " " + d.regions().stream().filter(x -> x.contains(r)).map(x -> x.name())
              .toList());
        }
      }
    }
    assertTrue(swept > 0);
    System.out.println("mutation sweep: " + swept + " cells of 2^" + d.k() + " rows, " + out.size() + " survived");
    return out;
  }

  /** The circuit with advice cell (col, row) of the filled trace moved by +1, nothing else. */
  static Circuit mutated(Circuit c, int col, int row) {
    Witness w = c.witness();
    int phase = c.description().advicePhases()[col];
    long[][] adv = w.advice().clone();
    List<Witness.PhaseFiller> fillers = w.fillers();
    if (phase == 0) {
      adv[col] = adv[col].clone();
      Fr.readFrom(adv[col], 4 * row).add(Fr.ONE).writeTo(adv[col], 4 * row);
    } else {
      fillers = List.of((p, ch, a) -> {
        w.fillers().forEach(f -> f.fill(p, ch, a));
        if (p == phase) {
          Fr.readFrom(a[col], 4 * row).add(Fr.ONE).writeTo(a[col], 4 * row);
        }
      });
    }
    return new Circuit(c.description(), w.withValues(w.instance(), adv, fillers));
  }

  static Circuit oneSlice(Models.Traced t, Visibility v) {
    return SliceCompiler.compile(t.q(), SliceCircuitTest.all(t), v).circuit(t.trace(), t.salts(9));
  }

  @Test
  void multiplyAccumulate() {
    Models.Traced t = NonlinearLoweringTest.traced(AssignedCellsTest.image("gemm", new int[] {1, 3},
        w -> w.node("Gemm", List.of("x", w.initializer("w", NonlinearLoweringTest.weights(1, 2, 3)),
            w.initializer("b", NonlinearLoweringTest.weights(2, 2))), OnnxWriter.attr("transB", 1L))));
    assertEquals(List.of(), survivors(oneSlice(t, Visibility.PUBLIC)));
  }

  @Test
  void paddedConvolutionOnTheFreivaldsPath() {
    Models.Traced t = NonlinearLoweringTest.traced(AssignedCellsTest.image("conv", new int[] {1, 1, 4, 4},
        w -> AssignedCellsTest.conv(w, "x", 3, new int[] {2, 1, 3, 3}, ints("pads", 1, 1, 1, 1))));
    Circuit c = oneSlice(t, Visibility.PUBLIC);
    assertTrue(c.description().regions().stream().anyMatch(r -> r.name().endsWith(" X·r")), "Freivalds path");
    assertEquals(List.of(), survivors(c));
  }

  @Test
  void tableNonlinearity() {
    Models.Traced t = NonlinearLoweringTest.traced(AssignedCellsTest.image("sigmoid", new int[] {1, 3},
        w -> w.node("Sigmoid", List.of(w.node("Gemm", List.of("x", w.initializer("w",
            NonlinearLoweringTest.weights(4, 2, 3))), OnnxWriter.attr("transB", 1L))))));
    assertEquals(List.of(), survivors(oneSlice(t, Visibility.PUBLIC)));
  }

  @Test
  void pools() {
    Models.Traced t = NonlinearLoweringTest.traced(AssignedCellsTest.image("pools", new int[] {1, 1, 3, 3},
        w -> w.node("AveragePool", List.of(w.node("MaxPool", List.of("x"), ints("kernel_shape", 2, 2),
            ints("pads", 1, 1, 0, 0))), ints("kernel_shape", 2, 2), ints("pads", 0, 0, 1, 1))));
    assertEquals(List.of(), survivors(oneSlice(t, Visibility.PUBLIC)));
  }

  @Test
  void sliceLinkedByCommitments() {
    Models.Traced t = NonlinearLoweringTest.traced(AssignedCellsTest.image("linked", new int[] {1, 3},
        w -> w.node("Relu", List.of(w.node("Gemm", List.of("x", w.initializer("w",
            NonlinearLoweringTest.weights(5, 2, 3))), OnnxWriter.attr("transB", 1L))))));
    String relu = t.q().nodes().get(1).name();
    Circuit c = SliceCompiler.compile(t.q(), Set.of(relu), new Visibility(Visibility.Mode.HASHED,
        Visibility.Mode.HASHED)).circuit(t.trace(), t.salts(9));
    assertEquals(List.of(), survivors(c));
  }
}
