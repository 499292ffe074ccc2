package io.kubz.slicer.layered;

import static io.kubz.slicer.layered.LayeredRandomModelsTest.uniform;
import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.gkr.model.Evaluator;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GatherND, ScatterElements and ScatterND by an input index in the GKR lowering ({@link
 * Selection#gatherNd}, {@link Selection#scatter}) on seeded random shapes: constant or activation
 * data, one or two index components, batch dims, duplicate scatter indices (last write wins); the
 * lowered model computes the interpreter's outputs and refuses an index the interpreter refuses.
 * The three ezkl examples are proved and verified, and another output is rejected.
 */
class LayeredScatterTest {
  private static int dim(SplittableRandom rnd, int max) {
    return 1 + rnd.nextInt(max);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void agreeWithTheInterpreter(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    boolean constant = rnd.nextBoolean();
    // GatherND: data [a, b, c], indices [t, k] (batch_dims 0) or [a, t, k] (batch_dims 1)
    int[] xs = {dim(rnd, 3), dim(rnd, 3), dim(rnd, 3)};
    int bd = rnd.nextInt(2);
    int k = 1 + rnd.nextInt(2);
    int t = dim(rnd, 3);
    int[] is = bd == 0 ? new int[] {t, k} : new int[] {xs[0], t, k};
    int[] ext = Arrays.copyOfRange(xs, bd, bd + k);
    OnnxWriter w = OnnxWriter.create("gather_nd", 13);
    w.input("x", xs);
    w.input("i", DType.INT64, is);
    String data = constant ? w.initializer("t", uniform(rnd, 1, xs)) : w.node("Relu", List.of("x"));
    w.output(w.node("Neg", List.of(w.node("GatherND", List.of(data, "i"), attr("batch_dims", (long) bd)))));
    check(w, List.of(xs, is), 1, ext, rnd);
    // ScatterElements: data [a, b], indices and updates [a', b'] on the axis
    int[] ds = {dim(rnd, 3), 1 + dim(rnd, 3)};
    int axis = rnd.nextInt(2);
    int[] us = {dim(rnd, ds[0]), dim(rnd, ds[1])};
    us[axis] = dim(rnd, 3);
    OnnxWriter we = OnnxWriter.create("scatter_elements", 13);
    we.input("x", ds);
    we.input("i", DType.INT64, us);
    we.input("u", us);
    String de = constant ? we.initializer("t", uniform(rnd, 1, ds)) : "x";
    we.output(we.node("Neg", List.of(we.node("ScatterElements", List.of(de, "i", "u"), attr("axis", (long) axis)))));
    check(we, List.of(ds, us, us), 1, new int[] {ds[axis]}, rnd);
    // ScatterND: data [a, b, c], indices [t, k], updates [t] ++ data[k..]
    int[] ns = {dim(rnd, 3), dim(rnd, 3), dim(rnd, 2)};
    int kn = 1 + rnd.nextInt(2);
    int tn = dim(rnd, 4);
    int[] upd = new int[1 + 3 - kn];
    upd[0] = tn;
    System.arraycopy(ns, kn, upd, 1, 3 - kn);
    OnnxWriter wn = OnnxWriter.create("scatter_nd", 13);
    wn.input("x", ns);
    wn.input("i", DType.INT64, tn, kn);
    wn.input("u", upd);
    String dn = constant ? wn.initializer("t", uniform(rnd, 1, ns)) : "x";
    wn.output(wn.node("Neg", List.of(wn.node("ScatterND", List.of(dn, "i", "u")))));
    check(wn, List.of(ns, new int[] {tn, kn}, upd), 1, Arrays.copyOf(ns, kn), rnd);
  }

  /**
   * Two runs on random valid indices (the last component of each tuple, or the index itself, drawn
   * in [0, extent)), then a negative and a too large index refused by the interpreter and by the
   * lowered model.
   */
  private static void check(OnnxWriter w, List<int[]> shapes, int idxInput, int[] ext, SplittableRandom rnd) {
    Graph g = Differential.graph(w.build());
    List<List<Tensor>> runs = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      List<Tensor> in = new ArrayList<>();
      for (int i = 0; i < shapes.size(); i++) {
        in.add(i == idxInput ? indices(rnd, shapes.get(i), ext) : uniform(rnd, 2, shapes.get(i)));
      }
      runs.add(in);
    }
    QuantizedGraph q = Calibrator.calibrate(g, runs, QuantPlan.defaults()).graph();
    LayeredLowering.Lowered l = null;
    for (List<Tensor> in : runs) {
      l = Differential.check(q, in);
    }
    LayeredLowering.Lowered lowered = l;
    int s = q.activationScale();
    for (double bad : new double[] {-1, 7}) {
      long[][] in = new long[shapes.size()][];
      for (int i = 0; i < in.length; i++) {
        in[i] = q.quantizeInput(runs.get(0).get(i));
      }
      in[idxInput][rnd.nextInt(in[idxInput].length)] = (long) bad << s;
      assertThrows(BadInputException.class, () -> IntegerInterpreter.run(q, List.of(in)), g.name() + " " + bad);
      BadInputException e = assertThrows(BadInputException.class, () -> Evaluator.run(lowered.model(), in),
          g.name() + " lowered, index " + bad);
      assertTrue(e.getMessage().contains("kubz/index-equals"), e.getMessage());
    }
  }

  /** Tuples of indices over ext (the last axis of shape cycles through the components). */
  private static Tensor indices(SplittableRandom rnd, int[] shape, int[] ext) {
    Tensor t = Tensor.zeros(DType.INT64, shape);
    for (int i = 0; i < t.data().length; i++) {
      t.data()[i] = rnd.nextInt(ext[ext.length == 1 ? 0 : i % ext.length]);
    }
    return t;
  }

  private static final HyperKzg PCS = new HyperKzg(Srs.devWithTau(14, Fr.of(0x5ca7L).pow(3), "LayeredScatterTest"));

  @ParameterizedTest
  @ValueSource(strings = {"gather_nd", "scatter_elements", "scatter_nd"})
  void ezklExamplesProveAndVerify(String model) throws java.io.IOException {
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
    LayeredProver.Output out = LayeredProver.prove(l.model(), inputs, PCS, new Keccak256Transcript("scatter"));
    assertTrue(LayeredVerifier.verify(l.model(), inputs, out.outputs(), out.proof(), PCS,
        new Keccak256Transcript("scatter")), model);
    long[][] other = out.outputs().clone();
    other[0] = other[0].clone();
    other[0][0] += 1L << q.activationScale();
    assertFalse(LayeredVerifier.verify(l.model(), inputs, other, out.proof(), PCS,
        new Keccak256Transcript("scatter")), model);
    assertArrayEquals(IntegerInterpreter.run(q, new ArrayList<>(byName.values())).values().iterator().next(),
        out.outputs()[0], model);
  }
}
