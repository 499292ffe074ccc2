package io.kubz.slicer.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.QuantPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link BundleFuzzTest} for bundles of {@code --proof-system gkr} (format version 2): every mutant
 * is rejected under the honest model digest and the trusted SRS, and on its own, and nothing
 * escapes the verifier. The GKR slice's own parts are mutated too: its layered model (garbage, or
 * another model's with every digest fixed up), its proof system's name, its witness size, its
 * instance, [τ²]_2 and [τ³]_2.
 */
class GkrBundleFuzzTest {
  static byte[] honest;
  static ProofBundle parsed;
  static ProofBundle foreign;
  static final BundleFuzzTest.Fuzz FUZZ = new BundleFuzzTest.Fuzz();

  /**
   * Fixed 2^8 settings ("balanced"): the default search would raise this tiny MLP's scale for its
   * small outputs, and its tables past the test SRS; parsing does not depend on the scale.
   */
  static ModelProver.Options options(Graph model) {
    QuantPlan plan = Calibrator.calibrate(model, List.of(Runs.input(model, 1)), QuantPlan.preset("balanced")).plan();
    return ModelProver.Options.of(Runs.srs()).withProofSystem("gkr").withQuant(plan);
  }

  @BeforeAll
  static void prove() {
    Graph model = Runs.graph(ExampleModels.mlp(41, 4, 3, 2));
    honest = ModelProver.prove(model, Runs.input(model, 1), options(model)).bundle();
    parsed = BundleCodec.decode(honest);
    Graph other = Runs.graph(ExampleModels.mlp(42, 4, 3, 2));
    foreign = BundleCodec.decode(ModelProver.prove(other, Runs.input(other, 1), options(other)).bundle());
    VerificationResult v = BundleVerifier.verify(honest, parsed.modelDigest(), Runs.srs(), true);
    assertTrue(v.valid(), "the honest gkr bundle verifies: " + v.reason());
  }

  @AfterAll
  static void report() {
    System.out.println("GkrBundleFuzzTest: " + FUZZ.cases + " mutants of a " + honest.length + "-byte bundle, "
        + FUZZ.malformed + " malformed; slowest " + FUZZ.worstMillis + " ms (" + FUZZ.worst + "); "
        + sameStatements + " flips inside the deflated model's padding bits state the honest statement");
  }

  /**
   * Rejected under the honest digest and on its own, unless the mutant states exactly what the
   * honest bundle states: the carried layered model is a raw deflate stream, and a flip in the
   * unused bits of its last byte inflates to the same model (the statement is the inflated model,
   * whose digest the trust anchor pins; the bytes are not canonical there). Such a mutant must
   * decode to byte-identical fields everywhere else and to a model with the same digest.
   */
  static void reject(String name, byte[] bytes) {
    if (sameStatement(bytes)) {
      sameStatements++;
      return;
    }
    FUZZ.reject(name, bytes, parsed.modelDigest());
    FUZZ.reject(name + " (self check)", bytes);
  }

  static int sameStatements;

  static boolean sameStatement(byte[] bytes) {
    ProofBundle q;
    try {
      q = BundleCodec.decode(bytes);
    } catch (RuntimeException e) {
      return false;
    }
    if (q.slices().size() != 1 || !Arrays.equals(BundleCodec.encode(withModelBytes(q, parsed)), honest)) {
      return false;
    }
    java.util.Optional<io.kubz.gkr.model.LayeredModel> a =
        io.kubz.slicer.backend.LayeredModelCodec.decode(parsed.slices().get(0).verifyingKey());
    java.util.Optional<io.kubz.gkr.model.LayeredModel> b =
        io.kubz.slicer.backend.LayeredModelCodec.decode(q.slices().get(0).verifyingKey());
    return a.isPresent() && b.isPresent() && Arrays.equals(io.kubz.gkr.model.ModelDigests.digest(a.get()),
        io.kubz.gkr.model.ModelDigests.digest(b.get()));
  }

