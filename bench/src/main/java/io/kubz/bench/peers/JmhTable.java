package io.kubz.bench.peers;

import io.kubz.slicer.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JMH section of RESULTS.md from JMH's JSON result file ({@code -rf json}). */
final class JmhTable {
  private JmhTable() {}

  static String render(String json, Map<String, String> facts) {
    List<Object> runs = Json.asArray(Json.parse(json.isBlank() ? "[]" : json), "JMH results");
    String profile = facts.getOrDefault("profile", "?");
    StringBuilder sb = new StringBuilder("## JMH suite, " + profile + " profile (bench/run-" + profile + ".sh)\n\n");
    Set<String> jvms = new LinkedHashSet<>();
    for (Object r : runs) {
      Map<String, Object> o = Json.asObject(r, "JMH result");
      jvms.add(o.get("vmName") + " " + o.get("jdkVersion") + " (" + o.get("vmVersion") + ")");
    }
    sb.append("- Machine: ").append(Machine.describe()).append('\n');
    sb.append("- JDK: ").append(jvms.isEmpty() ? Machine.jdk() : String.join("; ", jvms)).append('\n');
    sb.append("- Date: ").append(Machine.nowUtc()).append("; load average at the end: ")
        .append(facts.getOrDefault("load", "?")).append('\n');
    if (facts.containsKey("note")) {
      sb.append("- Note: ").append(facts.get("note")).append('\n');
    }
    sb.append("- Settings: ").append(facts.getOrDefault("settings", "annotation defaults")).append('\n');
    sb.append("- Raw results: `").append(facts.getOrDefault("raw", "bench/results/")).append("`\n\n");
    if (runs.isEmpty()) {
      return sb.append("No benchmark results.\n").toString();
    }
    sb.append("| benchmark | params | mode | score | ± error | unit | allocated/op |\n");
    sb.append("|---|---|---|---|---|---|---|\n");
    for (Object r : runs) {
      Map<String, Object> o = Json.asObject(r, "JMH result");
      Map<String, Object> pm = Json.asObject(o.get("primaryMetric"), "primaryMetric");
      String bench = Json.asString(o.get("benchmark"), "benchmark").replaceFirst("^io\\.kubz\\.bench\\.", "");
      sb.append("| ").append(bench).append(" | ").append(params(o.get("params"))).append(" | ")
          .append(o.get("mode")).append(" | ").append(ResultsMd.num(number(pm.get("score")))).append(" | ")
          .append(ResultsMd.num(number(pm.get("scoreError")))).append(" | ").append(pm.get("scoreUnit"))
          .append(" | ").append(alloc(o.get("secondaryMetrics"))).append(" |\n");
    }
    return sb.toString();
  }

  private static String params(Object p) {
    if (!(p instanceof Map)) {
      return "";
    }
    List<String> kv = new ArrayList<>();
    for (Map.Entry<String, Object> e : Json.asObject(p, "params").entrySet()) {
      kv.add(e.getKey() + "=" + e.getValue());
    }
    return String.join(", ", kv);
  }

  /** gc.alloc.rate.norm from {@code -prof gc}, in bytes per operation. */
  private static String alloc(Object secondary) {
    if (!(secondary instanceof Map)) {
      return "";
    }
    for (Map.Entry<String, Object> e : Json.asObject(secondary, "secondaryMetrics").entrySet()) {
      if (e.getKey().endsWith("gc.alloc.rate.norm")) {
        double b = number(Json.asObject(e.getValue(), "metric").get("score"));
        return b >= 1 << 20 ? ResultsMd.num(b / (1 << 20)) + " MiB"
            : b >= 1 << 10 ? ResultsMd.num(b / (1 << 10)) + " KiB" : ResultsMd.num(b) + " B";
      }
    }
    return "";
  }

  /** JMH writes NaN as the string "NaN" (e.g. the error of a single iteration). */
  private static double number(Object v) {
    return v instanceof BigDecimal ? ((BigDecimal) v).doubleValue() : Double.NaN;
  }
}
