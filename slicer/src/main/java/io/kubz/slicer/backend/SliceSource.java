package io.kubz.slicer.backend;

import io.kubz.slicer.lower.Linking;
import io.kubz.slicer.plan.SliceSpec;
import io.kubz.slicer.quant.QuantizedGraph;

/**
 * What any back end compiles a slice from: the quantized model, the slice of the plan, and the
 * linking of the whole plan (the visibility of every boundary tensor).
 */
public record SliceSource(QuantizedGraph graph, SliceSpec spec, Linking links) {}
