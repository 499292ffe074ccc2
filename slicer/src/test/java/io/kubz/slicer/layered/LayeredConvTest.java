package io.kubz.slicer.layered;

import static io.kubz.slicer.onnx.OnnxWriter.attr;
import static io.kubz.slicer.onnx.OnnxWriter.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.gkr.model.Layer;
import io.kubz.gkr.model.LayeredModel;
import io.kubz.gkr.model.LayeredProver;
import io.kubz.gkr.model.LayeredVerifier;
import io.kubz.gkr.pcs.HyperKzg;
import io.kubz.poly.srs.Srs;
import io.kubz.poly.transcript.Keccak256Transcript;
import io.kubz.slicer.backend.LayeredModelCodec;
import io.kubz.slicer.onnx.ExampleModels;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Convolutions lower to {@link Layer.Conv} (weights once, no im2col matrix): seeded random 1-D, 2-D
 * and 3-D convolutions (batch, groups and depthwise, strides, asymmetric pads, dilations, odd and
 * size-1 extents, a Relu after) agree with the integer interpreter bit for bit, round-trip through
 * the bundle codec, and prove and verify; another output is rejected.
 */
class LayeredConvTest {
  private static final HyperKzg PCS = new HyperKzg(Srs.devWithTau(14, Fr.of(0xc0_77L).pow(3), "LayeredConvTest"));

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void randomConvolutionsLowerToConvLayersAndProve(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int r = seed % 6 == 0 ? 3 : 1 + (int) (seed % 2);
    int group = 1 + rnd.nextInt(2);
    int cg = seed % 5 == 0 ? 1 : 1 + rnd.nextInt(2);
    int mg = 1 + rnd.nextInt(3);
    int batch = seed % 4 == 0 ? 2 : 1;
    int[] shape = new int[2 + r];
    shape[0] = batch;
    shape[1] = group * cg;
    int[] k = new int[r];
    int[] s = new int[r];
    int[] d = new int[r];
    long[] pads = new long[2 * r];
    long[] kernelShape = new long[2 + r];
    kernelShape[0] = group * mg;
    kernelShape[1] = cg;
    for (int i = 0; i < r; i++) {
      shape[2 + i] = 1 + rnd.nextInt(r == 3 ? 4 : 7);
      k[i] = 1 + rnd.nextInt(3);
      s[i] = 1 + rnd.nextInt(2);
      d[i] = 1 + rnd.nextInt(2);
      pads[i] = rnd.nextInt(3);
      pads[r + i] = rnd.nextInt(2);
      while (shape[2 + i] + pads[i] + pads[r + i] < (long) (k[i] - 1) * d[i] + 1) {
        pads[r + i]++;
      }
      kernelShape[2 + i] = k[i];
    }
    int[] ws = Arrays.stream(kernelShape).mapToInt(x -> (int) x).toArray();
    LayeredLowering.Lowered l = LayeredRandomModelsTest.agrees("conv" + r, 13, shape, rnd, (w, q) -> w.node("Relu",
        List.of(w.node("Conv", List.of("x", w.initializer("w", LayeredRandomModelsTest.uniform(q, 1, ws)),
            w.initializer("b", LayeredRandomModelsTest.uniform(q, 0.5, group * mg))),
            ints("strides", Arrays.stream(s).asLongStream().toArray()), ints("pads", pads),
            ints("dilations", Arrays.stream(d).asLongStream().toArray()), attr("group", (long) group)))));
    LayeredModel m = l.model();
    assertTrue(m.layers().stream().anyMatch(x -> x instanceof Layer.Conv), "a Conv layer: " + Differential.size(m));
    assertArrayEquals(LayeredModelCodec.encode(m), LayeredModelCodec.encode(LayeredModelCodec.decode(
        LayeredModelCodec.encode(m)).orElseThrow()), "the codec round-trips the conv");
    long[][] inputs = new long[m.inputs().length][];
    SplittableRandom in = new SplittableRandom(seed + 99);
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = in.longs(m.layers().get(m.inputs()[i]).size(), -200, 200).toArray();
    }
    LayeredProver.Output out = LayeredProver.prove(m, inputs, PCS, transcript());
    assertTrue(LayeredVerifier.verify(m, inputs, out.outputs(), out.proof(), PCS, transcript()));
    long[][] other = out.outputs().clone();
    other[0] = other[0].clone();
    other[0][other[0].length / 2] += 1;
    assertFalse(LayeredVerifier.verify(m, inputs, other, out.proof(), PCS, transcript()));
  }

  /** ConvTranspose becomes an upsampling gather and a Conv with the flipped kernel: same integers, proved. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void transposedConvolutionsLowerToConvLayersAndProve(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int group = 1 + rnd.nextInt(2);
    int cg = 1 + rnd.nextInt(2);
    int mg = 1 + rnd.nextInt(3);
    int s0 = 1 + rnd.nextInt(3);
    int s1 = 1 + rnd.nextInt(2);
    int k0 = 1 + rnd.nextInt(3);
    int k1 = 1 + rnd.nextInt(2);
    int pad = rnd.nextInt(Math.min(k0, k1));
    int op = rnd.nextInt(Math.min(s0, s1));
    int dil = 1 + rnd.nextInt(2);
    LayeredLowering.Lowered l = LayeredRandomModelsTest.agrees("convT", 13,
        new int[] {1, group * cg, 1 + rnd.nextInt(4), 1 + rnd.nextInt(5)}, rnd, (w, r) -> w.node("ConvTranspose",
        List.of("x", w.initializer("w", LayeredRandomModelsTest.uniform(r, 1, group * cg, mg, k0, k1)),
            w.initializer("b", LayeredRandomModelsTest.uniform(r, 0.5, group * mg))),
        ints("strides", s0, s1), ints("pads", pad, 0, pad, 0), ints("output_padding", op, op),
        ints("dilations", 1, dil), attr("group", (long) group)));
    LayeredModel m = l.model();
    assertTrue(m.layers().stream().anyMatch(x -> x instanceof Layer.Conv), Differential.size(m));
    long[][] inputs = {new SplittableRandom(seed).longs(m.layers().get(m.inputs()[0]).size(), -200, 200).toArray()};
    LayeredProver.Output out = LayeredProver.prove(m, inputs, PCS, transcript());
    assertTrue(LayeredVerifier.verify(m, inputs, out.outputs(), out.proof(), PCS, transcript()));
  }

  /**
   * A token-wise product x·W (x of [batch, T, n] in its own order, W constant) and a Gemm with a
   * per-column bias lower to a 1×1 Conv of batch T (W stored once, not a T·n·p matrix): the same
   * integers, proved; a transposed activation or a bias per entry stays a Linear.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void tokenwiseProductsLowerToOneByOneConvolutionsAndProve(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int batch = 1 + rnd.nextInt(2);
    int t = 2 + rnd.nextInt(6);
    int n = 1 + rnd.nextInt(7);
    int p = 1 + rnd.nextInt(6);
    boolean gemm = seed % 2 == 0;
    int[] shape = gemm ? new int[] {t, n} : new int[] {batch, t, n};
    LayeredLowering.Lowered l = LayeredRandomModelsTest.agrees("tokenwise", 13, shape, rnd, (w, r) -> gemm
        ? w.node("Gemm", List.of("x", w.initializer("w", LayeredRandomModelsTest.uniform(r, 1, n, p)),
            w.initializer("b", LayeredRandomModelsTest.uniform(r, 0.5, p))))
        : w.node("MatMul", List.of("x", w.initializer("w", LayeredRandomModelsTest.uniform(r, 1, n, p)))));
    LayeredModel m = l.model();
    Layer.Conv c = (Layer.Conv) m.layers().stream().filter(x -> x instanceof Layer.Conv).findFirst()
        .orElseThrow(() -> new AssertionError("no Conv layer: " + Differential.size(m)));
    assertEquals((gemm ? 1 : batch) * t, c.batch());
    assertEquals(n * p, c.weights().length);
    assertEquals(gemm, c.bias() != null);
    long[][] inputs = {new SplittableRandom(seed).longs(m.layers().get(m.inputs()[0]).size(), -200, 200).toArray()};
    LayeredProver.Output out = LayeredProver.prove(m, inputs, PCS, transcript());
    assertTrue(LayeredVerifier.verify(m, inputs, out.outputs(), out.proof(), PCS, transcript()));
    long[][] other = out.outputs().clone();
    other[0] = other[0].clone();
    other[0][0] += 1;
    assertFalse(LayeredVerifier.verify(m, inputs, other, out.proof(), PCS, transcript()));
    // Gemm with transA reads x transposed: not row-wise, a Linear as before
    LayeredLowering.Lowered tr = LayeredRandomModelsTest.agrees("transposed", 13, new int[] {n, t}, rnd, (w, r) ->
        w.node("Gemm", List.of("x", w.initializer("w", LayeredRandomModelsTest.uniform(r, 1, n, p))),
            attr("transA", 1L)));
    assertTrue(tr.model().layers().stream().noneMatch(x -> x instanceof Layer.Conv) || n == 1,
        Differential.size(tr.model()));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void theExampleCnnsUseConvLayers(int which) {
    var proto = which == 0 ? ExampleModels.cnn(3) : ExampleModels.lenet(2);
    var g = Differential.graph(proto);
    var x = ExampleModels.input(3, g.inputs().get(0).shape());
    LayeredLowering.Lowered l = Differential.check(Differential.quantize(g, List.of(x)), List.of(x));
    long convs = l.model().layers().stream().filter(y -> y instanceof Layer.Conv).count();
    long maxNnz = l.model().layers().stream().filter(y -> y instanceof Layer.Linear)
        .flatMap(y -> ((Layer.Linear) y).terms().stream()).mapToLong(t -> t.matrix().nnz()).max().orElse(0);
    assertTrue(convs >= 1, Differential.size(l.model()));
    assertTrue(maxNnz < 1 << 17, "no im2col matrix left: " + maxNnz);
  }

  private static Keccak256Transcript transcript() {
    return new Keccak256Transcript("layered-conv-test");
  }
}
