package io.kubz.slicer.lower;

import static io.kubz.slicer.lower.NonlinearLoweringTest.assertForced;
import static io.kubz.slicer.lower.NonlinearLoweringTest.traced;
import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.lookup.table.Activation;
import io.kubz.lookup.table.FunctionTable;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import io.kubz.slicer.quant.QNode;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Cast to an integer type: truncation toward zero of a fractional activation as a trunc table
 * (exact against Java's truncating integer division), and the identity, without a table, for a
 * value that is whole by construction (a decision tree's MatMul of booleans by integer weights).
 */
class CastTest {

  /** Gemm 6 → 8, times 4 (values of either sign, several units wide), Cast to INT64, back to FLOAT. */
  private static ModelProto truncation() {
    return AssignedCellsTest.gemmThen("trunc", (w, x) -> {
      String scaled = w.node("Mul", List.of(x, w.initializer("four", CompareTest.scalar(4))));
      return w.node("Cast", List.of(w.node("Cast", List.of(scaled), attr("to", 7L))), attr("to", 1L));
    }).model();
  }

  @Property(tries = 300)
  void truncTableIsTruncatingDivision(@ForAll @IntRange(min = -(1 << 15), max = (1 << 15) - 1) int x,
      @ForAll @IntRange(min = 0, max = 12) int s) {
    FunctionTable t = new FunctionTable(new Activation.Trunc(0), 17, s, s);
    assertEquals((x / (1L << s)) << s, t.output(x), "trunc(" + x + " / 2^" + s + ")");
  }

  @Test
  void fractionalValuesAreTruncatedTowardZeroAndForced() {
    Models.Traced t = traced(truncation());
    QNode cast = t.q().nodes().stream().filter(n -> n.node().op() instanceof Op.Cast c && c.to() == DType.INT64)
        .findFirst().orElseThrow();
    assertNotNull(cast.table(), "a fractional value needs the trunc table");
    long[] x = t.trace().get(cast.node().inputs().get(0));
    long[] y = t.trace().get(cast.node().output());
    int s = t.q().activationScale();
    boolean negative = false;
    boolean fractional = false;
    for (int i = 0; i < x.length; i++) {
      assertEquals((x[i] / (1L << s)) << s, y[i], "element " + i);
      negative |= x[i] < -(1L << s);
      fractional |= x[i] % (1L << s) != 0;
    }
    assertTrue(negative && fractional, "the sample exercises truncation of negative fractions");
    assertForced(t);
    AssignedCellsTest.assertAssigned("trunc", SliceCompiler.compile(t.q(), SliceCircuitTest.all(t), Visibility.PUBLIC)
        .circuit(t.trace(), t.salts(1)));
    assertEquals(List.of(), MutationSweepTest.survivors(MutationSweepTest.oneSlice(t, Visibility.PUBLIC)));
  }

  @Test
  void wholeValuesOfATreeAreCastWithoutATable() {
    ModelProto m = AssignedCellsTest.gemmThen("tree", (w, x) -> {
      String b = w.node("Cast", List.of(w.node("Less", List.of(x, w.initializer("t", CompareTest.scalar(0.1))))),
          attr("to", 3L)); // INT8, as hummingbird exports
      double[] wt = new double[8 * 5];
      for (int i = 0; i < wt.length; i++) {
        wt[i] = (i * 7) % 3 - 1;
      }
      String sums = w.node("MatMul", List.of(b, w.initializer("paths", Tensor.of(new int[] {8, 5}, wt))));
      String idx = w.node("Cast", List.of(sums), attr("to", 7L));
      String hit = w.node("Equal", List.of(idx, w.initializer("depth", Tensor.of(DType.INT64, new int[] {5},
          new double[] {1, 0, -1, 2, 0}))));
      return w.node("Cast", List.of(hit), attr("to", 1L));
    }).model();
    Models.Traced t = traced(m);
    for (QNode n : t.q().nodes()) {
      if (n.node().op() instanceof Op.Cast) {
        assertNull(n.table(), n.name() + " casts whole values: no table");
      }
    }
    assertForced(t);
    assertTrue(ElementwiseFunctionsTest.maxError(t.q()) == 0, "booleans and whole sums are exact");
    AssignedCellsTest.assertAssigned("tree", SliceCompiler.compile(t.q(), Set.copyOf(SliceCircuitTest.all(t)),
        Visibility.PUBLIC).circuit(t.trace(), t.salts(2)));
  }

  @Test
  void integerDivisionTruncatesExactly() {
    io.kubz.slicer.onnx.OnnxWriter w = io.kubz.slicer.onnx.OnnxWriter.create("integer_div", 13);
    String x = w.input("input", DType.INT64, 2, 16);
    w.output(w.node("Div", List.of(x, w.initializer("three", Tensor.of(DType.INT64, new int[] {}, new double[] {3})))));
    io.kubz.slicer.ir.Graph g = io.kubz.slicer.onnx.OnnxImporter.convert(w.build(), null, java.util.Map.of());
    double[] d = new double[32];
    for (int i = 0; i < d.length; i++) {
      d[i] = i - 16; // every residue, both signs, exact multiples included
    }
    Tensor in = Tensor.of(DType.INT64, new int[] {2, 16}, d);
    double[] ref = io.kubz.slicer.interp.FloatInterpreter.run(g, List.of(in)).values().iterator().next().data();
    io.kubz.slicer.quant.QuantizedGraph q = io.kubz.slicer.quant.Calibrator.calibrate(g, List.of(List.of(in)),
        io.kubz.slicer.quant.QuantPlan.defaults()).graph();
    double[] got = io.kubz.slicer.quant.IntegerInterpreter.runReal(q, List.of(in)).values().iterator().next().data();
    for (int i = 0; i < d.length; i++) {
      assertEquals((long) d[i] / 3, ref[i], "float: element " + i);
      assertEquals((long) d[i] / 3, got[i], "quantized: element " + i);
    }
    Models.Traced t = new Models.Traced(q, io.kubz.slicer.quant.IntegerInterpreter.trace(q, List.of(q.quantizeInput(in))));
    assertForced(t);
    AssignedCellsTest.assertAssigned("integer div", SliceCompiler.compile(t.q(), SliceCircuitTest.all(t),
        Visibility.PUBLIC).circuit(t.trace(), t.salts(3)));
  }
}
