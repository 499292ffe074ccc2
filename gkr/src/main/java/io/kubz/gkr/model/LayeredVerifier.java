package io.kubz.gkr.model;

import io.kubz.gkr.pcs.HyperKzg;
import io.kubz.poly.transcript.Transcript;

/** Verifies a {@link LayeredProof}; never throws on the proof. */
public final class LayeredVerifier {
  private LayeredVerifier() {}

  /**
   * Whether {@code proof} shows that {@code model} maps {@code inputs} to {@code outputs} (orders of
   * {@link LayeredModel#inputs()} and {@link LayeredModel#outputs()}). {@code t} as the prover's.
   */
  public static boolean verify(LayeredModel model, long[][] inputs, long[][] outputs, LayeredProof proof,
      HyperKzg pcs, Transcript t) {
    throw new UnsupportedOperationException("not yet");
  }
}
