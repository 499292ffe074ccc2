package io.kubz.slicer.api;

import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.quant.QuantPlan;
import java.util.List;

/**
 * The verdict on a bundle. On failure {@link #reason()} says what failed, naming the slice
 * ({@link #failingSlice()}, or -1) or the link ({@link #failingLink()}: "tensor: slice i -> slice
 * j", or null); {@link #malformed()} tells a format error (exit code 3) from a proof that does not
 * verify (exit code 4).
 *
 * <p>What a valid result means depends on the trust anchor the caller gave (see
 * {@link BundleVerifier}); the statement it is about is spelled out by {@link #settings()} (the
 * quantization settings the digest covers: compared with trusted ones under {@code --model}), the
 * visibility and {@link #insecureSrs()}: true when the SRS's τ is known (a development SRS), in
 * which case the proofs prove nothing.
 *
 * @param modelDigest hex model digest (empty when the bytes did not parse)
 * @param outputs the declared model outputs (meaningful when valid)
 * @param settings the bundle's quantization settings (null when they did not parse or when the
 *     check stopped before them)
 * @param inputVisibility the model inputs' visibility as the digest covers it ("" when unknown)
 * @param outputVisibility the same for the outputs
 * @param inputs the declared model inputs (meaningful when valid): what a chain links to the
 *     previous bundle's outputs
 */
public record VerificationResult(boolean valid, boolean malformed, String reason, int failingSlice, String failingLink,
    String modelDigest, int slices, List<ProofBundle.PublicTensor> outputs, boolean insecureSrs, QuantPlan settings,
    String inputVisibility, String outputVisibility, List<ProofBundle.PublicTensor> inputs) {

  public VerificationResult {
    outputs = outputs == null ? List.of() : List.copyOf(outputs);
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
  }

  static VerificationResult ok(String digest, ProofBundle b, boolean insecure, QuantPlan settings) {
    return new VerificationResult(true, false, "", -1, null, digest, b.slices().size(), b.outputs(), insecure, settings,
        b.inputVisibility(), b.outputVisibility(), b.inputs());
  }

  static VerificationResult format(String reason) {
    return new VerificationResult(false, true, reason, -1, null, "", 0, List.of(), false, null, "", "", List.of());
  }

  static VerificationResult slice(String digest, int slice, String reason) {
    return new VerificationResult(false, false, reason, slice, null, digest, 0, List.of(), false, null, "", "", List.of());
  }

  static VerificationResult link(String digest, String link, String reason) {
    return new VerificationResult(false, false, reason, -1, link, digest, 0, List.of(), false, null, "", "", List.of());
  }

  static VerificationResult invalid(String digest, String reason) {
    return new VerificationResult(false, false, reason, -1, null, digest, 0, List.of(), false, null, "", "", List.of());
  }

  /** The same verdict with the settings it was checked against (kept on failure, for the report). */
  VerificationResult withSettings(QuantPlan s) {
    return new VerificationResult(valid, malformed, reason, failingSlice, failingLink, modelDigest, slices, outputs,
        insecureSrs, s, inputVisibility, outputVisibility, inputs);
  }
}
