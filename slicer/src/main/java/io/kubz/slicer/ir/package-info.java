/**
 * The graph IR of kubz: {@link io.kubz.slicer.ir.Graph} (nodes in topological order over named
 * tensors with static shapes), the closed operation set {@link io.kubz.slicer.ir.Op}, float
 * {@link io.kubz.slicer.ir.Tensor}s and the {@link io.kubz.slicer.ir.ModelSummary}.
 *
 * <p>Semantics follow the ONNX operator specification (onnx/docs/Operators.md) at the opset the
 * model declares; the importer normalises every opset variant into one record per operation, so
 * later stages (quantization, slicing, lowering) see static parameters only: all shapes are
 * concrete, auxiliary inputs are resolved, and a node input is an activation or a weight. Tensors
 * are row-major: element (i₀,…,i_{r−1}) of shape (d₀,…,d_{r−1}) is at Σ iₖ·Π_{j>k} dⱼ.
 */
package io.kubz.slicer.ir;
