package io.kubz.gkr.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.gkr.opening.Claim;
import io.kubz.gkr.testing.Naive;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The Conv layer: its integers against the im2col matrix, completeness on random geometries, every
 * claim against a BigInteger MLE oracle, and malicious provers.
 */
class ConvTest {
  /** Evaluator's convolution = the im2col matrix times x plus the broadcast bias (the Linear lowering). */
  @Property(tries = 200)
  void theIntegersAreTheIm2colProducts(@ForAll long seed) {
    Random rnd = new Random(seed);
    int batch = 1 + rnd.nextInt(2);
    int channels = 1 + rnd.nextInt(4);
    Layer.Conv cv = ConvModels.random(rnd, 0, batch, channels, null, 50);
    long[] x = Models.vector(rnd, cv.inputSize(), 100);
    LayeredModel conv = new LayeredModel(List.of(new Layer.Input(x.length), cv), new int[] {1}, List.of());
    LayeredModel lin = new LayeredModel(List.of(new Layer.Input(x.length), ConvModels.asLinear(cv)),
        new int[] {1}, List.of());
    assertArrayEquals(Evaluator.run(lin, new long[][] {x})[1], Evaluator.run(conv, new long[][] {x})[1]);
  }

  @Property(tries = 40)
  void randomConvolutionsVerify(@ForAll long seed) {
    ConvModels.Case k = ConvModels.pair(seed);
    Models.Case c = k.c();
    LayeredProver.Output out = LayeredTest.prove(c);
    long[][] v = Evaluator.run(c.model(), c.inputs());
    assertArrayEquals(v[4], out.outputs()[0]);
    assertTrue(LayeredTest.verify(c, out.outputs(), out.proof()), "geometry " + describe(k.first())
        + " then " + describe(k.second()));
    LayeredProof back = LayeredProof.parse(out.proof().toBytes()).orElseThrow();
    assertTrue(LayeredTest.verify(c, out.outputs(), back));
    long[][] bad = out.outputs().clone();
    bad[0] = bad[0].clone();
    bad[0][bad[0].length - 1] += 1;
    assertFalse(LayeredTest.verify(c, bad, out.proof()), "a changed output entry");
  }

  private static String describe(Layer.Conv cv) {
    return "b" + cv.batch() + " c" + cv.channels() + "→" + cv.outChannels() + " g" + cv.group()
        + " in" + java.util.Arrays.toString(cv.in()) + " out" + java.util.Arrays.toString(cv.out())
        + " k" + java.util.Arrays.toString(cv.kernel()) + " s" + java.util.Arrays.toString(cv.strides())
        + " p" + java.util.Arrays.toString(cv.pads()) + " d" + java.util.Arrays.toString(cv.dilations());
  }

  /**
   * Power-of-two geometries: the direct path (one claim, no first sumcheck) on both convolutions,
   * and the general path when the first one has two claims; its claims are the true MLEs.
   */
  @Property(tries = 30)
  void alignedConvolutionsVerifyOnBothPaths(@ForAll long seed) {
    for (boolean two : new boolean[] {false, true}) {
      ConvModels.Case k = ConvModels.alignedPair(seed, two);
      Models.Case c = k.c();
      Layout layout = new Layout(c.model());
      assertTrue(ConvKernels.inputAligned(ConvShape.of(k.second()), layout.vars[3]));
      assertTrue(ConvStep.direct(ConvShape.of(k.second()), layout.vars[4],
          List.of(new Claim(new long[4 * layout.vars[4]], io.kubz.field.Fr.ZERO))), describe(k.second()));
      long[][] v = Evaluator.run(c.model(), c.inputs());
      LayeredProver.Hook hook = new LayeredProver.Hook() {
        @Override
        public void claims(List<List<Claim>> tensors, List<Claim> witClaims) {
          for (int t = 0; t < tensors.size(); t++) {
            for (Claim cl : tensors.get(t)) {
              assertEquals(Naive.mle(LayeredTest.padded(v[t], layout.vars[t]), Naive.big(cl.point())),
                  cl.value().toBigInteger(), "a claim on tensor " + t);
            }
          }
        }
      };
      LayeredProver.Output out = LayeredProver.prove(c.model(), c.inputs(), LayeredTest.PCS,
          LayeredTest.transcript(), hook);
      assertTrue(LayeredTest.verify(c, out.outputs(), out.proof()), describe(k.first()) + " then "
          + describe(k.second()) + (two ? ", two claims" : ""));
      long[][] bad = out.outputs().clone();
      bad[0] = bad[0].clone();
      bad[0][0] -= 1;
      assertFalse(LayeredTest.verify(c, bad, out.proof()), "a changed output entry");
    }
  }

