package io.kubz.slicer.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.gkr.model.LayeredProver;
import io.kubz.poly.srs.Srs;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.BundleFormatException;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.layered.LayeredLowering;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.SliceSpec;
import io.kubz.slicer.plan.Split;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --proof-system gkr} with a plan of several slices (GKR.md "Slices and links"): every
 * boundary between two slices is committed in both (C_T), the bundle records each slice's C_T, and
 * the verifier checks every slice and every link; a bundle whose slices do not chain is refused.
 */
class GkrSlicesTest {
  private static final long SEED = 20261207;
  private static final IntFunction<Srs> SRS = log2 -> Srs.dev(log2, SEED);
  private static Graph g;
  private static List<Tensor> in;
  private static ModelProver.Result sliced;
  private static ModelProver.Result whole;

  private static ModelProver.Options gkr() {
    return ModelProver.Options.of(SRS).withProofSystem("gkr");
  }

  @BeforeAll
  static void prove() {
    g = Runs.graph(ExampleModels.cnn(3));
    in = Runs.input(g, 4);
    sliced = ModelProver.prove(g, in, gkr().withStrategy(Strategy.maxLayers(1)));
    whole = ModelProver.prove(g, in, gkr());
  }

  private static VerificationResult byDigest(byte[] bundle) {
    return BundleVerifier.verify(bundle, sliced.parsed().modelDigest(), Srs.dev(0, SEED), SRS, true);
  }

  @Test
  void slicesProveTheWholeModelsOutputsAndVerifyUnderEveryAnchor() {
    ProofBundle b = sliced.parsed();
    assertTrue(b.slices().size() >= 3, "slices: " + b.slices().size());
    assertEquals(1, whole.parsed().slices().size(), "without a plan: one slice");
    for (int i = 0; i < b.outputs().size(); i++) {
      assertArrayEquals(whole.parsed().outputs().get(i).values(), b.outputs().get(i).values());
    }
    int links = 0;
    for (ProofBundle.Slice s : b.slices()) {
      assertEquals("gkr", s.system());
      long committed = s.layout().stream().filter(ProofBundle.Entry::commitment).count();
      assertEquals(committed, s.commitments().size(), "slice " + s.id() + " records each C_T");
      links += (int) committed;
    }
    assertTrue(links >= 2 * (b.slices().size() - 1), "every cut is committed on both sides: " + links);
    VerificationResult byModel = BundleVerifier.verifyForModel(sliced.bundle(), g, TrustedSettings.defaults(), SRS,
        true, null);
    assertTrue(byModel.valid(), byModel.reason());
    VerificationResult d = byDigest(sliced.bundle());
    assertTrue(d.valid(), d.reason());
    // the digest binds the plan: the one-slice bundle's is another, and neither verifies under the other
    assertFalse(Arrays.equals(whole.parsed().modelDigest(), b.modelDigest()));
    assertFalse(BundleVerifier.verify(whole.bundle(), b.modelDigest(), Srs.dev(0, SEED), SRS, true).valid());
    // kubz setup with the same strategy publishes the same digest
    GkrSession setup = ModelProver.setupGkr(ModelProver.quantizeFor(g, in, gkr()), gkr()
        .withStrategy(Strategy.maxLayers(1)));
    assertArrayEquals(b.modelDigest(), setup.statement().modelDigest());
    assertArrayEquals(sliced.bundle(), BundleCodec.encode(BundleCodec.decode(sliced.bundle())), "canonical bytes");
  }

  /** Slice s of the bundle with another proof and C_T list (values, not statement: the digest stays). */
  private static byte[] replace(int s, byte[] proof, List<byte[]> commitments) {
    ProofBundle b = sliced.parsed();
    List<ProofBundle.Slice> slices = new ArrayList<>(b.slices());
    ProofBundle.Slice x = slices.get(s);
    slices.set(s, new ProofBundle.Slice(x.id(), x.nodes(), x.verifyingKey(), x.vkDigest(), x.layout(), x.instance(),
        proof, x.rows(), x.system(), commitments));
    return BundleCodec.encode(new ProofBundle(b.modelDigest(), b.modelName(), b.planJson(), b.quantJson(),
        b.inputVisibility(), b.outputVisibility(), b.srs(), slices, b.inputs(), b.outputs()));
  }

