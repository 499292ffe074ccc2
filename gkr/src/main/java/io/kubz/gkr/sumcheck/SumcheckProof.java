package io.kubz.gkr.sumcheck;

import io.kubz.field.Fr;
import java.util.List;

/** The round polynomials s_0 … s_{v−1}, each as its values at 0..d (d + 1 of them). */
public record SumcheckProof(List<List<Fr>> rounds) {
  public SumcheckProof {
    rounds = rounds.stream().map(List::copyOf).toList();
  }
}
