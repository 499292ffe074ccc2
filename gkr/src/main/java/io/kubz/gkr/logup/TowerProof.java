package io.kubz.gkr.logup;

import io.kubz.field.Fr;
import io.kubz.gkr.sumcheck.SumcheckProof;
import java.util.List;

/**
 * A fractional-sum tower over 2^n leaves: n layers, layer j (0 = top) a sumcheck over j variables
 * (none for the top layer) and the four child evaluations p0, p1, q0, q1 at its point.
 */
public record TowerProof(List<Layer> layers) {
  public TowerProof {
    layers = List.copyOf(layers);
  }

  /** One layer: its sumcheck and the children (p0, p1, q0, q1). */
  public record Layer(SumcheckProof sumcheck, List<Fr> children) {
    public Layer {
      children = List.copyOf(children);
    }
  }
}
