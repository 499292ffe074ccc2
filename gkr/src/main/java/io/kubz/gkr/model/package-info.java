/**
 * A layered model for the sumcheck / logUp-GKR prover (GKR.md): integer tensors connected by a few
 * layer kinds, with no dependency on the slicer. The slicer lowers its quantized graph to a
 * {@link io.kubz.gkr.model.LayeredModel}; {@link io.kubz.gkr.model.Evaluator} runs it on integers
 * (the witness); the prover walks it output to input.
 *
 * <h2>Tensors</h2>
 * Every tensor is a flat vector of {@code size} signed integers (row-major, the slicer's layout).
 * Its MLE has {@code vars = ceil(log2(size))} variables (0 for a size-1 tensor), variable 0 the least
 * significant index bit, as in {@link io.kubz.gkr.mle}. Entries at indices ≥ size ("pads") are
 * <em>not</em> part of any layer's semantics: every layer's entry i &lt; size reads only entries
 * &lt; size of its inputs ({@link SparseMatrix} has no column ≥ the input's size, element-wise layers
 * pair index i with index i). The prover writes 0 in every pad; the verifier never relies on it,
 * except for the model's outputs and inputs, whose MLEs it evaluates itself with zero pads.
 *
 * <h2>Layers</h2>
 * Tensor t is defined by layer t ({@link LayeredModel#layers()}): inputs first, then every layer
 * reads only tensors with smaller ids. See {@link Layer} for each kind's exact integer semantics;
 * they are the plonkish path's semantics (rounding, ranges), so that both back ends prove the same
 * output bit for bit.
 */
package io.kubz.gkr.model;
