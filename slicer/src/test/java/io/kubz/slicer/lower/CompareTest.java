package io.kubz.slicer.lower;

import static io.kubz.slicer.lower.NonlinearLoweringTest.assertForced;
import static io.kubz.slicer.lower.NonlinearLoweringTest.traced;
import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.KubzException;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.OnnxWriter;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import io.kubz.slicer.quant.QNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Comparisons, booleans, Where and binary Max/Min ({@link Compare}, {@link Select}) after a Gemm
 * 6 → 8: the interpreter's trace satisfies the circuit, a moved output does not, no unassigned cell
 * is read (one slice, public and committed, and per node), and the quantized result equals float.
 */
class CompareTest {

  static Tensor scalar(double v) {
    return Tensor.of(new int[] {}, v);
  }

  static Stream<AssignedCellsTest.Case> cases() {
    List<AssignedCellsTest.Case> c = new ArrayList<>();
    for (String cmp : List.of("Less", "LessOrEqual", "Greater", "GreaterOrEqual", "Equal")) {
      // against an activation that equals x on about half of the elements (ties), and against a constant
      c.add(gemmThen(cmp + " of activations", (w, x) -> w.node(cmp, List.of(x, w.node("Abs", List.of(x))))));
      c.add(gemmThen(cmp + " with a constant", (w, x) -> w.node(cmp, List.of(w.initializer("k", scalar(0.125)), x))));
    }
    c.add(gemmThen("And, Or, Xor, Not", (w, x) -> {
      String lo = w.node("Less", List.of(x, w.initializer("hi", scalar(0.3))));
      String hi = w.node("Greater", List.of(x, w.initializer("lo", scalar(-0.2))));
      String and = w.node("And", List.of(lo, hi));
      String or = w.node("Or", List.of(w.node("Not", List.of(lo)), and));
      return w.node("Xor", List.of(or, hi));
    }));
    c.add(gemmThen("Where as leaky ReLU, Cast of a boolean", (w, x) -> {
      String pos = w.node("Greater", List.of(x, w.initializer("zero", scalar(0))));
      String leak = w.node("Mul", List.of(x, w.initializer("a", scalar(0.1))));
      String mask = w.node("Cast", List.of(pos), attr("to", 1L));
      return w.node("Add", List.of(w.node("Where", List.of(pos, x, leak)), mask));
    }));
    c.add(gemmThen("Where with a constant mask and fill (causal mask)", (w, x) -> w.node("Where", List.of(
        w.initializer("mask", Tensor.of(DType.BOOL, new int[] {8}, new double[] {1, 0, 1, 1, 0, 0, 1, 0})),
        x, w.initializer("fill", scalar(-2.0))))));
    c.add(gemmThen("Max and Min of activations and constants", (w, x) -> {
      String neg = w.node("Neg", List.of(x));
      String max = w.node("Max", List.of(x, neg));
      return w.node("Min", List.of(max, w.node("Max", List.of(neg, w.initializer("m", scalar(0.2))))));
    }));
    c.add(gemmThen("ArgMax, ArgMin with ties (first index, last index)", NonlinearLoweringTest.grouped((w, x) -> {
      String top = w.node("Min", List.of(x, w.initializer("cap", scalar(0.1)))); // ties at 0.1
      String low = w.node("Max", List.of(x, w.initializer("floor", scalar(-0.1)))); // ties at −0.1
      String a = w.node("ArgMax", List.of(top), attr("axis", 1L), attr("keepdims", 0L));
      String b = w.node("ArgMin", List.of(low), attr("axis", 1L), attr("keepdims", 0L));
      String lastA = w.node("ArgMax", List.of(top), attr("axis", 1L), attr("keepdims", 0L),
          attr("select_last_index", 1L));
      String lastB = w.node("ArgMin", List.of(low), attr("axis", 0L), attr("keepdims", 0L),
          attr("select_last_index", 1L));
      return w.node("Concat", List.of(a, b, lastA, lastB), attr("axis", 0L));
    })));
    c.add(gemmThen("Cast of an index and a comparison to INT64, back to FLOAT", NonlinearLoweringTest.grouped((w, x) -> {
      String i = w.node("Cast", List.of(w.node("ArgMax", List.of(x), attr("axis", 1L))), attr("to", 7L));
      String b = w.node("Cast", List.of(w.node("Less", List.of(x, w.initializer("t", scalar(0))))), attr("to", 7L));
      return w.node("Mul", List.of(w.node("Cast", List.of(i), attr("to", 1L)), w.node("Cast", List.of(b),
          attr("to", 1L))));
    })));
    c.add(gemmThen("CastLike of a comparison to the activation's type", (w, x) -> w.node("Mul", List.of(x,
        w.node("CastLike", List.of(w.node("GreaterOrEqual", List.of(x, w.initializer("t", scalar(0.05)))), x))))));
    return c.stream();
  }

