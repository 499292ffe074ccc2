/**
 * Lookup tables for zkML and the fixed-point rules they share with quantization.
 *
 * <p>A table is a set of rows T = {(x, f(x)) : x ∈ [min, max]}; a lookup proves that each queried
 * pair (a, b) is a row of T (logUp, see io.kubz.lookup.logup: Σ 1/(α − (a + θb)) over queries = Σ m_i/(α − (x_i + θ f(x_i)))
 * over the table, with multiplicities m_i). Tables here are pure data: range [0, 2^k), signed range,
 * tagged range (x, 2^⌊log₂ x⌋) (one table for limbs of every width up to w: (l + 2^r, 2^r) ∈ T iff
 * 0 ≤ l &lt; 2^r),
 * and function tables for ReLU, leaky ReLU, sigmoid, tanh, erf, GELU, exp, reciprocal and 1/√x over
 * a quantized input range, at an input and an output scale. Values are signed integers; negative v
 * becomes p − |v| when placed in Fr. Real functions use {@link java.lang.StrictMath} only, so the
 * contents are identical on every JVM and so is every verifying key that fixes them.
 */
package io.kubz.lookup.table;
