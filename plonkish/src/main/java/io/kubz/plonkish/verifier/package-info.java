/**
 * The verifier of the Plonkish argument described in {@code io.kubz.plonkish.prover}: it replays
 * the transcript, evaluates the instance columns itself (Σ v_i·L_i(z), L_i(z) =
 * ω^i·(z^n − 1)/(n·(z − ω^i))), evaluates every gate at x from the opened values with
 * {@link io.kubz.plonkish.verifier.PointEvaluator}, and checks the batch opening including
 * Σ x^{ni}·[H_i] at x against Σ y^c·C_c(x)/(x^n − 1). It returns false, never throws, on bad input.
 */
package io.kubz.plonkish.verifier;
