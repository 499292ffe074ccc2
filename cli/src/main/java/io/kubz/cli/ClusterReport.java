package io.kubz.cli;

import io.kubz.cli.cluster.ClusterExecutor.Outcome;
import io.kubz.slicer.api.ProveSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each slice of a cluster run was proved and what the coordinator spent on it beyond the
 * worker's proving: transfer (round trip minus the worker's own time: sending the job, receiving
 * the proof) and verifying the proof.
 */
final class ClusterReport {
  private ClusterReport() {}

  static Map<String, Object> json(String coordinator, List<Outcome> outcomes, ProveSummary s, List<String> notes) {
    List<Object> slices = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome o = outcomes.get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("slice", s.slices().get(i).id());
      m.put("worker", o.worker());
      m.put("attempts", o.attempts());
      m.put("worker_seconds", o.workerNanos() / 1e9);
      m.put("round_trip_seconds", o.roundTripNanos() / 1e9);
      m.put("transfer_seconds", transfer(o) / 1e9);
      m.put("verify_seconds", o.verifyNanos() / 1e9);
      m.put("overhead_seconds", o.overheadNanos() / 1e9);
      slices.add(m);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("coordinator", coordinator);
    m.put("slices", slices);
    m.put("notes", List.copyOf(notes));
    return m;
  }

  static String text(List<Outcome> outcomes, ProveSummary s) {
    StringBuilder b = new StringBuilder("slice  worker                 attempts  worker     transfer   verify\n");
    double work = 0;
    double transfer = 0;
    double verify = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome o = outcomes.get(i);
      b.append(String.format(Locale.ROOT, "%5d  %-21s  %8d  %-9s  %-9s  %s%n", s.slices().get(i).id(), o.worker(),
          o.attempts(), StageTable.seconds(o.workerNanos() / 1e9), ms(transfer(o)), ms(o.verifyNanos())));
      work += o.workerNanos();
      transfer += transfer(o);
      verify += o.verifyNanos();
    }
    int n = Math.max(1, outcomes.size());
    b.append(String.format(Locale.ROOT, "coordinator overhead per slice: %s transfer + %s verify, %.1f%% of the"
        + " mean proving time %s%n", ms(transfer / n), ms(verify / n), 100 * (transfer + verify) / Math.max(1, work),
        StageTable.seconds(work / n / 1e9)));
    return b.toString();
  }

  private static long transfer(Outcome o) {
    return Math.max(0, o.roundTripNanos() - o.workerNanos());
  }

  private static String ms(double nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }
}
