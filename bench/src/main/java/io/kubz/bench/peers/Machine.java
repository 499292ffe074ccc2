package io.kubz.bench.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The machine a report was measured on: cores, CPU model, memory, OS, and the date. */
public final class Machine {
  private Machine() {}

  /** One line, e.g. "2 cores, AMD EPYC, 23.4 GiB RAM, Linux amd64". */
  public static String describe() {
    return Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", " + memory()
        + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }

  public static String jdk() {
    return System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
        + " (" + System.getProperty("java.vendor") + ")";
  }

  public static String nowUtc() {
    return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
  }

  private static String cpuModel() {
    for (String line : lines("/proc/cpuinfo")) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return "CPU model unknown";
  }

  private static String memory() {
    for (String line : lines("/proc/meminfo")) {
      if (line.startsWith("MemTotal:")) {
        double kib = Double.parseDouble(line.replaceAll("[^0-9]", ""));
        return String.format(Locale.ROOT, "%.1f GiB RAM", kib / (1024 * 1024));
      }
    }
    return String.format(Locale.ROOT, "max heap %.1f GiB", Runtime.getRuntime().maxMemory() / Math.pow(2, 30));
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException e) {
      return List.of();
    }
  }
}
