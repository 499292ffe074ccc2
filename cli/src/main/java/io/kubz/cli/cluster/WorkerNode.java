package io.kubz.cli.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import java.util.function.Consumer;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker process's state: its Hazelcast member (advertising its {@link Capacity}), the
 * {@link WorkHandler}s on its classpath, and the prepared contexts (compiled circuits, keys), each
 * built once per digest from the cluster cache. Runs one job at a time, with its threads inside.
 *
 * <p>Test-only fault switch: with {@code corrupt} (the worker command sets it from the environment
 * variable {@value #CORRUPT_ENV}=1) every result has one byte flipped, so a coordinator must reject
 * it.
 */
public final class WorkerNode implements AutoCloseable {
  /** Environment variable of the test-only fault switch. */
  public static final String CORRUPT_ENV = "KUBZ_TEST_CORRUPT_PROOFS";
  private static final Map<String, WorkerNode> NODES = new ConcurrentHashMap<>();

  private final HazelcastInstance hz;
  private final Capacity capacity;
  private final boolean corrupt;
  private final Consumer<String> log;
  private final Map<String, WorkHandler> handlers = new HashMap<>();
  private final Map<String, FutureTask<Object>> prepared = new ConcurrentHashMap<>();
  private final AtomicInteger jobs = new AtomicInteger();
  private final AtomicInteger preparations = new AtomicInteger();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private WorkerNode(HazelcastInstance hz, Capacity capacity, boolean corrupt, Consumer<String> log) {
    this.hz = hz;
    this.capacity = capacity;
    this.corrupt = corrupt;
    this.log = log;
    hz.getLifecycleService().addLifecycleListener(e -> {
      if (e.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
        stopped.countDown();
      }
    });
    for (WorkHandler h : ServiceLoader.load(WorkHandler.class)) {
      handlers.put(h.kind(), h);
    }
  }

  /**
   * Starts a worker member that joins the cluster and advertises {@code capacity}.
   *
   * @param join HOST:PORT[,HOST:PORT...], every member listed explicitly
   * @param port the port to listen on; 0 for 5701 and up
   */
  public static WorkerNode start(String clusterName, String join, int port, int heartbeatSeconds, Capacity capacity,
      boolean corrupt, Consumer<String> log) {
    return start(new Members.Net(clusterName, Members.parseList(join), port, heartbeatSeconds), capacity, corrupt, log);
  }

  static WorkerNode start(Members.Net net, Capacity capacity, boolean corrupt, Consumer<String> log) {
    HazelcastInstance hz = Members.start(net, capacity.attributes(), 1);
    WorkerNode n = new WorkerNode(hz, capacity, corrupt, log);
    NODES.put(hz.getName(), n);
    return n;
  }

  /** The worker running in this member, or null. */
  static WorkerNode on(HazelcastInstance hz) {
    return hz == null ? null : NODES.get(hz.getName());
  }

  /** This worker's address as HOST:PORT. */
  public String address() {
    var a = hz.getCluster().getLocalMember().getAddress();
    return a.getHost() + ":" + a.getPort();
  }

  public int clusterSize() {
    return hz.getCluster().getMembers().size();
  }

  /** Jobs run so far and contexts prepared (compile + keygen) so far. */
  public int jobsRun() {
    return jobs.get();
  }

  public int preparations() {
    return preparations.get();
  }

  WorkResult run(ClusterJob job) throws Exception {
    WorkHandler h = handlers.get(job.kind());
    if (h == null) {
      throw new IllegalStateException("worker " + address() + " has no handler for jobs of kind " + job.kind());
    }
    if (!capacity.fits(job)) {
      throw new CapacityException("job " + job.id() + " (2^" + job.rowsLog2() + " rows, " + job.peakBytes()
          + " bytes) exceeds worker " + address() + " " + capacity);
    }
    long t0 = System.nanoTime();
    log.accept("worker " + address() + ": proving job " + job.id() + " (" + job.kind() + ")");
    Object p = prepared(h, job.contextDigest());
    byte[] out = h.run(p, job.payload(), capacity.threads());
    if (corrupt && out.length > 0) {
      out = out.clone();
      out[out.length / 2] ^= 1;
    }
    jobs.incrementAndGet();
    long nanos = System.nanoTime() - t0;
    log.accept("worker " + address() + ": job " + job.id() + " done in " + nanos / 1_000_000 + " ms");
    return new WorkResult(out, nanos, address());
  }

  private Object prepared(WorkHandler h, String digest) throws Exception {
    String key = h.kind() + "/" + digest;
    FutureTask<Object> t = new FutureTask<>(() -> {
      byte[] ctx = hz.<String, byte[]>getMap(Members.CACHE).get(digest);
      if (ctx == null) {
        throw new IllegalStateException("context " + digest + " is not in the cluster cache");
      }
      preparations.incrementAndGet();
      return h.prepare(ctx);
    });
    FutureTask<Object> prev = prepared.putIfAbsent(key, t);
    if (prev == null) {
      t.run();
      prev = t;
    }
    try {
      return prev.get(1, TimeUnit.HOURS);
    } catch (ExecutionException e) {
      prepared.remove(key, prev);
      throw e.getCause() instanceof Exception x ? x : e;
    }
  }

  /** Blocks until the member stops or {@code maxSeconds} pass (0: no limit); true if stopped. */
  public boolean await(long maxSeconds) throws InterruptedException {
    if (maxSeconds <= 0) {
      stopped.await();
      return true;
    }
    return stopped.await(maxSeconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    NODES.remove(hz.getName());
    try {
      hz.shutdown();
    } finally {
      stopped.countDown();
    }
  }
}
