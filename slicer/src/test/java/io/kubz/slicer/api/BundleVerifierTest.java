package io.kubz.slicer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ModelDigest;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.onnx.ExampleModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verifier rejects every way of cheating the issue lists, naming the slice or link. Tampered
 * bundles are re-encoded with their model digest recomputed (as a forger would), unless the test
 * is about the digest itself.
 */
class BundleVerifierTest {
  static Graph model;
  static ModelProver.Result run1;
  static ModelProver.Result run2;
  static ModelProver.Result otherModel;

  @BeforeAll
  static void prove() {
    model = Runs.graph(ExampleModels.mlp(21, 6, 5, 4, 3));
    ModelProver.Options o = ModelProver.Options.of(Runs.srs()).withThreads(2)
        .withQuant(ModelProver.quantize(model, Runs.input(model, 1), null).plan());
    run1 = ModelProver.prove(model, Runs.input(model, 1), o);
    run2 = ModelProver.prove(model, Runs.input(model, 1), o); // same input: fresh salts and blinding
    Graph other = Runs.graph(ExampleModels.mlp(22, 6, 5, 4, 3));
    otherModel = ModelProver.prove(other, Runs.input(other, 1), ModelProver.Options.of(Runs.srs()));
  }

  static ProofBundle parsed(ModelProver.Result r) {
    return BundleCodec.decode(r.bundle());
  }

  static ProofBundle withSlices(ProofBundle b, List<ProofBundle.Slice> slices) {
    return new ProofBundle(b.modelDigest(), b.modelName(), b.planJson(), b.quantJson(), b.inputVisibility(),
        b.outputVisibility(), b.srs(), slices, b.inputs(), b.outputs());
  }

  static byte[] forged(ProofBundle b) {
    return BundleCodec.encode(ProvingSession.withDigest(b));
  }

  static ProofBundle.Slice withInstance(ProofBundle.Slice s, UnaryOperator<List<Fr>> f) {
    return new ProofBundle.Slice(s.id(), s.nodes(), s.verifyingKey(), s.vkDigest(), s.layout(),
        f.apply(new ArrayList<>(s.instance())), s.proof(), s.rows());
  }

  @Test
  void honestBundlesVerifyWithAndWithoutTheExpectedDigest() {
    assertTrue(run1.summary().slices().size() >= 3, "three layers, three slices");
    VerificationResult v = BundleVerifier.selfCheck(run1.bundle());
    assertTrue(v.valid(), v.reason());
    assertEquals(run1.summary().modelDigest(), v.modelDigest());
    assertEquals(run1.summary().modelDigest(), run2.summary().modelDigest(), "same model, same digest");
    assertTrue(BundleVerifier.verify(run1.bundle(), run1.parsed().modelDigest(), Runs.srs(), true).valid());
    assertTrue(BundleVerifier.verifyForModel(run1.bundle(), model, TrustedSettings.defaults(),
        log2 -> Runs.srs(), true, null).valid(),
        "the keys are the ones the model compiles to");
  }

  @Test
  void aSliceProofFromAnotherRunIsRejected() {
    ProofBundle a = parsed(run1);
    ProofBundle b = parsed(run2);
    List<ProofBundle.Slice> slices = new ArrayList<>(a.slices());
    ProofBundle.Slice s = slices.get(1);
    slices.set(1, new ProofBundle.Slice(s.id(), s.nodes(), s.verifyingKey(), s.vkDigest(), s.layout(), s.instance(),
        b.slices().get(1).proof(), s.rows()));
    VerificationResult v = BundleVerifier.selfCheck(forged(withSlices(a, slices)));
    assertFalse(v.valid());
    assertEquals(1, v.failingSlice(), v.reason());
    // the other run's whole slice (its proof verifies on its own instance): its links break
    slices.set(1, b.slices().get(1));
    v = BundleVerifier.selfCheck(forged(withSlices(a, slices)));
    assertFalse(v.valid());
    assertNotNull(v.failingLink(), v.reason());
  }

  @Test
  void reorderedSlicesAreRejected() {
    ProofBundle a = parsed(run1);
    List<ProofBundle.Slice> slices = new ArrayList<>(a.slices());
    java.util.Collections.swap(slices, 0, 1);
    VerificationResult v = BundleVerifier.selfCheck(forged(withSlices(a, slices)));
    assertFalse(v.valid());
    assertEquals(0, v.failingSlice(), v.reason());
    // renumbered to look in order: slice 0 now reads what no earlier slice produced
    List<ProofBundle.Slice> renumbered = new ArrayList<>();
    for (int i = 0; i < slices.size(); i++) {
      ProofBundle.Slice s = slices.get(i);
      renumbered.add(new ProofBundle.Slice(i, s.nodes(), s.verifyingKey(), s.vkDigest(), s.layout(), s.instance(),
          s.proof(), s.rows()));
    }
    v = BundleVerifier.selfCheck(forged(withSlices(a, renumbered)));
    assertFalse(v.valid());
    assertTrue(v.failingLink() != null || v.failingSlice() >= 0, v.reason());
  }

