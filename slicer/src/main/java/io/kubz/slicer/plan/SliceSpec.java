package io.kubz.slicer.plan;

import java.util.List;

/**
 * One slice of a plan: a connected set of nodes proved by one circuit.
 *
 * @param id position in the plan (slices are in a topological order of the slice graph)
 * @param nodes the node names, in the graph's topological order
 * @param inputs boundary tensors it consumes: model inputs or tensors (parts) produced by earlier slices
 * @param outputs boundary tensors it produces: consumed by later slices, or model outputs
 * @param estimatedRows rows of its circuit according to the plan's cost model
 * @param split non-null when the slice computes only part of one layer
 */
public record SliceSpec(int id, List<String> nodes, List<String> inputs, List<String> outputs,
    long estimatedRows, Split split) {
  public SliceSpec {
    nodes = List.copyOf(nodes);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** log2 of the smallest power of two holding the estimated rows. */
  public int estimatedK() {
    return Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, estimatedRows) - 1));
  }
}
