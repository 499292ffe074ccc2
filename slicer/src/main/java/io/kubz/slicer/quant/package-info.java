/**
 * Quantization: the float graph in fixed-point integers, with the semantics circuits prove.
 *
 * <p>Scales: one activation scale s and one parameter scale p per model. The default ("accuracy")
 * preset searches them ({@link io.kubz.slicer.quant.Calibrator#calibrate}): s = p = 8, 10, …, 16, the
 * first whose outputs are within 0.5 % of the float model's on the calibration samples, as long as no
 * table needs more than 2^18 entries; "balanced" (2^8) and "resources" (2^6) keep theirs. Normalisation
 * variance chains (Pow 2 → ReduceMean → + ε → Sqrt → Div) may carry a shift k
 * ({@link io.kubz.slicer.quant.NormChains}): d is squared as 2^k·d, ε held as 4^k·ε and the Div's
 * reciprocal scaled back by 2^k, so a small variance keeps 2k more bits.
 *
 * <p>Every activation holds round(x·2^s) for the plan's activation scale s; parameters that multiply
 * are held at the parameter scale p, and a bias added to a product at the product's scale.
 * Rounding is half up everywhere ({@link io.kubz.lookup.table.FixedPoint}).
 * <ul>
 *   <li>Gemm, MatMul, Conv, ConvTranspose: acc = Σ a·w (+ bias), exact; y = ⌊(acc + 2^(k−1)) / 2^k⌋
 *       with k = s_a + s_w − s (a circuit proves acc + 2^(k−1) = y·2^k + r, 0 ≤ r &lt; 2^k, and bounds y).
 *   <li>Add, Sub: exact at s. Mul: product rescaled by k. Div by a constant c: product with round(2^p/c),
 *       rescaled by p. Div by an activation b: y = ⌊(a·T(b) + 2^(t−1)) / 2^t⌋ with T(b) = round(2^(s+t)/b)
 *       (T(0) = 0) a table from scale s to t = s + p, looked up once per element of b.
 *   <li>ReLU, leaky ReLU, sigmoid, tanh, erf, GELU, exp, reciprocal, log (ln max(x, 2^−s)), √ (0 below 0),
 *       softplus, softsign, mish, ELU, CELU, SELU, hard sigmoid, hard swish, floor, ceil, round (halves to
 *       even), sign, trigonometry, and Pow with one constant side (x^e or b^x; undefined powers hold 0):
 *       lookup tables {@link io.kubz.lookup.table.FunctionTable}(f, bits, s, s) whose widths calibration
 *       chooses so that no query of the calibration samples falls outside; a query outside is an error
 *       naming the node. Neg, Abs, Clip and PRelu are exact (PRelu's negative side is rescaled by p).
 *   <li>LayerNormalization and InstanceNormalization arrive written out (ReduceMean, Sub, Pow 2, ReduceMean,
 *       Add ε, Sqrt, Div, Mul, Add; {@code io.kubz.slicer.passes}); their variance is held at scale s, so a
 *       row whose standard deviation is below about 2^(−s/2) normalises poorly.
 *   <li>MaxPool, ReduceMax/Min: exact maxima. AveragePool, GlobalAveragePool, ReduceMean: the exact
 *       sum divided by the count d, rounded half up: y = ⌊(x + ⌊d/2⌋) / d⌋ (q·d + r = x + ⌊d/2⌋,
 *       0 ≤ r &lt; d). ReduceSum: exact.
 *   <li>Softmax: e_j = exp-table(x_j − max) at scale s, E = Σ e_j, y_j = ⌊(e_j·2^s + ⌊E/2⌋) / E⌋.
 *   <li>Gemm/MatMul of two activations: as above with both factors at s, so k = s.
 *   <li>Booleans are activations too: true is 1.0 (2^s), false 0. Less, LessOrEqual, Greater,
 *       GreaterOrEqual, Equal compare the quantized values exactly; And, Or, Xor, Not and Where's
 *       condition accept only 0 and 2^s (else an error naming the node). Max, Min: exact. ArgMax/ArgMin:
 *       index i as i·2^s, ties (equal quantized values) to the first index, or the last with
 *       select_last_index ({@link io.kubz.slicer.quant.LogicKernels}).
 *   <li>Cast to an integer type: the identity when the value is whole by construction (booleans, indices,
 *       rounded values, integer inputs, and sums, products and re-indexings of those with integer constants);
 *       otherwise ONNX's truncation toward zero as a table of trunc(x) at scale s. Cast to a float type: the identity.
 *   <li>Reshape, Transpose, Concat, Slice, Gather, Pad: re-indexing only ({@link io.kubz.slicer.quant.IndexMap}).
 *   <li>Gather, GatherElements, GatherND, ScatterElements, ScatterND by a computed index (held as
 *       i·2^s): values move unchanged; an index that is not an integer in [0, n) is refused naming the
 *       node; duplicate scatter indices: the last write in row-major order wins
 *       ({@link io.kubz.slicer.quant.ScatterIntKernels}).
 * </ul>
 */
package io.kubz.slicer.quant;
