/**
 * The verifier of the Plonkish argument described in {@code io.kubz.plonkish.prover}: it replays
 * the transcript, evaluates the instance columns itself (Σ v_i·L_i(z), L_i(z) =
 * ω^i·(z^n − 1)/(n·(z − ω^i))), evaluates every gate at x from the opened values with
 * {@link io.kubz.plonkish.verifier.PointEvaluator}, and checks the batch opening including
 * Σ x^{ni}·[H_i] at x against Σ y^c·C_c(x)/(x^n − 1). It returns false, never throws, on bad input.
 * Its cost is bounded by the key's validated shape: C(x) is summed in Horner order over the gate
 * polynomials, each folded without recursion; L_0(x), L_u(x) and Σ_{u<i<n} L_i(x) take one batch
 * inversion over the at most 65 reserved rows, whatever n is.
 */
package io.kubz.plonkish.verifier;
