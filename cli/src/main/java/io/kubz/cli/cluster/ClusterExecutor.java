package io.kubz.cli.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The coordinator's side of a cluster: a Hazelcast member that publishes contexts to the cluster
 * cache and runs a set of jobs on the workers ({@link Dispatch}), verifying every result.
 */
public final class ClusterExecutor implements AutoCloseable {
  private final HazelcastInstance hz;
  private final Options options;
  private final Map<String, byte[]> published = new ConcurrentHashMap<>();

  /**
   * @param clusterName the cluster's name (workers must use the same)
   * @param port the port this coordinator listens on; 0 for 5701 and up
   * @param sliceTimeout how long one attempt of one job may take before it is given to another worker
   * @param workerWait how long to wait for a (suitable) worker before failing
   * @param maxAttempts attempts per job before the run fails
   * @param heartbeatSeconds seconds without heartbeat before a member counts as gone
   */
  public record Options(String clusterName, int port, Duration sliceTimeout, Duration workerWait, int maxAttempts,
      int heartbeatSeconds) {
    public static Options defaults() {
      return new Options(Members.DEFAULT_CLUSTER, 0, Duration.ofMinutes(30), Duration.ofSeconds(60), 6, 10);
    }

    public Options withClusterName(String n) {
      return new Options(n, port, sliceTimeout, workerWait, maxAttempts, heartbeatSeconds);
    }

    public Options withPort(int p) {
      return new Options(clusterName, p, sliceTimeout, workerWait, maxAttempts, heartbeatSeconds);
    }

    public Options withSliceTimeout(Duration d) {
      return new Options(clusterName, port, d, workerWait, maxAttempts, heartbeatSeconds);
    }

    public Options withWorkerWait(Duration d) {
      return new Options(clusterName, port, sliceTimeout, d, maxAttempts, heartbeatSeconds);
    }

    public Options withHeartbeatSeconds(int s) {
      return new Options(clusterName, port, sliceTimeout, workerWait, maxAttempts, s);
    }
  }

  /** Accepts or rejects a worker's result (workers are not trusted). Must not throw. */
  @FunctionalInterface
  public interface Verifier {
    boolean accept(ClusterJob job, byte[] result);
  }

  /** Per-worker progress. Called from the coordinator's dispatch thread. */
  public interface Listener {
    Listener NONE = new Listener() {};

    default void started(int jobId, String worker, int attempt) {}

    default void finished(int jobId, String worker, long nanos) {}

    default void rejected(int jobId, String worker, String reason) {}
  }

  /**
   * A verified result.
   *
   * @param roundTripNanos from sending the job to receiving its result
   * @param workerNanos the worker's own time running it
   * @param verifyNanos the coordinator's time verifying it
   */
  public record Outcome(int id, byte[] result, String worker, int attempts, long roundTripNanos, long workerNanos,
      long verifyNanos) {
    /** Coordinator overhead: sending, receiving and verifying, beyond the worker's run time. */
    public long overheadNanos() {
      return Math.max(0, roundTripNanos - workerNanos) + verifyNanos;
    }
  }

  private ClusterExecutor(HazelcastInstance hz, Options options) {
    this.hz = hz;
    this.options = options;
  }

  /** Joins (or starts) the cluster through {@code members} (HOST:PORT each) as the coordinator. */
  public static ClusterExecutor connect(List<String> members, Options o) {
    Members.Net net = new Members.Net(o.clusterName(), members, o.port(), o.heartbeatSeconds());
    return new ClusterExecutor(Members.start(net, Map.of(Capacity.ROLE, "coordinator"), 1), o);
  }

  /** Puts a context into the cluster cache under its digest (republished if a member leaves). */
  public void publish(String digest, byte[] context) {
    published.put(digest, context);
    cache().set(digest, context);
  }

  /** Runs every job on the workers; returns the verified outcomes in job order, or throws. */
  public List<Outcome> run(List<ClusterJob> jobs, Verifier verifier, Listener listener) {
    return new Dispatch(this, jobs, verifier, listener).run();
  }

  /** The worker members now in the cluster, with their capacity. */
  public Map<Member, Capacity> workers() {
    Map<Member, Capacity> out = new java.util.LinkedHashMap<>();
    for (Member m : hz.getCluster().getMembers()) {
      Capacity c = Capacity.of(m);
      if (c != null && !m.localMember()) {
        out.put(m, c);
      }
    }
    return out;
  }

  /**
   * Waits (at most {@code workerWait}) until at least one worker has joined; returns the workers.
   *
   * @throws ClusterException when none joined in time, saying how to start one
   */
  public Map<Member, Capacity> awaitWorkers() {
    long end = System.nanoTime() + options.workerWait().toNanos();
    while (true) {
      Map<Member, Capacity> w = workers();
      if (!w.isEmpty()) {
        return w;
      }
      if (System.nanoTime() - end > 0) {
        throw new ClusterException(noWorkers(options.workerWait(), address()));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClusterException("interrupted while waiting for workers");
      }
    }
  }

  /** This coordinator's address as HOST:PORT. */
  public String address() {
    var a = hz.getCluster().getLocalMember().getAddress();
    return a.getHost() + ":" + a.getPort();
  }

  static String noWorkers(Duration wait, String coordinator) {
    return "no kubz worker joined the cluster within " + wait.toSeconds() + " s: start one in another terminal"
        + " with `kubz worker --join " + coordinator + "` (same cluster name), or prove without --cluster";
  }

  /** Re-puts any published context the cache lost (a member holding it died). */
  void republish() {
    IMap<String, byte[]> c = cache();
    List<String> missing = new ArrayList<>();
    for (String d : published.keySet()) {
      if (!c.containsKey(d)) {
        missing.add(d);
      }
    }
    missing.forEach(d -> c.set(d, published.get(d)));
  }

  HazelcastInstance hazelcast() {
    return hz;
  }

  Options options() {
    return options;
  }

  private IMap<String, byte[]> cache() {
    return hz.getMap(Members.CACHE);
  }

  @Override
  public void close() {
    hz.shutdown();
  }
}
