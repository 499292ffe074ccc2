package io.kubz.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.api.BundleVerifier;
import io.kubz.slicer.api.LoweredCost;
import io.kubz.slicer.api.ModelProver;
import io.kubz.slicer.api.Strategy;
import io.kubz.slicer.api.VerificationResult;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.HashSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real model proved on two worker JVMs through {@link ClusterProve} (per-layer plan, dev SRS):
 * the bundle verifies and has the statement (model digest, verifying keys) of a local set-up of the
 * same model; one worker corrupts its proofs and is caught by the coordinator's verification.
 */
@Tag("cluster")
class ClusterProveTest {
  private static final long SEED = 20261122;

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void mlpProvedOnTwoWorkersVerifiesLikeALocalRun() throws Exception {
    System.setProperty("hazelcast.local.localAddress", "127.0.0.1");
    byte[] onnx = ExampleModels.mlp(1, 6, 5, 4, 4, 3).toByteArray();
    Graph g = OnnxImporter.read(onnx, null, Map.of(), "mlp");
    List<Tensor> in = List.of(ExampleModels.input(2, g.inputs().get(0).shape()));
    QuantizedGraph q = ModelProver.quantize(g, in, null);
    SlicePlan plan = Strategy.perLayer().plan(q.graph(), new LoweredCost(q));
    assertTrue(plan.slices().size() >= 4, "need >= 4 slices, plan has " + plan.slices().size());
    ModelProver.Options o = ModelProver.Options.ofDevSrs(SEED).withQuant(q.plan()).withPlan(plan);
    ProofBundle local = ModelProver.setup(q, plan, o).statement();
    String cluster = "r-" + UUID.randomUUID();
    List<String> jvm = List.of("-Xmx512m", "-XX:+UseSerialGC");
    try (ClusterExecutor c = ClusterExecutor.connect(List.of("127.0.0.1:5971"), ClusterExecutor.Options.defaults()
            .withClusterName(cluster).withPort(5971).withHeartbeatSeconds(3).withSliceTimeout(Duration.ofSeconds(120))
            .withWorkerWait(Duration.ofSeconds(60)));
        WorkerProcess a = WorkerProcess.start(cluster, 5971, 5972, false, jvm);
        WorkerProcess bad = WorkerProcess.start(cluster, 5971, 5973, true, jvm)) {
      a.awaitJoined(90);
      bad.awaitJoined(90);
      List<String> notes = new CopyOnWriteArrayList<>();
      ClusterProve.Result r = ClusterProve.prove(c, onnx, g, in, o, new ClusterProve.SrsChoice(SEED, null), notes::add);
      VerificationResult v = BundleVerifier.verify(r.proved().bundle(), local.modelDigest(),
          io.kubz.poly.srs.Srs.dev(0, SEED), true); // anchored on the local run's digest
      assertTrue(v.valid(), v.reason());
      ProofBundle cb = r.proved().parsed();
      assertArrayEquals(local.modelDigest(), cb.modelDigest(), "same statement as a local run");
      assertEquals(local.slices().size(), cb.slices().size());
      for (int i = 0; i < local.slices().size(); i++) {
        assertArrayEquals(local.slices().get(i).verifyingKey(), cb.slices().get(i).verifyingKey(), "slice " + i + " key");
      }
      Set<String> workers = new HashSet<>();
      for (ClusterExecutor.Outcome out : r.outcomes()) {
        workers.add(out.worker());
        System.out.printf("slice %d on %s: attempts %d, worker %.1f ms, round trip %.1f ms, verify %.1f ms,"
            + " overhead %.1f ms%n", out.id(), out.worker(), out.attempts(), out.workerNanos() / 1e6,
            out.roundTripNanos() / 1e6, out.verifyNanos() / 1e6, out.overheadNanos() / 1e6);
      }
      assertEquals(Set.of(a.name()), workers, "only the honest worker's proofs are accepted");
      assertTrue(notes.stream().anyMatch(n -> n.contains(bad.name()) && n.contains("invalid")), notes.toString());
    }
  }
}