  @Test
  void aChangedPublicOutputIsRejected() {
    ProofBundle a = parsed(run1);
    ProofBundle.PublicTensor out = a.outputs().get(0);
    long[] values = out.values().clone();
    values[0] += 1;
    ProofBundle.PublicTensor changed = new ProofBundle.PublicTensor(out.name(), out.shape(), out.scale(), out.mode(),
        values, null);
    ProofBundle declared = new ProofBundle(a.modelDigest(), a.modelName(), a.planJson(), a.quantJson(),
        a.inputVisibility(), a.outputVisibility(), a.srs(), a.slices(), a.inputs(), List.of(changed));
    int last = a.slices().size() - 1;
    VerificationResult v = BundleVerifier.selfCheck(forged(declared));
    assertFalse(v.valid());
    assertEquals(last, v.failingSlice(), v.reason());
    // the declaration and the producing slice's instance changed together: its proof fails
    ProofBundle.Entry e = a.slices().get(last).find(out.name(), true);
    List<ProofBundle.Slice> slices = new ArrayList<>(a.slices());
    slices.set(last, withInstance(a.slices().get(last), inst -> {
      inst.set(e.row(), Fr.of(values[0]));
      return inst;
    }));
    ProofBundle both = new ProofBundle(a.modelDigest(), a.modelName(), a.planJson(), a.quantJson(),
        a.inputVisibility(), a.outputVisibility(), a.srs(), slices, a.inputs(), List.of(changed));
    v = BundleVerifier.selfCheck(forged(both));
    assertFalse(v.valid());
    assertEquals(last, v.failingSlice(), v.reason());
    assertTrue(v.reason().contains("does not verify"), v.reason());
  }

  @Test
  void aCommitmentThatDiffersBetweenProducerAndConsumerIsRejected() {
    ProofBundle a = parsed(run1);
    ProofBundle.Slice consumer = a.slices().get(1);
    ProofBundle.Entry in = null;
    for (ProofBundle.Entry e : consumer.layout()) {
      if (!e.output() && e.commitment()) {
        in = e;
      }
    }
    assertNotNull(in, "slice 1 reads a committed tensor");
    int row = in.row();
    List<ProofBundle.Slice> slices = new ArrayList<>(a.slices());
    slices.set(1, withInstance(consumer, inst -> {
      inst.set(row, inst.get(row).add(Fr.ONE));
      return inst;
    }));
    VerificationResult v = BundleVerifier.selfCheck(forged(withSlices(a, slices)));
    assertFalse(v.valid());
    assertEquals(in.tensor() + ": slice 0 -> slice 1", v.failingLink(), v.reason());
  }

  @Test
  void aBundleOfAnotherModelIsRejected() {
    byte[] expected = run1.parsed().modelDigest();
    VerificationResult v = BundleVerifier.verify(otherModel.bundle(), expected, Runs.srs(), true);
    assertTrue(BundleVerifier.selfCheck(otherModel.bundle()).valid(), "valid on its own");
    assertFalse(v.valid());
    assertTrue(v.reason().contains("different model"), v.reason());
    VerificationResult m = BundleVerifier.verifyForModel(otherModel.bundle(), model, TrustedSettings.defaults(),
        log2 -> Runs.srs(), true, null);
    assertFalse(m.valid(), m.reason());
  }

  @Test
  void anAlteredStatementWithItsOldDigestIsRejected() {
    ProofBundle a = parsed(run1);
    List<ProofBundle.Slice> slices = new ArrayList<>(a.slices());
    ProofBundle.Slice s = slices.get(0);
    slices.set(0, new ProofBundle.Slice(s.id(), s.nodes(), s.verifyingKey(), s.vkDigest(), s.layout(), s.instance(),
        s.proof(), s.rows() + 1));
    VerificationResult v = BundleVerifier.selfCheck(BundleCodec.encode(withSlices(a, slices)));
    assertFalse(v.valid());
    assertTrue(v.reason().contains("altered"), v.reason());
  }

  @Test
  void noChangedByteVerifiesAndNoneThrows() {
    byte[] good = run1.bundle();
    Random rnd = new Random(5);
    for (int i = 0; i < 40; i++) {
      byte[] bad = good.clone();
      int at = rnd.nextInt(bad.length);
      bad[at] ^= (byte) (1 + rnd.nextInt(255));
      VerificationResult v = BundleVerifier.selfCheck(bad);
      assertFalse(v.valid(), "byte " + at + " changed, still valid");
      assertFalse(v.reason().isEmpty());
    }
    VerificationResult v = BundleVerifier.selfCheck(new byte[] {1, 2, 3});
    assertTrue(v.malformed() && !v.valid(), v.reason());
    assertEquals(ModelDigest.hex(run1.parsed().modelDigest()), BundleVerifier.selfCheck(good).modelDigest());
  }
}
