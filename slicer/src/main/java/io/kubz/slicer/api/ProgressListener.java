package io.kubz.slicer.api;

/**
 * What {@link ModelProver} reports while it works, for progress bars and timing tables. Stages run
 * in this order: {@value #QUANTIZE}, {@value #PLAN}, {@value #COMPILE}, {@value #KEYGEN},
 * {@value #WITNESS}, {@value #PROVE}, {@value #BUNDLE}. Per-slice stages announce the number of
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

  ProgressListener NONE = new ProgressListener() {};

  /** A stage starts; {@code total} is its number of steps (slices), or 1. */
  default void begin(String stage, int total) {}

  /** Slice {@code sliceId} of a stage is done; {@code detail} says where or how (may be empty). */
  default void advance(String stage, int sliceId, String detail) {}

  /** A slice started proving on {@code worker} (only in {@value #PROVE}). */
  default void sliceStarted(int sliceId, String worker) {}

  /** A stage ends after {@code nanos} of wall time. */
  default void end(String stage, long nanos) {}
}
