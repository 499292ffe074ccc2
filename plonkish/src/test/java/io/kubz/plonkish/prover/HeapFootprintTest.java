package io.kubz.plonkish.prover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue #16, finding 7: columns are counted as the heap lays them out. */
class HeapFootprintTest {
  private static final long MIB = 1 << 20;

  @Test
  void g1GivesAColumnOfHalfARegionOrMoreWholeRegions() {
    long region = 4 * MIB;
    // the 2^17-row slice that ran a 6 GiB heap out: 4 MiB of values and a header take two 4 MiB regions
    assertEquals(8 * MIB, HeapFootprint.longs(4L << 17, region));
    assertEquals(12 * MIB, HeapFootprint.longs(4L << 18, region), "8 MiB + header: three regions");
    assertEquals(4 * MIB, HeapFootprint.longs(4L << 16, region), "2 MiB + header is humongous: one region");
    assertEquals(16 + 8L * (4 << 15), HeapFootprint.longs(4L << 15, region), "1 MiB: packed with others");
  }

  @Test
  void withoutRegionsArraysArePacked() {
    assertEquals(16, HeapFootprint.longs(0, 0));
    assertEquals(24, HeapFootprint.longs(1, 0));
    assertEquals(16 + 32L * 1024 + 32, HeapFootprint.longs(4 * 1025, 0), "a quotient piece of n + 1 elements");
  }

  /** In this JVM, the heap that 64 columns really take is what the footprint says, within 10 %. */
  @Test
  void theFootprintIsWhatTheHeapTakes() {
    int n = 1 << 15;
    long before = live();
    long[][] cols = new long[64][];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = new long[4 * n];
      cols[i][i] = i;
    }
    long taken = live() - before;
    long counted = 64 * HeapFootprint.column(n);
    assertTrue(taken <= counted * 11 / 10 && taken >= counted * 9 / 10,
        "64 columns of 2^15 elements took " + taken + " bytes, counted " + counted);
    assertEquals(63, cols[63][63]);
  }

  static long live() {
    Runtime r = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return r.totalMemory() - r.freeMemory();
  }
}
