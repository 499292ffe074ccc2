/**
 * logUp-GKR (Papini–Haböck, "Improving logarithmic derivative lookups using GKR", eprint
 * 2023/1284): a lookup of values f_i into a table T holds iff Σ_i 1/(α − f_i) = Σ_k m_k/(α − T_k)
 * for a random α (Haböck, eprint 2022/1530), and a GKR tower proves that fractional sum without
 * committing to any helper column.
 *
 * <p><b>Leaves.</b> Two towers per table T with tag τ_T and columns T_1..T_w; rows are combined
 * with a random β as q = α + τ_T + Σ_{j=1..w} β^j·col_j, so the tag is the β^0 coefficient and a
 * row of one table never equals a row of another. The lookup tower has 2^a leaves, a =
 * max(log rows, 1): lookup row x has (p, q) = (−1, q(x)) when it is used and (0, q(x)) otherwise;
 * the table tower has 2^t leaves, t = max(log table size, 1): table row k has (m_k, q(T_k)). (Format
 * version 1 had one tower of 2^(s+1) leaves, s = max(a, t), its top variable picking the side, so
 * the smaller side was padded to the larger: a 2^19-row range check into a 2^16-row table cost 2^20
 * leaves, now 2^19 + 2^16.) See {@link io.kubz.gkr.logup.Leaves} for the closed forms the verifier
 * evaluates.
 *
 * <p><b>Layers.</b> Layer j has 2^j fractions; entry x of layer j merges entries x and x + 2^j of
 * layer j + 1: p = p0·q1 + p1·q0, q = q0·q1. A claim (p̃_j(z), q̃_j(z)) is reduced by a degree-3
 * sumcheck of Σ_x eq(z, x)·(p0(x)·q1(x) + p1(x)·q0(x) + λ·q0(x)·q1(x)) = p̃_j(z) + λ·q̃_j(z); the
 * prover then sends p0, p1, q0, q1 at the sumcheck point ρ, the verifier checks the sumcheck's last
 * claim against them, absorbs them, draws (μ, λ') and continues at z' = (ρ, μ) with
 * p̃_{j+1}(z') = p0 + μ·(p1 − p0) (μ is the top coordinate). The top layer sends the two children of
 * the root with no sumcheck.
 *
 * <p><b>Checks, per table</b> (never one sum across tables): the roots (p_L, q_L) of the lookup
 * tower and (p_T, q_T) of the table tower have q_L ≠ 0, q_T ≠ 0 and p_L·q_T + p_T·q_L = 0 (the two
 * fractional sums cancel), and each tower's leaf claims equal the closed form computed from the
 * prover's evaluations of the input columns (at the lookup tower's point) and multiplicities (at
 * the table tower's point), which the verifier returns as claims for the caller to discharge
 * (openings of the committed witness). Range tables are evaluated as Σ 2^i·z_i, function tables
 * from their (in, out) list. Transcript: label, every table's descriptor and shape, then (α, β);
 * then per table the lookup tower, the table tower and the leaf evaluations.
 */
package io.kubz.gkr.logup;
