package io.kubz.gkr.format;

import io.kubz.field.BadInputException;
import io.kubz.gkr.logup.LogupProof;
import io.kubz.gkr.logup.LogupVerifier;
import io.kubz.gkr.logup.LookupShape;
import io.kubz.gkr.opening.BatchOpening;
import io.kubz.gkr.opening.Claim;
import io.kubz.gkr.opening.ReductionProof;
import io.kubz.poly.transcript.Transcript;
import java.util.List;
import java.util.Optional;

/** Verification straight from bytes: malformed bytes are a rejection, never an exception. */
public final class ProofBytes {
  private ProofBytes() {}

  public static Optional<List<LogupProof.Claims>> verifyLogup(List<LookupShape> shapes, byte[] proof,
      Transcript t) {
    LogupProof p;
    try {
      p = GkrCodec.decodeLogup(proof);
    } catch (BadInputException e) {
      return Optional.empty();
    }
    return LogupVerifier.verify(shapes, p, t);
  }

  public static Optional<Claim> verifyOpening(int vars, List<Claim> claims, byte[] proof,
      Transcript t) {
    ReductionProof p;
    try {
      p = GkrCodec.decodeReduction(proof);
    } catch (BadInputException e) {
      return Optional.empty();
    }
    return BatchOpening.verify(vars, claims, p, t);
  }
}
