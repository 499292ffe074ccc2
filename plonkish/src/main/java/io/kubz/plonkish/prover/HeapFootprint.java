package io.kubz.plonkish.prover;

import java.lang.management.ManagementFactory;

/**
 * The heap a {@code long[]} really takes in this JVM. With the G1 collector (the default) an array
 * of at least half a heap region is <em>humongous</em>: it gets whole regions to itself, so a
 * column of n field elements (32·n bytes plus the 16-byte header) takes twice its size when 32·n is
 * a region or half of one, and 1.5 times when it is two: measured on a 2^17-row slice (4 MiB
 * columns, 4 MiB regions of a 6 GiB heap), every column took 8 MiB. Memory estimates count columns
 * with {@link #longs(long)}.
 */
public final class HeapFootprint {
  /** G1's region size in bytes, or 0 when another collector runs (arrays are then packed). */
  private static final long REGION = region();

  private HeapFootprint() {}

  /** Bytes a {@code long[length]} occupies: header, values, and the unusable rest of its regions. */
  public static long longs(long length) {
    return longs(length, REGION);
  }

  /** As {@link #longs(long)} with G1 regions of {@code region} bytes (0: packed, no regions). */
  static long longs(long length, long region) {
    long bytes = (16 + 8 * length + 7) & ~7L;
    if (region > 0 && 2 * bytes >= region) {
      return (bytes + region - 1) / region * region;
    }
    return bytes;
  }

  /** Bytes of one column of {@code n} field elements (4 limbs each). */
  public static long column(long n) {
    return longs(4 * n);
  }

  /** G1's region size in bytes, or 0 when G1 does not run or cannot be asked (then no rounding). */
  static long regionBytes() {
    return REGION;
  }

  private static long region() {
    try {
      com.sun.management.HotSpotDiagnosticMXBean hs =
          ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
      if (hs == null || !Boolean.parseBoolean(hs.getVMOption("UseG1GC").getValue())) {
        return 0;
      }
      return Long.parseLong(hs.getVMOption("G1HeapRegionSize").getValue());
    } catch (RuntimeException | LinkageError e) {
      return 0;
    }
  }
}
