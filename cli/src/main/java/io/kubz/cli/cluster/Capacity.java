package io.kubz.cli.cluster;

import com.hazelcast.cluster.Member;
import java.util.Map;

/**
 * What a worker advertises (as Hazelcast member attributes): how many jobs it runs at once, the
 * largest circuit it accepts (log2 rows) and its memory for proving.
 */
public record Capacity(int threads, int maxRowsLog2, long maxMemoryBytes) {
  static final String ROLE = "kubz.role";
  static final String WORKER = "worker";
  private static final String THREADS = "kubz.threads";
  private static final String ROWS = "kubz.maxRowsLog2";
  private static final String MEMORY = "kubz.maxMemory";

  public Capacity {
    if (threads < 1 || maxRowsLog2 < 1 || maxMemoryBytes < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + threads + ", " + maxRowsLog2 + ", "
          + maxMemoryBytes);
    }
  }

  /** The attributes a worker member carries. */
  Map<String, String> attributes() {
    return Map.of(ROLE, WORKER, THREADS, Integer.toString(threads), ROWS, Integer.toString(maxRowsLog2), MEMORY,
        Long.toString(maxMemoryBytes));
  }

  /** The capacity a member advertises, or null if it is not a well-formed worker. */
  static Capacity of(Member m) {
    if (!WORKER.equals(m.getAttribute(ROLE))) {
      return null;
    }
    try {
      return new Capacity(Integer.parseInt(m.getAttribute(THREADS)), Integer.parseInt(m.getAttribute(ROWS)),
          Long.parseLong(m.getAttribute(MEMORY)));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Whether a job of this size fits (unknown sizes, 0, always fit). */
  boolean fits(ClusterJob j) {
    return fits(j.rowsLog2(), j.peakBytes());
  }

  /** Whether a circuit of 2^rowsLog2 rows whose proving peaks at {@code peakBytes} fits. */
  public boolean fits(int rowsLog2, long peakBytes) {
    return rowsLog2 <= maxRowsLog2 && peakBytes <= maxMemoryBytes;
  }

  /** Orders workers strongest first: larger circuits, then more memory, then more threads. */
  public int compareStrength(Capacity o) {
    int c = Integer.compare(o.maxRowsLog2, maxRowsLog2);
    if (c == 0) {
      c = Long.compare(o.maxMemoryBytes, maxMemoryBytes);
    }
    return c != 0 ? c : Integer.compare(o.threads, threads);
  }
}
