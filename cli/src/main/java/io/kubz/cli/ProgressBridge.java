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
      t.advance(1, "slice " + sliceId + (detail == null || detail.isEmpty() ? "" : " on " + detail));
    }
  }

  @Override
  public void sliceStarted(int sliceId, String worker) {
    ProgressDisplay.Task t = tasks.get(PROVE);
    if (t != null) {
      t.advance(0, "proving slice " + sliceId + (worker == null || worker.isEmpty() ? "" : " on " + worker));
    }
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
