/**
 * Lowering of a {@link io.kubz.slicer.quant.QuantizedGraph} to the GKR back end's
 * {@link io.kubz.gkr.model.LayeredModel}, with exactly the integer semantics of
 * {@link io.kubz.slicer.quant.IntegerInterpreter} (and so of the plonkish circuits): the layered
 * model's output equals the interpreter's output bit for bit.
 */
package io.kubz.slicer.layered;