  /** {@code q} with {@code from}'s carried model bytes (every other field as decoded from q). */
  static ProofBundle withModelBytes(ProofBundle q, ProofBundle from) {
    ProofBundle.Slice s = q.slices().get(0);
    ProofBundle.Slice f = from.slices().get(0);
    return new ProofBundle(q.modelDigest(), q.modelName(), q.planJson(), q.quantJson(), q.inputVisibility(),
        q.outputVisibility(), q.srs(), List.of(new ProofBundle.Slice(s.id(), s.nodes(), f.verifyingKey(),
        s.vkDigest(), s.layout(), s.instance(), s.proof(), s.rows(), s.system())), q.inputs(), q.outputs());
  }

  @Test
  void truncationsBitFlipsAndHugeLengthsAreRejected() {
    int step = Math.max(1, honest.length / 300);
    for (int len = 0; len < honest.length; len += step) {
      reject("truncated to " + len, Arrays.copyOf(honest, len));
    }
    reject("a stray zero byte appended", Arrays.copyOf(honest, honest.length + 1));
    Random rnd = new Random(Long.getLong("kubz.fuzz.seed", 20261207));
    for (int i = 0; i < Integer.getInteger("kubz.fuzz.flips", 300); i++) {
      int bit = rnd.nextInt(8 * honest.length);
      byte[] b = honest.clone();
      b[bit / 8] ^= (byte) (1 << (bit % 8));
      reject("bit " + bit + " flipped", b);
    }
    for (int[] f : Wire.lengthPrefixes(honest)) {
      for (long len : new long[] {1L << 31, (1L << 32) - 1, -1L}) {
        reject("length of the field at byte " + f[0] + " set to " + len, Wire.withLength(honest, f, len));
      }
    }
  }

  /** A slice with one part changed, the bundle's digest recomputed (so only the anchor can catch it). */
  static byte[] withSlice(ProofBundle.Slice s) {
    return BundleCodec.encode(ProvingSession.withDigest(new ProofBundle(parsed.modelDigest(), parsed.modelName(),
        parsed.planJson(), parsed.quantJson(), parsed.inputVisibility(), parsed.outputVisibility(), parsed.srs(),
        List.of(s), parsed.inputs(), parsed.outputs())));
  }

  @Test
  void theGkrSlicesOwnPartsAreChecked() {
    ProofBundle.Slice s = parsed.slices().get(0);
    ProofBundle.Slice f = foreign.slices().get(0);
    reject("garbage layered model", withSlice(new ProofBundle.Slice(s.id(), s.nodes(), new byte[] {1, 2, 3},
        s.vkDigest(), s.layout(), s.instance(), s.proof(), s.rows(), s.system())));
    reject("the other model's layered model and digest", withSlice(new ProofBundle.Slice(s.id(), s.nodes(),
        f.verifyingKey(), f.vkDigest(), s.layout(), s.instance(), s.proof(), s.rows(), s.system())));
    reject("the other model's slice whole", withSlice(new ProofBundle.Slice(s.id(), s.nodes(), f.verifyingKey(),
        f.vkDigest(), f.layout(), f.instance(), f.proof(), f.rows(), f.system())));
    reject("the other model's proof", withSlice(new ProofBundle.Slice(s.id(), s.nodes(), s.verifyingKey(),
        s.vkDigest(), s.layout(), s.instance(), f.proof(), s.rows(), s.system())));
    for (String system : List.of("plonkish", "stark", "GKR", "")) {
      reject("proof system '" + system + "'", withSlice(new ProofBundle.Slice(s.id(), s.nodes(), s.verifyingKey(),
          s.vkDigest(), s.layout(), s.instance(), s.proof(), s.rows(), system)));
    }
    for (long rows : new long[] {0, 1, 3, s.rows() / 2, s.rows() * 2, 1L << 40, Long.MAX_VALUE}) {
      reject("witness size " + rows, withSlice(new ProofBundle.Slice(s.id(), s.nodes(), s.verifyingKey(),
          s.vkDigest(), s.layout(), s.instance(), s.proof(), rows, s.system())));
    }
    List<Fr> shorter = s.instance().subList(0, s.instance().size() - 1);
    reject("one instance value dropped", withSlice(new ProofBundle.Slice(s.id(), s.nodes(), s.verifyingKey(),
        s.vkDigest(), s.layout(), shorter, s.proof(), s.rows(), s.system())));
    List<Fr> huge = new ArrayList<>(s.instance());
    huge.set(0, Fr.ONE.neg().mul(Fr.of(1L << 40)));
    reject("an input of 2^104 - 2^40", withSlice(new ProofBundle.Slice(s.id(), s.nodes(), s.verifyingKey(),
        s.vkDigest(), s.layout(), huge, s.proof(), s.rows(), s.system())));
    reject("the proof cut in half", withSlice(new ProofBundle.Slice(s.id(), s.nodes(), s.verifyingKey(),
        s.vkDigest(), s.layout(), s.instance(), Arrays.copyOf(s.proof(), s.proof().length / 2), s.rows(),
        s.system())));
    List<ProofBundle.Slice> two = List.of(s, new ProofBundle.Slice(1, s.nodes(), s.verifyingKey(), s.vkDigest(),
        List.of(), List.of(), s.proof(), s.rows(), s.system()));
    reject("a second gkr slice", BundleCodec.encode(ProvingSession.withDigest(new ProofBundle(parsed.modelDigest(),
        parsed.modelName(), parsed.planJson(), parsed.quantJson(), parsed.inputVisibility(),
        parsed.outputVisibility(), parsed.srs(), two, parsed.inputs(), parsed.outputs()))));
  }

