package io.kubz.bench.peers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Wall-clock timing of repeated runs, as the node scripts do it: untimed warm-up, then medians. */
final class Timing {
  private Timing() {}

  /** Milliseconds of each of {@code reps} timed runs of {@code body}, after {@code warmup} untimed runs. */
  static List<Double> reps(int warmup, int reps, Runnable body) {
    for (int i = 0; i < warmup; i++) {
      body.run();
    }
    List<Double> ms = new ArrayList<>(reps);
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      body.run();
      ms.add((System.nanoTime() - t0) / 1e6);
    }
    return ms;
  }

  static double median(List<Double> xs) {
    double[] s = xs.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  /** Peak resident set size of this process in MiB (VmHWM), or -1 where /proc is absent. */
  static long peakRssMb() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
