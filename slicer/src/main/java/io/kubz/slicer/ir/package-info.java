/**
 * The graph IR of kubz: {@link io.kubz.slicer.ir.Graph} (nodes in topological order over named
 * tensors with static shapes), the closed operation set {@link io.kubz.slicer.ir.Op}, float
 * {@link io.kubz.slicer.ir.Tensor}s and the {@link io.kubz.slicer.ir.ModelSummary}.
 *
 * <p>Semantics follow the ONNX operator specification (onnx/docs/Operators.md) at the opset the
 * model declares; the importer normalises every opset variant into one record per operation.
 * Tensors are row-major: element (i₀,…,i_{r−1}) of shape (d₀,…,d_{r−1}) is at Σ iₖ·Π_{j>k} dⱼ.
 *
 * <p>What later stages (calibration, quantization, slicing, lowering) may rely on:
 *
 * <ul>
 *   <li>every tensor named in the graph has a concrete shape and element type in {@link
 *       io.kubz.slicer.ir.Graph#values()}; symbolic dimensions were fixed at import (batch 1
 *       unless the caller gave shapes);
 *   <li>a node's inputs are activations or weights only: shapes, axes, slice bounds, gather
 *       indices, pads and clip bounds are fields of the {@link io.kubz.slicer.ir.Op} record;
 *   <li>a node input is a graph input, a constant ({@link io.kubz.slicer.ir.Graph#constants()},
 *       weights and folded subgraphs) or the output of an earlier node; no node has only constant
 *       inputs (such nodes were evaluated at import); every node has one output;
 *   <li>batch normalisation after a Conv or Gemm is already folded into its weights, and the
 *       GELU patterns are one {@link io.kubz.slicer.ir.UnaryKind#GELU} or GELU_TANH node, so each
 *       non-linearity is one {@link io.kubz.slicer.ir.Op.Unary} (one lookup table);
 *   <li>{@link io.kubz.slicer.interp.FloatInterpreter#trace} gives every intermediate float value,
 *       for calibration and for the accuracy report.
 * </ul>
 */
package io.kubz.slicer.ir;
