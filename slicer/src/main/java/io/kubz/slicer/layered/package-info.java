/**
 * Lowering of a {@link io.kubz.slicer.quant.QuantizedGraph} to the GKR back end's
 * {@link io.kubz.gkr.model.LayeredModel}, with exactly the integer semantics of
 * {@link io.kubz.slicer.quant.IntegerInterpreter} (and so of the plonkish circuits): the layered
 * model's output equals the interpreter's output bit for bit, whenever the layered model's range
 * checks accept.
 *
 * <h2>Supported operations</h2>
 * <ul>
 *   <li>Gemm, MatMul with a constant operand (batched, broadcast, rank-1 promoted, transposed, with a
 *       constant or activation bias), Conv (im2col as the sparse matrix: strides, pads, dilations,
 *       groups, any number of spatial axes), ConvTranspose (the scatter's transpose), BatchNorm: one
 *       {@code Linear} (weights as the matrix, bias as the bias) and a {@code Rescale} by the node's
 *       shift, ⌊(acc + 2^(k−1)) / 2^k⌋. A product x·W of an activation read row by row in its own
 *       order by one constant W shared by every row (a transformer's token-wise projections), with no
 *       bias or one per column, is a 1×1 {@code Conv} of batch = rows instead: W stored once, not a
 *       rows·n·p matrix;
 *   <li>Gemm / MatMul of two activations: both gathered to batch×m×n and batch×n×p, a {@code MatMul},
 *       then the rescale; Mul of two activations: both broadcast, a {@code Product}, the rescale;
 *       Div by an activation: the node's reciprocal table looked up, a product, the rescale;
 *   <li>Add, Sub (constants in the bias), Mul and Div by constants, Neg, ReduceSum: {@code Linear};
 *   <li>every re-indexing (Reshape, Flatten, Squeeze, Transpose, Slice, Concat, Pad in any mode,
 *       Gather with constant indices, Expand/Tile as the importer writes them), Cast: a 0/1
 *       {@code Linear} from {@link io.kubz.slicer.quant.QuantizedGraph#indexMap}, or no layer at all
 *       when the map is the identity;
 *   <li>table functions (ReLU, leaky ReLU, sigmoid, tanh, GELU, exp, …, Pow with a constant side):
 *       a {@code Lookup} into the node's own table (one {@link io.kubz.gkr.model.TableDef} per table
 *       id), as the interpreter evaluates them. ReLU stays a lookup rather than max(x, 0): the
 *       interpreter refuses a ReLU input outside the calibrated table, and so must the model. When
 *       the ReLU reads a rescale checked to exactly the table's width b and the table holds max(v, 0)
 *       on all of [−2^(b−1), 2^(b−1)), the rescale's range check refuses exactly what the table
 *       refuses, and the ReLU is a {@code Max} of the rescale and a zero tensor instead (no 2^b-row
 *       table, no multiplicities); a max pool over such a ReLU is one {@code Max} of the window's
 *       rescaled values and 0 (max_k max(y_k, 0) = max(max_k y_k, 0)), so the ReLU's own output is
 *       never committed ({@link io.kubz.slicer.layered.Pools});
 *   <li>MaxPool, ReduceMax/Min, binary Max/Min, Abs, Clip, PRelu with slopes in [0, 1]: {@code Max}
 *       (min(a, b) = −max(−a, −b); see {@link io.kubz.slicer.layered.Elementwise} and
 *       {@link io.kubz.slicer.layered.Pools});
 *   <li>AveragePool, GlobalAveragePool, ReduceMean: the interpreter's ⌊(Σ + ⌊d/2⌋) / d⌋ as a
 *       multiplication by a fixed-point reciprocal and one rescale, exact by
 *       {@link io.kubz.slicer.layered.Means};
 *   <li>Less, LessOrEqual, Greater, GreaterOrEqual, Equal: the sign [x ≥ 0] of an integer difference
 *       as one {@code Rescale} to one signed bit (0 or 2^s out, as the interpreter); And, Or, Xor, Not
 *       as products and sums of 0/1 bits; Where(c, x, y) = y + c·(x − y) (no rescale). A boolean no
 *       comparison made gets its bit from a two-row table, which refuses what the interpreter refuses
 *       ({@link io.kubz.slicer.layered.Logic});
 *   <li>ArgMax/ArgMin (first or last index on ties) by a {@code Max}, equality bits and counts; Gather
 *       and GatherElements by an activation index as a one-hot from an equality table (which refuses
 *       every index the interpreter refuses) times the data: a {@code Linear} for constant data, a
 *       {@code MatMul} or a {@code Product} for an activation ({@link io.kubz.slicer.layered.Selection});
 *       GatherND's tuples by the product of their components' one-hots; ScatterElements and ScatterND
 *       as y = x + Σ w·(u − x) with w = h·[no later update writes the same position] (last write wins).
 *   <li>Softmax: a {@code Max}, the node's exp table, and the interpreter's rounded division by the
 *       activation Σe as binary long division, one sign test and one product per quotient bit
 *       ({@link io.kubz.slicer.layered.Softmax}); e's bound is the table's largest output at inputs
 *       ≤ 0 (x − max ≤ 0), and bit b's sign test is as wide as 2^(b+1)·Σe needs.
 * </ul>
 * Anything else (ReduceL1/L2/LogSumExp, LayerNorm/InstanceNorm if not written out, PRelu with a slope
 * outside [0, 1]) is a
 * {@link io.kubz.field.BadInputException} naming the op and the node and pointing to
 * {@code --proof-system plonkish}.
 *
 * <h2>Ranges</h2>
 * The interpreter checks no range but its tables; the plonkish circuits check rescaled values to 64
 * bits, or to the consumer's table width when every consumer looks the value up. Here a rescale's
 * output is checked to the narrowest consumer table's input width when every consumer is a table
 * function (the interpreter refuses everything outside anyway: exactly as complete); otherwise to
 * the width its inputs' bounds imply (interval analysis through the layers), capped at
 * W = s + {@link io.kubz.slicer.layered.LayeredLowering#REAL_BITS} bits (at most 48, the GKR model's
 * limit): a real value of magnitude 2^23 or more there is refused by the prover, where the
 * interpreter would go on. Model inputs are assumed within W bits for this analysis (they are
 * public, so no check is needed for soundness). A max's difference width is the one its inputs'
 * bounds imply (≤ 48). A sign test's rescale is by 2^k with 2^k above its difference's bound (k ≤ 48):
 * a difference of 2^48 or more is refused by the prover. Widths only decide completeness: every check
 * is enforced by the layer.
 */
package io.kubz.slicer.layered;
