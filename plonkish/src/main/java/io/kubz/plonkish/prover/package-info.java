/**
 * The prover of a halo2-style Plonkish argument with KZG (Kate, Zaverucha, Goldberg 2010) and the
 * GWC batch opening (PLONK, ePrint 2019/953), over the trace of {@code io.kubz.plonkish.ir}.
 *
 * <p>Transcript (Keccak-256, Fiat–Shamir): vk digest, instance values; for each phase p: the
 * commitments [a_c] of the phase's advice columns (interpolated from their values on H, the
 * reserved rows holding random values), then the phase's challenges (the permutation's β, γ after
 * the last circuit phase, its grand products Z_t committed as advice of the next phase). Then
 * y; the quotient h = Σ_c y^c·C_c / (X^n − 1) computed on the extended coset (see
 * {@link io.kubz.plonkish.prover.Quotient}) and cut into d − 1 pieces H_i of n coefficients, masked
 * as H_i + b_i·X^n − b_{i−1} so that Σ x^{ni}·H_i is unchanged (PLONK §8.3); their commitments;
 * then x. The prover sends c(x·ω^r) for every advice and fixed query (c, r) and opens all of them
 * and H = Σ x^{ni}·H_i at x in one GWC batch; the verifier derives h(x) from the gates itself.
 * Zero knowledge: every committed advice polynomial has b = max(3, queries) + 2 random rows, more
 * than the evaluations it reveals.
 */
package io.kubz.plonkish.prover;
