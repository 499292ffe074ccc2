package io.kubz.cli.cluster;

import io.kubz.slicer.exec.SliceExecutor;
import io.kubz.slicer.exec.SliceJob;
import io.kubz.slicer.exec.SliceProver;
import io.kubz.slicer.exec.SliceResult;
import io.kubz.field.Fr;
import io.kubz.plonkish.format.ProofCodec;
import io.kubz.plonkish.verifier.Verifier;
import io.kubz.poly.kzg.Kzg;
import io.kubz.gkr.model.LayeredModel;
import io.kubz.gkr.model.LayeredProver;
import io.kubz.gkr.pcs.HyperKzg;
import io.kubz.slicer.api.GkrSession;
import io.kubz.slicer.api.ProvingSession;
import io.kubz.slicer.backend.GkrProofSystem;
import io.kubz.slicer.layered.LayeredLowering;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@link SliceExecutor} of {@code kubz prove --cluster}: publishes the session's context (model,
 * settings, plan, SRS choice: {@link SessionSpec}) once, sends each {@link SliceJob} to a worker
 * ({@link SliceWork} rebuilds the same session there, once per context digest), and accepts a proof
 * only when {@code check} does (the coordinator verifies against the slice's verifying key and the
 * public instance it computes itself).
 */
public final class ClusterSliceExecutor implements SliceExecutor {
  /** Accepts a worker's proof for a job only if it verifies. Must not throw. */
  @FunctionalInterface
  public interface SliceCheck {
    boolean accept(SliceJob job, byte[] proof);
  }

  private final ClusterExecutor cluster;
  private final SessionSpec spec;
  private final SliceCheck check;
  private final Consumer<String> notes;
  private volatile List<ClusterExecutor.Outcome> last = List.of();

  public ClusterSliceExecutor(ClusterExecutor cluster, SessionSpec spec, SliceCheck check) {
    this(cluster, spec, check, s -> {});
  }

  /** @param notes told (one line each) when a worker's attempt is rejected and the slice reassigned */
  public ClusterSliceExecutor(ClusterExecutor cluster, SessionSpec spec, SliceCheck check, Consumer<String> notes) {
    this.cluster = cluster;
    this.spec = spec;
    this.check = check;
    this.notes = notes;
  }

  @Override
  public List<SliceResult> execute(List<SliceJob> jobs, SliceProver local, Listener listener) {
    byte[] ctx = spec.encode();
    String digest = SessionSpec.digest(ctx);
    cluster.publish(digest, ctx);
    List<ClusterJob> cj = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      SliceJob j = jobs.get(i);
      cj.add(new ClusterJob(i, SliceWork.KIND, digest, SliceJobCodec.encode(j), j.k(), j.peakBytes()));
    }
    List<ClusterExecutor.Outcome> r = cluster.run(cj, (job, proof) -> check.accept(jobs.get(job.id()), proof),
        new ClusterExecutor.Listener() {
          @Override
          public void started(int id, String worker, int attempt) {
            listener.started(jobs.get(id).sliceId(), worker);
          }

          @Override
          public void finished(int id, String worker, long nanos) {
            listener.finished(jobs.get(id).sliceId(), worker, nanos);
          }

          @Override
          public void rejected(int id, String worker, String reason) {
            notes.accept("worker " + worker + ", slice " + jobs.get(id).sliceId() + ": " + reason);
          }
        });
    last = r;
    List<SliceResult> out = new ArrayList<>();
    for (ClusterExecutor.Outcome o : r) {
      out.add(new SliceResult(jobs.get(o.id()).sliceId(), o.result(), o.workerNanos(), o.worker()));
    }
    return out;
  }

  /**
   * The coordinator's check of a worker's proof: the job must name the session's circuit for its
   * slice, and the proof must verify against that slice's verifying key and the public instance
   * computed here from the job's own tensors and salts.
   */
  public static SliceCheck verifying(ProvingSession s) {
    Kzg kzg = new Kzg(s.srs());
    return (job, proof) -> {
      try {
        int i = -1;
        for (int x = 0; x < s.plan().slices().size(); x++) {
          if (s.plan().slices().get(x).id() == job.sliceId()) {
            i = x;
          }
        }
        if (i < 0 || !s.circuitDigest(i).equals(job.circuitDigest())) {
          return false;
        }
        Map<String, Fr> salts = new HashMap<>();
        job.salts().forEach((t, b) -> salts.put(t, Fr.fromBytesBE(b)));
        Fr[][] instance = s.slices().get(i).instance(job.tensors(), salts);
        return Verifier.verify(s.verifyingKey(i), kzg, instance, ProofCodec.decode(proof));
      } catch (RuntimeException e) {
        return false;
      }
    };
  }

  /** The position of slice {@code id} in {@code plan}, or -1. */
  static int index(io.kubz.slicer.plan.SlicePlan plan, int id) {
    for (int x = 0; x < plan.slices().size(); x++) {
      if (plan.slices().get(x).id() == id) {
        return x;
      }
    }
    return -1;
  }

  /**
   * The coordinator's check of a worker's GKR slice proof: the job must name the session's layered
   * model for its slice, and the proof must verify against that model with the public inputs and
   * outputs and the boundary commitments C_T computed here from the job's own tensors (a worker that
   * proved other boundary values carries other C_T and is rejected here, before the bundle's links).
   */
  public static SliceCheck verifying(GkrSession s) {
    HyperKzg pcs = new HyperKzg(s.srs());
    return (job, proof) -> {
      try {
        int i = index(s.plan(), job.sliceId());
        if (i < 0 || !s.compiled(i).digest().equals(job.circuitDigest())) {
          return false;
        }
        LayeredLowering.Lowered low = s.lowered(i);
        LayeredModel m = low.model();
        long[][] in = low.inputValues(job.tensors());
        long[][] out = new long[low.outputs().size()][];
        for (int k = 0; k < out.length; k++) {
          out[k] = job.tensors().get(low.outputs().get(k));
          if (out[k] == null) {
            return false;
          }
        }
        int[] committed = low.committed();
        List<byte[]> cs = new ArrayList<>();
        for (int id : committed) {
          cs.add(LayeredProver.commitTensor(pcs, job.tensors().get(GkrProofSystem.boundaryName(low, id)))
              .toCompressed());
        }
        return GkrProofSystem.verify(m, committed, s.compiled(i).digestBytes(), proof,
            GkrProofSystem.publicValues(m, committed, in, out), cs, s.srs());
      } catch (RuntimeException e) {
        return false;
      }
    };
  }

  /** The outcomes of the last run (attempts, round trip, verify time per slice). */
  public List<ClusterExecutor.Outcome> lastOutcomes() {
    return last;
  }
}
