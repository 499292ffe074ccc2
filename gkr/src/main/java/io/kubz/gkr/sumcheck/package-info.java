/**
 * The sumcheck protocol (Lund–Fortnow–Karloff–Nisan 1992; Thaler, "Proofs, Arguments and
 * Zero-Knowledge" §4.1) for H = Σ_{x ∈ {0,1}^v} f(g_1(x), …, g_m(x)) with multilinear g_j and
 * f = Σ_t c_t·Π_{j ∈ S_t} g_j a sum of products ({@link io.kubz.gkr.sumcheck.Composition}), of
 * degree d = max_t |S_t| (1 to 5 in use).
 *
 * <p>Round k (variables 0..k−1 already bound to r_0..r_{k−1}, variable 0 first, see
 * {@link io.kubz.gkr.mle}): the prover sends s_k(X) = Σ_{x'} f(g(r_0..r_{k−1}, X, x')) as its d + 1
 * values s_k(0..d). The verifier checks that exactly d + 1 values came, that
 * s_k(0) + s_k(1) equals the running claim, absorbs the d + 1 values, draws r_k and sets the claim to
 * s_k(r_k) (Lagrange interpolation on 0..d). After v rounds it returns (r, claim); the caller must
 * check claim = f(g_1(r), …, g_m(r)) against evaluations it trusts (its own, or opening claims).
 *
 * <p>Transcript: before round 0 both sides absorb the bytes "kubz-sumcheck-v1" with v and d, so a
 * proof for one shape never replays as another. Batching several sums over the same variables:
 * absorb their claims H_i, draw λ, prove Σ_i λ^i·H_i for Σ_i λ^i·f_i
 * ({@link io.kubz.gkr.sumcheck.Composition#batch}). Sums of the form Σ_x eq(z, x)·g(x) (GKR layers,
 * tower layers) have a faster prover with the same messages,
 * {@link io.kubz.gkr.sumcheck.EqSumcheckProver}.
 *
 * <p>Prover cost: round k's pass binds variable k − 1 of every table (one product per entry
 * written) and sums the round's pairs in the same read, into buffers allocated once per run, so
 * each round reads each table once. Only f at X = 0, 2, …, d is summed (s(1) = claim − s(0)); a
 * product of two tables costs 2 products per pair, a logUp layer 4 per point with its eq weight.
 */
package io.kubz.gkr.sumcheck;
