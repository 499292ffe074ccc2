package io.kubz.field;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way kubz runs loops in parallel: a range [from, to) is cut into contiguous chunks that run
 * on a dedicated fork-join pool of {@link #threads()} daemon workers.
 *
 * <p>The thread count comes from {@code -Dkubz.threads}, else the environment variable
 * {@code KUBZ_THREADS}, else the number of available processors; {@link #setThreads} overrides it
 * (the CLI's {@code --threads}). With one thread, or a range that yields a single chunk, the body
 * runs on the calling thread. Nested calls are safe: a call made from inside a worker forks its
 * chunks into the same pool and joins them work-stealing style, so waiting workers keep executing
 * queued chunks instead of blocking. An exception thrown by the body propagates to the caller.
 */
public final class Parallel {
  /** A body over a sub-range [from, to). */
  @FunctionalInterface
  public interface Range {
    void run(int from, int to);
  }

  /** A body over chunk number {@code chunk}, covering [from, to). */
  @FunctionalInterface
  public interface Chunk {
    void run(int chunk, int from, int to);
  }

  private static final int CHUNKS_PER_THREAD = 4;
  private static volatile int threads = initialThreads();
  private static ForkJoinPool pool; // guarded by Parallel.class

  private Parallel() {}

  private static int initialThreads() {
    Integer n = parse(System.getProperty("kubz.threads"));
    if (n == null) {
      n = parse(System.getenv("KUBZ_THREADS"));
    }
    return n != null ? n : Runtime.getRuntime().availableProcessors();
  }

  /** A positive thread count, or null when absent or not a positive integer (then a default applies). */
  private static Integer parse(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(s.trim());
      return n > 0 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public static int threads() {
    return threads;
  }

  /**
   * Sets the worker count (the CLI's --threads). Meant for start-up: the previous pool finishes the
   * work it has and retires, and a call racing with it may be rejected.
   */
  public static synchronized void setThreads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + n);
    }
    if (n != threads) {
      threads = n;
      if (pool != null) {
        pool.shutdown();
        pool = null;
      }
    }
  }

  private static synchronized ForkJoinPool pool() {
    if (pool == null) {
      AtomicInteger ids = new AtomicInteger();
      pool = new ForkJoinPool(threads, p -> {
        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
        t.setName("kubz-worker-" + ids.incrementAndGet());
        t.setDaemon(true);
        return t;
      }, null, false);
    }
    return pool;
  }

  /** Runs body over [from, to) in about threads()·4 chunks. */
  public static void forRange(int from, int to, Range body) {
    forRange(from, to, 1, body);
  }

  /** Runs body over [from, to) in chunks of at least minChunk indices (about threads()·4 of them). */
  public static void forRange(int from, int to, int minChunk, Range body) {
    long n = (long) to - from;
    if (n <= 0) {
      return;
    }
    long byMin = n / Math.max(1, minChunk);
    int chunks = (int) Math.max(1, Math.min(byMin, (long) threads() * CHUNKS_PER_THREAD));
    forChunks(from, to, chunks, (c, lo, hi) -> body.run(lo, hi));
  }

  /**
   * Runs body over exactly min(chunks, to - from) contiguous chunks of near-equal size, numbered
   * from 0 in index order, and returns that count (so callers can size per-chunk partial results).
   */
  public static int forChunks(int from, int to, int chunks, Chunk body) {
    long n = (long) to - from;
    if (n <= 0) {
      return 0;
    }
    int k = (int) Math.min(Math.max(1, chunks), n);
    if (k == 1 || threads() == 1) {
      for (int c = 0; c < k; c++) {
        body.run(c, bound(from, n, k, c), bound(from, n, k, c + 1));
      }
      return k;
    }
    ChunkTask task = new ChunkTask(from, n, k, 0, k, body);
    ForkJoinPool p = pool();
    if (ForkJoinTask.getPool() == p) {
      task.invoke(); // nested: fork into our own pool and help while joining
    } else {
      p.invoke(task);
    }
    return k;
  }

  /** Start of chunk c when n indices from {@code from} are cut into k chunks. */
  private static int bound(int from, long n, int k, int c) {
    return (int) (from + n * c / k);
  }

  /** Splits the chunk interval [lo, hi) in halves until one chunk is left, then runs it. */
  private static final class ChunkTask extends RecursiveAction {
    private final int from;
    private final long n;
    private final int k;
    private final int lo;
    private final int hi;
    private final Chunk body;

    ChunkTask(int from, long n, int k, int lo, int hi, Chunk body) {
      this.from = from;
      this.n = n;
      this.k = k;
      this.lo = lo;
      this.hi = hi;
      this.body = body;
    }

    @Override
    protected void compute() {
      if (hi - lo == 1) {
        body.run(lo, bound(from, n, k, lo), bound(from, n, k, lo + 1));
        return;
      }
      int mid = (lo + hi) >>> 1;
      invokeAll(new ChunkTask(from, n, k, lo, mid, body), new ChunkTask(from, n, k, mid, hi, body));
    }
  }
}
