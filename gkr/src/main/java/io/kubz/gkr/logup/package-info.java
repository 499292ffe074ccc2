/**
 * logUp-GKR (Papini–Haböck, "Improving logarithmic derivative lookups using GKR", eprint
 * 2023/1284): a lookup of values f_i into a table T holds iff Σ_i 1/(α − f_i) = Σ_k m_k/(α − T_k)
 * for a random α (Haböck, eprint 2022/1530), and a GKR tower proves that fractional sum without
 * committing to any helper column.
 *
 * <p><b>Leaves.</b> One tower per table T with tag τ_T and columns T_1..T_w; rows are combined with
 * a random β as q = α + τ_T + Σ_{j=1..w} β^j·col_j, so the tag is the β^0 coefficient and a row of
 * one table never equals a row of another. The tower has 2^(s+1) leaves, s = max(log rows,
 * log table size); its top variable picks the side: lookup row x has (p, q) = (−1, q(x)) when it is
 * used and (0, q(x)) otherwise; table row k has (m_k, q(T_k)). See {@link io.kubz.gkr.logup.Leaves}
 * for the closed form the verifier evaluates.
 *
 * <p><b>Layers.</b> Layer j has 2^j fractions; entry x of layer j merges entries x and x + 2^j of
 * layer j + 1: p = p0·q1 + p1·q0, q = q0·q1. A claim (p̃_j(z), q̃_j(z)) is reduced by a degree-3
 * sumcheck of Σ_x eq(z, x)·(p0(x)·q1(x) + p1(x)·q0(x) + λ·q0(x)·q1(x)) = p̃_j(z) + λ·q̃_j(z); the
 * prover then sends p0, p1, q0, q1 at the sumcheck point ρ, the verifier checks the sumcheck's last
 * claim against them, absorbs them, draws (μ, λ') and continues at z' = (ρ, μ) with
 * p̃_{j+1}(z') = p0 + μ·(p1 − p0) (μ is the top coordinate). The top layer sends the two children of
 * the root with no sumcheck.
 *
 * <p><b>Checks, per table</b> (never one sum across tables): the root has p = 0 and q ≠ 0, and the
 * tower's leaf claims equal the closed form computed from the prover's evaluations of the input
 * columns and multiplicities, which the verifier returns as claims for the caller to discharge
 * (openings of the committed witness). Range tables are evaluated as Σ 2^i·z_i, function tables
 * from their (in, out) list. Transcript: label, every table's descriptor and shape, then (α, β);
 * then per table the tower and the leaf evaluations.
 */
package io.kubz.gkr.logup;
