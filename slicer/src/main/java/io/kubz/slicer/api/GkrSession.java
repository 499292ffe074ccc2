package io.kubz.slicer.api;

import io.kubz.field.Fr;
import io.kubz.gkr.model.LayeredModel;
import io.kubz.gkr.model.LayeredProver;
import io.kubz.poly.srs.Srs;
import io.kubz.slicer.backend.GkrProofSystem;
import io.kubz.slicer.backend.SliceSource;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.ValueInfo;
import io.kubz.slicer.layered.LayeredLowering;
import io.kubz.slicer.lower.Linking;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.plan.SliceCost;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A model ready to prove with {@code --proof-system gkr}: quantized as the plonkish path quantizes
 * it, planned as ONE slice of every node (GKR.md "Slices and links": a GKR prover's memory is linear
 * in the model, so there are no cuts by default), lowered to a layered model and set up under an SRS
 * of the size its committed witness needs. What {@link ProvingSession} is to the plonkish path, with
 * no keys: the statement is the layered model itself.
 *
 * <p>The bundle it describes ({@link #statement()}) has format version 2: its one slice names the
 * "gkr" proof system, carries the encoded layered model as its verifying key with the model's digest
 * D as the key digest, lays out the model's inputs then outputs as public instance values, and its
 * SRS entry adds [τ²]_2 and [τ³]_2 (HyperKZG's verifier needs them); the model digest covers all of
 * it, as for plonkish bundles.
 */
public final class GkrSession {
  private final QuantizedGraph q;
  private final SlicePlan plan;
  private final GkrProofSystem.GkrCompiled compiled;
  private final GkrProofSystem.GkrKeyed keyed;
  private final long lowerNanos;
  private final long setupNanos;
  /** Whether the SRS's τ is known (kept apart: a verifier's padded SRS does not say). */
  private final boolean insecure;

  /**
   * Lowers the whole model and loads the SRS it needs ({@code srs.apply(log2)} must give at least
   * 2^log2 powers with [τ²]_2, [τ³]_2); reports {@code lower} and {@code srs}. Private or hashed
   * visibility, or an op the lowering refuses, is a {@code BadInputException} that says what to do.
   */
  public GkrSession(QuantizedGraph q, Visibility visibility, IntFunction<Srs> srs, ProgressListener progress) {
    this(q, visibility, srs, progress, false);
  }

  /**
   * As above; {@code forVerifier}: the SRS is asked for 2^2 powers only and padded ({@link
   * GkrProofSystem#verifierSrs}), enough for {@link #statement()} and for verifying, not for proving.
   */
  GkrSession(QuantizedGraph q, Visibility visibility, IntFunction<Srs> srs, ProgressListener progress,
      boolean forVerifier) {
    GkrProofSystem.checkVisibility(visibility);
    this.q = q;
    this.plan = plan(q.graph());
    long t0 = System.nanoTime();
    progress.begin(ProgressListener.LOWER, 1);
    Linking links = Linking.of(q.graph(), List.of(plan.slices().get(0).nodes()), visibility);
    this.compiled = (GkrProofSystem.GkrCompiled) new GkrProofSystem().compile(
        new SliceSource(q, plan.slices().get(0), links));
    lowerNanos = System.nanoTime() - t0;
    progress.advance(ProgressListener.LOWER, 0, "2^" + compiled.log2Size() + " witness entries");
    progress.end(ProgressListener.LOWER, lowerNanos);
    t0 = System.nanoTime();
    progress.begin(ProgressListener.SRS, 1);
    Srs loaded = srs.apply(forVerifier ? 2 : compiled.log2Size());
    this.insecure = loaded.insecure();
    this.keyed = compiled.setup(forVerifier ? GkrProofSystem.verifierSrs(loaded, compiled.log2Size()) : loaded);
    setupNanos = System.nanoTime() - t0;
    progress.end(ProgressListener.SRS, setupNanos);
  }

  /** The one-slice plan of every node of {@code g} (strategy "gkr"). */
  public static SlicePlan plan(Graph g) {
    List<String> nodes = new ArrayList<>();
    g.nodes().forEach(n -> nodes.add(n.name()));
    return SlicePlan.of(GkrProofSystem.NAME, g, List.of(new SlicePlan.Group(nodes, null)), SliceCost.DEFAULT);
  }

  public QuantizedGraph graph() {
    return q;
  }

  public SlicePlan plan() {
    return plan;
  }

  public LayeredLowering.Lowered lowered() {
    return compiled.lowered();
  }

  public Srs srs() {
    return keyed.srs();
  }

  /** log2 of the powers of tau the witness commitment needs. */
  public int log2Size() {
    return compiled.log2Size();
  }

  public long peakBytes() {
    return compiled.peakBytes();
  }

  long lowerNanos() {
    return lowerNanos;
  }

  long setupNanos() {
    return setupNanos;
  }

  /** Proves a run on the quantized graph inputs by name. */
  public LayeredProver.Output prove(Map<String, long[]> quantizedInputs) {
    return keyed.prove(compiled.lowered().inputValues(quantizedInputs));
  }

  /** The bundle of this session without values or proof; its model digest is every such bundle's. */
  public ProofBundle statement() {
    return bundle(null, null);
  }

  /**
   * The bundle of a run: {@code inputs} and {@code out} in the layered model's orders, or null for
   * the statement alone.
   */
  ProofBundle bundle(long[][] inputs, LayeredProver.Output out) {
    LayeredLowering.Lowered low = compiled.lowered();
    LayeredModel m = low.model();
    List<ProofBundle.Entry> layout = new ArrayList<>();
    int row = 0;
    for (int i = 0; i < low.inputs().size(); i++) {
      int n = m.layers().get(m.inputs()[i]).size();
      layout.add(new ProofBundle.Entry(low.inputs().get(i), false, false, row, n));
      row += n;
    }
    for (int i = 0; i < low.outputs().size(); i++) {
      int n = m.layers().get(m.outputs()[i]).size();
      layout.add(new ProofBundle.Entry(low.outputs().get(i), true, false, row, n));
      row += n;
    }
    List<Fr> instance = out == null ? List.of() : GkrProofSystem.publicValues(inputs, out.outputs());
    byte[] proof = out == null ? new byte[0] : out.proof().toBytes();
    ProofBundle.Slice slice = new ProofBundle.Slice(0, plan.slices().get(0).nodes(),
        keyed.verifierKey().bytes(), compiled.digestBytes(), layout, instance, proof, 1L << compiled.log2Size(),
        GkrProofSystem.NAME);
    Srs srs = keyed.srs();
    ProofBundle.SrsInfo info = new ProofBundle.SrsInfo(srs.g2().toEvmBytes(), srs.tauG2().toEvmBytes(), "", 0,
        insecure, srs.g2Power(2).toEvmBytes(), srs.g2Power(3).toEvmBytes());
    List<ProofBundle.PublicTensor> ins = new ArrayList<>();
    for (ValueInfo v : q.graph().inputs()) {
      int k = low.inputs().indexOf(v.name());
      long[] values = inputs == null || k < 0 ? null : inputs[k].clone();
      ins.add(new ProofBundle.PublicTensor(v.name(), v.shape(), q.activationScale(), Visibility.Mode.PUBLIC.name(),
          values, null));
    }
    List<ProofBundle.PublicTensor> outs = new ArrayList<>();
    for (ValueInfo v : q.graph().outputs()) {
      int k = low.outputs().indexOf(v.name());
      long[] values = out == null || k < 0 ? null : out.outputs()[k].clone();
      outs.add(new ProofBundle.PublicTensor(v.name(), v.shape(), q.activationScale(), Visibility.Mode.PUBLIC.name(),
          values, null));
    }
    ProofBundle b = new ProofBundle(new byte[0], q.graph().name(), plan.toJson(), q.plan().toJson(),
        Visibility.Mode.PUBLIC.name(), Visibility.Mode.PUBLIC.name(), info, List.of(slice), ins, outs);
    return ProvingSession.withDigest(b);
  }
}
