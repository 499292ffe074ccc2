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
 * @param proofSystem the back end that proves this slice, {@value #PLONKISH} or {@value #GKR}, or null
 *     for the run's choice ({@code --proof-system}); plan JSON "proof_system", written only when set
 */
public record SliceSpec(int id, List<String> nodes, List<String> inputs, List<String> outputs,
    long estimatedRows, Split split, String proofSystem) {
  public static final String PLONKISH = "plonkish";
  public static final String GKR = "gkr";
  /** The values a slice's "proof_system" takes. */
  public static final List<String> SYSTEMS = List.of(PLONKISH, GKR);

  public SliceSpec {
    nodes = List.copyOf(nodes);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    if (proofSystem != null && !SYSTEMS.contains(proofSystem)) {
      throw new IllegalArgumentException("unknown proof system '" + proofSystem + "': use one of " + SYSTEMS);
    }
  }

  /** A slice proved by the run's proof system. */
  public SliceSpec(int id, List<String> nodes, List<String> inputs, List<String> outputs, long estimatedRows,
      Split split) {
    this(id, nodes, inputs, outputs, estimatedRows, split, null);
  }

  /** This slice's proof system, or {@code fallback} when the plan leaves it to the run. */
  public String system(String fallback) {
    return proofSystem != null ? proofSystem : fallback;
  }

  /** log2 of the smallest power of two holding the estimated rows. */
  public int estimatedK() {
    return Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, estimatedRows) - 1));
  }
}
