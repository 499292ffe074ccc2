package io.kubz.slicer.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.poly.srs.Srs;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.onnx.ExampleModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * {@code --proof-system gkr} end to end at the library level: the same outputs as the plonkish
 * path, verified under --model and --digest anchors, and rejected (never thrown) when tampered with
 * or checked against another model's digest.
 */
class GkrProveTest {
  private static final long SEED = 20261207;
  private static final IntFunction<Srs> SRS = log2 -> Srs.dev(log2, SEED);

  private static ModelProver.Options gkr() {
    return ModelProver.Options.of(SRS).withProofSystem("gkr");
  }

  private static byte[] digest(ModelProver.Result r) {
    return r.parsed().modelDigest();
  }

  @Test
  void cnnOutputsEqualThePlonkishPathsAndVerifyUnderEveryAnchor() {
    Graph g = Runs.graph(ExampleModels.cnn(3));
    List<Tensor> in = Runs.input(g, 4);
    ModelProver.Result gkr = ModelProver.prove(g, in, gkr());
    ModelProver.Result plonkish = ModelProver.prove(g, in, ModelProver.Options.of(Runs.srs()));
    assertEquals(plonkish.parsed().outputs().size(), gkr.parsed().outputs().size());
    for (int i = 0; i < gkr.parsed().outputs().size(); i++) {
      assertArrayEquals(plonkish.parsed().outputs().get(i).values(), gkr.parsed().outputs().get(i).values(),
          "output " + gkr.parsed().outputs().get(i).name() + " is the plonkish path's");
    }
    assertEquals(ProofBundle.FORMAT_VERSION_SYSTEMS, gkr.parsed().formatVersion());
    assertEquals(ProofBundle.FORMAT_VERSION, plonkish.parsed().formatVersion());
    assertEquals("gkr", gkr.summary().proofSystem());
    assertTrue(gkr.summary().stageNanos().keySet().containsAll(List.of(ProgressListener.WITNESS,
        ProgressListener.COMMIT, ProgressListener.TOWERS, ProgressListener.LAYERS, ProgressListener.OPENING)),
        gkr.summary().stageNanos().toString());

    VerificationResult byModel = BundleVerifier.verifyForModel(gkr.bundle(), g, TrustedSettings.defaults(), SRS, true,
        null);
    assertTrue(byModel.valid(), byModel.reason());
    assertTrue(byModel.insecureSrs());
    Srs points = Srs.dev(0, SEED);
    VerificationResult byDigest = BundleVerifier.verify(gkr.bundle(), digest(gkr), points, SRS, true);
    assertTrue(byDigest.valid(), byDigest.reason());
    assertArrayEquals(gkr.parsed().outputs().get(0).values(), byDigest.outputs().get(0).values());

    // the setup's statement has the digest of every bundle proved with these settings
    GkrSession setup = ModelProver.setupGkr(ModelProver.quantizeFor(g, in, gkr()), gkr());
    assertArrayEquals(digest(gkr), setup.statement().modelDigest());

    // a dev SRS is refused unless allowed; another SRS is refused
    assertFalse(BundleVerifier.verify(gkr.bundle(), digest(gkr), points, SRS, false).valid());
    VerificationResult otherSrs = BundleVerifier.verify(gkr.bundle(), digest(gkr), Srs.dev(0, SEED + 1),
        log2 -> Srs.dev(log2, SEED + 1), true);
    assertFalse(otherSrs.valid());
  }

  @Test
  void lenetProvesAsOneSliceWithTheInterpretersOutputs() {
    Graph g = Runs.graph(ExampleModels.lenet(2));
    List<Tensor> in = Runs.input(g, 5);
    ModelProver.Result r = ModelProver.prove(g, in, gkr());
    assertEquals(1, r.parsed().slices().size());
    assertEquals(g.nodes().size(), r.parsed().slices().get(0).nodes().size());
    Map<String, long[]> expected = Runs.expected(g, in, gkr());
    for (ProofBundle.PublicTensor t : r.parsed().outputs()) {
      assertArrayEquals(expected.get(t.name()), t.values(), "proven output " + t.name() + " is the interpreter's");
    }
    VerificationResult v = BundleVerifier.verifyForModel(r.bundle(), g, TrustedSettings.defaults(), SRS, true, null);
    assertTrue(v.valid(), v.reason());
    ModelProverTest.print(g, r);
  }

