package io.kubz.slicer.layered;

import static io.kubz.slicer.layered.LayeredRandomModelsTest.agrees;
import static io.kubz.slicer.layered.LayeredRandomModelsTest.uniform;
import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static io.kubz.slicer.onnx.OnnxWriter.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.gkr.model.Evaluator;
import io.kubz.gkr.model.Layer;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.OnnxWriter;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Comparisons, logical operations and Where ({@link Logic}) on seeded random models with odd and
 * size-1 dimensions, broadcasting and exact ties: the lowered model computes the interpreter's
 * booleans bit for bit, and refuses a non-boolean condition exactly as the interpreter does.
 */
class LayeredLogicTest {
  private static final String[] COMPARISONS = {"Less", "LessOrEqual", "Greater", "GreaterOrEqual", "Equal"};

  private static int dim(SplittableRandom rnd, int max) {
    return 1 + rnd.nextInt(max);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void comparisons(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] shape = {dim(rnd, 2), dim(rnd, 3), dim(rnd, 5)};
    for (String op : COMPARISONS) {
      // against a broadcast constant, on both sides
      agrees(op + " const", 13, shape, rnd, (w, r) -> w.node(op,
          List.of("x", w.initializer("c", uniform(r, 1, shape[1], 1)))));
      agrees(op + " const left", 13, shape, rnd, (w, r) -> w.node(op,
          List.of(w.initializer("c", uniform(r, 1, shape[2])), "x")));
      // exact ties: max(x, c) equals x wherever x ≥ c
      agrees(op + " ties", 13, shape, rnd, (w, r) -> w.node(op,
          List.of("x", w.node("Max", List.of("x", w.initializer("c", Tensor.of(new int[] {}, 0.1)))))));
      // two activations, one broadcast
      agrees(op + " activations", 13, shape, rnd, (w, r) -> w.node(op,
          List.of(w.node("ReduceMean", List.of("x"), ints("axes", 2)), "x")));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void logicalOperations(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] shape = {dim(rnd, 3), dim(rnd, 4)};
    for (String op : new String[] {"And", "Or", "Xor"}) {
      agrees(op, 13, shape, rnd, (w, r) -> w.node(op, List.of(
          w.node("Less", List.of("x", w.initializer("a", Tensor.of(new int[] {}, 0.5)))),
          w.node("Greater", List.of("x", w.initializer("b", uniform(r, 1, shape[1])))))));
      // a constant mask, and a boolean that went through a re-indexing (its bit is looked up)
      agrees(op + " mask", 13, shape, rnd, (w, r) -> w.node(op, List.of(
          w.node("Less", List.of("x", w.initializer("a", Tensor.of(new int[] {}, 0.0)))),
          w.initializer("m", mask(r, shape)))));
      agrees(op + " reshaped", 13, shape, rnd, (w, r) -> w.node(op, List.of(
          w.node("Reshape", List.of(w.node("Flatten", List.of(w.node("GreaterOrEqual",
              List.of("x", w.initializer("a", Tensor.of(new int[] {}, -0.2))))), attr("axis", 0L)),
              w.initializer("s", Tensor.longs(shape[0], shape[1])))),
          w.node("Equal", List.of("x", "x")))));
    }
    agrees("Not", 13, shape, rnd, (w, r) -> w.node("Not", List.of(
        w.node("LessOrEqual", List.of("x", w.initializer("a", uniform(r, 1, shape)))))));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void where(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] shape = {dim(rnd, 2), dim(rnd, 3), dim(rnd, 4)};
    // computed condition, activation branches (one broadcast)
    agrees("Where", 13, shape, rnd, (w, r) -> w.node("Where", List.of(
        w.node("Less", List.of("x", w.initializer("a", Tensor.of(new int[] {}, 0.0)))),
        "x", w.node("ReduceSum", List.of("x", w.initializer("ax", Tensor.longs(1))), attr("keepdims", 1L)))));
    // computed condition, constant branches
    agrees("Where constants", 13, shape, rnd, (w, r) -> w.node("Where", List.of(
        w.node("Greater", List.of("x", w.initializer("a", uniform(r, 1, shape[2])))),
        w.initializer("p", uniform(r, 3, shape[1], 1)), w.initializer("q", Tensor.of(new int[] {}, -1.5)))));
    // constant condition: a re-indexing
    agrees("Where mask", 13, shape, rnd, (w, r) -> w.node("Where", List.of(
        w.initializer("m", mask(r, shape[1], shape[2])), "x", w.node("Neg", List.of("x")))));
  }

  /** A condition read from a model input: a non-boolean value is refused by both, a boolean selects. */
  @Test
  void aNonBooleanConditionIsRefusedAsByTheInterpreter() {
    OnnxWriter w = OnnxWriter.create("where_input", 13);
    w.input("x", 2, 3);
    w.input("c", DType.BOOL, 2, 3);
    w.output(w.node("Where", List.of("c", "x", w.node("Neg", List.of("x")))));
    Graph g = Differential.graph(w.build());
    Tensor x = uniform(new SplittableRandom(1), 2, 2, 3);
    Tensor good = Tensor.of(DType.BOOL, new int[] {2, 3}, new double[] {1, 0, 0, 1, 1, 0});
    QuantizedGraph q = Calibrator.calibrate(g, List.of(List.of(x, good)), QuantPlan.defaults()).graph();
    LayeredLowering.Lowered l = Differential.check(q, List.of(x, good));
    assertEquals(1, l.model().tables().size(), "the condition's bit is looked up");
    assertTrue(l.model().layers().stream().anyMatch(k -> k instanceof Layer.Lookup));
    for (double bad : new double[] {0.5, 2, -1}) {
      long[][] in = {q.quantizeInput(x), q.quantizeInput(good)};
      in[1][2] = (long) (bad * (1L << q.activationScale())); // a prover's own input, not from a BOOL tensor
      assertThrows(BadInputException.class, () -> IntegerInterpreter.run(q, List.of(in)));
      assertThrows(BadInputException.class, () -> Evaluator.run(l.model(), in), "condition " + bad);
    }
  }

  /** A constant non-boolean operand of And: the interpreter refuses every run, the lowering refuses. */
  @Test
  void aConstantNonBooleanOperandIsRefused() {
    SplittableRandom rnd = new SplittableRandom(2);
    BadInputException e = assertThrows(BadInputException.class, () -> agrees("and", 13, new int[] {2, 2}, rnd,
        (w, r) -> w.node("And", List.of(w.node("Less", List.of("x", w.initializer("a", Tensor.of(new int[] {}, 0.0)))),
            w.initializer("m", Tensor.of(new int[] {2}, 1, 0.5))))));
    assertTrue(e.getMessage().contains("boolean"), e.getMessage());
  }

  /** A comparison is one sign-test rescale (no table); its output is 0 or 2^s. */
  @Test
  void aComparisonIsOneRescaleOfOneBit() {
    LayeredLowering.Lowered l = agrees("less", 13, new int[] {3, 1}, new SplittableRandom(5), (w, r) -> w.node("Less",
        List.of("x", w.initializer("c", Tensor.of(new int[] {}, 0.25)))));
    List<Layer.Rescale> rescales = l.model().layers().stream().filter(k -> k instanceof Layer.Rescale)
        .map(k -> (Layer.Rescale) k).toList();
    assertEquals(1, rescales.size());
    assertEquals(1, rescales.get(0).outBits());
    assertEquals(0, l.model().tables().size());
  }

  static Tensor mask(SplittableRandom rnd, int... shape) {
    Tensor t = Tensor.zeros(DType.BOOL, shape);
    for (int i = 0; i < t.data().length; i++) {
      t.data()[i] = rnd.nextBoolean() ? 1 : 0;
    }
    return t;
  }
}
