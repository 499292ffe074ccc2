package io.kubz.slicer.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalExecutorTest {

  static SliceJob job(int id, long bytes) {
    return new SliceJob(id, "d" + id, 10, bytes, Map.of("t", new long[] {id}), Map.of());
  }

  @Test
  void resultsComeBackInJobOrderAndRunInParallel() {
    List<SliceJob> jobs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      jobs.add(job(i, 1 << 20));
    }
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    List<SliceResult> r = new LocalExecutor(3, 1L << 30).execute(jobs, j -> {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      sleep(20 + 10 * (7 - j.sliceId()));
      inFlight.decrementAndGet();
      return new byte[] {(byte) j.sliceId()};
    }, new SliceExecutor.Listener() {
      @Override
      public void finished(int sliceId, String worker, long nanos) {
        finished.incrementAndGet();
      }
    });
    for (int i = 0; i < 8; i++) {
      assertEquals(i, r.get(i).sliceId());
      assertEquals(i, r.get(i).proof()[0]);
    }
    assertEquals(8, finished.get());
    assertTrue(maxInFlight.get() >= 2 && maxInFlight.get() <= 3, "in flight " + maxInFlight.get());
  }

  @Test
  void neverExceedsTheMemoryBudget() {
    long budget = 10L << 20;
    List<SliceJob> jobs = new ArrayList<>();
    long[] sizes = {6, 3, 5, 2, 8, 1, 4, 7};
    for (int i = 0; i < sizes.length; i++) {
      jobs.add(job(i, sizes[i] << 20));
    }
    AtomicLong used = new AtomicLong();
    AtomicLong peak = new AtomicLong();
    new LocalExecutor(4, budget).execute(jobs, j -> {
      peak.accumulateAndGet(used.addAndGet(j.peakBytes()), Math::max);
      sleep(15);
      used.addAndGet(-j.peakBytes());
      return new byte[0];
    }, SliceExecutor.Listener.NONE);
    assertTrue(peak.get() <= budget, "peak " + peak.get());
    assertTrue(peak.get() > 8L << 20, "some slices shared the budget: " + peak.get());
  }

  @Test
  void refusesASliceLargerThanTheBudgetBeforeStarting() {
    AtomicInteger ran = new AtomicInteger();
    BadInputException e = assertThrows(BadInputException.class, () -> new LocalExecutor(2, 4L << 20)
        .execute(List.of(job(0, 1 << 20), job(1, 5L << 20)), j -> {
          ran.incrementAndGet();
          return new byte[0];
        }, SliceExecutor.Listener.NONE));
    assertTrue(e.getMessage().contains("slice 1") && e.getMessage().contains("memory budget"), e.getMessage());
    assertEquals(0, ran.get());
  }

  @Test
  void aFailingSliceFailsTheRunWithItsOwnException() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new LocalExecutor(2, 1L << 30)
        .execute(List.of(job(0, 1), job(1, 1), job(2, 1)), j -> {
          if (j.sliceId() == 1) {
            throw new IllegalStateException("boom in slice 1");
          }
          return new byte[0];
        }, SliceExecutor.Listener.NONE));
    assertEquals("boom in slice 1", e.getMessage());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
