/**
 * The logUp lookup argument (Haböck 2022, "Multivariate lookups based on logarithmic derivatives",
 * ePrint 2022/1530) as kernels over flat Montgomery vectors, independent of any circuit syntax.
 *
 * <p>Let t_0..t_{T−1} be the rows of a table and f_{k,i} the queried values (query k on row i,
 * active where its selector s_{k,i} ≠ 0). Tuples (a_0, …, a_{w−1}) are first compressed with a
 * challenge θ into a_0 + θ·a_1 + … + θ^(w−1)·a_{w−1}. The queries all lie in the table exactly when,
 * with multiplicities m_j = Σ_{(k,i): f_{k,i} = t_j} s_{k,i} (counted on the first occurrence of a
 * repeated table row),
 * <pre>
 *   Σ_{k,i} s_{k,i} / (α − f_{k,i})  =  Σ_j m_j / (α − t_j)
 * </pre>
 * as rational functions of α (Haböck, Lemma 5: over a field of characteristic larger than the
 * number of terms, equal sums of such fractions have equal poles with equal multiplicities), and so,
 * but for a probability of at most (number of terms)/|F|, at a random α drawn after the prover
 * committed to f, t and m.
 *
 * <p>The identity is checked with helper columns and a running sum: h_i = Σ_{k∈g} s_{k,i}/(α − f_{k,i})
 * for a group g of queries (one helper per group, sized to the circuit's degree), and φ with
 * φ_0 = 0, φ_{i+1} = φ_i + Σ_g h_{g,i} − m_i/(α − t_i), φ_u = 0 after the u usable rows. The
 * circuit adapter (io.kubz.plonkish.lookup) turns these into constraints:
 * h·Π(α − f_k) = Σ_k s_k·Π_{j≠k}(α − f_j) and (φ(ωX) − φ(X) − Σ h)·(α − t) + m = 0.
 *
 * <p>{@link io.kubz.lookup.logup.TupleIndex} finds the row of a queried tuple (open addressing over
 * the limbs) to count multiplicities; {@link io.kubz.lookup.logup.LogUp} holds the kernels.
 */
package io.kubz.lookup.logup;
