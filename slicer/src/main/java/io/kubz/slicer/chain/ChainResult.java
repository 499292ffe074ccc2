package io.kubz.slicer.chain;

import io.kubz.slicer.api.VerificationResult;
import io.kubz.slicer.bundle.ProofBundle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The verdict on a chain.
 *
 * @param failingBundle index of the bundle that failed (0-based), or -1
 * @param failingLink index i of the failing link between bundle i and i + 1, or -1
 * @param bundles the result of each bundle verified so far (null where a verifier threw)
 * @param input the chain's public input: the first bundle's declared inputs (when valid)
 * @param output the chain's final output: the last bundle's declared outputs (when valid)
 * @param linkNanos what the chain cost beyond its bundles' own verifications: checking the links
 *     (when valid)
 */
public record ChainResult(boolean valid, String reason, int failingBundle, int failingLink,
    List<VerificationResult> bundles, List<ProofBundle.PublicTensor> input, List<ProofBundle.PublicTensor> output,
    long linkNanos) {
  public ChainResult {
    bundles = Collections.unmodifiableList(new ArrayList<>(bundles));
    input = input == null ? List.of() : List.copyOf(input);
    output = output == null ? List.of() : List.copyOf(output);
  }

  static ChainResult ok(List<VerificationResult> bundles, List<ProofBundle.PublicTensor> input,
      List<ProofBundle.PublicTensor> output, long linkNanos) {
    return new ChainResult(true, "", -1, -1, bundles, input, output, linkNanos);
  }

  static ChainResult failed(List<VerificationResult> bundles, int bundle, int link, String reason) {
    return new ChainResult(false, reason, bundle, link, bundles, null, null, 0);
  }

  /** Whether a bundle's results say its bytes were not a bundle at all (a format error). */
  public boolean malformed() {
    return failingBundle >= 0 && failingBundle < bundles.size() && bundles.get(failingBundle) != null
        && bundles.get(failingBundle).malformed();
  }
}
