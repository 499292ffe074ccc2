package io.kubz.gkr.model;

import io.kubz.gkr.pcs.HyperKzg;
import io.kubz.poly.transcript.Transcript;

/** Proves a {@link LayeredModel} run (GKR.md, "The protocol for one model"). */
public final class LayeredProver {
  private LayeredProver() {}

  /**
   * Time spent per stage, nanoseconds (witness = running the model and packing the committed
   * tensors; commit; towers = logUp-GKR; layers = the output-to-input walk; opening = batching and
   * HyperKZG), and the proof.
   */
  public record Output(LayeredProof proof, long[][] outputs, long witnessNanos, long commitNanos,
      long towerNanos, long layerNanos, long openingNanos) {}

  /**
   * Runs {@code model} on {@code inputs} (order of {@link LayeredModel#inputs()}) and proves it.
   * {@code t} must have absorbed the caller's statement (model digest, SRS) already; a witness the
   * model's ranges or tables refuse is a {@link io.kubz.field.BadInputException}.
   */
  public static Output prove(LayeredModel model, long[][] inputs, HyperKzg pcs, Transcript t) {
    throw new UnsupportedOperationException("not yet");
  }
}
