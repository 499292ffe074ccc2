package io.kubz.slicer.api;

import io.kubz.field.BadInputException;
import io.kubz.gkr.model.LayeredProver;
import io.kubz.slicer.backend.GkrProofSystem;
import io.kubz.slicer.bundle.BundleCodec;
import io.kubz.slicer.bundle.ModelDigest;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.exec.SliceExecutor;
import io.kubz.slicer.exec.SliceJob;
import io.kubz.slicer.exec.SliceResult;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.SliceSpec;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ModelProver#prove} for {@code --proof-system gkr}: quantize exactly as the plonkish path
 * ({@link ModelProver#quantizeFor}), plan ({@link #plan}: the whole model as one slice unless a plan
 * or a strategy is asked for), lower and load the SRS ({@link GkrSession}), prove every slice (on
 * this machine, or through the options' executor: a cluster), bundle. Slices are linked by their
 * boundary commitments C_T (io.kubz.gkr.model "Committed boundaries"). Proved here, the prover's own
 * stages are reported as stages of the run: {@value ProgressListener#WITNESS}, {@value
 * ProgressListener#COMMIT}, {@value ProgressListener#TOWERS}, {@value ProgressListener#LAYERS},
 * {@value ProgressListener#OPENING} (summed over slices: their sum is the prove time); proved by an
 * executor, the run has one {@value ProgressListener#PROVE} stage.
 */
final class GkrProve {
  private GkrProve() {}

  static ModelProver.Result prove(Graph model, List<Tensor> inputs, ModelProver.Options o) {
    refuseUnsupported(o);
    GkrProofSystem.checkVisibility(o.visibility());
    ProgressListener progress = o.progress();
    Map<String, Long> stages = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    progress.begin(ProgressListener.QUANTIZE, 1);
    QuantizedGraph q = ModelProver.quantizeFor(model, inputs, o);
    end(progress, stages, ProgressListener.QUANTIZE, System.nanoTime() - t0);
    GkrSession session = new GkrSession(q, plan(q, o), o.visibility(), o.srs(), progress);
    stages.put(ProgressListener.LOWER, session.lowerNanos());
    stages.put(ProgressListener.SRS, session.setupNanos());
    return prove(session, inputs, o, stages);
  }

  /** Proves a run on a set-up session (a cluster coordinator sets it up itself first). */
  static ModelProver.Result prove(GkrSession session, List<Tensor> inputs, ModelProver.Options o,
      Map<String, Long> stages) {
    ProgressListener progress = o.progress();
    QuantizedGraph q = session.graph();
    Map<String, long[]> quantized = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      quantized.put(q.graph().inputs().get(i).name(), q.quantizeInput(inputs.get(i)));
    }
    int n = session.plan().slices().size();
    List<byte[]> proofs = new ArrayList<>();
    long[] sliceNanos = new long[n];
    String[] where = new String[n];
    Map<String, long[]> tensors;
    if (o.executor() == null) {
      tensors = session.boundaryValues(quantized);
      long[] st = new long[5];
      for (int s = 0; s < n; s++) {
        LayeredProver.Output out = session.keyed(s).prove(session.lowered(s).inputValues(tensors));
        long[] k = {out.witnessNanos(), out.commitNanos(), out.towerNanos(), out.layerNanos(), out.openingNanos()};
        for (int j = 0; j < 5; j++) {
          st[j] += k[j];
          sliceNanos[s] += k[j];
        }
        proofs.add(out.proof().toBytes());
        where[s] = "local";
      }
      String[] names = {ProgressListener.WITNESS, ProgressListener.COMMIT, ProgressListener.TOWERS,
          ProgressListener.LAYERS, ProgressListener.OPENING};
      for (int j = 0; j < 5; j++) {
        end(progress, stages, names[j], st[j]);
      }
    } else {
      long t0 = System.nanoTime();
      tensors = session.boundaryValues(quantized);
      end(progress, stages, ProgressListener.WITNESS, System.nanoTime() - t0);
      t0 = System.nanoTime();
      progress.begin(ProgressListener.PROVE, n);
      List<SliceResult> results = o.executor().execute(jobs(session, tensors),
          job -> session.keyed(job.sliceId()).prove(job).proof(), new SliceExecutor.Listener() {
            @Override
            public void started(int sliceId, String worker) {
              progress.sliceStarted(sliceId, worker);
            }
          });
      for (int s = 0; s < n; s++) {
        SliceResult r = results.get(s);
        proofs.add(r.proof());
        sliceNanos[s] = r.proveNanos();
        where[s] = r.worker();
      }
      stages.put(ProgressListener.PROVE, System.nanoTime() - t0);
      progress.end(ProgressListener.PROVE, System.nanoTime() - t0);
    }
    long t0 = System.nanoTime();
    progress.begin(ProgressListener.BUNDLE, 1);
    ProofBundle bundle = session.bundle(tensors, proofs);
    byte[] bytes = BundleCodec.encode(bundle);
    end(progress, stages, ProgressListener.BUNDLE, System.nanoTime() - t0);

    List<ProveSummary.SliceRow> rows = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      SliceSpec spec = session.plan().slices().get(s);
      rows.add(new ProveSummary.SliceRow(spec.id(), spec.nodes().size(), spec.estimatedRows(),
          session.compiled(s).log2Size(), s == 0 ? session.setupNanos() : 0, sliceNanos[s],
          session.compiled(s).peakBytes(), where[s]));
    }
    ProveSummary summary = new ProveSummary(ModelDigest.hex(bundle.modelDigest()), session.plan().strategy(),
        rows, stages, bundle.outputs(), 0, bytes.length, GkrProofSystem.NAME);
    return new ModelProver.Result(bytes, bundle, summary, Map.of(), Map.of());
  }

  /**
   * One job per slice: its id and model digest, the values of the tensors it reads and of those it
   * produces (no salts: no hashing).
   */
  static List<SliceJob> jobs(GkrSession session, Map<String, long[]> tensors) {
    List<SliceJob> jobs = new ArrayList<>();
    for (int s = 0; s < session.plan().slices().size(); s++) {
      Map<String, long[]> in = new LinkedHashMap<>();
      for (String t : session.lowered(s).inputs()) {
        in.put(t, tensors.get(t));
      }
      for (String t : session.lowered(s).outputs()) { // so that a coordinator checks a result against them
        in.put(t, tensors.get(t));
      }
      jobs.add(new SliceJob(session.plan().slices().get(s).id(), session.compiled(s).digest(),
          session.compiled(s).log2Size(), session.compiled(s).peakBytes(), in, Map.of()));
    }
    return jobs;
  }

  /**
   * The plan of a GKR run: a saved plan, or the options' strategy when one was asked for, in the
   * canonical form a verifier re-reads ({@link GkrSession#canonical}); the whole model as one slice
   * when neither was (the default strategy, {@link Strategy#defaults()}, is the plonkish path's).
   */
  static SlicePlan plan(QuantizedGraph q, ModelProver.Options o) {
    if (o.plan() != null) {
      return GkrSession.canonical(o.plan(), q.graph());
    }
    if (o.strategy() == null || o.strategy().equals(Strategy.defaults())) {
      return GkrSession.plan(q.graph());
    }
    return GkrSession.canonical(o.strategy().plan(q.graph(), new LoweredCost(q, o.visibility())), q.graph());
  }

  /** What the GKR path does not do (yet): hashed-input chains. */
  static void refuseUnsupported(ModelProver.Options o) {
    if (!o.inputSalts().isEmpty()) {
      throw new BadInputException("--proof-system gkr takes public inputs only, so it cannot continue a chain of"
          + " hashed tensors: prove with --proof-system plonkish");
    }
  }

  private static void end(ProgressListener p, Map<String, Long> stages, String stage, long nanos) {
    if (!stage.equals(ProgressListener.QUANTIZE) && !stage.equals(ProgressListener.BUNDLE)) {
      p.begin(stage, 1);
    }
    stages.put(stage, nanos);
    p.end(stage, nanos);
  }
}
