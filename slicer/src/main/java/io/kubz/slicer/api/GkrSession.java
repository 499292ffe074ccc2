package io.kubz.slicer.api;

import io.kubz.field.Fr;
import io.kubz.gkr.model.Evaluator;
import io.kubz.gkr.model.LayeredModel;
import io.kubz.gkr.model.LayeredProof;
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
import io.kubz.slicer.plan.SliceSpec;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A model ready to prove with {@code --proof-system gkr}: quantized as the plonkish path quantizes
 * it, planned as ONE slice of every node by default (GKR.md "Slices and links": a GKR prover's memory
 * is linear in the model, so there are no cuts unless asked for), or by a plan of several slices
 * (for distribution), each lowered to a layered model and set up under one SRS of the size the
 * largest committed witness needs. What {@link ProvingSession} is to the plonkish path, with no keys:
 * the statement is the layered models themselves.
 *
 * <p>The bundle it describes ({@link #statement()}) has format version 2: each slice names the
 * "gkr" proof system, carries its encoded layered model as its verifying key with the model's digest
 * D as the key digest, lays out the model's inputs then outputs (in the layered model's orders): a
 * public one as instance values, a boundary between two slices (neither a graph input nor a graph
 * output) as a commitment entry whose row indexes the slice's boundary commitments C_T (increasing
 * tensor id: the proof's order). Its SRS entry adds [τ²]_2 and [τ³]_2 (HyperKZG's verifier needs
 * them); the model digest covers all of it and the plan, as for plonkish bundles.
 */
public final class GkrSession {
  private final QuantizedGraph q;
  private final SlicePlan plan;
  private final List<GkrProofSystem.GkrCompiled> compiled = new ArrayList<>();
  private final List<GkrProofSystem.GkrKeyed> keyed = new ArrayList<>();
  private final Srs srs;
  private final int log2;
  private final long lowerNanos;
  private final long setupNanos;
  /** Whether the SRS's τ is known (kept apart: a verifier's padded SRS does not say). */
  private final boolean insecure;

  /**
   * Lowers the whole model as one slice and loads the SRS it needs ({@code srs.apply(log2)} must give
   * at least 2^log2 powers with [τ²]_2, [τ³]_2); reports {@code lower} and {@code srs}. Private or
   * hashed visibility, or an op the lowering refuses, is a {@code BadInputException} that says what
   * to do.
   */
  public GkrSession(QuantizedGraph q, Visibility visibility, IntFunction<Srs> srs, ProgressListener progress) {
    this(q, plan(q.graph()), visibility, srs, progress, false);
  }

  /** As above with a plan of one or more slices ({@link #canonical} form: see {@link GkrProve}). */
  public GkrSession(QuantizedGraph q, SlicePlan plan, Visibility visibility, IntFunction<Srs> srs,
      ProgressListener progress) {
    this(q, plan, visibility, srs, progress, false);
  }

  /**
   * As above; {@code forVerifier}: the SRS is asked for 2^2 powers only and padded ({@link
   * GkrProofSystem#verifierSrs}), enough for {@link #statement()} and for verifying, not for proving.
   */
  GkrSession(QuantizedGraph q, SlicePlan plan, Visibility visibility, IntFunction<Srs> srs,
      ProgressListener progress, boolean forVerifier) {
    GkrProofSystem.checkVisibility(visibility);
    this.q = q;
    this.plan = plan;
    long t0 = System.nanoTime();
    progress.begin(ProgressListener.LOWER, plan.slices().size());
    List<List<String>> nodes = plan.slices().stream().map(SliceSpec::nodes).toList();
    Linking links = Linking.of(q.graph(), nodes, visibility);
    int max = 2;
    GkrProofSystem system = new GkrProofSystem();
    for (SliceSpec spec : plan.slices()) {
      GkrProofSystem.GkrCompiled c = (GkrProofSystem.GkrCompiled) system.compile(new SliceSource(q, spec, links));
      compiled.add(c);
      max = Math.max(max, c.log2Size());
      progress.advance(ProgressListener.LOWER, compiled.size(), "2^" + c.log2Size() + " witness entries");
    }
    this.log2 = max;
    lowerNanos = System.nanoTime() - t0;
    progress.end(ProgressListener.LOWER, lowerNanos);
    t0 = System.nanoTime();
    progress.begin(ProgressListener.SRS, 1);
    Srs loaded = srs.apply(forVerifier ? 2 : log2);
    this.insecure = loaded.insecure();
    this.srs = forVerifier ? GkrProofSystem.verifierSrs(loaded, log2) : loaded;
    for (GkrProofSystem.GkrCompiled c : compiled) {
      keyed.add(c.setup(this.srs));
    }
    setupNanos = System.nanoTime() - t0;
    progress.end(ProgressListener.SRS, setupNanos);
  }

