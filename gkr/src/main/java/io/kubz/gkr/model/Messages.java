package io.kubz.gkr.model;

import io.kubz.field.Fr;
import io.kubz.gkr.sumcheck.SumcheckProof;
import io.kubz.poly.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;

/**
 * The layer walk's messages in order: field elements (each absorbed as it is sent or read) and
 * sumchecks (absorbed by the sumcheck itself). The prover appends, the verifier reads with a cursor
 * that answers null once the proof has no more: a short proof is a rejection, never an exception.
 */
final class Messages {
  final List<Fr> evals;
  final List<SumcheckProof> sumchecks;
  private int nextEval;
  private int nextSumcheck;

  Messages() {
    evals = new ArrayList<>();
    sumchecks = new ArrayList<>();
  }

  Messages(List<Fr> evals, List<SumcheckProof> sumchecks) {
    this.evals = evals;
    this.sumchecks = sumchecks;
  }

  /** Prover: sends x. */
  void send(Transcript t, Fr x) {
    evals.add(x);
    t.absorbScalar("layered-eval", x);
  }

  /** Verifier: the next value, absorbed; null when there is none. */
  Fr read(Transcript t) {
    if (nextEval >= evals.size()) {
      return null;
    }
    Fr x = evals.get(nextEval++);
    if (x == null) {
      return null;
    }
    t.absorbScalar("layered-eval", x);
    return x;
  }

  /** Verifier: n values, or null when the proof has fewer. */
  Fr[] read(Transcript t, int n) {
    Fr[] out = new Fr[n];
    for (int i = 0; i < n; i++) {
      out[i] = read(t);
      if (out[i] == null) {
        return null;
      }
    }
    return out;
  }

  SumcheckProof readSumcheck() {
    return nextSumcheck < sumchecks.size() ? sumchecks.get(nextSumcheck++) : null;
  }

  /** Whether the verifier read everything (extra messages are a rejection). */
  boolean exhausted() {
    return nextEval == evals.size() && nextSumcheck == sumchecks.size();
  }
}