  /** A middle slice proved honestly on another boundary tensor: its proof verifies, its links do not. */
  @Test
  void aSliceProvedOnAnotherBoundaryTensorFailsItsLink() {
    QuantizedGraph q = ModelProver.quantizeFor(g, in, gkr());
    SlicePlan plan = SlicePlan.fromJson(sliced.parsed().planJson(), q.graph(), io.kubz.slicer.plan.SliceCost.DEFAULT);
    GkrSession session = new GkrSession(q, plan, io.kubz.slicer.lower.Visibility.PUBLIC, SRS, ProgressListener.NONE);
    Map<String, long[]> quantized = new LinkedHashMap<>();
    quantized.put(q.graph().inputs().get(0).name(), q.quantizeInput(in.get(0)));
    Map<String, long[]> tensors = session.boundaryValues(quantized);
    int mid = 1;
    LayeredLowering.Lowered low = session.lowered(mid);
    assertTrue(low.committed().length >= 2, "the middle slice reads and writes committed tensors");
    long[][] inputs = low.inputValues(tensors);
    inputs[0] = inputs[0].clone();
    inputs[0][0] += 1;
    LayeredProver.Output other = session.keyed(mid).prove(inputs);
    List<byte[]> cs = other.proof().boundaryCommitments();
    VerificationResult r = byDigest(replace(mid, other.proof().toBytes(), cs));
    assertFalse(r.valid());
    assertTrue(r.failingLink() != null && r.reason().contains("differs"), r.reason());
    // the recorded C_T must be the proof's: the honest commitments beside the other proof fail the slice
    VerificationResult mixed = byDigest(replace(mid, other.proof().toBytes(),
        sliced.parsed().slices().get(mid).commitments()));
    assertFalse(mixed.valid());
    assertEquals(mid, mixed.failingSlice(), mixed.reason());
  }

  @Test
  void everyBoundaryCommitmentChangedIsRejected() {
    ProofBundle b = sliced.parsed();
    for (int s = 0; s < b.slices().size(); s++) {
      List<byte[]> cs = b.slices().get(s).commitments();
      for (int k = 0; k < cs.size(); k++) {
        List<byte[]> changed = new ArrayList<>(cs);
        byte[] c = cs.get(k).clone();
        c[31] ^= 1;
        changed.set(k, c);
        assertFalse(byDigest(replace(s, b.slices().get(s).proof(), changed)).valid(), "slice " + s + " C_T " + k);
        byte[] mine = cs.get(k);
        byte[] other = b.slices().stream().flatMap(x -> x.commitments().stream())
            .filter(x -> !Arrays.equals(x, mine)).findFirst().orElseThrow();
        changed.set(k, other);
        assertFalse(byDigest(replace(s, b.slices().get(s).proof(), changed)).valid(), "slice " + s + " another C_T");
      }
      assertFalse(byDigest(replace(s, b.slices().get(s).proof(), List.of())).valid() && !cs.isEmpty(),
          "slice " + s + " without its commitments");
    }
  }

  @Test
  void slicesThatDoNotChainAreRefused() {
    ProofBundle b = sliced.parsed();
    List<ProofBundle.Slice> dropped = new ArrayList<>(b.slices());
    dropped.remove(1);
    byte[] bytes = BundleCodec.encode(new ProofBundle(b.modelDigest(), b.modelName(), b.planJson(), b.quantJson(),
        b.inputVisibility(), b.outputVisibility(), b.srs(), dropped, b.inputs(), b.outputs()));
    assertFalse(byDigest(bytes).valid());
    assertFalse(BundleVerifier.selfCheck(bytes).valid());
    List<ProofBundle.Slice> swapped = new ArrayList<>(b.slices());
    ProofBundle.Slice s0 = swapped.get(0);
    ProofBundle.Slice s1 = swapped.get(1);
    swapped.set(0, renumber(s1, 0));
    swapped.set(1, renumber(s0, 1));
    bytes = BundleCodec.encode(new ProofBundle(b.modelDigest(), b.modelName(), b.planJson(), b.quantJson(),
        b.inputVisibility(), b.outputVisibility(), b.srs(), swapped, b.inputs(), b.outputs()));
    VerificationResult r = BundleVerifier.selfCheck(bytes);
    assertFalse(r.valid());
    assertFalse(byDigest(bytes).valid());
  }

  private static ProofBundle.Slice renumber(ProofBundle.Slice x, int id) {
    return new ProofBundle.Slice(id, x.nodes(), x.verifyingKey(), x.vkDigest(), x.layout(), x.instance(), x.proof(),
        x.rows(), x.system(), x.commitments());
  }

