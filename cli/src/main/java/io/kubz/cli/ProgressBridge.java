package io.kubz.cli;

import io.kubz.slicer.api.ProgressListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shows the prover's stages on a {@link ProgressDisplay} (bars per slice with ETA) and records each
 * stage's wall time and peak memory in a {@link StageTable}.
 */
final class ProgressBridge implements ProgressListener {
  private final ProgressDisplay display;
  private final StageTable table;
  private final Map<String, ProgressDisplay.Task> tasks = new ConcurrentHashMap<>();
  private final Map<String, Long> starts = new ConcurrentHashMap<>();
  /** Cluster worker to the slice it proves now (sorted, so the line does not jump around). */
  private final Map<String, Integer> proving = new java.util.concurrent.ConcurrentSkipListMap<>();

  ProgressBridge(ProgressDisplay display, StageTable table) {
    this.display = display;
    this.table = table;
  }

  @Override
  public void begin(String stage, int total) {
    StageTable.resetPeak();
    starts.put(stage, System.nanoTime());
    tasks.put(stage, display.start(stage, total > 1 ? total : 0));
  }

  @Override
  public void advance(String stage, int sliceId, String detail) {
    ProgressDisplay.Task t = tasks.get(stage);
    if (t != null) {
      String what = "slice " + sliceId + (detail == null || detail.isEmpty() ? "" : " on " + detail);
      if (PROVE.equals(stage) && detail != null && !detail.isEmpty() && !"local".equals(detail)) {
        proving.remove(detail, sliceId);
        what = what + " done" + board();
      }
      t.advance(1, what);
    }
  }

  @Override
  public void sliceStarted(int sliceId, String worker) {
    ProgressDisplay.Task t = tasks.get(PROVE);
    if (t != null) {
      if (worker == null || worker.isEmpty() || "local".equals(worker)) {
        t.advance(0, "proving slice " + sliceId + (worker == null || worker.isEmpty() ? "" : " on " + worker));
      } else {
        proving.put(worker, sliceId);
        t.advance(0, board().substring(2));
        if (!display.terminal()) {
          display.line("prove: slice " + sliceId + " -> worker " + worker);
        }
      }
    }
  }

  /** What each cluster worker is proving now: "; W1: slice 3, W2: slice 1". */
  private String board() {
    StringBuilder b = new StringBuilder("; ");
    proving.forEach((w, id) -> b.append(b.length() > 2 ? ", " : "").append(w).append(": slice ").append(id));
    return b.length() > 2 ? b.toString() : "";
  }

  @Override
  public void end(String stage, long nanos) {
    ProgressDisplay.Task t = tasks.remove(stage);
    if (t != null) {
      t.finish();
    }
    starts.remove(stage);
    table.record(stage, nanos / 1e9, StageTable.peakBytes());
  }
}
