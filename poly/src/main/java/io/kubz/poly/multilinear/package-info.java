/**
 * Multilinear polynomials in evaluation form over the boolean hypercube {0,1}^v.
 *
 * <p>f̃(x_1, …, x_v) = Σ_{b ∈ {0,1}^v} f(b)·eq(b, x) with eq(b, x) = Π_k (b_k x_k + (1 − b_k)(1 − x_k))
 * (the multilinear extension, as in Thaler, "Proofs, Arguments, and Zero-Knowledge", §3.5).
 * Index convention: table index i = Σ_k b_k·2^{v−k}, so x_1 is the most significant bit and fixing
 * x_1 = r folds the two halves: t'[i] = t[i] + r·(t[i + 2^{v−1}] − t[i]).
 */
package io.kubz.poly.multilinear;
