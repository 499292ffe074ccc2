/**
 * Radix-2 evaluation domains and number-theoretic transforms over BN254's scalar field.
 *
 * <p>A {@link io.kubz.poly.ntt.Domain} of size n = 2^k (k &le; 28, the 2-adicity of r − 1) is the
 * subgroup H = {ω^0, …, ω^{n−1}} with ω = {@code Fr.rootOfUnity(k)}; its coset gH uses the shift
 * g = 7 (a quadratic non-residue, so g^{2^28} ≠ 1 and gH ∩ H = ∅ for every k).
 *
 * <p>The forward transform maps coefficients a_j to evaluations A_i = Σ_j a_j ω^{ij}; the inverse
 * maps back with ω^{-1} and a factor n^{-1}. {@link io.kubz.poly.ntt.Radix2Ntt} is the iterative
 * Cooley–Tukey / Gentleman–Sande algorithm (Cooley and Tukey, "An algorithm for the machine
 * calculation of complex Fourier series", 1965): decimation in frequency takes natural order to
 * bit-reversed order and decimation in time takes bit-reversed order back to natural order, so a
 * product (forward, pointwise, inverse) never permutes. The stages whose butterflies span less than
 * a cache-sized block are run block by block; the wider stages run across the whole array, and
 * every stage is split over threads with {@link io.kubz.field.Parallel}.
 */
package io.kubz.poly.ntt;