  /** The one-slice plan of every node of {@code g} (strategy "gkr"). */
  public static SlicePlan plan(Graph g) {
    List<String> nodes = new ArrayList<>();
    g.nodes().forEach(n -> nodes.add(n.name()));
    return SlicePlan.of(GkrProofSystem.NAME, g, List.of(new SlicePlan.Group(nodes, null)), SliceCost.DEFAULT);
  }

  /**
   * {@code p} re-derived with {@link SliceCost#DEFAULT} (its estimated rows are the plonkish
   * lowering's and mean nothing here): the form a verifier re-reads from a bundle's plan JSON, so
   * that a bundle's plan is a function of its node sets alone.
   */
  public static SlicePlan canonical(SlicePlan p, Graph g) {
    return SlicePlan.of(p.strategy(), g, p.groups(), SliceCost.DEFAULT);
  }

  public QuantizedGraph graph() {
    return q;
  }

  public SlicePlan plan() {
    return plan;
  }

  /** Slice i's lowering. */
  public LayeredLowering.Lowered lowered(int i) {
    return compiled.get(i).lowered();
  }

  /** Slice 0's lowering (the whole model's when the plan has one slice). */
  public LayeredLowering.Lowered lowered() {
    return lowered(0);
  }

  /** Slice i's compiled form (digest, witness size, memory estimate). */
  public GkrProofSystem.GkrCompiled compiled(int i) {
    return compiled.get(i);
  }

  /** Slice i's prover. */
  public GkrProofSystem.GkrKeyed keyed(int i) {
    return keyed.get(i);
  }

  public Srs srs() {
    return srs;
  }

  /** log2 of the powers of tau the largest committed witness needs. */
  public int log2Size() {
    return log2;
  }

  public long peakBytes() {
    return compiled.stream().mapToLong(GkrProofSystem.GkrCompiled::peakBytes).max().orElse(0);
  }

  long lowerNanos() {
    return lowerNanos;
  }

  long setupNanos() {
    return setupNanos;
  }

  /**
   * The plan a GKR run with these options proves under: a saved plan or an asked-for strategy
   * (canonical form), else the whole model as one slice (see {@link GkrProve}).
   */
  public static SlicePlan planFor(QuantizedGraph q, ModelProver.Options o) {
    return GkrProve.plan(q, o);
  }

  /**
   * Proves a run of this session on {@code inputs} (real values, quantized as the session's graph
   * says) and bundles it: on this machine, or through {@code o.executor()} (a cluster), whose
   * results the caller's executor must have verified ({@code GkrProofSystem#verify}); the bundle
   * verifier checks them all again.
   */
  public ModelProver.Result prove(List<io.kubz.slicer.ir.Tensor> inputs, ModelProver.Options o) {
    return GkrProve.prove(this, inputs, o, new LinkedHashMap<>());
  }

  /** Proves a run of a one-slice session on the quantized graph inputs by name. */
  public LayeredProver.Output prove(Map<String, long[]> quantizedInputs) {
    return keyed.get(0).prove(compiled.get(0).lowered().inputValues(quantizedInputs));
  }

  /**
   * Every tensor a run crosses a slice boundary with, by name: the quantized graph inputs, then each
   * slice's outputs computed by its layered model (integer semantics: the interpreter's).
   */
  public Map<String, long[]> boundaryValues(Map<String, long[]> quantizedInputs) {
    Map<String, long[]> tensors = new LinkedHashMap<>(quantizedInputs);
    for (GkrProofSystem.GkrCompiled c : compiled) {
      LayeredLowering.Lowered low = c.lowered();
      LayeredModel m = low.model();
      long[][] v = Evaluator.run(m, low.inputValues(tensors));
      for (int i = 0; i < low.outputs().size(); i++) {
        tensors.put(low.outputs().get(i), v[m.outputs()[i]]);
      }
    }
    return tensors;
  }

