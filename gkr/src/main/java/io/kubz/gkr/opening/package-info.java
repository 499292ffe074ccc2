/**
 * Batched opening: many claims {(z_i, y_i)} on one committed multilinear Wit of n variables become
 * one claim Wit(ρ) = w, opened once (HyperPlonk, Chen–Bünz–Boneh–Zhang, eprint 2022/1355 §3.8).
 *
 * <p>Both sides absorb the label "kubz-batch-open-v1", n, k and every (z_i, y_i), then draw γ. The
 * prover runs a degree-2 sumcheck of Σ_x Wit(x)·E(x) = Σ_i γ^i·y_i with
 * E(x) = Σ_i γ^i·eq(z_i, x) (correct because Σ_x Wit(x)·eq(z_i, x) = W̃it(z_i)); at its point ρ it
 * sends w = W̃it(ρ), which is absorbed, and the verifier checks the sumcheck's last claim equals
 * w·Σ_i γ^i·eq(z_i, ρ), computed in O(k·n). What is left is the single claim (ρ, w) for the
 * {@link io.kubz.gkr.MultilinearPcs}.
 *
 * <p>A claim on a sub-table of 2^k entries packed into Wit at the aligned offset o·2^k is a claim on
 * Wit at (z, bits(o)) ({@link io.kubz.gkr.opening.Claim#embed}).
 */
package io.kubz.gkr.opening;
