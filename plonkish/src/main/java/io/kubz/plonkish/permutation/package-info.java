/**
 * The permutation (copy-constraint) argument of PLONK (Gabizon, Williamson, Ciobotaru, ePrint
 * 2019/953, §5) as halo2 arranges it. Cells of the m permuted columns are labelled
 * id(j, i) = δ^j·ω^i, where δ = g^(2^28) has odd order, so the cosets δ^j·H are disjoint; σ maps
 * every cell to the next one of its equality class, and σ_j(ω^i) = id(σ(j, i)) is a fixed column.
 * Columns are cut into chunks of c = max(d, 3) − 2 (d the circuit's degree), with one grand product
 * Z_t per chunk:
 * <pre>
 *   Z_t(ω^{i+1}) = Z_t(ω^i) · Π_j (v_j(ω^i) + β·δ^j·ω^i + γ) / (v_j(ω^i) + β·σ_j(ω^i) + γ)
 * </pre>
 * for i &lt; u. The gates are L_0·(1 − Z_0) = 0, L_u·(Z_last² − Z_last) = 0,
 * L_0·(Z_t − Z_{t−1}(ω^u X)) = 0, and
 * (1 − L_u − L_blind)·(Z_t(ωX)·Π(v_j + β·σ_j + γ) − Z_t(X)·Π(v_j + β·δ^j·X + γ)) = 0, each of
 * degree ≤ c + 2. The Z_t take random values on the blinding rows.
 */
package io.kubz.plonkish.permutation;
