package io.kubz.slicer.api;

import io.kubz.slicer.bundle.ProofBundle;
import java.util.List;

/**
 * The verdict on a bundle. On failure {@link #reason()} says what failed, naming the slice
 * ({@link #failingSlice()}, or -1) or the link ({@link #failingLink()}: "tensor: slice i -> slice
 * j", or null); {@link #malformed()} tells a format error (exit code 3) from a proof that does not
 * verify (exit code 4).
 *
 * @param modelDigest hex model digest (empty when the bytes did not parse)
 * @param outputs the declared model outputs (meaningful when valid)
 */
public record VerificationResult(boolean valid, boolean malformed, String reason, int failingSlice, String failingLink,
    String modelDigest, int slices, List<ProofBundle.PublicTensor> outputs) {

  public VerificationResult {
    outputs = outputs == null ? List.of() : List.copyOf(outputs);
  }

  static VerificationResult ok(String digest, int slices, List<ProofBundle.PublicTensor> outputs) {
    return new VerificationResult(true, false, "", -1, null, digest, slices, outputs);
  }

  static VerificationResult format(String reason) {
    return new VerificationResult(false, true, reason, -1, null, "", 0, List.of());
  }

  static VerificationResult slice(String digest, int slice, String reason) {
    return new VerificationResult(false, false, reason, slice, null, digest, 0, List.of());
  }

  static VerificationResult link(String digest, String link, String reason) {
    return new VerificationResult(false, false, reason, -1, link, digest, 0, List.of());
  }

  static VerificationResult invalid(String digest, String reason) {
    return new VerificationResult(false, false, reason, -1, null, digest, 0, List.of());
  }
}
