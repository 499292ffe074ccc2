package io.kubz.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {
  private final int saved = Parallel.threads();

  @AfterEach
  void restore() {
    Parallel.setThreads(saved);
  }

  @Property(tries = 150)
  void forRangeCoversEveryIndexOnce(@ForAll @IntRange(min = -50, max = 50) int from,
      @ForAll @IntRange(min = 0, max = 700) int len, @ForAll @IntRange(min = 1, max = 6) int threads,
      @ForAll @IntRange(min = 0, max = 40) int minChunk) {
    try {
      Parallel.setThreads(threads);
      AtomicIntegerArray hits = new AtomicIntegerArray(len);
      if (minChunk == 0) {
        Parallel.forRange(from, from + len, (lo, hi) -> mark(hits, from, lo, hi));
      } else {
        Parallel.forRange(from, from + len, minChunk, (lo, hi) -> {
          assertTrue(hi - lo >= Math.min(minChunk, len), "chunk smaller than minChunk");
          mark(hits, from, lo, hi);
        });
      }
      for (int i = 0; i < len; i++) {
        assertEquals(1, hits.get(i), "index " + (from + i));
      }
    } finally {
      Parallel.setThreads(saved);
    }
  }

  @Property(tries = 150)
  void forChunksIsExactAndOrdered(@ForAll @IntRange(min = -20, max = 20) int from,
      @ForAll @IntRange(min = 0, max = 300) int len, @ForAll @IntRange(min = 1, max = 5) int threads,
      @ForAll @IntRange(min = -1, max = 40) int chunks) {
    try {
      Parallel.setThreads(threads);
      AtomicIntegerArray hits = new AtomicIntegerArray(len);
      ConcurrentHashMap<Integer, int[]> seen = new ConcurrentHashMap<>();
      int used = Parallel.forChunks(from, from + len, chunks, (c, lo, hi) -> {
        assertTrue(seen.put(c, new int[] {lo, hi}) == null, "chunk " + c + " ran twice");
        mark(hits, from, lo, hi);
      });
      assertEquals(len == 0 ? 0 : Math.min(Math.max(1, chunks), len), used);
      assertEquals(used, seen.size());
      int next = from;
      for (int c = 0; c < used; c++) {
        int[] r = seen.get(c);
        assertEquals(next, r[0], "chunks are contiguous and in index order");
        assertTrue(r[1] > r[0], "no empty chunk");
        next = r[1];
      }
      if (used > 0) {
        assertEquals(from + len, next);
      }
      for (int i = 0; i < len; i++) {
        assertEquals(1, hits.get(i));
      }
    } finally {
      Parallel.setThreads(saved);
    }
  }

  private static void mark(AtomicIntegerArray hits, int from, int lo, int hi) {
    for (int i = lo; i < hi; i++) {
      hits.incrementAndGet(i - from);
    }
  }

  @Test
  void nestedCallsDoNotDeadlock() {
    Parallel.setThreads(2);
    AtomicLong sum = new AtomicLong();
    assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
        Parallel.forRange(0, 64, (a, b) -> {
          for (int i = a; i < b; i++) {
            int base = i * 64;
            Parallel.forRange(0, 64, (c, d) -> {
              for (int j = c; j < d; j++) {
                long v = base + j;
                Parallel.forChunks(0, 2, 2, (k, e, f) -> sum.addAndGet(v));
              }
            });
          }
        }));
    assertEquals(2L * (64 * 64) * (64 * 64 - 1) / 2, sum.get());
  }

  @Test
  void runsOnWorkersWhenParallelAndInlineWhenSingle() {
    Parallel.setThreads(3);
    ConcurrentHashMap<String, Boolean> names = new ConcurrentHashMap<>();
    Parallel.forChunks(0, 3, 3, (c, a, b) -> names.put(Thread.currentThread().getName(), true));
    assertTrue(names.keySet().stream().allMatch(n -> n.startsWith("kubz-worker-")), names.toString());
    Parallel.setThreads(1);
    names.clear();
    Parallel.forChunks(0, 8, 8, (c, a, b) -> names.put(Thread.currentThread().getName(), true));
    assertEquals(java.util.Set.of(Thread.currentThread().getName()), names.keySet());
  }

  @Test
  void exceptionsReachTheCaller() {
    Parallel.setThreads(2);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Parallel.forRange(0, 100, (a, b) -> {
          if (a <= 57 && 57 < b) {
            throw new IllegalStateException("boom at 57");
          }
        }));
    assertTrue(e.getMessage().contains("boom"));
    assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
  }
}
