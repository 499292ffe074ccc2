package io.kubz.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.cli.cluster.ClusterExecutor.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The coordinator in this JVM, workers as separate {@code kubz worker} JVMs on loopback. Ports
 * 5911+ (distinct per test), a fresh cluster name per test, every process destroyed in finally.
 */
@Tag("cluster")
class ClusterProcessTest {
  private static final byte[] CONTEXT = "model+plan+keys".getBytes(StandardCharsets.UTF_8);
  private static final String DIGEST = "ctx-1";

  @BeforeAll
  static void loopback() {
    System.setProperty("hazelcast.local.localAddress", "127.0.0.1");
  }

  private static ClusterExecutor coordinator(String cluster, int port, int waitSeconds) {
    ClusterExecutor c = ClusterExecutor.connect(List.of("127.0.0.1:" + port),
        ClusterExecutor.Options.defaults().withClusterName(cluster).withPort(port).withHeartbeatSeconds(3)
            .withSliceTimeout(Duration.ofSeconds(30)).withWorkerWait(Duration.ofSeconds(waitSeconds)));
    c.publish(DIGEST, CONTEXT);
    return c;
  }

  private static void assertAllVerified(List<Outcome> r, int n) throws Exception {
    assertEquals(n, r.size());
    var v = HashWork.verifier(CONTEXT);
    for (int i = 0; i < n; i++) {
      assertNotNull(r.get(i), "job " + i);
      assertEquals(i, r.get(i).id());
      assertTrue(v.accept(HashWork.job(i, DIGEST, 0, 10), r.get(i).result()), "job " + i);
    }
  }

  /** Records who was given what and what was rejected. */
  private static final class Events implements ClusterExecutor.Listener {
    final Set<String> started = ConcurrentHashMap.newKeySet();
    final Set<String> rejected = ConcurrentHashMap.newKeySet();
    volatile Runnable onFirstStart;
    volatile String trigger;

    @Override
    public void started(int job, String worker, int attempt) {
      started.add(worker);
      Runnable r = onFirstStart;
      if (r != null && worker.equals(trigger)) {
        onFirstStart = null;
        r.run();
      }
    }

    @Override
    public void rejected(int job, String worker, String reason) {
      rejected.add(worker + ": " + reason);
    }
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void jobsCompleteOnTwoWorkersAndALateJoinerGetsWork() throws Exception {
    String cluster = "t-" + UUID.randomUUID();
    try (ClusterExecutor c = coordinator(cluster, 5911, 20); WorkerProcess a = WorkerProcess.start(cluster, 5911, 5912, false)) {
      a.awaitJoined(40);
      WorkerProcess[] late = new WorkerProcess[1];
      try {
        Events ev = new Events();
        ev.trigger = a.name();
        ev.onFirstStart = () -> { // the run has begun (job 0 is on a): only now start the late worker
          try {
            late[0] = WorkerProcess.start(cluster, 5911, 5913, false);
            late[0].awaitJoined(40);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        };
        List<Outcome> r = c.run(HashWork.jobs(8, DIGEST, 500), HashWork.verifier(CONTEXT), ev);
        assertAllVerified(r, 8);
        long byLate = r.stream().filter(o -> o.worker().equals("127.0.0.1:5913")).count();
        assertTrue(byLate >= 1, "the late worker proved nothing: " + ev.started);
        assertTrue(r.stream().anyMatch(o -> o.worker().equals(a.name())));
      } finally {
        if (late[0] != null) {
          late[0].close();
        }
      }
    }
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void killedWorkersJobIsReassigned() throws Exception {
    String cluster = "t-" + UUID.randomUUID();
    try (ClusterExecutor c = coordinator(cluster, 5921, 20);
        WorkerProcess a = WorkerProcess.start(cluster, 5921, 5922, false);
        WorkerProcess b = WorkerProcess.start(cluster, 5921, 5923, false)) {
      a.awaitJoined(40);
      b.awaitJoined(40);
      Events ev = new Events();
      ev.trigger = b.name();
      ev.onFirstStart = () -> {
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        b.process.destroyForcibly();
      };
      List<Outcome> r = c.run(HashWork.jobs(4, DIGEST, 1500), HashWork.verifier(CONTEXT), ev);
      assertAllVerified(r, 4);
      assertTrue(r.stream().allMatch(o -> o.worker().equals(a.name())), "a killed worker cannot have proved");
      assertTrue(ev.rejected.stream().anyMatch(s -> s.startsWith(b.name()) && s.contains("left")), ev.rejected.toString());
    }
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void corruptWorkerIsDetectedAndDropped() throws Exception {
    String cluster = "t-" + UUID.randomUUID();
    try (ClusterExecutor c = coordinator(cluster, 5931, 20);
        WorkerProcess a = WorkerProcess.start(cluster, 5931, 5932, false);
        WorkerProcess bad = WorkerProcess.start(cluster, 5931, 5933, true)) {
      a.awaitJoined(40);
      bad.awaitJoined(40);
      Events ev = new Events();
      List<Outcome> r = c.run(HashWork.jobs(8, DIGEST, 150), HashWork.verifier(CONTEXT), ev);
      assertAllVerified(r, 8);
      assertTrue(r.stream().noneMatch(o -> o.worker().equals(bad.name())));
      assertTrue(ev.rejected.stream().anyMatch(s -> s.startsWith(bad.name()) && s.contains("invalid")), ev.rejected.toString());
      assertTrue(ev.started.contains(bad.name()), "the corrupt worker was never tried");
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void noWorkersFailsClearlyAfterABoundedWait() {
    String cluster = "t-" + UUID.randomUUID();
    try (ClusterExecutor c = coordinator(cluster, 5941, 2)) {
      long t0 = System.nanoTime();
      ClusterException e = assertThrows(ClusterException.class,
          () -> c.run(HashWork.jobs(4, DIGEST, 10), HashWork.verifier(CONTEXT), ClusterExecutor.Listener.NONE));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(e.getMessage().contains("no kubz worker joined"), e.getMessage());
      assertTrue(e.getMessage().contains("kubz worker --join"), e.getMessage());
      assertTrue(ms >= 1900 && ms < 10_000, "waited " + ms + " ms");
    }
  }
}
