package io.kubz.gkr.model;

/** The statement digest D of a {@link LayeredModel} (GKR.md step 1): every layer, shape, weight, shift and table. */
public final class ModelDigests {
  private ModelDigests() {}

  /** Keccak-256 over a canonical encoding of the model (32 bytes). */
  public static byte[] digest(LayeredModel model) {
    throw new UnsupportedOperationException("not yet");
  }
}
