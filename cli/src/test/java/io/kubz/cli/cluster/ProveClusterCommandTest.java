package io.kubz.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.cli.Kubz;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.onnx.ExampleModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubz prove --cluster} as a user runs it: the command in this JVM is the coordinator, two
 * {@code kubz worker} JVMs on loopback, started first, prove a 4-slice MLP, and {@code kubz verify} accepts the
 * bundle; with no worker the command fails with exit 3 and the hint within its bounded wait.
 */
@Tag("cluster")
class ProveClusterCommandTest {
  @TempDir static Path dir;
  static Path model;
  static Path input;

  record Run(int code, String out, String err) {}

  static Run kubz(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Kubz.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void files() throws IOException {
    System.setProperty("hazelcast.local.localAddress", "127.0.0.1");
    model = dir.resolve("mlp.onnx");
    Files.write(model, ExampleModels.mlp(1, 6, 5, 4, 4, 3).toByteArray());
    Tensor x = ExampleModels.input(2, 1, 6);
    input = dir.resolve("input.json");
    Files.writeString(input, Json.write(Map.of("input_data", List.of(Arrays.stream(x.data()).boxed().toList()))));
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void twoWorkersProveABundleThatVerifies() throws Exception {
    String cluster = "c-" + UUID.randomUUID();
    Path bundle = dir.resolve("cluster.kubz");
    List<String> jvm = List.of("-Xmx512m", "-XX:+UseSerialGC");
    try (WorkerProcess a = WorkerProcess.start(cluster, 5981, 5982, false, jvm);
        WorkerProcess b = WorkerProcess.start(cluster, 5981, 5983, false, jvm)) {
      a.awaitJoined(90); // started before the coordinator, as in the README: each is a cluster of its own
      b.awaitJoined(90); // until it finds the coordinator at the address it lists, and merges
      Run r = kubz("prove", model.toString(), "--input", input.toString(), "--dev-srs", "--cluster", "127.0.0.1:5981",
          "--cluster-port", "5981", "--cluster-name", cluster, "--heartbeat-seconds", "3", "--worker-wait", "60s",
          "--slice-timeout", "90s", "--json", "--out", bundle.toString());
      assertEquals(0, r.code(), r.err() + "\nworker logs:\n" + Files.readString(a.log) + Files.readString(b.log));
      Map<String, Object> json = Json.asObject(Json.parse(r.out()), "prove --json");
      List<Object> slices = Json.asArray(json.get("slices"), "slices");
      assertTrue(slices.size() >= 4, "need >= 4 slices, got " + slices.size());
      Map<String, Object> c = Json.asObject(json.get("cluster"), "cluster");
      List<Object> proved = Json.asArray(c.get("slices"), "cluster slices");
      assertEquals(slices.size(), proved.size());
      Set<String> workers = new HashSet<>();
      for (Object o : proved) {
        Map<String, Object> m = Json.asObject(o, "slice");
        workers.add((String) m.get("worker"));
        assertTrue(((Number) m.get("verify_seconds")).doubleValue() > 0, "the coordinator verified " + m);
      }
      assertTrue(Set.of(a.name(), b.name()).containsAll(workers), workers.toString());
      Run v = kubz("verify", bundle.toString(), "--model", model.toString(), "--dev-srs");
      assertEquals(0, v.code(), v.out() + v.err());
    }
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void noWorkersFailsWithAHintWithinTheWait() {
    long t0 = System.nanoTime();
    Run r = kubz("prove", model.toString(), "--input", input.toString(), "--dev-srs", "--cluster", "127.0.0.1:5986",
        "--cluster-port", "5986", "--cluster-name", "n-" + UUID.randomUUID(), "--worker-wait", "3s",
        "--out", dir.resolve("none.kubz").toString());
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(3, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("no kubz worker joined the cluster within 3 s")
        && r.err().contains("kubz worker --join 127.0.0.1:5986"), r.err());
    assertTrue(seconds < 60, "failed after " + seconds + " s");
    assertTrue(!Files.exists(dir.resolve("none.kubz")), "no bundle is written");
  }

  @Test
  void clusterOptionsNeedCluster() {
    Run r = kubz("prove", model.toString(), "--input", input.toString(), "--dev-srs", "--slice-timeout", "5m",
        "--out", dir.resolve("x.kubz").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--slice-timeout needs --cluster"), r.err());
    Run bad = kubz("prove", model.toString(), "--input", input.toString(), "--dev-srs", "--cluster", "127.0.0.1:5987",
        "--slice-timeout", "soon", "--out", dir.resolve("x.kubz").toString());
    assertEquals(2, bad.code(), bad.err());
    assertTrue(bad.err().contains("--slice-timeout takes a positive duration"), bad.err());
  }
}
