/**
 * Quantization: the float graph in fixed-point integers, with the semantics circuits prove.
 *
 * <p>Every activation holds round(x·2^s) for the plan's activation scale s; parameters that multiply
 * are held at the parameter scale p, and a bias added to a product at the product's scale.
 * Rounding is half up everywhere ({@link io.kubz.lookup.table.FixedPoint}).
 * <ul>
 *   <li>Gemm, MatMul, Conv, ConvTranspose: acc = Σ a·w (+ bias), exact; y = ⌊(acc + 2^(k−1)) / 2^k⌋
 *       with k = s_a + s_w − s (a circuit proves acc + 2^(k−1) = y·2^k + r, 0 ≤ r &lt; 2^k, and bounds y).
 *   <li>Add, Sub: exact at s. Mul: product rescaled by k. Div by a constant c: product with round(2^p/c),
 *       rescaled by p.
 *   <li>ReLU, leaky ReLU, sigmoid, tanh, erf, GELU, exp, reciprocal: lookup tables
 *       {@link io.kubz.lookup.table.FunctionTable}(f, bits, s, s) whose widths calibration chooses so
 *       that no query of the calibration samples falls outside; a query outside is an error naming the
 *       node. Neg, Abs, Clip and PRelu are exact (PRelu's negative side is rescaled by p).
 *   <li>MaxPool, ReduceMax/Min: exact maxima. AveragePool, GlobalAveragePool, ReduceMean: the exact
 *       sum divided by the count d, rounded half up: y = ⌊(x + ⌊d/2⌋) / d⌋ (q·d + r = x + ⌊d/2⌋,
 *       0 ≤ r &lt; d). ReduceSum: exact.
 *   <li>Softmax: e_j = exp-table(x_j − max) at scale s, E = Σ e_j, y_j = ⌊(e_j·2^s + ⌊E/2⌋) / E⌋.
 *   <li>Reshape, Transpose, Concat, Slice, Gather, Pad: re-indexing only ({@link io.kubz.slicer.quant.IndexMap}).
 * </ul>
 */
package io.kubz.slicer.quant;
