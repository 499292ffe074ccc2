package io.kubz.bench.e2e;

import io.kubz.bench.peers.Machine;
import io.kubz.bench.peers.ResultsMd;
import io.kubz.slicer.json.Json;
import java.util.List;
import java.util.Map;

/** The {@code e2e} section of RESULTS.md from {@link EndToEnd}'s JSON lines. */
public final class E2eTable {
  private E2eTable() {}

  public static String render(String jsonl, Map<String, String> facts) {
    StringBuilder sb = new StringBuilder();
    sb.append("## End to end: kubz prove and kubz verify (bench/run-e2e.sh)\n\n");
    sb.append("- Machine: ").append(Machine.describe()).append('\n');
    sb.append("- JDK: ").append(Machine.jdk()).append('\n');
    sb.append("- Date: ").append(Machine.nowUtc()).append("; load average at the end: ")
        .append(facts.getOrDefault("load", "?")).append('\n');
    if (facts.containsKey("note")) {
      sb.append("- Note: ").append(facts.get("note")).append('\n');
    }
    sb.append("- Method: one fresh JVM per `kubz prove --dev-srs --json` and per `kubz verify --json`; times are ")
        .append("the CLI's own stage timings (wall), peak RSS is the process's high-water mark (VmHWM) over the run; ")
        .append("plan `default` is one weighted layer per slice, `rows=K` the budget strategy `--max-rows K`.\n");
    sb.append("- Raw results: `").append(facts.getOrDefault("raw", "bench/results/")).append("`\n\n");
    sb.append("| model | plan | slices | rows per slice (2^k) | keygen | witness | prove | prove wall | verify | peak RSS | bundle |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (String line : jsonl.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, Object> r = Json.asObject(Json.parse(line), "e2e line");
      sb.append("| ").append(r.get("model")).append(" | ").append(r.get("plan")).append(" | ");
      if (r.containsKey("error") && !r.containsKey("prove")) {
        sb.append("failed: ").append(String.valueOf(r.get("error")).replace('|', '/')).append(" | | | | | | | | |\n");
        continue;
      }
      Map<String, Object> p = Json.asObject(r.get("prove"), "prove");
      List<Object> slices = Json.asArray(p.get("slices"), "slices");
      StringBuilder ks = new StringBuilder();
      for (Object s : slices) {
        ks.append(ks.length() == 0 ? "" : " ").append(((Number) Json.asObject(s, "slice").get("k")).intValue());
      }
      double peak = 0;
      for (Object st : Json.asArray(p.get("stages"), "stages")) {
        Number b = (Number) Json.asObject(st, "stage").get("peak_bytes");
        peak = Math.max(peak, b.doubleValue());
      }
      sb.append(slices.size()).append(" | ").append(ks).append(" | ")
          .append(stage(p, "keygen")).append(" | ").append(stage(p, "witness")).append(" | ")
          .append(proveStage(p)).append(" | ").append(secs(((Number) r.get("prove_wall_seconds")).doubleValue()))
          .append(" | ");
      if (r.containsKey("verify")) {
        sb.append(secs(((Number) Json.asObject(r.get("verify"), "verify").get("seconds")).doubleValue()));
      } else {
        sb.append("failed: ").append(String.valueOf(r.get("error")).replace('|', '/'));
      }
      sb.append(" | ").append(peak > 0 ? ResultsMd.num(peak / (1 << 30)) + " GiB" : "n/a")
          .append(" | ").append(r.containsKey("bundle_bytes") ? ResultsMd.num(((Number) r.get("bundle_bytes")).doubleValue() / 1024) + " KiB" : "")
          .append(" |\n");
    }
    return sb.toString();
  }

  /** The plonkish "prove" stage, or for a gkr bundle the sum of its proving stages (commit … opening). */
  private static String proveStage(Map<String, Object> prove) {
    if (!"gkr".equals(prove.get("proof_system"))) {
      return stage(prove, "prove");
    }
    double sum = 0;
    for (Object st : Json.asArray(prove.get("stages"), "stages")) {
      Map<String, Object> s = Json.asObject(st, "stage");
      if (List.of("commit", "towers", "layers", "opening").contains(s.get("stage"))) {
        sum += ((Number) s.get("seconds")).doubleValue();
      }
    }
    return secs(sum) + " (gkr)";
  }

  private static String stage(Map<String, Object> prove, String name) {
    for (Object st : Json.asArray(prove.get("stages"), "stages")) {
      Map<String, Object> s = Json.asObject(st, "stage");
      if (name.equals(s.get("stage"))) {
        return secs(((Number) s.get("seconds")).doubleValue());
      }
    }
    return "–";
  }

  private static String secs(double s) {
    return ResultsMd.num(s) + " s";
  }
}
