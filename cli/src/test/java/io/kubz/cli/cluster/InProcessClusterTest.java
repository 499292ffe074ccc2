package io.kubz.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.cli.cluster.ClusterExecutor.Outcome;
import io.kubz.field.UsageException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Coordinator and one worker member in this JVM (fast): caching, capacity, address checks. */
class InProcessClusterTest {
  private static final byte[] CONTEXT = "ctx".getBytes(StandardCharsets.UTF_8);

  @BeforeAll
  static void loopback() {
    System.setProperty("hazelcast.local.localAddress", "127.0.0.1");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void contextPreparedOnceAndTooLargeJobsReported() throws Exception {
    String cluster = "t-" + UUID.randomUUID();
    List<String> log = new ArrayList<>();
    try (ClusterExecutor c = ClusterExecutor.connect(List.of("127.0.0.1:5951"), ClusterExecutor.Options.defaults()
            .withClusterName(cluster).withPort(5951).withHeartbeatSeconds(3).withWorkerWait(Duration.ofSeconds(2)));
        WorkerNode w = WorkerNode.start(cluster, "127.0.0.1:5951", 5952, 3, new Capacity(1, 12, 1L << 30), false,
            s -> { })) {
      c.publish("d", CONTEXT);
      List<Outcome> r = c.run(HashWork.jobs(5, "d", 5), HashWork.verifier(CONTEXT), ClusterExecutor.Listener.NONE);
      assertEquals(5, r.size());
      assertEquals(5, w.jobsRun());
      assertEquals(1, w.preparations(), "one context, prepared once");
      for (Outcome o : r) {
        assertEquals(w.address(), o.worker());
        assertTrue(o.roundTripNanos() >= o.workerNanos() && o.overheadNanos() >= 0);
      }
      List<ClusterJob> big = List.of(HashWork.job(0, "d", 1, 14));
      ClusterException e = assertThrows(ClusterException.class,
          () -> c.run(big, HashWork.verifier(CONTEXT), ClusterExecutor.Listener.NONE));
      assertTrue(e.getMessage().contains("no worker can take slice 0 (2^14 rows"), e.getMessage());
      assertTrue(e.getMessage().contains("--max-rows"), e.getMessage());
      ClusterExecutor.Verifier never = (j, b) -> false;
      ClusterException bad = assertThrows(ClusterException.class,
          () -> c.run(HashWork.jobs(1, "d", 1), never, ClusterExecutor.Listener.NONE));
      assertTrue(bad.getMessage().contains("every worker was dropped") || bad.getMessage().contains("attempts"),
          bad.getMessage());
      log.add(bad.getMessage());
    }
  }

  @Test
  void memberListsAreExplicit() {
    assertEquals(List.of("127.0.0.1:5701", "h:5702"), Members.parseList("127.0.0.1:5701, h:5702"));
    assertThrows(UsageException.class, () -> Members.parseList("127.0.0.1:5701-5705"));
    assertThrows(UsageException.class, () -> Members.parseList("127.0.0.1"));
    assertThrows(UsageException.class, () -> Members.parseList(","));
  }
}
