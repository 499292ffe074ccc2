package io.kubz.slicer.lower;

import static io.kubz.slicer.lower.NonlinearLoweringTest.assertForced;
import static io.kubz.slicer.lower.NonlinearLoweringTest.grouped;
import static io.kubz.slicer.lower.NonlinearLoweringTest.model;
import static io.kubz.slicer.lower.NonlinearLoweringTest.tampered;
import static io.kubz.slicer.lower.NonlinearLoweringTest.traced;
import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.lookup.table.Activation;
import io.kubz.lookup.table.FunctionTable;
import io.kubz.plonkish.mock.Failure;
import io.kubz.slicer.interp.FloatInterpreter;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxWriter;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The element-wise functions of issue #17 (Pow with a constant exponent, √, log, softplus, softsign,
 * mish, ELU, CELU, SELU, hard sigmoid, hard swish, floor, ceil, round, sign, b^x, trigonometry) and division by an
 * activation: each lowering forces the interpreter's output (MockProver, tampering) and the quantized
 * output stays close to the float reference.
 */
class ElementwiseFunctionsTest {
  private static String scalar(OnnxWriter w, String name, double v) {
    return w.initializer(name, Tensor.of(new int[] {}, v));
  }

  /** |x| + 0.25: a positive input for √, fractional powers and divisors. */
  private static String positive(OnnxWriter w, String x) {
    return w.node("Add", List.of(w.node("Abs", List.of(x)), scalar(w, "quarter", 0.25)));
  }

  /** Forced by the circuit, and within {@code tol} of the float model on the calibration input. */
  private static void check(String name, double tol, BiFunction<OnnxWriter, String, String> op) {
    Models.Traced t = traced(model(name, 1.0, op));
    assertForced(t);
    double err = maxError(t.q());
    System.out.printf("%s: max |quantized - float| = %.4g%n", name, err);
    assertTrue(err <= tol, name + ": error " + err + " > " + tol);
  }

  static double maxError(QuantizedGraph q) {
    Tensor x = ExampleModels.input(5, q.graph().inputs().get(0).shape());
    Map<String, Tensor> ref = FloatInterpreter.run(q.graph(), List.of(x));
    Map<String, Tensor> got = IntegerInterpreter.runReal(q, List.of(x));
    double worst = 0;
    for (Map.Entry<String, Tensor> e : ref.entrySet()) {
      double[] r = e.getValue().data();
      double[] g = got.get(e.getKey()).data();
      for (int i = 0; i < r.length; i++) {
        worst = Math.max(worst, Math.abs(r[i] - g[i]));
      }
    }
    return worst;
  }

  @Test
  void unaryTableFunctions() {
    check("Softplus", 0.02, (w, x) -> w.node("Softplus", List.of(x)));
    check("Softsign", 0.02, (w, x) -> w.node("Softsign", List.of(x)));
    check("Mish", 0.02, (w, x) -> w.node("Mish", List.of(x)));
    check("Elu", 0.02, (w, x) -> w.node("Elu", List.of(x), attr("alpha", 0.7f)));
    check("Celu", 0.02, (w, x) -> w.node("Celu", List.of(x), attr("alpha", 1.5f)));
    check("Selu", 0.03, (w, x) -> w.node("Selu", List.of(x)));
    check("HardSigmoid", 0.02, (w, x) -> w.node("HardSigmoid", List.of(x)));
    check("HardSwish", 0.02, (w, x) -> w.node("HardSwish", List.of(x)));
    check("Sqrt", 0.02, (w, x) -> w.node("Sqrt", List.of(positive(w, x))));
    check("Log", 0.05, (w, x) -> w.node("Log", List.of(w.node("Sigmoid", List.of(x)))));
    check("Sign", 0, (w, x) -> w.node("Sign", List.of(w.node("Mul", List.of(x, scalar(w, "ten", 10.0))))));
    check("Reciprocal", 0.05, (w, x) -> w.node("Reciprocal", List.of(w.node("Neg", List.of(positive(w, x))))));
  }

