package io.kubz.slicer.exec;

import io.kubz.field.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Proves slices on a thread pool of this machine, several at a time, admitting a slice only when
 * the sum of the peak-memory estimates of the slices in flight plus its own fits the budget. Jobs
 * start in order (a fair semaphore over the budget in KiB), so a large slice is not starved by small
 * ones behind it; a slice that alone exceeds the budget is refused before anything starts.
 */
public final class LocalExecutor implements SliceExecutor {
  private final int threads;
  private final long budgetBytes;

  /**
   * @param threads slices proved at the same time (each prover also parallelises inside)
   * @param budgetBytes memory the slices in flight may take together
   */
  public LocalExecutor(int threads, long budgetBytes) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (budgetBytes < 1) {
      throw new IllegalArgumentException("memory budget must be positive, got " + budgetBytes);
    }
    this.threads = threads;
    this.budgetBytes = budgetBytes;
  }

  /** One slice at a time, with the heap this JVM may still grow to as the budget. */
  public static LocalExecutor defaults() {
    return new LocalExecutor(1, Runtime.getRuntime().maxMemory());
  }

  public int threads() {
    return threads;
  }

  public long budgetBytes() {
    return budgetBytes;
  }

  @Override
  public List<SliceResult> execute(List<SliceJob> jobs, SliceProver local, Listener listener) {
    for (SliceJob j : jobs) {
      if (j.peakBytes() > budgetBytes) {
        throw new BadInputException("slice " + j.sliceId() + " needs about " + mib(j.peakBytes())
            + " MiB to prove (2^" + j.k() + " rows), more than the memory budget of " + mib(budgetBytes)
            + " MiB: slice finer (--max-rows K, e.g. " + Math.max(4, j.k() - 1) + ", or --max-memory SIZE) or give"
            + " the JVM about " + mib(heapNeeded(j.peakBytes())) + " MiB of heap (KUBZ_JAVA_OPTS=-Xmx"
            + mib(heapNeeded(j.peakBytes())) + "m)");
      }
    }
    int budgetKib = (int) Math.min(Integer.MAX_VALUE, budgetBytes >> 10);
    Semaphore memory = new Semaphore(budgetKib, true);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, jobs.size())), r -> {
      Thread t = new Thread(r, "kubz-slice");
      t.setDaemon(true);
      return t;
    });
    List<Future<SliceResult>> futures = new ArrayList<>();
    try {
      for (SliceJob j : jobs) {
        int need = (int) Math.min(budgetKib, Math.max(1, (j.peakBytes() + 1023) >> 10));
        memory.acquire(need);
        futures.add(pool.submit(() -> {
          try {
            listener.started(j.sliceId(), "local");
            long t0 = System.nanoTime();
            byte[] proof = local.prove(j);
            long nanos = System.nanoTime() - t0;
            listener.finished(j.sliceId(), "local", nanos);
            return new SliceResult(j.sliceId(), proof, nanos, "local");
          } finally {
            memory.release(need);
          }
        }));
      }
      List<SliceResult> out = new ArrayList<>();
      for (Future<SliceResult> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while proving slices", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("a slice prover failed", c);
    } finally {
      futures.forEach(f -> f.cancel(true));
      pool.shutdownNow();
    }
  }

  /**
   * The heap (-Xmx) under which a slice of {@code peak} bytes fits this executor's budget, when the
   * budget is the heap less a fixed share (as the default, {@code Strategy.provingHeap()}): the
   * same share on top of the slice.
   */
  private long heapNeeded(long peak) {
    long heap = Runtime.getRuntime().maxMemory();
    if (budgetBytes >= heap) {
      return peak;
    }
    return (long) Math.ceil((double) peak * heap / budgetBytes);
  }

  private static long mib(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }
}