  static AssignedCellsTest.Case gemmThen(String name, BiFunction<OnnxWriter, String, String> op) {
    return AssignedCellsTest.gemmThen(name, op);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void forcedAssignedAndExact(AssignedCellsTest.Case k) {
    Models.Traced t = traced(k.model());
    assertForced(t);
    for (Visibility v : List.of(Visibility.PUBLIC, new Visibility(Visibility.Mode.HASHED, Visibility.Mode.HASHED))) {
      AssignedCellsTest.assertAssigned(k.name() + " " + v,
          SliceCompiler.compile(t.q(), SliceCircuitTest.all(t), v).circuit(t.trace(), t.salts(3)));
    }
    for (QNode n : t.q().nodes()) {
      AssignedCellsTest.assertAssigned(k.name() + " node " + n.name(), SliceCompiler.compile(t.q(), Set.of(n.name()),
          new Visibility(Visibility.Mode.HASHED, Visibility.Mode.HASHED)).circuit(t.trace(), t.salts(4)));
    }
    double err = ElementwiseFunctionsTest.maxError(t.q());
    assertTrue(err < 0.01, k.name() + ": max |quantized − float| = " + err);
  }

  @Test
  void noAssignedCellIsFree() {
    for (String name : List.of("Equal of activations", "And, Or, Xor, Not", "Where as leaky ReLU, Cast of a boolean",
        "Max and Min of activations and constants", "Less with a constant",
        "ArgMax, ArgMin with ties (first index, last index)")) {
      AssignedCellsTest.Case k = cases().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
      Models.Traced t = traced(k.model());
      assertEquals(List.of(), MutationSweepTest.survivors(MutationSweepTest.oneSlice(t, Visibility.PUBLIC)), name);
    }
  }

  @Test
  void anotherIndexIsRejected() {
    AssignedCellsTest.Case k = cases().filter(x -> x.name().startsWith("ArgMax")).findFirst().orElseThrow();
    Models.Traced t = traced(k.model());
    long one = 1L << t.q().activationScale();
    long[] y = t.trace().get(t.q().graph().outputs().get(0).name());
    assertTrue(y[0] != y[4] || y[1] != y[5], "the model has ties: first and last index differ");
    for (int i = 0; i < y.length; i++) {
      long delta = y[i] == 0 ? one : -one; // a neighbouring, valid index
      assertTrue(!NonlinearLoweringTest.tampered(t, i, delta).isEmpty(), "index " + i + " moved to a neighbour");
    }
  }

  /** A causal mask as PyTorch exports it: Where(constant mask, scores, −inf), then Softmax. */
  @Test
  void causalMaskWithMinusInfinityBeforeSoftmax() {
    ModelProto m = AssignedCellsTest.gemmThen("causal", NonlinearLoweringTest.grouped((w, x) -> {
      double[] mask = new double[8];
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 4; j++) {
          mask[i * 4 + j] = j <= i + 1 ? 1 : 0;
        }
      }
      String masked = w.node("Where", List.of(w.initializer("mask", Tensor.of(DType.BOOL, new int[] {2, 4}, mask)), x,
          w.initializer("fill", scalar(Double.NEGATIVE_INFINITY))));
      return w.node("Softmax", List.of(masked), attr("axis", 1L));
    })).model();
    Models.Traced t = traced(m);
    assertForced(t);
    assertTrue(ElementwiseFunctionsTest.maxError(t.q()) < 0.02);
    long[] y = t.trace().get(t.q().graph().outputs().get(0).name());
    assertEquals(0, y[3], "a masked position has weight 0");
  }

  @Test
  void logicalOperationsRefuseNonBooleans() {
    ModelProto m = AssignedCellsTest.gemmThen("and", (w, x) -> w.node("And", List.of(x, x))).model();
    KubzException e = assertThrows(KubzException.class, () -> traced(m));
    assertTrue(e.getMessage().contains("boolean"), e.getMessage());
  }
}
