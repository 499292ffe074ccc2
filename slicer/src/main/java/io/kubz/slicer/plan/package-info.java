/**
 * Slice plans: which nodes each circuit proves, the tensors that cross each cut, and the strategies
 * that choose them (per layer, N layers, or a row/memory budget that packs layers and cuts layers
 * too large for it by output channels). A plan is a DAG in topological order; its JSON form can be
 * edited and reloaded, and is re-validated against the model on load.
 */
package io.kubz.slicer.plan;
