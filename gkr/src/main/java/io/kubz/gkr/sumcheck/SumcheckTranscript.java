package io.kubz.gkr.sumcheck;

import io.kubz.field.Fr;
import io.kubz.poly.transcript.Transcript;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The transcript steps shared by prover and verifier (one place, so they cannot drift apart). */
final class SumcheckTranscript {
  private SumcheckTranscript() {}

  static void begin(Transcript t, int vars, int degree) {
    t.absorbBytes("sumcheck", ("kubz-sumcheck-v1/" + vars + "/" + degree)
        .getBytes(StandardCharsets.US_ASCII));
  }

  static Fr round(Transcript t, List<Fr> values) {
    for (Fr x : values) {
      t.absorbScalar("sumcheck-round", x);
    }
    return t.challenge("sumcheck-r");
  }
}