  /** A convolution alone (nothing committed), claimed at the output point only. */
  @Property(tries = 60)
  void aLoneConvolutionVerifies(@ForAll long seed) {
    Random rnd = new Random(seed);
    Layer.Conv cv = ConvModels.random(rnd, 0, 1 + rnd.nextInt(2), 1 + rnd.nextInt(5), null, 5);
    Models.Case c = new Models.Case(new LayeredModel(List.of(new Layer.Input(cv.inputSize()), cv),
        new int[] {1}, List.of()), new long[][] {Models.vector(rnd, cv.inputSize(), 20)});
    LayeredProver.Output out = LayeredTest.prove(c);
    assertTrue(LayeredTest.verify(c, out.outputs(), out.proof()), describe(cv));
  }

  /** GKR.md test 2 for the Conv step: every claim it emits is the true MLE of its tensor. */
  @Property(tries = 15)
  void everyClaimIsTheTrueMle(@ForAll long seed) {
    ConvModels.Case k = ConvModels.pair(seed);
    Models.Case c = k.c();
    long[][] v = Evaluator.run(c.model(), c.inputs());
    Layout layout = new Layout(c.model());
    int[] checked = new int[1];
    LayeredProver.Hook hook = new LayeredProver.Hook() {
      @Override
      public void claims(List<List<Claim>> tensors, List<Claim> witClaims) {
        for (int t = 0; t < tensors.size(); t++) {
          BigInteger[] table = LayeredTest.padded(v[t], layout.vars[t]);
          for (Claim cl : tensors.get(t)) {
            assertEquals(Naive.mle(table, Naive.big(cl.point())), cl.value().toBigInteger(),
                "a claim on tensor " + t);
            checked[0]++;
          }
        }
      }
    };
    LayeredProver.prove(c.model(), c.inputs(), LayeredTest.PCS, LayeredTest.transcript(), hook);
    assertTrue(checked[0] >= 4, "claims on the input and the ReLU were checked: " + checked[0]);
  }

  private static boolean proveAndVerify(Models.Case c, LayeredProver.Hook hook) {
    LayeredProver.Output out = LayeredProver.prove(c.model(), c.inputs(), LayeredTest.PCS,
        LayeredTest.transcript(), hook);
    return LayeredVerifier.verify(c.model(), c.inputs(), out.outputs(), out.proof(), LayeredTest.PCS,
        LayeredTest.transcript());
  }

  /** One conv output entry changed, everything after it recomputed consistently: rejected. */
  @Property(tries = 10)
  void aChangedConvolutionEntryIsRejected(@ForAll long seed) {
    ConvModels.Case k = ConvModels.pair(seed);
    Models.Case c = k.c();
    assertTrue(proveAndVerify(c, new LayeredProver.Hook() {}));
    Random rnd = new Random(seed);
    for (int t : new int[] {1, 4}) {
      int i = rnd.nextInt(c.model().layers().get(t).size());
      LayeredProver.Hook change = new LayeredProver.Hook() {
        @Override
        public void values(long[][] v) {
          v[t][i] += 1 << 3; // a multiple of the rescale's 2^shift so the ReLU stays in range
          Evaluator.rerun(c.model(), v, t + 1);
        }
      };
      boolean ok;
      try {
        ok = proveAndVerify(c, change);
      } catch (io.kubz.field.BadInputException e) {
        ok = false; // the changed value left a range: the prover refuses, which is a rejection too
      }
      assertFalse(ok, "tensor " + t + " entry " + i);
    }
  }

