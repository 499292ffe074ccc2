package io.kubz.slicer.lower;

import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static io.kubz.slicer.onnx.OnnxWriter.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.lookup.table.FunctionTable;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Witness;
import io.kubz.plonkish.keygen.Keygen;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.mock.Failure;
import io.kubz.plonkish.mock.MockProver;
import io.kubz.plonkish.prover.Prover;
import io.kubz.plonkish.verifier.Verifier;
import io.kubz.poly.kzg.Kzg;
import io.kubz.poly.kzg.PolynomialCommitment;
import io.kubz.poly.srs.Srs;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.onnx.OnnxWriter;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Every op lowered by {@link Nonlinear}, {@link Reduce} and {@link Softmax}: on a small quantized
 * graph (Gemm, then the op, whose output is the model output) the interpreter's witness satisfies
 * the circuit, and moving the first or last output value by ±1 (consistently in the public instance) does not.
 */
class NonlinearLoweringTest {

  /** Gemm 6 → 8 (seeded weights, scaled by {@code gain}), then {@code op} on its output. */
  static ModelProto model(String name, double gain, BiFunction<OnnxWriter, String, String> op) {
    SplittableRandom rnd = new SplittableRandom(name.hashCode());
    OnnxWriter w = OnnxWriter.create(name, ExampleModels.OPSET);
    String x = w.input("input", 1, 6);
    double[] wt = new double[8 * 6];
    for (int i = 0; i < wt.length; i++) {
      wt[i] = (float) ((rnd.nextDouble() * 2 - 1) * gain);
    }
    String wn = w.initializer("fc.weight", Tensor.of(new int[] {8, 6}, wt));
    String bn = w.initializer("fc.bias", Tensor.of(new int[] {8}, new double[8]));
    x = w.node("Gemm", "fc", List.of(x, wn, bn), "fc_out", attr("transB", 1L));
    w.output(op.apply(w, x));
    return w.build();
  }

  /** Reshape [1, 8] → [2, 4] before {@code op}: two groups for reductions and softmax. */
  static BiFunction<OnnxWriter, String, String> grouped(BiFunction<OnnxWriter, String, String> op) {
    return (w, x) -> op.apply(w, w.node("Reshape", List.of(x, w.initializer("shape", Tensor.longs(2, 4)))));
  }

  static Models.Traced traced(ModelProto m) {
    Graph g = OnnxImporter.convert(m, null, Map.of());
    Tensor x = ExampleModels.input(5, g.inputs().get(0).shape());
    QuantizedGraph q = Calibrator.calibrate(g, List.of(List.of(x)), QuantPlan.defaults()).graph();
    return new Models.Traced(q, IntegerInterpreter.trace(q, List.of(q.quantizeInput(x))));
  }

  static Set<String> all(Models.Traced t) {
    return SliceCircuitTest.all(t);
  }

  /** Mock-checks the whole graph as one slice; the estimate covers the rows used and k. */
  static Circuit satisfied(Models.Traced t) {
    CompiledSlice cs = SliceCompiler.compile(t.q(), all(t), Visibility.PUBLIC);
    Circuit c = cs.circuit(t.trace(), Map.of());
    MockProver.run(c, 1).assertSatisfied();
    CircuitDescription d = cs.description();
    assertEquals(d.k(), c.description().k());
    long used = cs.layout().rows();
    for (io.kubz.plonkish.ir.Region r : d.regions()) {
      used = Math.max(used, r.start() + r.rows());
    }
    for (QNode n : t.q().nodes()) {
      if (n.table() != null) {
        used = Math.max(used, Tables.minRows(n.table()));
      }
    }
    if (d.allGates().stream().anyMatch(g -> g.name().startsWith("lookup " + Lanes.TABLE.id()))) {
      used = Math.max(used, Tables.minRows(Lanes.TABLE)); // the range table's rows
    }
    RowEstimator.Estimate est = cs.estimate();
    assertTrue(est.rows() >= used && est.rows() <= 2 * used + 16, "estimate " + est + " vs " + used + " rows used");
    assertTrue(est.k() >= d.k(), "estimate " + est + " vs k = " + d.k());
    System.out.println(t.q().graph().name() + ": " + used + " rows used, 2^" + d.k() + "; " + est);
    return c;
  }