  @Test
  void floorCeilAndRoundAreExactOnTheQuantizedValue() {
    // discontinuous: the float model may sit on the other side of an integer than its quantized input,
    // so the error against float is at most one step; on the quantized input they are exact (below)
    for (String op : List.of("Floor", "Ceil", "Round")) {
      check(op, 1.01, (w, x) -> w.node(op, List.of(w.node("Mul", List.of(x, scalar(w, "three", 3.0))))));
    }
  }

  /** The tables against integer oracles at scale s: ⌊x/2^s⌋·2^s, ⌈x/2^s⌉·2^s, and halves to even. */
  @Property(tries = 200)
  void roundingTablesMatchIntegerOracles(@ForAll @IntRange(min = -4096, max = 4095) int x,
      @ForAll @IntRange(min = 0, max = 8) int s) {
    long one = 1L << s;
    long floor = Math.floorDiv(x, one);
    long rem = x - floor * one;
    long round = 2 * rem > one || (2 * rem == one && (floor & 1) == 1) ? floor + 1 : floor;
    assertEquals(floor * one, new FunctionTable(new Activation.Floor(), 13, s, s).output(x));
    assertEquals((rem == 0 ? floor : floor + 1) * one, new FunctionTable(new Activation.Ceil(), 13, s, s).output(x));
    assertEquals(round * one, new FunctionTable(new Activation.Round(), 13, s, s).output(x));
  }

  @Test
  void powersWithAConstantExponent() {
    check("Pow2", 0.03, (w, x) -> w.node("Pow", List.of(x, scalar(w, "two", 2.0))));
    check("Pow3", 0.1, (w, x) -> w.node("Pow", List.of(x, scalar(w, "three", 3.0))));
    check("PowHalf", 0.02, (w, x) -> w.node("Pow", List.of(positive(w, x), scalar(w, "half", 0.5))));
    check("Pow1.7", 0.05, (w, x) -> w.node("Pow", List.of(positive(w, x), scalar(w, "e", 1.7))));
    check("ConstantBase", 0.05, (w, x) -> w.node("Pow", List.of(scalar(w, "b", 2.0), x)));
  }

  @Test
  void trigonometricFunctions() {
    for (String op : List.of("Sin", "Cos", "Atan")) {
      check(op, 0.01, (w, x) -> w.node(op, List.of(x)));
    }
    check("Tan", 0.02, (w, x) -> w.node("Tan", List.of(w.node("Mul", List.of(x, scalar(w, "k", 0.4))))));
    // inside (−1, 1) where they are defined; steep near ±1, so a looser bound
    for (String op : List.of("Asin", "Acos")) {
      check(op, 0.05, (w, x) -> w.node(op, List.of(w.node("Mul", List.of(w.node("Tanh", List.of(x)),
          scalar(w, "k", 0.9))))));
    }
  }

  @Test
  void divisionByAnActivation() {
    // softsign written out: x / (1 + |x|)
    check("DivSoftsign", 0.02, (w, x) -> w.node("Div", List.of(x,
        w.node("Add", List.of(w.node("Abs", List.of(x)), scalar(w, "one", 1.0))))));
    // a constant numerator, and a negative divisor
    check("DivConstant", 0.05, (w, x) -> w.node("Div", List.of(scalar(w, "two", 2.0),
        w.node("Neg", List.of(positive(w, x))))));
    // broadcast: each group of 4 divided by its mean (kept dims), as attention normalisers do
    check("DivByMean", 0.1, grouped((w, x) -> {
      String p = positive(w, x);
      return w.node("Div", List.of(p, w.node("ReduceMean", List.of(p), OnnxWriter.ints("axes", 1))));
    }));
  }

  @Test
  void aTamperedInverseIsCaughtByItsLookup() {
    Models.Traced t = traced(model("DivTamper", 1.0, (w, x) -> w.node("Div", List.of(x,
        w.node("Add", List.of(w.node("Abs", List.of(x)), scalar(w, "one", 1.0)))))));
    List<Failure> f = tampered(t, 3, 1);
    assertFalse(f.isEmpty());
  }

  @Test
  void mishWrittenOutAsAProductOfActivations() {
    check("MishWrittenOut", 0.03, (w, x) -> w.node("Mul", List.of(x,
        w.node("Tanh", List.of(w.node("Softplus", List.of(x)))))));
  }
}