  @Test
  void tamperedBundlesAndOtherModelsAreRejectedWithoutThrowing() {
    Graph g = Runs.graph(ExampleModels.mlp(1, 6, 5, 3));
    List<Tensor> in = Runs.input(g, 2);
    ModelProver.Result r = ModelProver.prove(g, in, gkr());
    byte[] d = digest(r);
    Srs points = Srs.dev(0, SEED);
    assertTrue(BundleVerifier.verify(r.bundle(), d, points, SRS, true).valid());
    // without G1 powers (a key folder alone) the loader's message is the verdict's reason
    VerificationResult noPowers = BundleVerifier.verify(r.bundle(), d, points, log2 -> {
      throw new BadInputException("add --srs");
    }, true);
    assertFalse(noPowers.valid());
    assertTrue(noPowers.reason().contains("add --srs"), noPowers.reason());
    // the one-power SRS of a plain --digest check is too small for the witness: a failure, not a throw
    assertFalse(BundleVerifier.verify(r.bundle(), d, points, true).valid());

    ProofBundle b = r.parsed();
    ProofBundle.Slice s = b.slices().get(0);
    // a changed output value (declared and in the instance, so that the links agree): the proof fails
    List<Fr> instance = new ArrayList<>(s.instance());
    int last = instance.size() - 1;
    instance.set(last, instance.get(last).add(Fr.ONE));
    List<ProofBundle.PublicTensor> outs = new ArrayList<>();
    for (ProofBundle.PublicTensor t : b.outputs()) {
      long[] v = t.values().clone();
      v[v.length - 1]++;
      outs.add(new ProofBundle.PublicTensor(t.name(), t.shape(), t.scale(), t.mode(), v, null));
    }
    ProofBundle forged = new ProofBundle(b.modelDigest(), b.modelName(), b.planJson(), b.quantJson(),
        b.inputVisibility(), b.outputVisibility(), b.srs(), List.of(new ProofBundle.Slice(s.id(), s.nodes(),
            s.verifyingKey(), s.vkDigest(), s.layout(), instance, s.proof(), s.rows(), s.system())),
        b.inputs(), outs);
    VerificationResult v = BundleVerifier.verify(BundleCodec.encode(forged), d, points, SRS, true);
    assertFalse(v.valid());
    assertEquals(0, v.failingSlice(), v.reason());

    // every byte of the proof flipped in turn (a sample): never valid, never thrown
    byte[] proof = s.proof();
    for (int at = 0; at < proof.length; at += Math.max(1, proof.length / 40)) {
      byte[] p = proof.clone();
      p[at] ^= 0x01;
      ProofBundle t = new ProofBundle(b.modelDigest(), b.modelName(), b.planJson(), b.quantJson(),
          b.inputVisibility(), b.outputVisibility(), b.srs(), List.of(new ProofBundle.Slice(s.id(), s.nodes(),
              s.verifyingKey(), s.vkDigest(), s.layout(), s.instance(), p, s.rows(), s.system())),
          b.inputs(), b.outputs());
      assertFalse(BundleVerifier.verify(BundleCodec.encode(t), d, points, SRS, true).valid(), "flip at " + at);
    }
    // a truncated bundle is a format error
    byte[] bytes = r.bundle();
    VerificationResult cut = BundleVerifier.verify(java.util.Arrays.copyOf(bytes, bytes.length / 2), d, points, SRS,
        true);
    assertFalse(cut.valid());

    // another model's digest: rejected by digest
    Graph other = Runs.graph(ExampleModels.mlp(9, 6, 5, 3));
    ModelProver.Result ro = ModelProver.prove(other, Runs.input(other, 2), gkr());
    VerificationResult wrong = BundleVerifier.verify(r.bundle(), digest(ro), points, SRS, true);
    assertFalse(wrong.valid());
    assertTrue(wrong.reason().contains("different model"), wrong.reason());
    // and under --model of the other model
    assertFalse(BundleVerifier.verifyForModel(r.bundle(), other, TrustedSettings.defaults(), SRS, true, null).valid());
  }

  @Test
  void privateOrHashedTensorsAreRefusedNamingThePlonkishBackEnd() {
    Graph g = Runs.graph(ExampleModels.mlp(1, 6, 5, 3));
    for (Visibility v : List.of(new Visibility(Visibility.Mode.PRIVATE, Visibility.Mode.PUBLIC),
        new Visibility(Visibility.Mode.PUBLIC, Visibility.Mode.HASHED))) {
      BadInputException e = assertThrows(BadInputException.class,
          () -> ModelProver.prove(g, Runs.input(g, 2), gkr().withVisibility(v)));
      assertTrue(e.getMessage().contains("zero-knowledge sumcheck") && e.getMessage().contains("--proof-system plonkish"),
          e.getMessage());
    }
  }

  /** A PRelu slope above 1 is no maximum: the GKR lowering refuses it (Softmax, once the example, lowers now). */
  static io.kubz.slicer.onnx.proto.Onnx.ModelProto steepPrelu() {
    io.kubz.slicer.onnx.OnnxWriter w = io.kubz.slicer.onnx.OnnxWriter.create("steep", 13);
    w.input("x", 1, 4);
    w.output(w.node("PRelu", List.of("x", w.initializer("s", Tensor.of(new int[] {4}, 1.5, 0.5, 1.5, 0.5)))));
    return w.build();
  }

  @Test
  void anOpTheLoweringRefusesIsOneBadInputLine() {
    Graph g = Runs.graph(steepPrelu());
    BadInputException e = assertThrows(BadInputException.class, () -> ModelProver.prove(g, Runs.input(g, 1), gkr()));
    assertTrue(e.getMessage().contains("--proof-system plonkish") && !e.getMessage().contains("\n"), e.getMessage());
  }
}