  @Test
  void aProofOfAnotherFormatVersionIsNamedSo() throws Exception {
    ProofBundle.Slice s = parsed.slices().get(0);
    for (int version : new int[] {1, io.kubz.gkr.format.GkrCodec.VERSION + 1}) {
      byte[] stamped = io.kubz.gkr.proto.LayeredProofMsg.parseFrom(s.proof()).toBuilder().setVersion(version)
          .build().toByteArray();
      byte[] bundle = withSlice(new ProofBundle.Slice(s.id(), s.nodes(), s.verifyingKey(), s.vkDigest(),
          s.layout(), s.instance(), stamped, s.rows(), s.system()));
      VerificationResult v = BundleVerifier.verify(bundle, parsed.modelDigest(), Runs.srs(), true);
      assertTrue(!v.valid() && v.reason().contains("format version " + version + " and this kubz reads version "
          + io.kubz.gkr.format.GkrCodec.VERSION), "version " + version + ": " + v.reason());
    }
  }

  @Test
  void otherG2PowersAreRejected() {
    ProofBundle.SrsInfo srs = parsed.srs();
    for (int which = 0; which < 2; which++) {
      byte[] g = srs.g2();
      ProofBundle.SrsInfo changed = new ProofBundle.SrsInfo(srs.g2(), srs.tauG2(), srs.source(), srs.size(),
          srs.insecure(), which == 0 ? g : srs.tau2G2(), which == 1 ? g : srs.tau3G2());
      reject("[τ^" + (which + 2) + "]_2 set to [1]_2", BundleCodec.encode(ProvingSession.withDigest(new ProofBundle(
          parsed.modelDigest(), parsed.modelName(), parsed.planJson(), parsed.quantJson(), parsed.inputVisibility(),
          parsed.outputVisibility(), changed, parsed.slices(), parsed.inputs(), parsed.outputs()))));
    }
    ProofBundle.SrsInfo none = new ProofBundle.SrsInfo(srs.g2(), srs.tauG2(), srs.source(), srs.size(),
        srs.insecure());
    reject("no [τ²]_2, [τ³]_2", BundleCodec.encode(ProvingSession.withDigest(new ProofBundle(parsed.modelDigest(),
        parsed.modelName(), parsed.planJson(), parsed.quantJson(), parsed.inputVisibility(),
        parsed.outputVisibility(), none, parsed.slices(), parsed.inputs(), parsed.outputs()))));
  }
}
