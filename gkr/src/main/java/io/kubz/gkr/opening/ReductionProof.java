package io.kubz.gkr.opening;

import io.kubz.field.Fr;
import io.kubz.gkr.sumcheck.SumcheckProof;

/** The batching sumcheck and w = W̃it(ρ) at its point. */
public record ReductionProof(SumcheckProof sumcheck, Fr value) {}
