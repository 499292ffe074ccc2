package io.kubz.gkr.model;

import java.util.Optional;

/**
 * A proof of one {@link LayeredModel} run (protobuf {@code kubz.gkr.LayeredProof}, see
 * gkr.proto): the witness commitment, the lookup towers, every layer's sumchecks and claimed
 * evaluations, the batched opening. Filled in by {@link LayeredProver}.
 */
public final class LayeredProof {
  // TODO(gkrcore): fields

  /** The protobuf bytes. */
  public byte[] toBytes() {
    throw new UnsupportedOperationException("not yet");
  }

  /** The proof in {@code bytes}, or empty when they are malformed or over the limits; never throws. */
  public static Optional<LayeredProof> parse(byte[] bytes) {
    throw new UnsupportedOperationException("not yet");
  }
}
