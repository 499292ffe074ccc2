package io.kubz.slicer.api;

import io.kubz.field.Fr;
import io.kubz.gkr.model.Boundaries;
import io.kubz.poly.srs.Srs;
import io.kubz.slicer.backend.GkrProofSystem;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.exec.KeyCache;
import io.kubz.slicer.layered.LayeredLowering;
import io.kubz.slicer.lower.Bridge;
import io.kubz.slicer.lower.CompiledSlice;
import io.kubz.slicer.lower.Linking;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.SliceSpec;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A model ready to prove with a plan whose slices use both back ends ({@link MixedPlan}): the
 * plonkish slices compiled and keyed by one {@link ProvingSession} (over those slices alone, every
 * boundary in the mode the whole plan gives it), the GKR slices lowered to layered models
 * ({@link GkrProofSystem}), one SRS for both (the larger of what each needs). A tensor that crosses
 * between a plonkish and a GKR slice is bridged ({@link #bridged()}, {@link Bridge}): committed by
 * Poseidon on the plonkish side and by C_T on the GKR side, tied by y = T~(r) at r = H(C, C_T).
 *
 * <p>Its bundle ({@link #statement()}, format version 2) holds the slices in plan order, each as its
 * back end's session would write it (a plonkish slice's layout also has a bridge entry "T@bridge"
 * of r then y after its boundaries, for each bridged T it exposes), and the SRS entry with [τ²]_2,
 * [τ³]_2 for the GKR slices; the model digest covers all of it.
 */
final class MixedSession {
  private final QuantizedGraph q;
  private final SlicePlan plan;
  private final Visibility visibility;
  private final boolean[] gkr;
  private final int[] sub;
  private final ProvingSession plonk;
  private final GkrProofSystem.GkrCompiled[] compiled;
  private final GkrProofSystem.GkrKeyed[] keyed;
  private final Set<String> bridged;
  private final Srs srs;
  private final Srs gkrSrs;

  /**
   * Compiles and keys every slice of {@code plan} (each names its system); {@code forVerifier}: the
   * GKR slices get a verifier's padded SRS ({@link GkrProofSystem#verifierSrs}), enough to state
   * and verify, not to prove.
   */
  MixedSession(QuantizedGraph q, SlicePlan plan, Visibility visibility, IntFunction<Srs> srs, KeyCache cache,
      ProgressListener progress, boolean forVerifier) {
    this.q = q;
    this.plan = plan;
    this.visibility = visibility;
    int n = plan.slices().size();
    gkr = new boolean[n];
    sub = new int[n];
    compiled = new GkrProofSystem.GkrCompiled[n];
    keyed = new GkrProofSystem.GkrKeyed[n];
    List<SliceSpec> plonkish = new ArrayList<>();
    Map<String, Set<Boolean>> sides = new HashMap<>();
    int gkrLog2 = 2;
    GkrProofSystem system = new GkrProofSystem();
    long t0 = System.nanoTime();
    progress.begin(ProgressListener.LOWER, n);
    for (int i = 0; i < n; i++) {
      SliceSpec s = plan.slices().get(i);
      gkr[i] = SliceSpec.GKR.equals(s.proofSystem());
      for (List<String> ts : List.of(s.inputs(), s.outputs())) {
        for (String t : ts) {
          sides.computeIfAbsent(t, x -> new java.util.HashSet<>()).add(gkr[i]);
        }
      }
      if (gkr[i]) {
        compiled[i] = system.compile(LayeredLowering.lower(q, s));
        gkrLog2 = Math.max(gkrLog2, compiled[i].log2Size());
        progress.advance(ProgressListener.LOWER, s.id(), "gkr, 2^" + compiled[i].log2Size() + " witness entries");
      } else {
        sub[i] = plonkish.size();
        plonkish.add(s);
      }
    }
    progress.end(ProgressListener.LOWER, System.nanoTime() - t0);
    Linking links = Linking.of(q.graph(), plan.slices().stream().map(SliceSpec::nodes).toList(), visibility);
    Set<String> b = new LinkedHashSet<>();
    sides.forEach((t, who) -> {
      if (who.size() == 2 && links.mode(t) == Visibility.Mode.HASHED) {
        b.add(t);
      }
    });
    this.bridged = Set.copyOf(b);
    int need = gkrLog2;
    Srs[] loaded = new Srs[1];
    if (!plonkish.isEmpty()) {
      plonk = new ProvingSession(q, new SlicePlan(plan.strategy(), plonkish), visibility, k -> {
        loaded[0] = srs.apply(forVerifier ? k : Math.max(k, need));
        return loaded[0];
      }, cache, progress, Strategy.residentBudget(), bridged);
    } else {
      plonk = null;
      loaded[0] = srs.apply(forVerifier ? 2 : need);
    }
    this.srs = loaded[0];
    this.gkrSrs = forVerifier ? GkrProofSystem.verifierSrs(this.srs, need) : this.srs;
    for (int i = 0; i < n; i++) {
      if (gkr[i]) {
        keyed[i] = compiled[i].setup(gkrSrs);
      }
    }
  }

  QuantizedGraph graph() {
    return q;
  }

  SlicePlan plan() {
    return plan;
  }

  /** The plonkish slices' session (null when there are none). */
  ProvingSession plonkish() {
    return plonk;
  }

  boolean gkr(int i) {
    return gkr[i];
  }

  /** Slice i's index in {@link #plonkish()}'s plan. */
  int plonkishIndex(int i) {
    return sub[i];
  }

  GkrProofSystem.GkrCompiled compiled(int i) {
    return compiled[i];
  }

  GkrProofSystem.GkrKeyed keyed(int i) {
    return keyed[i];
  }

  /** The tensors that cross between a plonkish and a GKR slice (committed on both sides). */
  Set<String> bridged() {
    return bridged;
  }

  /** The SRS of the plonkish keys. */
  Srs srs() {
    return srs;
  }

  /** The SRS of the GKR slices (the same points; padded for a verifier). */
  Srs gkrSrs() {
    return gkrSrs;
  }

  /** A bridge's values: the point r and y = T~(r). */
  record Claim(Fr[] r, Fr y) {}

  /**
   * The bridge of every bridged tensor of a run: C = TensorCommitment(salt, T) and C_T (made as a
   * GKR slice makes it), r = {@link Bridge#point}(C, C_T, T, N), y = Σ T_i·eq(i, r).
   */
  Map<String, Claim> claims(Map<String, long[]> trace, Map<String, Fr> salts) {
    Map<String, Claim> out = new HashMap<>();
    GkrProofSystem.GkrKeyed any = Arrays.stream(keyed).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    for (String t : bridged) {
      long[] v = trace.get(t);
      Fr c = CompiledSlice.commitment(salts.get(t), v);
      Fr[] r = Bridge.point(c, any.commitment(v), t, v.length);
      out.put(t, new Claim(r, Bridge.evaluate(v, r)));
    }
    return out;
  }

  /** Slice i's external claims (GKR): one per bridged committed boundary, in increasing tensor id. */
  List<Boundaries.External> externals(int i, Map<String, Claim> claims) {
    LayeredLowering.Lowered low = compiled[i].lowered();
    List<Boundaries.External> out = new ArrayList<>();
    for (int id : low.committed()) {
      String t = GkrProofSystem.boundaryName(low, id);
      Claim c = claims.get(t);
      if (c != null) {
        out.add(new Boundaries.External(id, c.r(), c.y()));
      }
    }
    return out;
  }

  /** The bundle without values or proofs: its model digest is every such bundle's. */
  ProofBundle statement() {
    return bundle(null, null, null);
  }

  /**
   * The bundle of a run: every tensor's values ({@code trace}), each slice's public instance (null
   * for a GKR slice, whose instance comes from {@code trace}) and proof; all null for the statement.
   */
  ProofBundle bundle(Map<String, long[]> trace, List<List<Fr>> instances, List<byte[]> proofs) {
    ProofBundle ps = plonk == null ? null : plonk.statement();
    List<ProofBundle.Slice> slices = new ArrayList<>();
    for (int i = 0; i < gkr.length; i++) {
      if (gkr[i]) {
        slices.add(GkrSession.slice(plan.slices().get(i), compiled[i], keyed[i], trace,
            proofs == null ? null : proofs.get(i)));
        continue;
      }
      ProofBundle.Slice s = ps.slices().get(sub[i]);
      slices.add(new ProofBundle.Slice(s.id(), s.nodes(), s.verifyingKey(), s.vkDigest(), s.layout(),
          instances == null ? List.of() : instances.get(i), proofs == null ? new byte[0] : proofs.get(i), s.rows()));
    }
    ProofBundle.SrsInfo info = new ProofBundle.SrsInfo(srs.g2().toEvmBytes(), srs.tauG2().toEvmBytes(), "", 0,
        srs.insecure() || gkrSrs.insecure(), gkrSrs.g2Power(2).toEvmBytes(), gkrSrs.g2Power(3).toEvmBytes());
    List<ProofBundle.PublicTensor> ins = ProvingSession.declared(q.graph().inputs(), q.activationScale(), visibility.input());
    List<ProofBundle.PublicTensor> outs = ProvingSession.declared(q.graph().outputs(), q.activationScale(),
        visibility.output());
    ProofBundle b = new ProofBundle(new byte[0], q.graph().name(), plan.toJson(), q.plan().toJson(),
        visibility.input().name(), visibility.output().name(), info, slices, ins, outs);
    return ProvingSession.withDigest(b);
  }
}
