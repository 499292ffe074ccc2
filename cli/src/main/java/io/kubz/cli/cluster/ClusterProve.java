package io.kubz.cli.cluster;

import io.kubz.slicer.api.GkrSession;
import io.kubz.slicer.api.LoweredCost;
import io.kubz.slicer.api.ModelProver;
import io.kubz.slicer.api.ProgressListener;
import io.kubz.slicer.api.ProvingSession;
import io.kubz.slicer.backend.GkrProofSystem;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code kubz prove --cluster} as a library call: this process is the coordinator. It quantizes and
 * plans, waits (bounded) for a worker, compiles and keys the model itself (it needs the keys to
 * verify what workers return), re-plans if a slice fits no worker ({@link Replan}), publishes the
 * session once ({@link SessionSpec}, by digest), computes the witnesses and has the workers prove
 * the slices ({@link ClusterSliceExecutor}); the bundle is the one a local run writes.
 */
public final class ClusterProve {
  private ClusterProve() {}

  /**
   * Where the workers' SRS comes from; it must be the coordinator's.
   *
   * @param devSeed the dev SRS seed (when {@code ptau} is null)
   * @param ptau absolute path of a powers-of-tau file present on every worker, or null
   */
  public record SrsChoice(long devSeed, String ptau) {}

  /** The prover's result and, per slice, where and how it was proved (attempts, times). */
  public record Result(ModelProver.Result proved, List<ClusterExecutor.Outcome> outcomes) {}

  /**
   * Proves {@code model} on the cluster's workers.
   *
   * @param onnx the model's bytes exactly as read (workers rebuild the session from them)
   * @param o as for a local run: settings ({@code quant}), saved {@code plan} or {@code strategy},
   *     visibility, SRS, key folder, progress; its executor is replaced
   * @param notes told one line per re-plan and per rejected attempt
   */
  public static Result prove(ClusterExecutor cluster, byte[] onnx, Graph model, List<Tensor> inputs,
      ModelProver.Options o, SrsChoice srs, Consumer<String> notes) {
    ProgressListener progress = o.progress();
    long t0 = System.nanoTime();
    progress.begin(ProgressListener.QUANTIZE, 1);
    if (o.mixed()) {
      throw new io.kubz.field.UsageException("--proof-system mixed (or a plan that sets a slice's proof_system to"
          + " the other system) proves on this machine only: remove --cluster, or prove with plonkish or gkr");
    }
    QuantizedGraph q = ModelProver.quantizeFor(model, inputs, o); // a private input never enters the settings
    progress.end(ProgressListener.QUANTIZE, System.nanoTime() - t0);
    if (o.gkr()) {
      return gkr(cluster, onnx, q, inputs, o, srs, notes);
    }
    t0 = System.nanoTime();
    progress.begin(ProgressListener.PLAN, 1);
    SlicePlan plan = o.plan() != null ? o.plan() : o.strategy().plan(q.graph(), new LoweredCost(q));
    progress.end(ProgressListener.PLAN, System.nanoTime() - t0);
    t0 = System.nanoTime();
    progress.begin("workers", 1);
    var workers = cluster.awaitWorkers(); // before compile and keygen, so that an empty cluster fails fast
    progress.end("workers", System.nanoTime() - t0);
    ProvingSession session = ModelProver.setup(q, plan, o);
    session = Replan.fit(new Replan.Session(session), q, o.plan() != null, workers.values(),
        p -> new Replan.Session(ModelProver.setup(q, p, o)), notes).session();
    SessionSpec spec = new SessionSpec(onnx, q.plan().toJson(), session.plan().toJson(), o.visibility(),
        srs.devSeed(), srs.ptau());
    ClusterSliceExecutor ex = new ClusterSliceExecutor(cluster, spec, ClusterSliceExecutor.verifying(session), notes);
    ModelProver.Result r = ModelProver.prove(session, inputs, o.withExecutor(ex));
    return new Result(r, ex.lastOutcomes());
  }

  /**
   * {@code --proof-system gkr} on the cluster: the plan of the options ({@link GkrSession#planFor};
   * never re-planned: a GKR slice's memory is linear in its size), lowered here (the coordinator
   * checks every returned proof against its layered model and the C_T of the job's tensors), and
   * each slice proved by a worker that lowers the same plan from the published context.
   */
  private static Result gkr(ClusterExecutor cluster, byte[] onnx, QuantizedGraph q, List<Tensor> inputs,
      ModelProver.Options o, SrsChoice srs, Consumer<String> notes) {
    ProgressListener progress = o.progress();
    long t0 = System.nanoTime();
    progress.begin(ProgressListener.PLAN, 1);
    SlicePlan plan = GkrSession.planFor(q, o);
    progress.end(ProgressListener.PLAN, System.nanoTime() - t0);
    t0 = System.nanoTime();
    progress.begin("workers", 1);
    cluster.awaitWorkers(); // before lowering, so that an empty cluster fails fast
    progress.end("workers", System.nanoTime() - t0);
    GkrSession session = new GkrSession(q, plan, o.visibility(), o.srs(), progress);
    SessionSpec spec = new SessionSpec(onnx, q.plan().toJson(), plan.toJson(), o.visibility(), srs.devSeed(),
        srs.ptau(), GkrProofSystem.NAME);
    ClusterSliceExecutor ex = new ClusterSliceExecutor(cluster, spec, ClusterSliceExecutor.verifying(session), notes);
    ModelProver.Result r = session.prove(inputs, o.withExecutor(ex));
    return new Result(r, ex.lastOutcomes());
  }
}
