package io.kubz.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times the stages of a run and records each stage's peak memory, for the table every command
 * prints at its end and for {@code --json}.
 *
 * <p>Peak memory is the process's peak resident set (Linux {@code VmHWM}), reset at the start of
 * each stage by writing 5 to {@code /proc/self/clear_refs}; where that is unavailable it falls back
 * to the peak of the Java heap pools (reset per stage through the memory MXBeans).
 */
public final class StageTable {
  /** One finished stage. */
  public record Stage(String name, double seconds, long peakBytes) {}

  private final List<Stage> stages = new ArrayList<>();

  /** Runs one stage, recording its wall time and peak memory. */
  public <T> T run(String name, Supplier<T> body) {
    resetPeak();
    long t0 = System.nanoTime();
    try {
      return body.get();
    } finally {
      stages.add(new Stage(name, (System.nanoTime() - t0) / 1e9, peakBytes()));
    }
  }

  public void run(String name, Runnable body) {
    run(name, () -> {
      body.run();
      return null;
    });
  }

  /** Records a stage timed elsewhere (the prover's own stages). */
  public synchronized void record(String name, double seconds, long peakBytes) {
    stages.add(new Stage(name, seconds, peakBytes));
  }

  public List<Stage> stages() {
    return List.copyOf(stages);
  }

  /** The stages as a plain-text table: stage, wall time, peak memory, and a total row. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    int w = "total".length();
    for (Stage s : stages) {
      w = Math.max(w, s.name().length());
    }
    String fmt = "%-" + w + "s  %10s  %12s%n";
    sb.append(String.format(Locale.ROOT, fmt, "stage", "wall", "peak memory"));
    double total = 0;
    long peak = 0;
    for (Stage s : stages) {
      sb.append(String.format(Locale.ROOT, fmt, s.name(), seconds(s.seconds()), bytes(s.peakBytes())));
      total += s.seconds();
      peak = Math.max(peak, s.peakBytes());
    }
    sb.append(String.format(Locale.ROOT, fmt, "total", seconds(total), bytes(peak)));
    return sb.toString();
  }

  /** The stages for JSON output. */
  public List<Map<String, Object>> toJson() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Stage s : stages) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("stage", s.name());
      m.put("seconds", s.seconds());
      m.put("peak_bytes", s.peakBytes());
      out.add(m);
    }
    return out;
  }

  static String seconds(double s) {
    return s < 1 ? String.format(Locale.ROOT, "%.0f ms", s * 1e3) : String.format(Locale.ROOT, "%.2f s", s);
  }

  static String bytes(long b) {
    if (b < 0) {
      return "n/a";
    }
    double mib = b / (1024.0 * 1024.0);
    return mib < 1024 ? String.format(Locale.ROOT, "%.0f MiB", mib)
        : String.format(Locale.ROOT, "%.2f GiB", mib / 1024);
  }

  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
  private static final Path STATUS = Path.of("/proc/self/status");

  static void resetPeak() {
    try {
      Files.writeString(CLEAR_REFS, "5");
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not permitted: the heap pools' peaks are used instead.
    }
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Peak resident set since the last reset, or the heap pools' peak where /proc is unavailable. */
  static long peakBytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmHWM:")) {
          String[] parts = line.trim().split("\\s+");
          return Long.parseLong(parts[1]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through to the heap peak
    }
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
