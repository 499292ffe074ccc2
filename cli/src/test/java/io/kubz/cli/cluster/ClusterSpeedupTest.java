package io.kubz.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubz.cli.cluster.ClusterExecutor.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Measurement, not a check (run with -Dkubz.perf=true): the same CPU-bound jobs on 1 worker JVM
 * with 1 thread and on 2 worker JVMs with 1 thread each; prints the speed-up and the coordinator's
 * overhead per job (round trip minus the worker's own time). The result check here is a length
 * check (recomputing the chain would cost the coordinator as much as the work).
 */
@Tag("perf")
class ClusterSpeedupTest {
  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void oneWorkerVersusTwo() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("kubz.perf"), "measurement: run with -Dkubz.perf=true");
    System.setProperty("hazelcast.local.localAddress", "127.0.0.1");
    String cluster = "p-" + UUID.randomUUID();
    int jobs = Integer.getInteger("kubz.perf.jobs", 8);
    int iterations = Integer.getInteger("kubz.perf.iterations", 1_500_000);
    ClusterExecutor.Verifier lengthOnly = (j, r) -> r.length == 32;
    try (ClusterExecutor c = ClusterExecutor.connect(List.of("127.0.0.1:5961"), ClusterExecutor.Options.defaults()
            .withClusterName(cluster).withPort(5961).withHeartbeatSeconds(5).withWorkerWait(Duration.ofSeconds(30)));
        WorkerProcess a = WorkerProcess.start(cluster, 5961, 5962, false)) {
      c.publish("burn", new byte[] {1, 2, 3});
      a.awaitJoined(60);
      c.run(BurnWork.jobs(2, "burn", iterations), lengthOnly, ClusterExecutor.Listener.NONE); // warm-up
      long t0 = System.nanoTime();
      List<Outcome> one = c.run(BurnWork.jobs(jobs, "burn", iterations), lengthOnly, ClusterExecutor.Listener.NONE);
      long oneNanos = System.nanoTime() - t0;
      try (WorkerProcess b = WorkerProcess.start(cluster, 5961, 5963, false)) {
        b.awaitJoined(60);
        c.run(BurnWork.jobs(4, "burn", iterations), lengthOnly, ClusterExecutor.Listener.NONE); // warm-up b
        t0 = System.nanoTime();
        List<Outcome> two = c.run(BurnWork.jobs(jobs, "burn", iterations), lengthOnly, ClusterExecutor.Listener.NONE);
        long twoNanos = System.nanoTime() - t0;
        assertEquals(jobs, two.size());
        report("1 worker x 1 thread", one, oneNanos);
        report("2 workers x 1 thread", two, twoNanos);
        System.out.printf("speed-up %.2fx (%d jobs; CPU shared with other processes)%n",
            (double) oneNanos / twoNanos, jobs);
      }
    }
  }

  private static void report(String what, List<Outcome> r, long wall) {
    double work = r.stream().mapToLong(Outcome::workerNanos).average().orElse(0) / 1e6;
    double over = r.stream().mapToLong(Outcome::overheadNanos).average().orElse(0) / 1e6;
    double maxOver = r.stream().mapToLong(Outcome::overheadNanos).max().orElse(0) / 1e6;
    System.out.printf("%s: wall %.2f s, per job: worker %.1f ms, coordinator overhead mean %.2f ms max %.2f ms%n",
        what, wall / 1e9, work, over, maxOver);
  }
}
