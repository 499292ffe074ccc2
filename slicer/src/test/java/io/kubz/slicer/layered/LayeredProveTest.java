package io.kubz.slicer.layered;

import static io.kubz.slicer.layered.LayeredRandomModelsTest.uniform;
import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.gkr.model.LayeredProver;
import io.kubz.gkr.model.LayeredVerifier;
import io.kubz.gkr.pcs.HyperKzg;
import io.kubz.poly.srs.Srs;
import io.kubz.poly.transcript.Keccak256Transcript;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.OnnxWriter;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One model per new construction proved end to end by the layered prover (dev SRS): the proof
 * carries the interpreter's outputs and verifies; the same proof with another plausible output (a
 * flipped boolean, another index, another row) is rejected without throwing.
 */
class LayeredProveTest {
  private static final HyperKzg PCS = new HyperKzg(Srs.devWithTau(14, Fr.of(0x19_cafeL).pow(3), "LayeredProveTest"));

  record Case(String name, Function<OnnxWriter, String> body, boolean indexInput) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("Less", w -> w.node("Less", List.of("x", w.initializer("c", Tensor.of(new int[] {}, 0.2)))), false),
        new Case("Equal Not And Or", w -> w.node("Or", List.of(
            w.node("Not", List.of(w.node("Equal", List.of("x", w.node("Max", List.of("x",
                w.initializer("z", Tensor.of(new int[] {}, 0.0)))))))),
            w.node("And", List.of(w.node("GreaterOrEqual", List.of("x", w.initializer("a", Tensor.of(new int[] {}, 0.5)))),
                w.node("LessOrEqual", List.of("x", w.initializer("b", Tensor.of(new int[] {}, 1.5)))))))), false),
        new Case("Where", w -> w.node("Where", List.of(w.node("Greater", List.of("x",
            w.initializer("c", Tensor.of(new int[] {}, 0.0)))), "x", w.node("Mul", List.of("x", "x")))), false),
        new Case("ArgMax ties", w -> w.node("ArgMax", List.of(w.node("Clip", List.of("x",
            w.initializer("lo", Tensor.of(new int[] {}, -0.5)), w.initializer("hi", Tensor.of(new int[] {}, 0.5))))),
            attr("axis", 1L), attr("keepdims", 0L)), false),
        new Case("Gather by an input index", w -> w.node("Gather", List.of(w.node("Relu", List.of("x")), "i"),
            attr("axis", 1L)), true),
        new Case("Softmax", w -> w.node("Softmax", List.of("x"), attr("axis", 1L)), false),
        new Case("GatherElements of an ArgMin", w -> w.node("GatherElements", List.of(
            w.initializer("t", uniform(new SplittableRandom(8), 1, 3, 5)),
            w.node("ArgMin", List.of("x"), attr("axis", 1L), attr("keepdims", 1L))), attr("axis", 1L)), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void provesAndVerifiesAndRejectsAnotherOutput(Case c) {
    OnnxWriter w = OnnxWriter.create(c.name(), 13);
    w.input("x", 3, 5);
    if (c.indexInput()) {
      w.input("i", DType.INT64, 4);
    }
    w.output(w.node("Identity", "y", List.of(c.body().apply(w)), "y"));
    Graph g = Differential.graph(w.build());
    SplittableRandom rnd = new SplittableRandom(c.name().hashCode());
    List<Tensor> in = new ArrayList<>();
    in.add(uniform(rnd, 2, 3, 5));
    if (c.indexInput()) {
      in.add(Tensor.of(DType.INT64, new int[] {4}, new double[] {4, 0, 2, 4}));
    }
    QuantizedGraph q = Calibrator.calibrate(g, List.of(in), QuantPlan.defaults()).graph();
    LayeredLowering.Lowered l = Differential.check(q, in);
    Map<String, long[]> byName = new LinkedHashMap<>();
    List<long[]> qi = new ArrayList<>();
    for (int k = 0; k < in.size(); k++) {
      long[] v = q.quantizeInput(in.get(k));
      qi.add(v);
      byName.put(g.inputs().get(k).name(), v);
    }
    long[] want = IntegerInterpreter.run(q, qi).get("y");
    long[][] inputs = l.inputValues(byName);
    LayeredProver.Output out = LayeredProver.prove(l.model(), inputs, PCS, transcript());
    assertArrayEquals(want, out.outputs()[0], "the proof's output is the interpreter's");
    assertTrue(LayeredVerifier.verify(l.model(), inputs, out.outputs(), out.proof(), PCS, transcript()));

    long[][] other = {out.outputs()[0].clone()};
    int at = rnd.nextInt(other[0].length);
    other[0][at] = plausibleOther(other[0], at, q.activationScale());
    assertFalse(LayeredVerifier.verify(l.model(), inputs, other, out.proof(), PCS, transcript()),
        "output " + at + " claimed as " + other[0][at] + " instead of " + want[at]);
  }

  /** The fixture models the new constructions made provable: proved, verified, another output rejected. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtureModels")
  void fixtureModelsProveAndVerify(String model) throws java.io.IOException {
    java.util.Optional<java.nio.file.Path> root = io.kubz.field.Fixtures.resolve("onnx/ezkl-examples");
    org.junit.jupiter.api.Assumptions.assumeTrue(root.isPresent(),
        "fixtures absent: ../shared/fixtures/onnx/ezkl-examples (set KUBZ_FIXTURES)");
    java.nio.file.Path dir = root.get().resolve(model);
    Graph g = io.kubz.slicer.onnx.OnnxImporter.read(dir.resolve("network.onnx"));
    List<Tensor> in = io.kubz.slicer.input.InputData.read(dir.resolve("input.json"), g);
    QuantizedGraph q = Differential.quantize(g, in);
    LayeredLowering.Lowered l = Differential.check(q, in);
    Map<String, long[]> byName = new LinkedHashMap<>();
    for (int k = 0; k < in.size(); k++) {
      byName.put(g.inputs().get(k).name(), q.quantizeInput(in.get(k)));
    }
    long[][] inputs = l.inputValues(byName);
    LayeredProver.Output out = LayeredProver.prove(l.model(), inputs, PCS, transcript());
    assertTrue(LayeredVerifier.verify(l.model(), inputs, out.outputs(), out.proof(), PCS, transcript()), model);
    long[][] other = out.outputs().clone();
    other[0] = other[0].clone();
    other[0][0] = plausibleOther(other[0], 0, q.activationScale());
    assertFalse(LayeredVerifier.verify(l.model(), inputs, other, out.proof(), PCS, transcript()), model);
  }

  /** The small ones (lightgbm and xgboost need 2^18 powers: the differential test covers them). */
  static Stream<String> fixtureModels() {
    return Stream.of("1l_where", "boolean", "gather_elements", "hard_max", "less", "1l_softmax");
  }

  /** Another value the output could take: another entry's value, else a flipped boolean or index. */
  private static long plausibleOther(long[] y, int at, int s) {
    for (long v : y) {
      if (v != y[at]) {
        return v;
      }
    }
    return y[at] == 0 ? 1L << s : 0;
  }

  private static Keccak256Transcript transcript() {
    return new Keccak256Transcript("layered-prove-test");
  }
}