  @Test
  void malformedBoundaryCommitmentsAreAFormatError() {
    ProofBundle b = sliced.parsed();
    byte[] shortC = replace(1, b.slices().get(1).proof(), List.of(new byte[31], new byte[32]));
    assertThrows(BundleFormatException.class, () -> BundleCodec.decode(shortC));
    assertFalse(byDigest(shortC).valid());
    for (int cut = 1; cut < sliced.bundle().length; cut += Math.max(1, sliced.bundle().length / 50)) {
      byte[] t = Arrays.copyOf(sliced.bundle(), sliced.bundle().length - cut);
      assertFalse(byDigest(t).valid(), "truncated by " + cut);
    }
  }

  /**
   * Bit flips anywhere in the sliced bundle: rejected under the digest and on its own, never thrown;
   * unless the mutant states exactly the honest statement (a flip in the unused bits of a carried
   * layered model's deflate stream, see GkrBundleFuzzTest).
   */
  @Test
  void bitFlipsOfASlicedBundleAreRejected() {
    byte[] honest = sliced.bundle();
    java.util.Random rnd = new java.util.Random(20261207);
    int rejected = 0;
    for (int i = 0; i < 40; i++) { // each mutant inflates and hashes 3+ carried models: ~0.4 s
      int bit = rnd.nextInt(8 * honest.length);
      byte[] b = honest.clone();
      b[bit / 8] ^= (byte) (1 << (bit % 8));
      if (sameStatement(b)) {
        continue;
      }
      VerificationResult d;
      VerificationResult self;
      try {
        d = byDigest(b);
        self = BundleVerifier.selfCheck(b);
      } catch (Throwable t) {
        throw new AssertionError("bit " + bit + ": " + t + " escaped the verifier", t);
      }
      assertFalse(d.valid() || self.valid(), "bit " + bit + " flipped and accepted");
      rejected++;
    }
    assertTrue(rejected > 30, "mutants checked: " + rejected);
  }

  /** The mutant decodes to the honest bundle but for the carried models' bytes, which inflate to the same models. */
  private static boolean sameStatement(byte[] bytes) {
    ProofBundle q;
    try {
      q = BundleCodec.decode(bytes);
    } catch (RuntimeException e) {
      return false;
    }
    ProofBundle h = sliced.parsed();
    if (q.slices().size() != h.slices().size()) {
      return false;
    }
    List<ProofBundle.Slice> fixed = new ArrayList<>();
    for (int i = 0; i < q.slices().size(); i++) {
      ProofBundle.Slice x = q.slices().get(i);
      var a = io.kubz.slicer.backend.LayeredModelCodec.decode(x.verifyingKey());
      var b = io.kubz.slicer.backend.LayeredModelCodec.decode(h.slices().get(i).verifyingKey());
      if (a.isEmpty() || b.isEmpty() || !Arrays.equals(io.kubz.gkr.model.ModelDigests.digest(a.get()),
          io.kubz.gkr.model.ModelDigests.digest(b.get()))) {
        return false;
      }
      fixed.add(new ProofBundle.Slice(x.id(), x.nodes(), h.slices().get(i).verifyingKey(), x.vkDigest(), x.layout(),
          x.instance(), x.proof(), x.rows(), x.system(), x.commitments()));
    }
    return Arrays.equals(BundleCodec.encode(new ProofBundle(q.modelDigest(), q.modelName(), q.planJson(),
        q.quantJson(), q.inputVisibility(), q.outputVisibility(), q.srs(), fixed, q.inputs(), q.outputs())),
        sliced.bundle());
  }