  /** Each output value moved by ±1 (in the witness and the public instance alike) is caught. */
  static List<Failure> tampered(Models.Traced t, int index, long delta) {
    String out = t.q().graph().outputs().get(0).name();
    Map<String, long[]> bad = new HashMap<>(t.trace());
    long[] y = bad.get(out).clone();
    y[index] += delta;
    bad.put(out, y);
    CompiledSlice cs = SliceCompiler.compile(t.q(), all(t), Visibility.PUBLIC);
    Circuit c = cs.circuit(bad, Map.of());
    // the public instance claims the moved value whatever cells the synthesis derived it from
    Fr[] claimed = cs.instance(bad, Map.of())[0];
    long[] inst = c.witness().instance()[0].clone();
    for (int r = 0; r < claimed.length; r++) {
      claimed[r].writeTo(inst, 4 * r);
    }
    Witness w = new Witness(new long[][] {inst}, c.witness().advice(), c.witness().fillers());
    return MockProver.run(new Circuit(c.description(), w), 1).failures();
  }

  static void assertForced(Models.Traced t) {
    satisfied(t);
    int n = t.trace().get(t.q().graph().outputs().get(0).name()).length;
    for (int i : new int[] {0, n - 1}) {
      for (long delta : new long[] {1, -1}) {
        assertFalse(tampered(t, i, delta).isEmpty(), "output " + i + " moved by " + delta + " went unnoticed");
      }
    }
  }

  @Test
  void tableFunctionsAreLookedUp() {
    for (String type : List.of("Sigmoid", "Tanh", "Erf", "Gelu", "Exp", "Reciprocal")) {
      Models.Traced t = traced(model(type, 1.0, (w, x) -> w.node(type, List.of(x))));
      assertForced(t);
      List<Failure> f = tampered(t, 0, 1);
      assertTrue(f.stream().anyMatch(x -> x.toString().contains("table ")), type + ": " + f);
    }
    assertForced(traced(model("LeakyRelu", 1.0, (w, x) -> w.node("LeakyRelu", List.of(x), attr("alpha", 0.1f)))));
  }

  @Test
  void negAbsClipAndPRelu() {
    assertForced(traced(model("Neg", 1.0, (w, x) -> w.node("Neg", List.of(x)))));
    assertForced(traced(model("Abs", 1.0, (w, x) -> w.node("Abs", List.of(x)))));
    assertForced(traced(model("Clip", 1.0, (w, x) -> w.node("Clip", List.of(x,
        w.initializer("lo", Tensor.of(new int[] {}, -0.3)), w.initializer("hi", Tensor.of(new int[] {}, 0.4)))))));
    double[] slope = {0.25, -0.5, 1.5, 0.1, 0, 2, 0.3, 0.01};
    assertForced(traced(model("PRelu", 1.0, (w, x) -> w.node("PRelu", List.of(x,
        w.initializer("slope", Tensor.of(new int[] {8}, slope)))))));
  }

  @Test
  void reductions() {
    assertForced(traced(model("ReduceSum", 1.0, grouped((w, x) -> w.node("ReduceSum",
        List.of(x, w.initializer("axes", Tensor.longs(1))))))));
    assertForced(traced(model("ReduceMean", 1.0, grouped((w, x) -> w.node("ReduceMean", List.of(x),
        ints("axes", 1), attr("keepdims", 0L))))));
    assertForced(traced(model("ReduceMax", 1.0, grouped((w, x) -> w.node("ReduceMax", List.of(x), ints("axes", 1))))));
    assertForced(traced(model("ReduceMin", 1.0, grouped((w, x) -> w.node("ReduceMin", List.of(x), ints("axes", 0))))));
  }

  @Test
  void softmax() {
    assertForced(traced(model("Softmax", 1.0, grouped((w, x) -> w.node("Softmax", List.of(x), attr("axis", 1L))))));
    assertForced(traced(model("Softmax0", 1.0, grouped((w, x) -> w.node("Softmax", List.of(x), attr("axis", 0L))))));
  }

