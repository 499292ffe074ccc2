package io.kubz.slicer.api;

/**
 * What {@link ModelProver} reports while it works, for progress bars and timing tables. Stages run
 * in this order: {@value #QUANTIZE}, {@value #PLAN}, {@value #COMPILE}, {@value #KEYGEN},
 * {@value #WITNESS}, {@value #PROVE}, {@value #BUNDLE}. With {@code --proof-system gkr} proved on this
 * machine, {@value #PROVE} is replaced by the GKR prover's own stages (summed over its slices),
 * reported when it returns: {@value #WITNESS}, {@value #COMMIT}, {@value #TOWERS}, {@value #LAYERS}, {@value #OPENING}
 * ({@value #LOWER} replaces {@value #COMPILE} and {@value #SRS} replaces {@value #KEYGEN}). Per-slice stages announce the number of
 * slices in {@link #begin} and call {@link #advance} once per slice (from worker threads during
 * {@value #PROVE}: implementations must be thread-safe). Every method has an empty default.
 */
public interface ProgressListener {
  String QUANTIZE = "quantize";
  String PLAN = "plan";
  String COMPILE = "compile";
  String KEYGEN = "keygen";
  String WITNESS = "witness";
  String PROVE = "prove";
  String BUNDLE = "bundle";
  /** GKR: lowering the quantized graph to a layered model. */
  String LOWER = "lower";
  /** GKR: loading the SRS (there is no per-model keygen). */
  String SRS = "srs";
  /** GKR: committing the witness (one HyperKZG commitment). */
  String COMMIT = "commit";
  /** GKR: the logUp-GKR towers of every table. */
  String TOWERS = "towers";
  /** GKR: the layer sumchecks, output to input. */
  String LAYERS = "layers";
  /** GKR: the batched opening of every claim on the witness. */
  String OPENING = "opening";

  ProgressListener NONE = new ProgressListener() {};

  /** A stage starts; {@code total} is its number of steps (slices), or 1. */
  default void begin(String stage, int total) {}

  /** Slice {@code sliceId} of a stage is done; {@code detail} says where or how (may be empty). */
  default void advance(String stage, int sliceId, String detail) {}

  /** A slice started proving on {@code worker} (only in {@value #PROVE}). */
  default void sliceStarted(int sliceId, String worker) {}

  /** A stage ends after {@code nanos} of wall time. */
  default void end(String stage, long nanos) {}

  /** An executor's listener that reports each slice's start and end here (stage {@link #PROVE}). */
  default io.kubz.slicer.exec.SliceExecutor.Listener slices() {
    ProgressListener p = this;
    return new io.kubz.slicer.exec.SliceExecutor.Listener() {
      @Override
      public void started(int sliceId, String worker) {
        p.sliceStarted(sliceId, worker);
      }

      @Override
      public void finished(int sliceId, String worker, long nanos) {
        p.advance(PROVE, sliceId, worker);
      }
    };
  }
}