  /** x → fc0 → relu = a; a → fc1 → relu → fc2 = h; relu(h + a) → head: a is read by two later slices. */
  static io.kubz.slicer.onnx.proto.Onnx.ModelProto skip() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
    io.kubz.slicer.onnx.OnnxWriter w = io.kubz.slicer.onnx.OnnxWriter.create("skip", 13);
    String x = w.input("x", 1, 5);
    String a = w.node("Relu", List.of(gemm(w, rnd, x, 5, 6, "fc0")));
    String h = gemm(w, rnd, w.node("Relu", List.of(gemm(w, rnd, a, 6, 6, "fc1"))), 6, 6, "fc2");
    String y = w.node("Relu", List.of(w.node("Add", List.of(h, a))));
    w.output(gemm(w, rnd, y, 6, 3, "head"));
    return w.build();
  }

  private static String gemm(io.kubz.slicer.onnx.OnnxWriter w, java.util.SplittableRandom rnd, String x, int in,
      int out, String name) {
    double[] wt = new double[in * out];
    double[] b = new double[out];
    for (int i = 0; i < wt.length; i++) {
      wt[i] = rnd.nextDouble(-0.6, 0.6);
    }
    for (int i = 0; i < out; i++) {
      b[i] = rnd.nextDouble(-0.1, 0.1);
    }
    return w.node("Gemm", name, List.of(x, w.initializer(name + ".w", Tensor.of(new int[] {out, in}, wt)),
        w.initializer(name + ".b", Tensor.of(new int[] {out}, b))), name + "_out",
        io.kubz.slicer.onnx.OnnxWriter.attr("transB", 1L));
  }

  /**
   * A slice that reads two committed tensors (the skip connection and the block's output) and a
   * tensor read by two slices: each C_T is named by its own layout entry, and the bundle verifies.
   */
  @Test
  void aSliceWithTwoCommittedInputsAndATensorWithTwoReadersVerify() {
    Graph m = Runs.graph(skip());
    List<Tensor> x = Runs.input(m, 6);
    List<String> names = m.nodes().stream().map(n -> n.name()).toList();
    int add = 0;
    while (!m.nodes().get(add).onnxOpType().equals("Add")) {
      add++;
    }
    List<SlicePlan.Group> groups = List.of(new SlicePlan.Group(names.subList(0, 2), null),
        new SlicePlan.Group(names.subList(2, add), null), new SlicePlan.Group(names.subList(add, names.size()), null));
    SlicePlan plan = SlicePlan.of("manual", m, groups, io.kubz.slicer.plan.SliceCost.DEFAULT);
    ModelProver.Result r = ModelProver.prove(m, x, gkr().withPlan(plan));
    ProofBundle b = r.parsed();
    assertEquals(3, b.slices().size());
    assertEquals(2, b.slices().get(2).commitments().size(), "the last slice reads two committed tensors");
    assertEquals(2, b.slices().get(0).layout().size(), "slice 0: x and a");
    VerificationResult v = BundleVerifier.verifyForModel(r.bundle(), m, TrustedSettings.defaults(), SRS, true, null);
    assertTrue(v.valid(), v.reason());
    ModelProver.Result one = ModelProver.prove(m, x, gkr());
    assertArrayEquals(one.parsed().outputs().get(0).values(), b.outputs().get(0).values());
    // the two C_T of the last slice swapped: each link now compares another tensor's commitment
    List<byte[]> cs = b.slices().get(2).commitments();
    List<ProofBundle.Slice> slices = new ArrayList<>(b.slices());
    ProofBundle.Slice z = slices.get(2);
    slices.set(2, new ProofBundle.Slice(z.id(), z.nodes(), z.verifyingKey(), z.vkDigest(), z.layout(), z.instance(),
        z.proof(), z.rows(), z.system(), List.of(cs.get(1), cs.get(0))));
    byte[] swapped = BundleCodec.encode(new ProofBundle(b.modelDigest(), b.modelName(), b.planJson(), b.quantJson(),
        b.inputVisibility(), b.outputVisibility(), b.srs(), slices, b.inputs(), b.outputs()));
    assertFalse(BundleVerifier.verify(swapped, b.modelDigest(), Srs.dev(0, SEED), SRS, true).valid());
  }

  @Test
  void aSplitSliceIsRefusedNamingWhatToDo() {
    QuantizedGraph q = ModelProver.quantizeFor(g, in, gkr());
    SliceSpec any = sliced.parsed().slices().isEmpty() ? null
        : SlicePlan.fromJson(sliced.parsed().planJson(), q.graph(), io.kubz.slicer.plan.SliceCost.DEFAULT).slices().get(0);
    SliceSpec split = new SliceSpec(any.id(), any.nodes(), any.inputs(), any.outputs(), any.estimatedRows(),
        new Split(any.nodes().get(0), 0, 1, 0, 0));
    var e = assertThrows(io.kubz.field.BadInputException.class, () -> LayeredLowering.lower(q, split));
    assertTrue(e.getMessage().contains("--proof-system plonkish"), e.getMessage());
    assertNotEquals(0, any.nodes().size());
  }
}
