package io.kubz.plonkish;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import java.util.List;

/**
 * A Plonkish proof: commitments to the advice columns (by column index, all phases), to the
 * quotient pieces, the evaluations of every advice and fixed query (in the verifying key's query
 * order; instance queries are computed by the verifier) and the KZG batch-opening witnesses (one
 * per distinct point).
 */
public record Proof(List<G1> advice, List<G1> quotient, List<Fr> evaluations, List<G1> openings) {
  public Proof {
    advice = List.copyOf(advice);
    quotient = List.copyOf(quotient);
    evaluations = List.copyOf(evaluations);
    openings = List.copyOf(openings);
  }
}