  /** A prover that uses other weights (one changed) than the verifier's model: rejected. */
  @Test
  void aChangedWeightIsRejected() {
    ConvModels.Case k = ConvModels.pair(5);
    Models.Case c = k.c();
    List<Layer> layers = new ArrayList<>(c.model().layers());
    Layer.Conv b = k.second();
    long[] w = b.weights().clone();
    w[w.length / 2] += 1;
    layers.set(4, new Layer.Conv(b.input(), b.batch(), b.channels(), b.outChannels(), b.group(), b.in(),
        b.out(), b.kernel(), b.strides(), b.pads(), b.dilations(), w, b.bias()));
    LayeredModel other = new LayeredModel(layers, c.model().outputs(), c.model().tables());
    LayeredProver.Output out = LayeredTest.prove(new Models.Case(other, c.inputs()));
    assertFalse(LayeredTest.verify(c, out.outputs(), out.proof()));
    // the digest binds the weights: a prover's transcript under the other model never matches
    assertFalse(java.util.Arrays.equals(ModelDigests.digest(c.model()), ModelDigests.digest(other)));
  }

  /** Every parameter of a Conv layer changes the model digest. */
  @Test
  void theDigestBindsEveryParameter() {
    Layer.Conv b = new Layer.Conv(0, 1, 4, 4, 2, new int[] {5, 6}, new int[] {5, 6}, new int[] {3, 3},
        new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, new long[4 * 2 * 9], new long[4]);
    List<Layer.Conv> variants = List.of(
        new Layer.Conv(0, 1, 4, 4, 1, new int[] {5, 6}, new int[] {5, 6}, new int[] {3, 3},
            new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, new long[4 * 4 * 9], new long[4]),
        new Layer.Conv(0, 1, 4, 4, 2, new int[] {5, 6}, new int[] {3, 6}, new int[] {3, 3},
            new int[] {2, 1}, new int[] {1, 1}, new int[] {1, 1}, new long[4 * 2 * 9], new long[4]),
        new Layer.Conv(0, 1, 4, 4, 2, new int[] {5, 6}, new int[] {5, 6}, new int[] {3, 3},
            new int[] {1, 1}, new int[] {1, 0}, new int[] {1, 1}, new long[4 * 2 * 9], new long[4]),
        new Layer.Conv(0, 1, 4, 4, 2, new int[] {5, 6}, new int[] {5, 6}, new int[] {3, 3},
            new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 2}, new long[4 * 2 * 9], new long[4]),
        new Layer.Conv(0, 1, 4, 4, 2, new int[] {5, 6}, new int[] {5, 6}, new int[] {3, 3},
            new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, new long[4 * 2 * 9], null),
        new Layer.Conv(0, 1, 4, 4, 2, new int[] {5, 6}, new int[] {5, 6}, new int[] {3, 3},
            new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, new long[4 * 2 * 9], new long[] {0, 0, 1, 0}),
        new Layer.Conv(0, 1, 4, 4, 2, new int[] {5, 6}, new int[] {5, 6}, new int[] {1, 9},
            new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, new long[4 * 2 * 9], new long[4]));
    byte[] d0 = digest(b, 4 * 5 * 6);
    for (Layer.Conv v : variants) {
      assertFalse(java.util.Arrays.equals(d0, digest(v, 4 * 5 * 6)), describe(v));
    }
    long[] w = new long[4 * 2 * 9];
    w[17] = 1;
    assertFalse(java.util.Arrays.equals(d0, digest(new Layer.Conv(0, 1, 4, 4, 2, new int[] {5, 6},
        new int[] {5, 6}, new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, w,
        new long[4]), 4 * 5 * 6)));
  }

  private static byte[] digest(Layer.Conv cv, int inputSize) {
    return ModelDigests.digest(new LayeredModel(List.of(new Layer.Input(inputSize), cv), new int[] {1},
        List.of()));
  }
}
