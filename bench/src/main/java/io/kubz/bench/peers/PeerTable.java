package io.kubz.bench.peers;

import io.kubz.slicer.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The peer section of RESULTS.md from run.sh's JSON lines: one row per workload and size with the
 * median over rounds of each side's per-round median, and the time ratio kubz/peer.
 */
final class PeerTable {
  private PeerTable() {}

  /** What is measured, as the reader should see it. */
  private static final Map<String, String> LABELS = Map.of(
      "msm_g1", "G1 MSM, random points and full-width scalars",
      "fft_fr", "Fr FFT (forward NTT)",
      "poseidon2", "Poseidon hash of 2 inputs (t = 3, circomlib constants)",
      "plonk_chain", "PLONK prove, chain circuit x_{i+1} = x_i·b + i",
      "plonk_chain_cli", "`snarkjs plonk prove` as a command (node start, zkey read, prove, write)");

  /** The figures of one workload at one size. */
  private static final class Row {
    final String workload;
    final int log2n;
    final Map<String, List<Double>> values = new LinkedHashMap<>();
    final Map<String, String> impl = new LinkedHashMap<>();
    final Map<String, String> missing = new LinkedHashMap<>();
    final Map<String, Long> rssMb = new LinkedHashMap<>();
    boolean micros;

    Row(String workload, int log2n) {
      this.workload = workload;
      this.log2n = log2n;
    }
  }

  static String render(String jsonLines, Map<String, String> facts) {
    Map<String, Row> rows = new LinkedHashMap<>();
    Set<String> impls = new LinkedHashSet<>();
    for (String line : jsonLines.split("\n")) {
      if (!line.startsWith("{")) {
        continue;
      }
      Map<String, Object> o = Json.asObject(Json.parse(line), "result line");
      String side = Json.asString(o.get("side"), "side");
      String workload = Json.asString(o.get("workload"), "workload");
      int log2n = o.get("log2n") == null ? 0 : Json.asInt(o.get("log2n"), "log2n");
      Row row = rows.computeIfAbsent(workload + "/" + log2n, k -> new Row(workload, log2n));
      if (Boolean.FALSE.equals(o.get("available"))) {
        row.missing.put(side, o.get("reason") == null ? "unavailable" : o.get("reason").toString());
        continue;
      }
      Object v = o.containsKey("median_us") ? o.get("median_us") : o.get("median_ms");
      row.micros = o.containsKey("median_us");
      row.values.computeIfAbsent(side, k -> new ArrayList<>()).add(Json.asDouble(v, "median"));
      if (o.get("impl") instanceof String) {
        row.impl.put(side, (String) o.get("impl"));
        if (!workload.endsWith("_cli")) {
          impls.add((String) o.get("impl"));
        }
      }
      if (o.get("peak_rss_mb") != null) {
        row.rssMb.merge(side, Json.asLong(o.get("peak_rss_mb"), "peak_rss_mb"), Math::max);
      }
    }

    StringBuilder sb = new StringBuilder("## kubz against the JavaScript stack (bench/peers/run.sh)\n\n");
    sb.append("- Machine: ").append(Machine.describe()).append('\n');
    sb.append("- kubz on ").append(Machine.jdk()).append("; node ").append(facts.getOrDefault("node", "?"))
        .append('\n');
    sb.append("- Date: ").append(Machine.nowUtc()).append("; load average at the end: ")
        .append(facts.getOrDefault("load", "?")).append('\n');
    if (facts.containsKey("note")) {
      sb.append("- Note: ").append(facts.get("note")).append('\n');
    }
    sb.append("- Implementations: ").append(String.join("; ", impls)).append('\n');
    sb.append("- Method: kubz and the peer run alternately (the side that goes first alternates by ")
        .append("round); setup is not timed; each figure is the median over rounds of the round's ")
        .append("median. **kubz/peer is a time ratio: below 1 means kubz is faster.**\n\n");
    sb.append("| workload | size | kubz | peer | peer time | kubz/peer |\n|---|---|---|---|---|---|\n");
    List<String> notes = new ArrayList<>();
    for (Row r : rows.values()) {
      if (r.workload.equals("plonk_chain_cli")) {
        continue;
      }
      String unit = r.micros ? " µs" : " ms";
      Double k = median(r.values.get("kubz"));
      Double p = median(r.values.get("peer"));
      sb.append("| ").append(LABELS.getOrDefault(r.workload, r.workload)).append(" | ")
          .append(size(r)).append(" | ")
          .append(k == null ? "not measured" : ResultsMd.num(k) + unit).append(" | ")
          .append(r.impl.getOrDefault("peer", "")).append(" | ")
          .append(p == null ? "not measured" : ResultsMd.num(p) + unit).append(" | ")
          .append(k == null || p == null ? "—" : ResultsMd.num(k / p)).append(" |\n");
      for (Map.Entry<String, String> m : r.missing.entrySet()) {
        if (!r.values.containsKey(m.getKey())) {
          notes.add(m.getKey() + " " + r.workload + " " + size(r) + ": " + m.getValue());
        }
      }
      for (Map.Entry<String, Long> m : r.rssMb.entrySet()) {
        if (r.workload.startsWith("plonk")) {
          notes.add("peak RSS of the " + m.getKey() + " process, " + r.workload + ": " + m.getValue() + " MiB");
        }
      }
    }
    Row cli = rows.get("plonk_chain_cli/15");
    if (cli != null && cli.values.containsKey("peer")) {
      notes.add(LABELS.get("plonk_chain_cli") + ": " + ResultsMd.num(median(cli.values.get("peer")))
          + " ms wall" + (cli.rssMb.containsKey("peer") ? ", peak RSS " + cli.rssMb.get("peer") + " MiB" : ""));
    }
    if (!facts.getOrDefault("ptau_seconds", "").isEmpty()) {
      notes.add("powers of tau for the PLONK setup (bn128, power " + facts.getOrDefault("ptau_power", "?")
          + "): made once in " + facts.get("ptau_seconds") + " s by snarkjs (new, contribute, prepare phase2), cached");
    }
    if (!notes.isEmpty()) {
      sb.append('\n');
      for (String n : notes) {
        sb.append("- ").append(n).append('\n');
      }
    }
    return sb.toString();
  }

  private static String size(Row r) {
    if (r.workload.startsWith("poseidon")) {
      return "per hash";
    }
    return r.workload.startsWith("plonk") ? "2^" + r.log2n + " rows" : "2^" + r.log2n;
  }

  private static Double median(List<Double> xs) {
    return xs == null || xs.isEmpty() ? null : Timing.median(xs);
  }
}
