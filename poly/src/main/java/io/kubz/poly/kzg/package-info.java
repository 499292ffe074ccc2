/**
 * KZG polynomial commitments (Kate, Zaverucha and Goldberg, "Constant-Size Commitments to
 * Polynomials and Their Applications", ASIACRYPT 2010) over BN254, behind the
 * {@link io.kubz.poly.kzg.PolynomialCommitment} seam.
 *
 * <p>Commit: C = [p(τ)]_1 = Σ c_i·[τ^i]_1 (one MSM). A polynomial given by evaluations on a domain is
 * first interpolated (inverse NTT, n log n field operations) and then committed with the monomial
 * powers, so one SRS serves every domain size and no Lagrange-basis SRS (the prepared ptau's
 * section 12) is needed; the inverse NTT costs far less than the MSM. Our roots of unity are
 * snarkjs's: a test checks commitLagrange of each unit vector against section 12's [L_i(τ)]_1.
 *
 * <p>Single opening at z: W = [q(τ)]_1 with q = (p − p(z))/(X − z); the verifier checks
 * e(W, [τ]_2) = e(C − y·G + z·W, [1]_2).
 *
 * <p>Batch opening: the GWC scheme (Gabizon, Williamson and Ciobotaru, "PLONK", ePrint 2019/953,
 * §3) as batched in halo2's {@code multiopen::gwc}, chosen over SHPLONK for its simpler verifier
 * and prover (one quotient per distinct point). Queries (p_i, z_i, y_i) are grouped by point, in
 * order of first appearance. Transcript: absorb every (z_i, y_i); draw v; for each point z_j,
 * P_j = Σ_k v^k·p_{j,k} (k the index inside the group), W_j = [(P_j − P_j(z_j))/(X − z_j)]_1; absorb
 * every W_j; draw u. The verifier checks the single pairing equation
 * e(Σ_j u^j·W_j, [τ]_2) = e(Σ_j u^j·(Σ_k v^k·C_{j,k} − (Σ_k v^k·y_{j,k})·G + z_j·W_j), [1]_2)
 * with one multi-pairing. The commitments themselves must have been absorbed by the calling
 * protocol before the opening starts.
 */
package io.kubz.poly.kzg;
