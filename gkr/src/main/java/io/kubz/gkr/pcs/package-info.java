/**
 * HyperKZG: multilinear polynomial commitments on a univariate KZG SRS (the powers [τ^i]_1 of a
 * snarkjs {@code .ptau} ceremony or the dev SRS), by Gemini's reduction (Bootle, Chiesa, Hu and
 * Orrù, "Gemini: elastic SNARKs for diverse environments", ePrint 2022/420, §2.4.2) in evaluation
 * form as in Nova's HyperKZG.
 *
 * <p>Convention: an MLE over n variables is a flat array of its 2^n evaluations on {0,1}^n (4
 * Montgomery limbs each) with variable 0 the LEAST significant index bit, index = Σ x_i·2^i, so
 * f~(x) = Σ_b f[b]·Π_i (x_i·b_i + (1 − x_i)(1 − b_i)).
 *
 * <p>Commit: C = [f_0(τ)]_1 = Σ_b f[b]·[τ^b]_1, the KZG commitment of the univariate
 * f_0(X) = Σ_b f[b]·X^b (one MSM; small integer evaluations make it cheap).
 *
 * <p>Open at u ∈ F^n. Write f_i(X) = E_i(X²) + X·O_i(X²). Binding variable i (the lowest remaining
 * index bit pairs coefficients 2j and 2j+1) gives f_{i+1} = E_i + u_i·(O_i − E_i), i.e.
 * f_{i+1}[j] = f_i[2j] + u_i·(f_i[2j+1] − f_i[2j]); f_n is the constant f~(u). Since
 * E_i(r²) = (f_i(r) + f_i(−r))/2 and O_i(r²) = (f_i(r) − f_i(−r))/(2r), for every r
 * <pre>  2r·f_{i+1}(r²) = r(1 − u_i)(f_i(r) + f_i(−r)) + u_i(f_i(r) − f_i(−r)),  f_n(r²) = v.</pre>
 * If the committed f_i satisfy these at a random r, they are (except with probability about
 * 2^n/|F|) the true folds, so v = f~(u).
 *
 * <p>Protocol and transcript (Keccak-256, {@link io.kubz.poly.transcript.Transcript}):
 * <ol>
 *   <li>absorb "kubz-hyperkzg-v2" ‖ n (4 bytes), C, u_0 … u_{n−1}, v;
 *   <li>prover sends C_i = [f_i(τ)]_1 for 1 ≤ i &lt; n; absorb them; draw r;
 *   <li>prover sends f_i(r), f_i(−r), f_i(r²) for 0 ≤ i &lt; n (3n scalars); absorb them; draw q;
 *       the verifier checks the n fold equations above;
 *   <li>with B = Σ_i q^i·f_i and C_B = Σ_i q^i·C_i (C_0 = C), the
 *       claims B(x) = Σ_i q^i·f_i(x) for x ∈ S = {r, −r, r²} are opened together by KZG's batch
 *       opening at a set (Kate, Zaverucha and Goldberg, ASIACRYPT 2010, §3.4;
 *       {@code ThreePointOpening}): W = [(B − R)/Z_S (τ)]_1 with R the interpolant of degree ≤ 2 and
 *       Z_S(X) = (X − r)(X + r)(X − r²) = X³ − r²X² − r²X + r⁴; absorb W; one pairing check
 *       e(C_B − [R(τ)]_1, [1]_2) = e(W, [Z_S(τ)]_2), [Z_S(τ)]_2 formed from [1]_2 … [τ³]_2 of the
 *       SRS. r ∈ {0, 1, −1} (r, −r, r² not distinct, or r not invertible) is rejected.
 * </ol>
 * A proof is n − 1 + 1 G1 points and 3n scalars; n = 0 has an empty proof, the verifier checks
 * C = v·[1]_1. The verifier derives every point itself. Its cost: the n fold equations, one MSM
 * of n + 3 points (C_B − [R(τ)]_1), three G2 scalar multiplications for [Z_S(τ)]_2 and a check of
 * two pairings, one against prepared [1]_2. Canonical bytes
 * ({@link io.kubz.gkr.pcs.HyperKzgProof#toBytes()}): the folds (32-byte compressed points), the 3n
 * scalars (32 bytes big-endian, below r), W; nothing else, and decoding rejects any other
 * length or encoding.
 *
 * <p>Cost to the prover: the n − 1 fold commitments (MSMs of 2^{n−1}, 2^{n−2}, …, together about
 * one full-width MSM of 2^n) plus one quotient MSM of about 2^n full-width scalars (SHPLONK's
 * single-polynomial case, the previous format v1, took two; GWC's batch opening three), O(2^n)
 * field operations besides. The SRS must hold [τ²]_2 and [τ³]_2 ({@link io.kubz.poly.srs.Srs#g2Power}).
 */
package io.kubz.gkr.pcs;
