/**
 * Slice plans: which nodes each circuit proves, the tensors that cross each cut, and the strategies
 * that choose them (per layer, N layers, or a row/memory budget). A plan is a DAG in topological
 * order; its JSON form can be edited and reloaded, and is re-validated against the model on load.
 *
 * <h2>Split layers</h2>
 * A layer too large for the budget is proved by a <em>split family</em>: slices that hold the same
 * nodes and differ only by a {@link io.kubz.slicer.plan.Split} of their last node (the sink) into
 * ranges [from, to) of its flat (row-major) output that tile it in order. Ranges are whole channels
 * of an [N, C, spatial…] output, or pieces of one channel when a channel alone does not fit.
 * <ul>
 *   <li><b>What a sub-slice computes.</b> The sink computes its range; every other node of the
 *       slice computes the elements the nodes after it need (its receptive field,
 *       {@link io.kubz.slicer.plan.Fields}: im2col windows for Conv, whole rows of the activation
 *       for Gemm/MatMul, windows for pooling, the index map for re-indexing ops, the broadcast index
 *       for element-wise ops and Where, the whole group (row) of each needed output for Softmax,
 *       which then computes every group that holds a needed output). Element-wise ops (table
 *       functions such as GELU included), masks and softmax are thus split with the layer they follow, and
 *       nothing but the sink's part leaves a split slice. An operation whose lowering cannot compute
 *       a subset ({@link io.kubz.slicer.plan.Fields#partial}) computes all of its output from all of
 *       its inputs, so fields stay a cover of what the circuit reads. Neighbouring sub-slices may
 *       recompute shared elements (a convolution's halo): each proves them from committed inputs.
 *   <li><b>Convolutions</b> keep Freivalds' check: a sub-slice checks the sub-product of the
 *       channels × columns (output positions) its outputs touch, C' = W'·X', where X' holds only the
 *       im2col columns of needed outputs, so it reads nothing outside the field.
 *   <li><b>Parts.</b> The sink's range crosses the cut as its own boundary tensor
 *       {@code tensor#from:to} ({@link io.kubz.slicer.plan.Part}), committed with its own salt,
 *       C = TensorCommitment(salt, v[from..to)). A consumer reads exactly the parts that hold
 *       elements it needs, each exposed as its own public commitment and linked to its producer by
 *       name like any cut tensor, and places them at their offsets in the whole tensor's cells: the
 *       reassembly is only a choice of cells, it costs no rows. A large tensor is thereby committed
 *       in pieces that each fit a slice.
 *   <li><b>Validation on load.</b> Every node lies in exactly one unsplit slice or in exactly one
 *       split family; the family's ranges tile the sink's output in order (no gap, no overlap);
 *       the sink is the last node of its slices and no other node's output leaves them; each slice
 *       reads only (parts of) tensors that earlier slices produce, and reads whole every part that
 *       holds an element it needs. Model outputs are never split.
 *   <li><b>Budget packing</b> ({@link io.kubz.slicer.plan.Budget}): whole layers are packed while
 *       the estimate fits; a layer that does not fit is split as above with the largest range that
 *       fits (bisection); failing that its nodes are packed one by one and a node that does not fit
 *       alone is split on its own, the nodes after it in the layer <em>riding</em> in its family
 *       (the sink moves to the last of them) while the family needs no more sub-slices: a scale,
 *       a mask or a softmax then costs a few rows in each sub-slice instead of a slice that reads
 *       and re-commits the tensor before it (nanoGPT, issue #17: 86 slices of 8.16 M estimated rows
 *       became 54 of 5.08 M); ranges are then evened out (same count, equal sizes). When even
 *       one output element of a node, with the commitments of the parts it reads and writes, exceeds
 *       2^k rows, the plan is redone with the parts that node reads capped at a quarter of their
 *       size (a layer whose output is capped is always cut, in whole rows of its last axis when
 *       they fit), since small parts cost their reader fewer commitment rows. A layer ending in a
 *       Flatten/Reshape of an [N, C, spatial…] tensor is cut along the channels and rows of that
 *       tensor (same row-major order), so its parts are whole rows, not pieces straddling them.
 *   <li><b>Contraction splits</b> ({@link io.kubz.slicer.plan.Split#partial()},
 *       {@link io.kubz.slicer.plan.Partial}): when no output range of a Gemm/MatMul with a
 *       constant 2-D weight fits, because one dot product with the commitments of the parts of its
 *       input already exceeds the budget, its contraction [0, K) is cut into p ranges of balanced
 *       length (the smallest p whose slices fit): slice (j, range) holds the node alone and
 *       computes s_j[o] = Σ_{t∈[k_j, k_{j+1})} x_t·w_t for its outputs, reading only the input
 *       elements of its range, and commits them as the part {@code y@kA:B#from:to}. The next
 *       slice holding the node reads the partial sums of every range instead of the node's input
 *       and proves y = rescale(β + Σ_j s_j) (it may itself be cut by output ranges). On load the
 *       ranges must tile [0, K) in order, the outputs of each range tile the output in order, and
 *       every partial slice must come before the slice that adds them. Partial sums are committed
 *       but not range checked: the sum is exact in F_r ({@code io.kubz.slicer.lower.Contraction}).
 *       A model output can thus be proved under a budget too small for one dot product.
 *   <li>When none of this fits, planning fails with "budget 2^k too small: the smallest slice of
 *       node X needs 2^j rows".
 * </ul>
 *
 * <h2>Known limits</h2>
 * Parts are never re-merged into larger ones; contraction splits are made only for Gemm/MatMul
 * (a convolution whose one output does not fit is not split by its input channels). Model outputs
 * are not split by output ranges.
 * Estimates sum per-gadget row vectors ({@link io.kubz.slicer.plan.SliceCost}) over a slice's
 * nodes (each for the elements it computes) and boundaries, and take the largest component, since
 * gadgets sit side by side over disjoint columns.
 */
package io.kubz.slicer.plan;
