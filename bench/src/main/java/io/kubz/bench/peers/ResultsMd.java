package io.kubz.bench.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Rewrites one section of {@code bench/RESULTS.md} from raw results, leaving the other sections as
 * they are: {@code peers} from the JSON lines of {@code bench/peers/run.sh}, {@code jmh} from JMH's
 * JSON output. The file is therefore written only by runs, never by hand.
 *
 * <p>usage: {@code ResultsMd peers|jmh <results file> <RESULTS.md> [key=value ...]}; the pairs
 * (node version, profile name, load, a note, ...) are facts the caller knows and this JVM does not.
 */
public final class ResultsMd {
  /** The sections in document order; {@code jmh} is the JMH suite on JDK 17, {@code jmh-jdkNN} on another JDK. */
  static final String[] SECTIONS = {"peers", "jmh", "jmh-jdk25", "e2e", "cluster"};

  private ResultsMd() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: ResultsMd peers|jmh|jmh-jdk25|e2e|cluster <results file> <RESULTS.md> [key=value ...]");
      System.exit(2);
    }
    Map<String, String> facts = new LinkedHashMap<>();
    for (int i = 3; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      if (eq > 0) {
        facts.put(args[i].substring(0, eq), args[i].substring(eq + 1));
      }
    }
    String raw = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
    String body;
    // jmh-profile.sh names the section after the JDK that ran it: jmh (17), jmh-jdk<major> otherwise
    switch (args[0].matches("jmh-jdk\\d+") ? "jmh" : args[0]) {
      case "peers":
        body = PeerTable.render(raw, facts);
        break;
      case "jmh":
        body = JmhTable.render(raw, facts);
        break;
      case "e2e":
        body = io.kubz.bench.e2e.E2eTable.render(raw, facts);
        break;
      case "cluster":
        body = io.kubz.bench.cluster.ClusterTable.render(raw, facts);
        break;
      default:
        System.err.println("unknown section " + args[0] + "; expected one of " + String.join(", ", SECTIONS));
        System.exit(2);
        return;
    }
    Path md = Path.of(args[2]);
    String old = Files.exists(md) ? Files.readString(md, StandardCharsets.UTF_8) : "";
    Files.writeString(md, splice(old, args[0], body), StandardCharsets.UTF_8);
    System.out.print(body);
  }

  /** The document with section {@code name} replaced by {@code body} (other sections kept). */
  static String splice(String old, String name, String body) {
    StringBuilder sb = new StringBuilder();
    sb.append("# kubz benchmark results\n\n")
        .append("Written by `bench/peers/run.sh` (kubz against the JavaScript stack) and by ")
        .append("`bench/run-quick.sh` / `bench/run-full.sh` (the JMH suite) and `bench/run-e2e.sh` (whole proofs); do not edit by hand, rerun ")
        .append("them (see bench/README.md). Each section names the machine, JDK and date it was measured ")
        .append("on; figures from a loaded machine are noisy.\n");
    java.util.List<String> order = new java.util.ArrayList<>(java.util.List.of(SECTIONS));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<!-- BEGIN (\\S+) \\(generated\\) -->").matcher(old);
    java.util.List<String> present = new java.util.ArrayList<>(java.util.List.of(name));
    while (m.find()) {
      present.add(m.group(1));
    }
    for (String s : present) {
      if (!order.contains(s)) {
        order.add(order.indexOf("e2e"), s); // another JDK's JMH section, kept beside the others
      }
    }
    for (String s : order) {
      String content = s.equals(name) ? body : section(old, s);
      sb.append('\n').append(begin(s)).append('\n');
      sb.append(content == null ? "## " + s + "\n\nNot run yet.\n" : content);
      sb.append(end(s)).append('\n');
    }
    return sb.toString();
  }

  /** The text between the markers of section {@code name} in {@code doc}, or null when absent. */
  static String section(String doc, String name) {
    int b = doc.indexOf(begin(name));
    int e = doc.indexOf(end(name));
    if (b < 0 || e < b) {
      return null;
    }
    return doc.substring(b + begin(name).length() + 1, e);
  }

  private static String begin(String name) {
    return "<!-- BEGIN " + name + " (generated) -->";
  }

  private static String end(String name) {
    return "<!-- END " + name + " -->";
  }

  /** A figure with about three significant digits, e.g. 1234, 56.7, 0.123. */
  public static String num(double v) {
    double a = Math.abs(v);
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
