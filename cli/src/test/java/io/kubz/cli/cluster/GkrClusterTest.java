package io.kubz.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.cli.Kubz;
import io.kubz.slicer.api.ModelProver;
import io.kubz.slicer.api.ProgressListener;
import io.kubz.slicer.api.Strategy;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.exec.SliceJob;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --proof-system gkr} on a cluster: a plan of at least 3 GKR slices proved by two in-process
 * workers, one of which is shut down as soon as it starts a slice; its slice goes to the other
 * worker, the coordinator verifies every returned slice proof, and {@code kubz verify --model}
 * accepts the bundle, whose slices chain by equal C_T. The coordinator's check rejects a proof
 * made on other boundary values.
 */
class GkrClusterTest {
  /** kubz's --dev-srs seed (SrsOptions.DEV_SEED), so that {@code kubz verify --dev-srs} checks the bundle. */
  private static final long DEV_SEED = 0x6b75627aL;

  @TempDir Path dir;

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void slicesSurviveAWorkerLeavingAndTheBundleVerifiesByModel() throws Exception {
    System.setProperty("hazelcast.local.localAddress", "127.0.0.1");
    byte[] onnx = ExampleModels.cnn(3).toByteArray();
    Graph g = OnnxImporter.read(onnx, null, Map.of(), "cnn");
    List<Tensor> in = List.of(ExampleModels.input(4, g.inputs().get(0).shape()));
    String cluster = "g-" + UUID.randomUUID();
    List<String> notes = new CopyOnWriteArrayList<>();
    AtomicBoolean killed = new AtomicBoolean();
    try (ClusterExecutor c = ClusterExecutor.connect(List.of("127.0.0.1:5961"), ClusterExecutor.Options.defaults()
            .withClusterName(cluster).withPort(5961).withHeartbeatSeconds(3).withSliceTimeout(Duration.ofSeconds(120))
            .withWorkerWait(Duration.ofSeconds(60)));
        WorkerNode a = WorkerNode.start(cluster, "127.0.0.1:5961", 5962, 3, new Capacity(1, 24, 1L << 30), false,
            s -> { });
        WorkerNode b = WorkerNode.start(cluster, "127.0.0.1:5961", 5963, 3, new Capacity(1, 24, 1L << 30), false,
            s -> { })) {
      assertTrue(awaitMembers(c, 3), "both workers joined");
      String bAddress = b.address();
      String aAddress = a.address();
      ProgressListener killB = new ProgressListener() {
        @Override
        public void sliceStarted(int sliceId, String worker) {
          if (worker.equals(bAddress) && killed.compareAndSet(false, true)) {
            new Thread(b::close).start(); // worker b leaves while it holds a slice
          }
        }
      };
      ModelProver.Options o = ModelProver.Options.ofDevSrs(DEV_SEED).withProofSystem("gkr")
          .withStrategy(Strategy.maxLayers(1)).withProgress(killB);
      ClusterProve.Result r = ClusterProve.prove(c, onnx, g, in, o, new ClusterProve.SrsChoice(DEV_SEED, null),
          notes::add);
      assertTrue(killed.get(), "worker b started a slice and was shut down");
      ProofBundle bundle = r.proved().parsed();
      assertTrue(bundle.slices().size() >= 3, "slices: " + bundle.slices().size());
      assertEquals(bundle.slices().size(), r.outcomes().size());
      // b is closed on another thread once it starts a slice; a GKR slice of this model proves in a fraction
      // of a second, so b may deliver that proof before it is gone (a valid proof, kept). Otherwise the slice
      // it held was reassigned, and every proof came from a.
      boolean bDelivered = r.outcomes().stream().anyMatch(out -> out.worker().equals(bAddress));
      if (!bDelivered) {
        for (ClusterExecutor.Outcome out : r.outcomes()) {
          assertEquals(aAddress, out.worker(), "only the worker that stayed returned proofs");
        }
        assertTrue(r.outcomes().stream().anyMatch(out -> out.attempts() > 1), "b's slice was reassigned: " + notes);
      }

      // the same statement and outputs as a local run with the same plan
      ModelProver.Result local = ModelProver.prove(g, in, o.withProgress(ProgressListener.NONE));
      assertArrayEquals(local.parsed().modelDigest(), bundle.modelDigest());
      assertArrayEquals(local.parsed().outputs().get(0).values(), bundle.outputs().get(0).values());

      Path model = dir.resolve("cnn.onnx");
      Files.write(model, onnx);
      Path file = dir.resolve("cluster.kubz");
      Files.write(file, r.proved().bundle());
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Kubz.execute(new PrintWriter(out), new PrintWriter(err), "verify", file.toString(), "--model",
          model.toString(), "--dev-srs");
      assertEquals(0, code, out + "\n" + err);
    }
  }

  /** Waits until the cluster has {@code n} members (the coordinator and its workers). */
  private static boolean awaitMembers(ClusterExecutor c, int n) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      if (c.awaitWorkers().size() >= n - 1) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  @Test
  void theCoordinatorRejectsAProofOnOtherBoundaryValues() {
    Graph g = io.kubz.slicer.onnx.OnnxImporter.read(ExampleModels.cnn(3).toByteArray(), null, Map.of(), "cnn");
    List<Tensor> in = List.of(ExampleModels.input(4, g.inputs().get(0).shape()));
    ModelProver.Options o = ModelProver.Options.ofDevSrs(DEV_SEED).withProofSystem("gkr")
        .withStrategy(Strategy.maxLayers(1));
    var q = ModelProver.quantizeFor(g, in, o);
    var session = new io.kubz.slicer.api.GkrSession(q, io.kubz.slicer.api.GkrSession.planFor(q, o), o.visibility(),
        o.srs(), ProgressListener.NONE);
    Map<String, long[]> quantized = Map.of(q.graph().inputs().get(0).name(), q.quantizeInput(in.get(0)));
    Map<String, long[]> tensors = session.boundaryValues(quantized);
    ClusterSliceExecutor.SliceCheck check = ClusterSliceExecutor.verifying(session);
    int mid = 1;
    var low = session.lowered(mid);
    java.util.Map<String, long[]> job = new java.util.LinkedHashMap<>();
    low.inputs().forEach(t -> job.put(t, tensors.get(t)));
    low.outputs().forEach(t -> job.put(t, tensors.get(t)));
    SliceJob honest = new SliceJob(session.plan().slices().get(mid).id(), session.compiled(mid).digest(),
        session.compiled(mid).log2Size(), 0, job, Map.of());
    byte[] proof = session.keyed(mid).prove(honest).proof();
    assertTrue(check.accept(honest, proof), "an honest worker's proof");
    // a worker that proved the slice on another input tensor: its proof is valid on its own, its C_T is not the job's
    java.util.Map<String, long[]> other = new java.util.LinkedHashMap<>(job);
    long[] x = other.get(low.inputs().get(0)).clone();
    x[0] += 1;
    other.put(low.inputs().get(0), x);
    SliceJob lying = new SliceJob(honest.sliceId(), honest.circuitDigest(), honest.k(), 0, other, Map.of());
    byte[] forged = session.keyed(mid).prove(lying).proof();
    assertFalse(check.accept(honest, forged), "a proof of other boundary values");
    byte[] flipped = proof.clone();
    flipped[flipped.length / 2] ^= 1;
    assertFalse(check.accept(honest, flipped), "a corrupted proof");
  }
}
