package io.kubz.slicer.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.gkr.model.Boundaries;
import io.kubz.gkr.model.LayeredProver;
import io.kubz.poly.srs.Srs;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.exec.KeyCache;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.layered.LayeredLowering;
import io.kubz.slicer.lower.Bridge;
import io.kubz.slicer.lower.CompiledSlice;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.SliceSpec;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One model proved by plonkish and GKR slices together (issue #19): a plan marking the slices
 * alternately, the last one GKR (bridges in both directions), proves and verifies with the outputs
 * of the plonkish path; the bridge values (r, y) and each C_T tampered with are rejected, never
 * thrown; a prover that changes a bridged tensor on one side only is rejected; "mixed" cuts a model
 * with a private input into a plonkish slice for the input and GKR for the rest.
 */
class MixedProveTest {
  private static final long SEED = 20261207;
  private static final IntFunction<Srs> SRS = log2 -> Srs.dev(log2, SEED);
  private static Graph g;
  private static List<Tensor> in;
  private static ModelProver.Result mixed;
  private static ModelProver.Result plonkish;

  private static ModelProver.Options options() {
    return ModelProver.Options.of(SRS).withRandom(new Random(1));
  }

  /** The one-layer-per-slice plan, slice i on gkr when (n − 1 − i) is even (the last slice on gkr). */
  static SlicePlan marked(QuantizedGraph q) {
    SlicePlan p = Strategy.maxLayers(1).plan(q.graph(), new LoweredCost(q, Visibility.PUBLIC));
    int n = p.slices().size();
    List<SlicePlan.Group> groups = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      groups.add(new SlicePlan.Group(p.slices().get(i).nodes(), null, (n - 1 - i) % 2 == 0 ? "gkr" : "plonkish"));
    }
    return SlicePlan.of("marked", q.graph(), groups, new LoweredCost(q, Visibility.PUBLIC));
  }

  @BeforeAll
  static void prove() {
    g = Runs.graph(ExampleModels.cnn(3));
    in = Runs.input(g, 4);
    QuantizedGraph q = ModelProver.quantizeFor(g, in, options());
    mixed = ModelProver.prove(g, in, options().withPlan(marked(q)));
    plonkish = ModelProver.prove(g, in, options().withStrategy(Strategy.maxLayers(1)));
  }

  private static VerificationResult byDigest(byte[] bundle) {
    return BundleVerifier.verify(bundle, mixed.parsed().modelDigest(), Srs.dev(2, SEED), SRS, true);
  }

  @Test
  void aMarkedPlanProvesWithBothBackEndsAndTheOutputsOfThePlonkishPath() {
    ProofBundle b = mixed.parsed();
    assertTrue(b.slices().size() >= 3, "slices: " + b.slices().size());
    assertEquals("gkr", b.slices().get(b.slices().size() - 1).system());
    assertEquals("plonkish", b.slices().get(b.slices().size() - 2).system());
    long bridges = b.slices().stream().flatMap(s -> s.layout().stream()).filter(e -> Bridge.isEntry(e.tensor()))
        .count();
    assertTrue(bridges >= 2, "bridges: " + bridges);
    assertTrue(b.slices().stream().anyMatch(s -> s.plonkish() && s.layout().stream()
        .anyMatch(e -> Bridge.isEntry(e.tensor()) && e.output())), "a plonkish producer bridges to GKR");
    assertTrue(b.slices().stream().anyMatch(s -> s.plonkish() && s.layout().stream()
        .anyMatch(e -> Bridge.isEntry(e.tensor()) && !e.output())), "a plonkish consumer bridges from GKR");
    for (int i = 0; i < b.outputs().size(); i++) {
      assertArrayEquals(plonkish.parsed().outputs().get(i).values(), b.outputs().get(i).values());
    }
    assertEquals("mixed", mixed.summary().proofSystem());
    VerificationResult d = byDigest(mixed.bundle());
    assertTrue(d.valid(), d.reason());
    VerificationResult m = BundleVerifier.verifyForModel(mixed.bundle(), g, TrustedSettings.defaults(), SRS, true,
        null);
    assertTrue(m.valid(), m.reason());
    assertFalse(BundleVerifier.selfCheck(mixed.bundle()).valid(), "a GKR proof is checked only under a trusted SRS");
    // kubz setup --proof-system mixed with the same plan publishes the same digest
    QuantizedGraph q = ModelProver.quantizeFor(g, in, options());
    assertArrayEquals(b.modelDigest(), ModelProver.setupMixed(q, options().withPlan(marked(q))).bundle()
        .modelDigest());
  }

  /** The bundle with slice s's instance or C_T list replaced (the digest does not cover them). */
  private static byte[] replace(int s, List<Fr> instance, List<byte[]> commitments) {
    ProofBundle b = mixed.parsed();
    List<ProofBundle.Slice> slices = new ArrayList<>(b.slices());
    ProofBundle.Slice x = slices.get(s);
    slices.set(s, new ProofBundle.Slice(x.id(), x.nodes(), x.verifyingKey(), x.vkDigest(), x.layout(), instance,
        x.proof(), x.rows(), x.system(), commitments));
    return BundleCodec.encode(new ProofBundle(b.modelDigest(), b.modelName(), b.planJson(), b.quantJson(),
        b.inputVisibility(), b.outputVisibility(), b.srs(), slices, b.inputs(), b.outputs()));
  }

  @Test
  void everyBridgeValueAndEveryC_TChangedIsRejected() {
    ProofBundle b = mixed.parsed();
    int tried = 0;
    for (int s = 0; s < b.slices().size(); s++) {
      ProofBundle.Slice x = b.slices().get(s);
      for (ProofBundle.Entry e : x.layout()) {
        if (!Bridge.isEntry(e.tensor())) {
          continue;
        }
        for (int k = 0; k < e.length(); k++) { // every r_j, then y
          List<Fr> inst = new ArrayList<>(x.instance());
          inst.set(e.row() + k, inst.get(e.row() + k).add(Fr.ONE));
          VerificationResult r = byDigest(replace(s, inst, x.commitments()));
          assertFalse(r.valid(), "slice " + s + " " + e.tensor() + " row " + k);
          tried++;
        }
      }
      for (int k = 0; k < x.commitments().size(); k++) {
        List<byte[]> cs = new ArrayList<>(x.commitments());
        byte[] c = cs.get(k).clone();
        c[31] ^= 1;
        cs.set(k, c);
        assertFalse(byDigest(replace(s, x.instance(), cs)).valid(), "slice " + s + " C_T " + k);
        tried++;
      }
    }
    assertTrue(tried >= 6, "tried " + tried);
  }

  /**
   * The last (GKR) slice proved on its bridged input T changed in one value, with its C_T, the point
   * r = H(C, C_T'), its claim T'~(r) and its output all recomputed; the plonkish producer of T
   * proved honestly at that r. The bridge holds the plonkish y = T~(r), so the GKR opening fails
   * (and a plonkish slice claiming T'~(r) instead fails its own proof).
   */
  @Test
  void aBridgedTensorChangedOnOneSideOnlyIsRejected() {
    QuantizedGraph q = ModelProver.quantizeFor(g, in, options());
    SlicePlan plan = MixedPlan.plan(q, options().withPlan(marked(q)), "plonkish");
    MixedSession session = new MixedSession(q, plan, Visibility.PUBLIC, SRS, new KeyCache(null),
        ProgressListener.NONE, false);
    int last = plan.slices().size() - 1;
    LayeredLowering.Lowered low = session.compiled(last).lowered();
    String t = low.inputs().get(0);
    assertTrue(session.bridged().contains(t), "the last slice reads a bridged tensor: " + session.bridged());
    Map<String, long[]> trace = IntegerInterpreter.trace(q, List.of(q.quantizeInput(in.get(0))));
    ProvingSession plonk = session.plonkish();
    Map<String, Fr> salts = plonk.salts(new Random(2));
    long[] honest = trace.get(t);
    long[] forged = honest.clone();
    forged[0] += 1;
    Map<String, long[]> lie = new LinkedHashMap<>(trace);
    lie.put(t, forged);
    // the GKR side, consistent with T'
    Fr c = CompiledSlice.commitment(salts.get(t), honest);
    Fr[] r = Bridge.point(c, session.keyed(last).commitment(forged), t, forged.length);
    Fr yForged = Bridge.evaluate(forged, r);
    int id = low.model().inputs()[0];
    LayeredProver.Output gkr = session.keyed(last).prove(low.inputValues(lie),
        List.of(new Boundaries.External(id, r, yForged)));
    for (int j = 0; j < low.outputs().size(); j++) {
      lie.put(low.outputs().get(j), gkr.outputs()[j]);
    }
    assertFalse(Arrays.equals(trace.get(low.outputs().get(0)), lie.get(low.outputs().get(0))),
        "the forged input changes the output the bundle would declare");
    Map<String, MixedSession.Claim> claims = new LinkedHashMap<>(session.claims(trace, salts));
    claims.put(t, new MixedSession.Claim(r, Bridge.evaluate(honest, r)));
    for (boolean plonkClaimsForged : new boolean[] {false, true}) {
      List<List<Fr>> instances = new ArrayList<>();
      List<byte[]> proofs = new ArrayList<>();
      Map<String, Fr[]> points = new LinkedHashMap<>();
      claims.forEach((k, v) -> points.put(k, v.r()));
      for (int i = 0; i < plan.slices().size(); i++) {
        if (session.gkr(i)) {
          instances.add(null);
          proofs.add(i == last ? gkr.proof().toBytes() : session.keyed(i).prove(session.compiled(i).lowered()
              .inputValues(trace), session.externals(i, claims)).proof().toBytes());
          continue;
        }
        int k = session.plonkishIndex(i);
        List<Fr> inst = new ArrayList<>(Arrays.asList(plonk.slices().get(k).instance(trace, salts, points)[0]));
        ProofBundle.Entry e = session.statement().slices().get(i).find(Bridge.entry(t), true);
        if (plonkClaimsForged && e != null) {
          inst.set(e.row() + e.length() - 1, yForged);
        }
        instances.add(inst);
        proofs.add(plonk.prover().prove(plonk.job(k, trace, salts, points)));
      }
      ProofBundle st = session.bundle(lie, instances, proofs);
      byte[] bytes = BundleCodec.encode(new ProofBundle(st.modelDigest(), st.modelName(), st.planJson(),
          st.quantJson(), st.inputVisibility(), st.outputVisibility(), st.srs(), st.slices(),
          ModelProver.declare(st.inputs(), lie, salts), ModelProver.declare(st.outputs(), lie, salts)));
      VerificationResult v = byDigest(bytes);
      assertFalse(v.valid(), "forged " + plonkClaimsForged);
      assertNotNull(v.reason());
      // the plonkish producer (slice last − 1) fails its proof when it claims T'~(r), else the GKR opening fails
      assertEquals(plonkClaimsForged ? last - 1 : last, v.failingSlice(), v.reason());
    }
  }

  @Test
  void mixedPutsAPrivateInputOnPlonkishAndTheRestOnGkr() {
    Visibility vis = new Visibility(Visibility.Mode.PRIVATE, Visibility.Mode.PUBLIC);
    ModelProver.Options o = options().withVisibility(vis);
    ModelProver.Result r = ModelProver.prove(g, in, o.withProofSystem("mixed"));
    ProofBundle b = r.parsed();
    assertEquals("plonkish", b.slices().get(0).system());
    assertTrue(b.slices().stream().anyMatch(s -> !s.plonkish()), "some slice on gkr");
    assertTrue(b.planJson().contains("\"proof_system\""), b.planJson());
    ModelProver.Result p = ModelProver.prove(g, in, o);
    for (int i = 0; i < b.outputs().size(); i++) {
      assertArrayEquals(p.parsed().outputs().get(i).values(), b.outputs().get(i).values());
    }
    VerificationResult v = BundleVerifier.verifyForModel(r.bundle(), g, TrustedSettings.derived(
        io.kubz.slicer.quant.Calibrator.InputRange.DEFAULT), SRS, true, null);
    assertTrue(v.valid(), v.reason());
    for (SliceSpec s : SlicePlan.fromJson(b.planJson(), ModelProver.quantizeFor(g, in, o).graph(),
        new LoweredCost(ModelProver.quantizeFor(g, in, o), vis)).slices()) {
      assertNotNull(s.proofSystem(), "every slice of a mixed plan names its system");
    }
  }

  /**
   * "mixed" on a model the GKR lowering takes whole with public tensors gives the GKR path's bundle,
   * and a plan naming plonkish for every slice the plonkish path's (format version 1): each verifies
   * under --model as that path's bundles do.
   */
  @Test
  void aRunThatEndsUpOnOneBackEndWritesThatBackEndsBundle() {
    ModelProver.Result r = ModelProver.prove(g, in, options().withProofSystem("mixed"));
    assertEquals(1, r.parsed().slices().size());
    assertEquals("gkr", r.parsed().slices().get(0).system());
    VerificationResult v = BundleVerifier.verifyForModel(r.bundle(), g, TrustedSettings.defaults(), SRS, true, null);
    assertTrue(v.valid(), v.reason());
    QuantizedGraph q = ModelProver.quantizeFor(g, in, options());
    SlicePlan p = Strategy.maxLayers(2).plan(q.graph(), new LoweredCost(q, Visibility.PUBLIC));
    List<SlicePlan.Group> groups = p.slices().stream().map(s -> new SlicePlan.Group(s.nodes(), s.split(), "plonkish"))
        .toList();
    ModelProver.Result pl = ModelProver.prove(g, in, options().withProofSystem("mixed")
        .withPlan(SlicePlan.of("all plonkish", q.graph(), groups, new LoweredCost(q, Visibility.PUBLIC))));
    assertEquals(ProofBundle.FORMAT_VERSION, pl.parsed().formatVersion());
    VerificationResult w = BundleVerifier.verifyForModel(pl.bundle(), g, TrustedSettings.defaults(), SRS, true, null);
    assertTrue(w.valid(), w.reason());
    assertArrayEquals(pl.parsed().modelDigest(), ModelProver.setupMixed(q, options().withProofSystem("mixed")
        .withPlan(SlicePlan.of("all plonkish", q.graph(), groups, new LoweredCost(q, Visibility.PUBLIC)))).bundle()
        .modelDigest(), "kubz setup --proof-system mixed states the same");
  }
}
