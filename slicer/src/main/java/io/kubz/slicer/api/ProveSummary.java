package io.kubz.slicer.api;

import io.kubz.slicer.bundle.ProofBundle;
import java.util.List;
import java.util.Map;

/**
 * What a proving run did, for the CLI's table and JSON.
 *
 * @param modelDigest hex model digest of the bundle
 * @param strategy the plan's strategy
 * @param slices one row per slice
 * @param stageNanos wall time per stage, in {@link ProgressListener} order
 * @param outputs the model outputs as the bundle declares them
 * @param keysGenerated keys computed by keygen in this run (the rest came from the cache)
 * @param bundleBytes size of the bundle
 * @param proofSystem the back end that proved the slices ("plonkish" or "gkr")
 */
public record ProveSummary(String modelDigest, String strategy, List<SliceRow> slices, Map<String, Long> stageNanos,
    List<ProofBundle.PublicTensor> outputs, int keysGenerated, long bundleBytes, String proofSystem) {
  public ProveSummary {
    slices = List.copyOf(slices);
    stageNanos = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageNanos));
    outputs = List.copyOf(outputs);
  }

  /** A plonkish run. */
  public ProveSummary(String modelDigest, String strategy, List<SliceRow> slices, Map<String, Long> stageNanos,
      List<ProofBundle.PublicTensor> outputs, int keysGenerated, long bundleBytes) {
    this(modelDigest, strategy, slices, stageNanos, outputs, keysGenerated, bundleBytes, ProofBundle.PLONKISH);
  }

  /**
   * One slice: its nodes, the cost model's row estimate, the circuit's log2 rows, keygen and prove
   * wall time, the peak-memory estimate the executor admitted it with, and who proved it.
   */
  public record SliceRow(int id, int nodes, long estimatedRows, int k, long keygenNanos, long proveNanos,
      long peakBytes, String worker, String system) {
    /** A slice of the run's one proof system ({@code system} null: the summary's). */
    public SliceRow(int id, int nodes, long estimatedRows, int k, long keygenNanos, long proveNanos, long peakBytes,
        String worker) {
      this(id, nodes, estimatedRows, k, keygenNanos, proveNanos, peakBytes, worker, null);
    }
  }
}
