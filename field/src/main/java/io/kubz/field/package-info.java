/**
 * The {@code field} module of kubz: BN254 fields, curves, pairing, MSM, the Parallel helper and
 * canonical codecs. See DESIGN.md.
 *
 * <p>{@link io.kubz.field.Fr} (scalar field, order r) and {@link io.kubz.field.Fq} (base field,
 * order q) keep elements as 4 little-endian 64-bit limbs in Montgomery form x·R mod p with
 * R = 2^256 (P. L. Montgomery, "Modular multiplication without trial division", Math. Comp. 1985);
 * a product is REDC(x·R · y·R) = x·y·R. Vectors are flat {@code long[]} with element i at offset
 * 4i. Batch inversion uses Montgomery's trick (one inversion, 3(n-1) products).
 *
 * <p>Pairing side: the tower Fq2 = Fq[u]/(u² + 1), Fq6 = Fq2[v]/(v³ − ξ) with ξ = 9 + u, Fq12 =
 * Fq6[w]/(w² − v) ({@link io.kubz.field.Fq2}, {@link io.kubz.field.Fq6}, {@link io.kubz.field.Fq12};
 * Karatsuba and Chung–Hasan products after Devegili, Ó hÉigeartaigh, Scott, Dahab, "Multiplication
 * and squaring on pairing-friendly fields", 2006; Frobenius coefficients ξ^(i(q^k − 1)/6) derived at
 * start-up); {@link io.kubz.field.G2}, the order-r subgroup of the D-type twist y² = x³ + 3/ξ over
 * Fq2; and the optimal ate pairing e(P, Q) = (f_{6x+2,Q}(P)·l_{T,π(Q)}(P)·l_{T',−π²(Q)}(P))^((q¹² − 1)/r)
 * with x = 4965661367192848881 (Vercauteren, "Optimal pairings", IEEE Trans. IT 2010), see
 * {@link io.kubz.field.Pairing}.
 */
package io.kubz.field;