  /** The bundle of this session without values or proof; its model digest is every such bundle's. */
  public ProofBundle statement() {
    return bundle(null, null);
  }

  /**
   * The bundle of a run: {@code tensors} every boundary value by name ({@link #boundaryValues}) and
   * {@code proofs} each slice's {@link LayeredProof} bytes; both null for the statement alone.
   */
  ProofBundle bundle(Map<String, long[]> tensors, List<byte[]> proofs) {
    List<ProofBundle.Slice> slices = new ArrayList<>();
    for (int s = 0; s < compiled.size(); s++) {
      slices.add(slice(s, tensors, proofs == null ? null : proofs.get(s)));
    }
    ProofBundle.SrsInfo info = new ProofBundle.SrsInfo(srs.g2().toEvmBytes(), srs.tauG2().toEvmBytes(), "", 0,
        insecure, srs.g2Power(2).toEvmBytes(), srs.g2Power(3).toEvmBytes());
    List<ProofBundle.PublicTensor> ins = new ArrayList<>();
    for (ValueInfo v : q.graph().inputs()) {
      long[] values = tensors == null || !tensors.containsKey(v.name()) ? null : tensors.get(v.name()).clone();
      ins.add(new ProofBundle.PublicTensor(v.name(), v.shape(), q.activationScale(), Visibility.Mode.PUBLIC.name(),
          values, null));
    }
    List<ProofBundle.PublicTensor> outs = new ArrayList<>();
    for (ValueInfo v : q.graph().outputs()) {
      long[] values = tensors == null || !tensors.containsKey(v.name()) ? null : tensors.get(v.name()).clone();
      outs.add(new ProofBundle.PublicTensor(v.name(), v.shape(), q.activationScale(), Visibility.Mode.PUBLIC.name(),
          values, null));
    }
    ProofBundle b = new ProofBundle(new byte[0], q.graph().name(), plan.toJson(), q.plan().toJson(),
        Visibility.Mode.PUBLIC.name(), Visibility.Mode.PUBLIC.name(), info, slices, ins, outs);
    return ProvingSession.withDigest(b);
  }

  /** Slice s: layout (inputs then outputs; public values or a commitment's index), instance, C_T. */
  private ProofBundle.Slice slice(int s, Map<String, long[]> tensors, byte[] proof) {
    return slice(plan.slices().get(s), compiled.get(s), keyed.get(s), tensors, proof);
  }

  /** A GKR slice of a bundle (see {@link #slice(int, Map, byte[])}), also for a mixed plan's GKR slices. */
  static ProofBundle.Slice slice(SliceSpec spec, GkrProofSystem.GkrCompiled c, GkrProofSystem.GkrKeyed keyed,
      Map<String, long[]> tensors, byte[] proof) {
    int s = spec.id();
    LayeredLowering.Lowered low = c.lowered();
    LayeredModel m = low.model();
    int[] committed = low.committed();
    List<ProofBundle.Entry> layout = new ArrayList<>();
    List<Fr> instance = new ArrayList<>();
    int row = 0;
    for (int g = 0; g < 2; g++) {
      int[] ids = g == 0 ? m.inputs() : m.outputs();
      List<String> names = g == 0 ? low.inputs() : low.outputs();
      for (int i = 0; i < ids.length; i++) {
        int k = Arrays.binarySearch(committed, ids[i]);
        if (k >= 0) {
          layout.add(new ProofBundle.Entry(names.get(i), g == 1, true, k, 1));
          continue;
        }
        int n = m.layers().get(ids[i]).size();
        layout.add(new ProofBundle.Entry(names.get(i), g == 1, false, row, n));
        row += n;
        if (tensors != null) {
          for (long v : tensors.get(names.get(i))) {
            instance.add(Fr.of(v));
          }
        }
      }
    }
    List<byte[]> commitments = proof == null ? List.of()
        : LayeredProof.parse(proof).orElseThrow(() -> new IllegalStateException("slice " + s
            + ": the prover returned a malformed proof")).boundaryCommitments();
    return new ProofBundle.Slice(spec.id(), spec.nodes(), keyed.verifierKey().bytes(),
        c.digestBytes(), layout, instance, proof == null ? new byte[0] : proof, 1L << c.log2Size(), GkrProofSystem.NAME,
        commitments);
  }
}
