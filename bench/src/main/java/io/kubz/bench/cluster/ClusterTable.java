package io.kubz.bench.cluster;

import io.kubz.bench.peers.Machine;
import io.kubz.bench.peers.ResultsMd;
import io.kubz.slicer.json.Json;
import java.util.List;
import java.util.Map;

/** The {@code cluster} section of RESULTS.md from one {@code bench/cluster/run.sh} result file. */
public final class ClusterTable {
  private ClusterTable() {}

  public static String render(String json, Map<String, String> facts) {
    Map<String, Object> r = Json.asObject(Json.parse(json), "cluster result");
    Map<String, Object> sum = Json.asObject(r.get("summary"), "summary");
    StringBuilder sb = new StringBuilder();
    sb.append("## Distributed proving: 1 worker against 2 (bench/cluster/run.sh)\n\n");
    sb.append("- Machine: ").append(Machine.describe()).append(" (coordinator and workers on this one machine, loopback)\n");
    sb.append("- JDK: ").append(r.get("jdk")).append('\n');
    sb.append("- Date: ").append(Machine.nowUtc()).append("; load average at the end: ")
        .append(facts.getOrDefault("load", "?")).append('\n');
    if (facts.containsKey("note")) {
      sb.append("- Note: ").append(facts.get("note")).append('\n');
    }
    List<Object> one = Json.asArray(r.get("one"), "one");
    sb.append("- Model: ").append(r.get("model")).append(", ").append(one.size())
        .append(" measured run(s) per configuration, alternating, after one warm-up each; every worker and the ")
        .append("coordinator run with 1 thread; figures are medians\n");
    sb.append("- Raw results: `").append(facts.getOrDefault("raw", "bench/results/")).append("`\n\n");
    Map<String, Object> prove = Json.asObject(sum.get("prove_stage_seconds"), "prove");
    Map<String, Object> wall = Json.asObject(sum.get("wall_seconds"), "wall");
    Map<String, Object> busy = Json.asObject(sum.get("proving_seconds_sum"), "busy");
    sb.append("| | 1 worker | 2 workers | speed-up |\n|---|---|---|---|\n");
    sb.append("| prove stage (dispatch to last accepted proof) | ").append(s(prove, "one_worker")).append(" | ")
        .append(s(prove, "two_workers")).append(" | ").append(x(prove)).append(" |\n");
    sb.append("| whole `kubz prove --cluster` command | ").append(s(wall, "one_worker")).append(" | ")
        .append(s(wall, "two_workers")).append(" | ").append(x(wall)).append(" |\n");
    sb.append("| sum of the slices' proving times on the workers | ").append(s(busy, "one_worker")).append(" | ")
        .append(s(busy, "two_workers")).append(" | |\n\n");
    sb.append("Coordinator overhead per slice (first 1-worker run): transfer = round trip minus the worker's proving.\n\n");
    sb.append("| slice | proving on the worker | transfer | verify | overhead / proving |\n|---|---|---|---|---|\n");
    for (Object o : Json.asArray(sum.get("per_slice_overhead"), "per_slice_overhead")) {
      Map<String, Object> p = Json.asObject(o, "slice");
      sb.append("| ").append(((Number) p.get("slice")).intValue()).append(" | ").append(s(p, "worker_seconds"))
          .append(" | ").append(s(p, "transfer_seconds")).append(" | ").append(s(p, "verify_seconds")).append(" | ")
          .append(ResultsMd.num(100 * ((Number) p.get("overhead_fraction")).doubleValue())).append(" % |\n");
    }
    return sb.toString();
  }

  private static String s(Map<String, Object> m, String k) {
    return ResultsMd.num(((Number) m.get(k)).doubleValue()) + " s";
  }

  private static String x(Map<String, Object> m) {
    return ResultsMd.num(((Number) m.get("speedup")).doubleValue()) + "×";
  }
}
