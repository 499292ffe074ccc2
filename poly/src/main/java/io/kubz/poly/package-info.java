/**
 * Univariate polynomials over BN254's scalar field in two bases that cannot be mixed up:
 * {@link io.kubz.poly.CoeffPoly} (p = Σ c_i X^i) and {@link io.kubz.poly.LagrangePoly}
 * (e_i = p(x_i) on a radix-2 domain H or its coset gH).
 *
 * <p>Conversions are the NTT of {@link io.kubz.poly.ntt}; products of large polynomials go through
 * evaluations (forward NTT to bit-reversed order, pointwise product, inverse NTT from bit-reversed
 * order). Division by X − z is synthetic division; division by Z_H = X^n − 1 is exact long
 * division in coefficient form, or pointwise on a coset where Z_H has no roots. Evaluation in
 * Lagrange form uses the barycentric formula (Berrut and Trefethen, "Barycentric Lagrange
 * Interpolation", SIAM Review 2004): p(z) = Z(z)·Σ_i e_i/(Z'(x_i)·(z − x_i)).
 *
 * <p>Subpackages: {@code ntt} (domains, transforms), {@code multilinear} (hypercube evaluations),
 * {@code kzg} (commitments), {@code srs} (structured reference strings), {@code transcript}
 * (Fiat–Shamir).
 */
package io.kubz.poly;
