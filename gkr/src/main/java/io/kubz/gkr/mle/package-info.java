/**
 * Multilinear extensions (MLEs) as flat tables, the convention of the whole gkr module.
 *
 * <p>An MLE over v variables is a {@code long[]} of 2^v elements of F_r (4 limbs each, Montgomery
 * form, the {@link io.kubz.field.Fr} kernels). <b>Variable 0 is the least significant bit of the
 * index</b>: entry i holds f(x) for i = Σ_k x_k·2^k, and
 * f̃(r) = Σ_i f[i]·eq(r, bits(i)), eq(r, x) = Π_k (r_k·x_k + (1 − r_k)·(1 − x_k)).
 * A point is a flat {@code long[]} of v elements, coordinate k for variable k.
 *
 * <p>Consequences: binding variable 0 to r pairs adjacent entries,
 * f'[i] = f[2i] + r·(f[2i+1] − f[2i]) (Thaler, "Proofs, Arguments and Zero-Knowledge" §4.1);
 * a row-major matrix with 2^c columns has its column bits as variables 0..c−1 and its row bits
 * above them; a sub-vector of 2^k entries at an aligned offset o·2^k is f restricted to
 * (x_0..x_{k−1}, bits(o)).
 */
package io.kubz.gkr.mle;
