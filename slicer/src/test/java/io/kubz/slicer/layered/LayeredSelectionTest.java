package io.kubz.slicer.layered;

import static io.kubz.slicer.layered.LayeredRandomModelsTest.agrees;
import static io.kubz.slicer.layered.LayeredRandomModelsTest.uniform;
import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.gkr.model.Evaluator;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.OnnxWriter;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ArgMax/ArgMin and gathers by an activation index ({@link Selection}) on seeded random models:
 * ties (first index, or last with select_last_index), size-1 axes, constant and activation data, an
 * index computed by an ArgMax; the lowered model computes the interpreter's outputs, and refuses a
 * negative, too large or fractional index exactly as the interpreter does.
 */
class LayeredSelectionTest {
  private static int dim(SplittableRandom rnd, int max) {
    return 1 + rnd.nextInt(max);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void argExtremes(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] shape = {dim(rnd, 2), dim(rnd, 4), dim(rnd, 5)};
    long axis = rnd.nextInt(3);
    long keep = rnd.nextInt(2);
    for (String op : new String[] {"ArgMax", "ArgMin"}) {
      for (long last = 0; last < 2; last++) {
        long sl = last;
        agrees(op, 13, shape, rnd, (w, r) -> w.node(op, List.of("x"), attr("axis", axis), attr("keepdims", keep),
            attr("select_last_index", sl)));
        // many exact ties: clipped to [−0.3, 0.3], most entries sit on a bound
        agrees(op + " ties", 13, shape, rnd, (w, r) -> w.node(op, List.of(w.node("Clip", List.of("x",
            w.initializer("lo", Tensor.of(new int[] {}, -0.3)), w.initializer("hi", Tensor.of(new int[] {}, 0.3))))),
            attr("axis", axis), attr("keepdims", keep), attr("select_last_index", sl)));
      }
    }
  }

  /** A gather whose index is an ArgMax: the selection of a computed index. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void gatherByAComputedIndex(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int rows = dim(rnd, 3);
    int cols = 1 + dim(rnd, 4); // ≥ 2: the importer probes a gather with index 1
    int e = dim(rnd, 3);
    agrees("embedding of an argmax", 13, new int[] {rows, cols}, rnd, (w, r) -> w.node("Gather", List.of(
        w.initializer("t", uniform(r, 1, cols, e)),
        w.node("ArgMax", List.of("x"), attr("axis", 1L), attr("keepdims", 0L)))));
    agrees("gather of an argmax from x", 13, new int[] {rows, cols}, rnd, (w, r) -> w.node("Gather", List.of("x",
        w.node("ArgMax", List.of("x"), attr("axis", 1L), attr("keepdims", 0L))), attr("axis", 1L)));
    agrees("gather elements of an argmin", 13, new int[] {rows, cols}, rnd, (w, r) -> w.node("GatherElements",
        List.of("x", w.node("ArgMin", List.of("x"), attr("axis", 1L), attr("keepdims", 1L))), attr("axis", 1L)));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void gathersByAnInputIndex(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] xs = {dim(rnd, 3), dim(rnd, 4), dim(rnd, 3)};
    int axis = rnd.nextInt(3);
    xs[axis] = Math.max(2, xs[axis]); // the importer probes a gather with index 1
    int count = dim(rnd, 4);
    boolean constant = rnd.nextBoolean();
    // Gather: indices of any shape
    OnnxWriter w = OnnxWriter.create("gather", 13);
    w.input("x", xs);
    w.input("i", DType.INT64, count);
    String data = constant ? w.initializer("t", uniform(rnd, 1, xs)) : w.node("Mul", List.of("x",
        w.initializer("k", Tensor.of(new int[] {}, 0.5))));
    w.output(w.node("Add", List.of(w.node("Gather", List.of(data, "i"), attr("axis", (long) axis)),
        w.initializer("z", Tensor.of(new int[] {}, 0.0)))));
    checkIndices(w, xs, new int[] {count}, xs[axis], rnd);
    // GatherElements: indices of the output's shape
    int[] us = xs.clone();
    us[axis] = dim(rnd, 3);
    OnnxWriter we = OnnxWriter.create("gather_elements", 13);
    we.input("x", xs);
    we.input("i", DType.INT64, us);
    String de = constant ? we.initializer("t", uniform(rnd, 1, xs)) : "x";
    we.output(we.node("Neg", List.of(we.node("GatherElements", List.of(de, "i"), attr("axis", (long) axis)))));
    checkIndices(we, xs, us, xs[axis], rnd);
  }

  /**
   * Calibrates on valid indices, checks two valid runs, then for each invalid index (−1, dim, 0.5,
   * −dim) that both the interpreter and the lowered model refuse.
   */
  private static void checkIndices(OnnxWriter w, int[] xs, int[] us, int dim, SplittableRandom rnd) {
    Graph g = Differential.graph(w.build());
    List<List<Tensor>> runs = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      runs.add(List.of(uniform(rnd, 2, xs), indices(rnd, us, dim)));
    }
    QuantizedGraph q = Calibrator.calibrate(g, runs, QuantPlan.defaults()).graph();
    LayeredLowering.Lowered l = null;
    for (List<Tensor> in : runs) {
      l = Differential.check(q, in);
    }
    LayeredLowering.Lowered lowered = l;
    int t = q.node(g.nodes().stream().filter(n -> n.onnxOpType().startsWith("Gather")).findFirst().orElseThrow()
        .name()).inScales()[1];
    for (double bad : new double[] {-1, dim, 0.5, -dim, dim + 3}) {
      if (t == 0 && bad != Math.rint(bad)) {
        continue; // an index of scale 0 has no fractions
      }
      long[][] in = {q.quantizeInput(runs.get(0).get(0)), q.quantizeInput(runs.get(0).get(1))};
      int at = rnd.nextInt(in[1].length);
      in[1][at] = (long) Math.floor(bad * (1L << t));
      assertThrows(BadInputException.class, () -> IntegerInterpreter.run(q, List.of(in)), "interpreter, " + bad);
      BadInputException e = assertThrows(BadInputException.class, () -> Evaluator.run(lowered.model(), in),
          "lowered model, index " + bad);
      assertTrue(e.getMessage().contains("kubz/index-equals"), e.getMessage());
    }
    // the last valid index, everywhere
    long[][] in = {q.quantizeInput(runs.get(0).get(0)), q.quantizeInput(runs.get(0).get(1))};
    java.util.Arrays.fill(in[1], (long) (dim - 1) << t);
    long[] want = IntegerInterpreter.run(q, List.of(in)).values().iterator().next();
    assertArrayEquals(want, Evaluator.run(lowered.model(), in)[lowered.model().outputs()[0]]);
  }

  private static Tensor indices(SplittableRandom rnd, int[] shape, int dim) {
    Tensor t = Tensor.zeros(DType.INT64, shape);
    for (int i = 0; i < t.data().length; i++) {
      t.data()[i] = rnd.nextInt(dim);
    }
    return t;
  }

  /** ArgMax over a size-1 axis is 0 everywhere, with no layer at all but a constant. */
  @Test
  void argMaxOfOneIsZero() {
    LayeredLowering.Lowered l = agrees("argmax1", 13, new int[] {3, 1}, new SplittableRandom(3), (w, r) -> w.node(
        "ArgMax", List.of("x"), attr("axis", 1L)));
    assertTrue(l.model().layers().stream().noneMatch(k -> k instanceof io.kubz.gkr.model.Layer.Max));
  }
}
