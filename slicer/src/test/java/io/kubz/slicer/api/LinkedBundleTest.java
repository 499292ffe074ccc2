package io.kubz.slicer.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.lower.Visibility.Mode;
import io.kubz.slicer.onnx.proto.Onnx;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.QuantPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The linking rule end to end (issue #8): a tensor that crosses a slice boundary is linked in every
 * mode. Each case proves the same model on two inputs with the same salts, then splices one slice
 * (proof and instance, valid on their own) of the second run into the first run's bundle: only
 * the links can tell, and the verifier must reject, naming the link or slice.
 */
class LinkedBundleTest {
  @TempDir
  static Path cache;

  /** The honest bundles of one model on input seeds 1 and 2, same quantization, keys and salts. */
  record Runs2(Graph g, ModelProver.Options o, ProofBundle a, ProofBundle b, List<Tensor> inA) {}

  static Runs2 prove(Onnx.ModelProto m, Visibility v) {
    Graph g = Runs.graph(m);
    List<Tensor> in1 = Runs.input(g, 1);
    List<Tensor> in2 = Runs.input(g, 2);
    QuantPlan quant = Calibrator.calibrate(g, List.of(in1, in2), QuantPlan.defaults()).graph().plan();
    ModelProver.Options o = ModelProver.Options.of(Runs.srs()).withCacheDir(cache).withQuant(quant).withVisibility(v);
    ModelProver.Result a = ModelProver.prove(g, in1, o.withRandom(new Random(7)));
    ModelProver.Result b = ModelProver.prove(g, in2, o.withRandom(new Random(7)));
    for (ModelProver.Result r : List.of(a, b)) {
      VerificationResult res = BundleVerifier.selfCheck(r.bundle());
      assertTrue(res.valid(), res.reason());
      for (ProveSummary.SliceRow s : r.summary().slices()) {
        assertTrue(s.k() <= 12, "small slices: 2^" + s.k());
      }
    }
    assertEquals(2, a.parsed().slices().size(), "per layer: two slices");
    return new Runs2(g, o, a.parsed(), b.parsed(), in1);
  }

  /** Bundle a with slice i taken whole from bundle b (its proof verifies against its own instance). */
  static VerificationResult spliced(Runs2 r, int i) {
    List<ProofBundle.Slice> slices = new ArrayList<>(r.a().slices());
    slices.set(i, r.b().slices().get(i));
    return BundleVerifier.selfCheck(BundleVerifierTest.forged(BundleVerifierTest.withSlices(r.a(), slices)));
  }

  static Fr cell(ProofBundle.Slice s, ProofBundle.Entry e) {
    return s.instance().get(e.row());
  }

  @Test
  void aPrivateInputReadByTwoSlicesIsCommittedAlikeInBoth() {
    Runs2 r = prove(LinkModels.branches(31), new Visibility(Mode.PRIVATE, Mode.PRIVATE));
    ProofBundle.Entry e0 = r.a().slices().get(0).find("input", false);
    ProofBundle.Entry e1 = r.a().slices().get(1).find("input", false);
    assertTrue(e0 != null && e0.commitment() && e1 != null && e1.commitment(), "upgraded to HASHED in both slices");
    assertEquals(cell(r.a().slices().get(0), e0), cell(r.a().slices().get(1), e1), "one salt, one commitment");
    assertNull(r.a().inputs().get(0).values());
    assertNull(r.a().inputs().get(0).commitment(), "the bundle still declares nothing of a private input");
    assertNotEquals(cell(r.a().slices().get(1), e1), cell(r.b().slices().get(1), e1), "other input, other C");

    VerificationResult v = spliced(r, 1);
    assertFalse(v.valid(), "slice 1 proved on another input");
    assertEquals("input: slice 0 -> slice 1", v.failingLink(), v.reason());
    v = spliced(r, 0);
    assertFalse(v.valid(), "slice 0 proved on another input");
    assertEquals("input: slice 0 -> slice 1", v.failingLink(), v.reason());
    // a statement whose slice 1 shows the private input's cell as a value instead of a commitment
    v = BundleVerifier.selfCheck(BundleVerifierTest.forged(relaid(r.a(), 1, e1,
        new ProofBundle.Entry("input", false, false, e1.row(), 1))));
    assertFalse(v.valid());
    assertEquals(1, v.failingSlice(), v.reason());
    // a statement whose slice 1 does not link the input at all (as before issue #8)
    v = BundleVerifier.selfCheck(BundleVerifierTest.forged(relaid(r.a(), 1, e1, null)));
    assertFalse(v.valid());
    assertEquals(1, v.failingSlice(), v.reason());
    assertTrue(v.reason().contains("without linking"), v.reason());
  }

  @Test
  void aHashedInputReadByTwoSlicesEqualsTheDeclaredCommitmentInBoth() {
    Runs2 r = prove(LinkModels.branches(32), new Visibility(Mode.HASHED, Mode.PRIVATE));
    Fr declared = r.a().inputs().get(0).commitment();
    assertNotNull(declared);
    for (ProofBundle.Slice s : r.a().slices()) {
      assertEquals(declared, cell(s, s.find("input", false)));
    }
    for (int i = 0; i < 2; i++) {
      VerificationResult v = spliced(r, i);
      assertFalse(v.valid(), "slice " + i + " proved on another input");
      assertEquals(i, v.failingSlice(), v.reason());
    }
  }

  @ParameterizedTest(name = "output {0}")
  @EnumSource(Mode.class)
  void aModelOutputThatAnotherSliceReadsIsLinked(Mode out) {
    Runs2 r = prove(LinkModels.tapped(33 + out.ordinal()), new Visibility(Mode.PRIVATE, out));
    ProofBundle.Slice producer = r.a().slices().get(0);
    ProofBundle.Slice consumer = r.a().slices().get(1);
    assertNull(producer.find("input", true), "a private input read by one slice stays private");
    assertNull(producer.find("input", false), "a private input read by one slice stays private");
    ProofBundle.Entry pe = producer.find("hidden", true);
    ProofBundle.Entry ce = consumer.find("hidden", false);
    assertTrue(pe != null && ce != null, "hidden is exposed by its producer and its consumer");
    assertEquals(out != Mode.PUBLIC, pe.commitment(), "PRIVATE is upgraded to HASHED");
    assertEquals(pe.commitment(), ce.commitment());
    assertEquals(pe.length(), ce.length());

    VerificationResult v = spliced(r, 1);
    assertFalse(v.valid(), "the consumer proved on another input's hidden tensor");
    assertEquals("hidden: slice 0 -> slice 1", v.failingLink(), v.reason());
    v = spliced(r, 0);
    assertFalse(v.valid(), "the producer proved on another input");
    assertEquals("hidden: slice 0 -> slice 1", v.failingLink(), v.reason());

    // a statement whose consumer claims a different kind of copy than its producer
    ProofBundle.Entry other = new ProofBundle.Entry("hidden", false, !ce.commitment(), ce.row(), 1);
    v = BundleVerifier.selfCheck(BundleVerifierTest.forged(relaid(r.a(), 1, ce, other)));
    assertFalse(v.valid());
    assertEquals("hidden: slice 0 -> slice 1", v.failingLink(), v.reason());
    assertTrue(v.reason().contains("the same way"), v.reason());

    if (out == Mode.PUBLIC) {
      ProofBundle.PublicTensor hidden = r.a().outputs().get(0);
      assertEquals("hidden", hidden.name());
      assertArrayEquals(Runs.expected(r.g(), r.inA(), r.o()).get("hidden"), hidden.values());
      long[] changed = hidden.values().clone();
      changed[0] += 1;
      v = BundleVerifier.selfCheck(BundleVerifierTest.forged(withOutput(r.a(), hidden, changed, null)));
      assertFalse(v.valid(), "declared hidden value changed");
      assertEquals(0, v.failingSlice(), v.reason());
      // the declaration and the consumer's copy changed together: the producer's copy disagrees
      ProofBundle both = withOutput(r.a(), hidden, changed, null);
      List<ProofBundle.Slice> slices = new ArrayList<>(both.slices());
      slices.set(1, BundleVerifierTest.withInstance(consumer, inst -> {
        inst.set(ce.row(), Fr.of(changed[0]));
        return inst;
      }));
      v = BundleVerifier.selfCheck(BundleVerifierTest.forged(BundleVerifierTest.withSlices(both, slices)));
      assertFalse(v.valid());
      assertEquals("hidden: slice 0 -> slice 1", v.failingLink(), v.reason());
      // and the producer's copy too: now the proofs fail
      slices.set(0, BundleVerifierTest.withInstance(producer, inst -> {
        inst.set(pe.row(), Fr.of(changed[0]));
        return inst;
      }));
      v = BundleVerifier.selfCheck(BundleVerifierTest.forged(BundleVerifierTest.withSlices(both, slices)));
      assertFalse(v.valid());
      assertTrue(v.reason().contains("does not verify"), v.reason());
    } else if (out == Mode.HASHED) {
      ProofBundle.PublicTensor hidden = r.a().outputs().get(0);
      assertEquals(cell(producer, pe), hidden.commitment());
      v = BundleVerifier.selfCheck(BundleVerifierTest.forged(withOutput(r.a(), hidden, null,
          hidden.commitment().add(Fr.ONE))));
      assertFalse(v.valid(), "declared commitment changed");
      assertEquals(0, v.failingSlice(), v.reason());
    }
  }

  /** Bundle b with one layout entry of slice i replaced (null: removed). */
  static ProofBundle relaid(ProofBundle b, int i, ProofBundle.Entry from, ProofBundle.Entry to) {
    ProofBundle.Slice s = b.slices().get(i);
    List<ProofBundle.Entry> layout = new ArrayList<>(s.layout());
    if (to == null) {
      layout.remove(from);
    } else {
      layout.set(layout.indexOf(from), to);
    }
    List<ProofBundle.Slice> slices = new ArrayList<>(b.slices());
    slices.set(i, new ProofBundle.Slice(s.id(), s.nodes(), s.verifyingKey(), s.vkDigest(), layout, s.instance(),
        s.proof(), s.rows()));
    return BundleVerifierTest.withSlices(b, slices);
  }

  static ProofBundle withOutput(ProofBundle b, ProofBundle.PublicTensor t, long[] values, Fr commitment) {
    List<ProofBundle.PublicTensor> outs = new ArrayList<>();
    for (ProofBundle.PublicTensor o : b.outputs()) {
      outs.add(o.name().equals(t.name())
          ? new ProofBundle.PublicTensor(t.name(), t.shape(), t.scale(), t.mode(), values, commitment) : o);
    }
    return new ProofBundle(b.modelDigest(), b.modelName(), b.planJson(), b.quantJson(), b.inputVisibility(),
        b.outputVisibility(), b.srs(), b.slices(), b.inputs(), outs);
  }
}
