/**
 * Structured reference strings for KZG: powers of a secret τ, [τ^i]_1 for i &lt; N in G1 and
 * [1]_2, [τ]_2 (and when known [τ²]_2, [τ³]_2) in G2 (Kate, Zaverucha and Goldberg, ASIACRYPT 2010).
 *
 * <p>{@link io.kubz.poly.srs.PtauReader} reads snarkjs {@code .ptau} files (the Perpetual Powers of
 * Tau format: magic "ptau", version 1, a table of sections; section 1 the header with the base
 * field prime, section 2 the 2·2^p − 1 powers [τ^i]_1, section 3 the 2^p powers [τ^i]_2; points
 * stored as little-endian Montgomery limbs with R = 2^256 mod q, the same representation as
 * {@code io.kubz.field.Fq}). It streams only the powers it needs and checks them: structure,
 * canonical coordinates on the curve, [τ^0]_1 and [τ^0]_2 the generators, and one pairing
 * equation over a random linear combination of consecutive powers,
 * e(Σ ρ^i·[τ^{i+1}]_1, [1]_2) = e(Σ ρ^i·[τ^i]_1, [τ]_2), which holds for random ρ only if every
 * [τ^{i+1}]_1 = τ·[τ^i]_1 (except with probability N/r). When N ≥ 2 it also takes [τ²]_2 and
 * [τ³]_2 (a KZG opening at three points with one quotient checks against [Z_S(τ)]_2 for a cubic
 * Z_S) and checks e([τ]_1, [τ^k]_2) = e([1]_1, [τ^{k+1}]_2) for k = 1, 2.
 *
 * <p>A file prepared for phase 2 ({@code snarkjs powersoftau prepare phase2}) also holds, in section
 * 12, the Lagrange bases [L_i(τ)]_1 of every domain size 2^p (the inverse FFT of the powers, over the
 * same roots of unity as {@code io.kubz.poly.ntt.Domain}, in natural order). The reader takes the
 * basis of its size (others when first asked for) and checks each against the checked powers with
 * one random linear combination: Σ c_i·B_i = Σ a_j·[τ^j]_1 where a = iNTT(c), both [f(τ)]_1 for the
 * f with f(ω^i) = c_i; a wrong B_i escapes with probability 1/r. With the basis a prover commits a
 * column from its values (a multi-scalar multiplication with small scalars) instead of an inverse
 * NTT and a full-width one.
 *
 * <p>{@link io.kubz.poly.srs.Srs#dev} derives τ from a seed: anyone who knows the seed can forge
 * proofs, so it is for tests and demos only and says so on stderr. {@link io.kubz.poly.srs.SrsCache}
 * keeps trimmed, checked SRS files (with their Lagrange bases) so a large ceremony is read and
 * checked once.
 */
package io.kubz.poly.srs;
