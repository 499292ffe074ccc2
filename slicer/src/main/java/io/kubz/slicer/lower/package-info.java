/**
 * Lowering: a slice of a {@link io.kubz.slicer.quant.QuantizedGraph} compiled into a Plonkish
 * circuit ({@link io.kubz.slicer.lower.SliceCompiler}, {@link io.kubz.slicer.lower.CompiledSlice})
 * whose witness is the integer interpreter's trace, proving exactly the integer semantics of
 * {@code io.kubz.slicer.quant} (values v held in F_r as v mod r).
 *
 * <h2>Gadgets</h2>
 * <ul>
 *   <li>Arithmetic row over a_0..a_4: Σ q_i·a_i + q_m·a_0·a_1 + q_k = 0 (all q fixed; no selector).
 *       Add/Sub/Mul, constants, linear recombinations, ReLU's product.
 *   <li>Multiply-accumulate, m products per row with weights in fixed columns:
 *       acc(ωX) = acc(X) + Σ x_i·w_i, acc = bias on the first row. Gemm/MatMul/Conv compute one dot
 *       product per output; a convolution's im2col is only the choice of the copied cells.
 *   <li>Freivalds' check for a convolution C = W·X (W constant M×K, X the im2col matrix K×P of
 *       copied input cells, C the M×P accumulators), used when it takes fewer rows: X and C are
 *       committed in phase 0, one challenge ρ is drawn, Horner rows in phase 1 compute u = X·r and
 *       v = C·r with r_p = ρ^(e_p) (distinct exponents), and a phase-1 multiply-accumulate with W in
 *       fixed columns proves v = W·u (the bias is a row of ones in X). Cost (K + 1 + M)·(⌈P/m⌉ + 1)
 *       + M·(⌈(K+1)/m⌉ + 1) rows instead of M·P·(⌈K/m⌉ + 1). <b>Soundness error</b>: if C ≠ W·X + b,
 *       a row j with D_j ≠ 0 makes v_j − W_j·u = Σ_p D_jp·ρ^(e_p) a non-zero polynomial of degree
 *       &lt; P' = m·⌈P/m⌉ fixed before ρ, which vanishes with probability ≤ P'/|F_r| by
 *       Schwartz–Zippel (Freivalds 1977; Schwartz 1980; Zippel 1979); over the M rows of one product
 *       ≤ M·P'/|F_r| &lt; 2^−230 for any layer here, plus the Fiat–Shamir transcript's own error.
 *       The argument is about the X the circuit holds, so X must be the im2col matrix of the
 *       input: a padded position (act = −1), and every unused lane past P, is a copy of the one
 *       cell the arithmetic gate pins to 0. Issue #16: those lanes were left free, so a prover
 *       could choose X's padding z, add z·W[·,k] to C and pass the check with a forged C.
 *   <li>Split contractions ({@link io.kubz.slicer.lower.Contraction}): a slice proves partial sums
 *       s_j = Σ_{t∈[k_j, k_{j+1})} x_t·w_t (multiply-accumulate from 0) and commits them; the slice
 *       holding the node adds β + Σ_j s_j (multiply-accumulate with weights 1) and rescales. Exact
 *       in F_r, so the partial sums need no range check.
 *   <li>Rescale by k: acc + 2^(k−1) = y·2^k + r with r ∈ [0, 2^k) and y ∈ [−2^(b−1), 2^(b−1)) both
 *       range checked (b = 64, or the ReLU table width when y only feeds ReLUs in the slice: the
 *       interpreter admits nothing wider), so y·2^k + r cannot wrap modulo r and
 *       y = ⌊(acc + 2^(k−1))/2^k⌋ is forced (SLICER-CONTRACT: the quotient must be bounded).
 *   <li>Range checks by lookups ({@link io.kubz.slicer.lower.Lanes}): x + o ∈ [0, 2^b), b ≤ 64, in
 *       one row of L limbs of w bits (L·w ≥ 63; L = 8, w = 8 in small circuits, down to L = 5,
 *       w = 13 from 2^15 rows, where the larger table costs no rows) and a sign cell s:
 *       q·(x + o − Σ 2^(w·i)·l_i − c_s·s) = 0
 *       with c_s = 2^(b−1), s boolean, and each limb looked up as (l_i + t_i, t_i) in the tagged
 *       range table {(v, 2^⌊log₂ v⌋) : v &lt; 2^(w+1)} with t_i = 2^(r_i) fixed per lane (its width:
 *       the limbs tile bits [0, b−1), unused lanes have t = 0 and so l = 0), which proves
 *       l_i ∈ [0, 2^(r_i)). So x + o ≡ Σ l_i·2^(w·i) + s·2^(b−1), an integer in [0, 2^b) — far below
 *       r, so it is x + o itself — whose bit b−1 is s (a narrower row width continues on the next
 *       row through x(ωX), the offset on the first row and the sign on the last). The sign of a
 *       signed b-bit value is bit b−1 of x + 2^(b−1), so ReLU(x) = x·bit. 0 ≤ r &lt; d takes the
 *       checks r ∈ [0, 2^b) and r + 2^b − d ∈ [0, 2^b), 2^b ≥ d (one when d = 2^b).
 *   <li>MaxPool: m − x_i ∈ [0, 2^63) for every window element and Π (m − x_i) = 0.
 *       Averages: y·d + r = Σx + ⌊d/2⌋, 0 ≤ r &lt; d.
 *   <li>Function tables (sigmoid, tanh, erf, GELU, exp, leaky ReLU, reciprocal, log, √, softplus, …, and
 *       Pow with a constant side) by logUp lookups
 *       (Haböck 2022, "Multivariate lookups based on logarithmic derivatives"): (x, y) ∈ T with T the interpreter's
 *       own {@link io.kubz.lookup.table.FunctionTable}; an x outside T's domain matches no row.
 *       Division by an activation: (b, v) ∈ T_inverse, acc = a·v, then a rescale
 *       ({@link io.kubz.slicer.lower.Division}).
 *       Neg, Abs (sign bit), Clip (two sign bits), PRelu (sign bit and a rescale), ReduceSum/Mean/
 *       Max/Min and Softmax (exp table, sum, division with range-checked remainder) follow the
 *       interpreter exactly ({@link io.kubz.slicer.lower.Nonlinear}, {@link io.kubz.slicer.lower.Reduce},
 *       {@link io.kubz.slicer.lower.Softmax}).
 *   <li>Gemm/MatMul of two activations ({@link io.kubz.slicer.lower.ActivationProduct}): one
 *       arithmetic row per product, acc_t = acc_(t−1) + a_t·b_t (the first row adds the bias), then
 *       the rescale; batched MatMul broadcasts the leading axes, a transposed factor is a layout node.
 *   <li>Comparisons, booleans, Where, binary Max/Min ({@link io.kubz.slicer.lower.Compare},
 *       {@link io.kubz.slicer.lower.Select}): a boolean is 0 or one = 2^s (1.0 at the activation
 *       scale); a ≥ b + c is bit 63 of a − b + 2^63 − c range-checked to 64 bits; Equal by
 *       d·v = one − y, d·y = 0, y·v = 0; booleans read are pinned by c·(c − one) = 0; Where is
 *       one·y = one·z + c·(x − z), or copies when its condition is a constant mask. ArgMax/ArgMin
 *       by a running comparison with a strict bit (first index among ties; non-strict for
 *       select_last_index) that forces every prefix extremum and its index
 *       ({@link io.kubz.slicer.lower.Argmax}).
 *   <li>Re-indexing ops (Reshape, Transpose, Concat, Slice, Gather, Pad, Flatten) cost no rows:
 *       the output's cells are the input's cells ({@link io.kubz.slicer.quant.IndexMap}).
 *   <li>Selections by a computed index u = i·2^t ({@link io.kubz.slicer.lower.Selection}): a one-hot
 *       h (h_k² = h_k, Σ h = 1, Σ k·2^t·h_k = u, which also proves 0 ≤ i &lt; n), then y = Σ h_k·x_k;
 *       GatherND's tuples by a one-hot of the flat position after one per component (each component's
 *       range); a constant table by two digit one-hots shared between the gathers of a slice
 *       ({@link io.kubz.slicer.lower.TableGather}); ScatterElements and ScatterND as chains
 *       v' = v + h_p·(u − v) over the updates in order, so the last write wins
 *       ({@link io.kubz.slicer.lower.Scatter}).
 * </ul>
 *
 * <h2>No free cells</h2>
 * Every advice cell that an enabled gate or an active lookup reads is assigned by synthesis, and
 * is pinned by a copy, a gate or a lookup: a cell left unassigned is a value the prover chooses.
 * Cells a constraint reads only with a zero fixed weight (the unused lanes of a multiply-accumulate
 * row, the unused wires of an arithmetic row) are the exception and stay unassigned. The
 * MockProver checks the first part on every circuit ({@code io.kubz.plonkish.mock.Unassigned});
 * the tests sweep every op kind, and move every assigned cell of small slices alone.
 *
 * <h2>Linking</h2>
 * A committed tensor is C = TensorCommitment(salt, v) computed in-circuit with the merkle
 * module's width-5 sponge (package io.kubz.merkle: IV = ℓ·2^64 + D in the capacity, blocks of 4
 * added into cells 1..4, chunks of 2^12 combined) on the dense layout of
 * io.kubz.plonkish.gadgets.PoseidonRounds (Grassi et al., USENIX Security 2021): one row per full
 * round, five partial rounds per row, the block absorbed by the first full round, so 20 rows per
 * block of 4 and gates of degree ≤ 5; C is a public instance cell.
 *
 * <p><b>The linking rule</b> ({@link io.kubz.slicer.lower.Linking}, decided once per plan because
 * it needs to know which slices read which tensor). A tensor has one mode, used by its producer
 * and by every slice that reads it. A tensor <em>crosses a boundary</em> when a slice other than
 * its producer reads it, or, for a model input, when two or more slices read it. Every crossing
 * tensor is linked:
 * <ul>
 *   <li>PUBLIC (a model input or output whose visibility is public): each slice's copy is its
 *       values as instance cells; the verifier checks every copy equals the bundle's declared
 *       input or output (so all copies are equal);
 *   <li>HASHED (every crossing tensor that is not a model input or output, and hashed model inputs
 *       and outputs): each slice proves C over its cells with the <em>same</em> salt for the tensor
 *       in every slice; the verifier checks all the C are equal (C_out(i) = C_in(j)) and equal the
 *       declared commitment of a hashed model input or output;
 *   <li>PRIVATE that crosses: upgraded to HASHED. The salt is a fresh random field element known
 *       to the prover only, so C still hides the values, and C binds every slice to the same
 *       values (Poseidon's collision resistance). A private tensor that only one slice sees (a
 *       model input read by one slice, a model output no other slice reads) stays fully private:
 *       nothing of it is in the instance.
 * </ul>
 * Soundness: without the upgrade, a private input read by two slices would be two unrelated
 * witnesses, and a public output read by a later slice would have no common value on both sides.
 *
 * <h2>Bridged boundaries</h2>
 * A HASHED tensor T that crosses between this slice and a GKR slice ({@link
 * io.kubz.slicer.lower.Linking#bridging}) is bridged ({@link io.kubz.slicer.lower.Bridge}): after
 * its commitment C = TensorCommitment(salt, v) the slice proves
 * <pre>  y = Σ_{i &lt; N} v_i·eq(i, r),   eq(i, r) = Π_{j &lt; v} (bit_j(i) ? r_j : 1 − r_j)  </pre>
 * over the same cells v_i the sponge read (copy constraints), with r (v = max(1, ⌈log2 N⌉)
 * coordinates, variable 0 the least significant index bit) and y public: instance entry "T@bridge"
 * after all boundary entries. eq is built by doubling (s_j = 1 − r_j, then each entry of a level
 * the product of its parent and s_j or r_j, entries ≥ N never built: N + Σ_j min(2^j, N) product
 * rows), then accumulated (N rows). The keys do not depend on r: r is an instance value.
 *
 * <h2>Split slices</h2>
 * A slice of a split family ({@code io.kubz.slicer.plan}) lowers each node only for the elements
 * {@code Fields.needs} asks of it: cells of other elements stay absent, reading one is an error
 * (never a silent zero). Parts {@code t#from:to} it reads are stored and committed as their own
 * boundaries and placed at their offsets in t's cells; the part it writes is committed over the
 * cells [from, to) of its sink's output. A convolution checks, by Freivalds, only the channels ×
 * columns its needed outputs touch; a rescale or ReLU covers only computed elements.
 *
 * <h2>Known limits</h2>
 * LayerNorm/InstanceNorm, the non-linear reductions (L1, L2, LogSumExp), integer Div, TopK and
 * OneHot of computed indices reach this package written out as operations lowered here
 * ({@code io.kubz.slicer.passes}, {@code io.kubz.slicer.onnx}); a normalisation whose variance is
 * below about 2^(−s) rounds to zero at scale s (no range-normalised rsqrt yet). A slice with range checks holds a tagged range table (2^(w+1) ≥ 512 entries, so at
 * least 64 usable rows). A rescale's two checks (remainder and quotient) take two rows. The sponge takes 5 rows per committed element, which bounds a slice's
 * k from below by the size of its boundary tensors.
 */
package io.kubz.slicer.lower;