  static Tensor weights(long seed, int... shape) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] d = new double[(int) io.kubz.slicer.ir.Shapes.size(shape)];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) ((rnd.nextDouble() * 2 - 1) * 0.5);
    }
    return Tensor.of(shape, d);
  }

  @Test
  void convTransposeAsGatheredDotProducts() {
    // stride 2, pads 1, output padding 1: [1, 2, 2, 2] → [1, 3, 4, 4], some outputs reached by one tap only
    assertForced(traced(model("ConvTranspose", 1.0, (w, x) -> w.node("ConvTranspose",
        List.of(w.node("Reshape", List.of(x, w.initializer("shape", Tensor.longs(1, 2, 2, 2)))),
            w.initializer("ct.weight", weights(1, 2, 3, 3, 3)), w.initializer("ct.bias", weights(2, 3))),
        ints("strides", 2, 2), ints("pads", 1, 1, 1, 1), ints("output_padding", 1, 1)))));
    // two groups, no bias, 1-d
    assertForced(traced(model("ConvTranspose1d", 1.0, (w, x) -> w.node("ConvTranspose",
        List.of(w.node("Reshape", List.of(x, w.initializer("shape", Tensor.longs(1, 2, 4)))),
            w.initializer("ct.weight", weights(3, 2, 2, 3))), attr("group", 2L), ints("strides", 1)))));
  }

  @Test
  void anInputOutsideTheTableFailsTheLookup() {
    Models.Traced t = traced(model("Sigmoid", 1.0, (w, x) -> w.node("Sigmoid", List.of(x))));
    QNode sig = t.q().nodes().get(1);
    int bits = ((FunctionTable) sig.table()).inputBits();
    // the same function on a domain too narrow for the witness (which the interpreter would refuse)
    QuantizedGraph narrow = QuantizedGraph.quantize(t.q().graph(),
        t.q().plan().withTableBits(Map.of(sig.name(), bits - 3)));
    Circuit c = SliceCompiler.compile(narrow, all(t), Visibility.PUBLIC).circuit(t.trace(), Map.of());
    List<Failure> f = MockProver.run(c, 1).failures();
    assertFalse(f.isEmpty());
    // only the lookup bounds the Gemm's output here (Bounds.LOOKED_UP), and it refuses the inputs
    // outside the narrow domain
    String name = "lookup '" + Tables.lookupName(narrow.node(sig.name()).table()) + "'";
    assertTrue(f.stream().allMatch(x -> x instanceof Failure.LookupFailure && x.toString().contains(name)),
        f.toString());
    assertThrows(io.kubz.slicer.quant.TableRangeException.class, () -> IntegerInterpreter.trace(narrow,
        List.of(narrow.quantizeInput(ExampleModels.input(5, 1, 6)))));
  }

  @Test
  void aTanhSliceProvesAndVerifies() {
    Models.Traced t = traced(model("Tanh", 1.0, (w, x) -> w.node("Tanh", List.of(x))));
    CompiledSlice cs = SliceCompiler.compile(t.q(), all(t), new Visibility(Visibility.Mode.PUBLIC,
        Visibility.Mode.PUBLIC));
    int k = cs.description().k();
    assertTrue(k <= 12, "k = " + k + " " + cs.estimate());
    PolynomialCommitment pcs = new Kzg(Srs.dev(k + 1, 20261122L));
    ProvingKey pk = Keygen.keygen(cs.description(), pcs);
    Proof proof = Prover.prove(pk, pcs, cs.witness(t.trace(), Map.of()), new Random(9));
    Fr[][] inst = cs.instance(t.trace(), Map.of());
    assertTrue(Verifier.verify(pk.vk(), pcs, inst, proof));
    Fr[][] bad = {inst[0].clone()};
    int out = cs.layout().find(t.q().graph().outputs().get(0).name(), true).row();
    bad[0][out] = bad[0][out].add(Fr.ONE);
    assertFalse(Verifier.verify(pk.vk(), pcs, bad, proof));
  }
}
