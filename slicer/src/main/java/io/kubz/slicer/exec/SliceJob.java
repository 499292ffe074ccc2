package io.kubz.slicer.exec;

import java.util.Map;

/**
 * One slice to prove, in a form that can cross a process boundary: only strings, numbers and
 * arrays. A prover that holds the model, plan and settings (locally: the {@code ModelProver}'s
 * session; on a cluster worker: the same rebuilt from the published model) recompiles the slice,
 * finds its keys by {@code circuitDigest} and rebuilds the witness from {@code tensors} and
 * {@code salts}.
 *
 * @param sliceId the slice's id in the plan
 * @param circuitDigest {@link CircuitDigest} of the slice's circuit (the key cache's key)
 * @param k log2 of the circuit's rows
 * @param peakBytes estimated peak heap of proving it (proving key included)
 * @param tensors the integer values of every tensor the slice reads or computes, by name
 * @param salts the 32-byte big-endian salt of each committed boundary tensor, by name; and for each
 *     bridged tensor T, under "T@bridge", its public bridge point r (32 bytes big-endian per
 *     coordinate; {@code io.kubz.slicer.lower.Bridge})
 */
public record SliceJob(int sliceId, String circuitDigest, int k, long peakBytes, Map<String, long[]> tensors,
    Map<String, byte[]> salts) implements java.io.Serializable {
  public SliceJob {
    tensors = Map.copyOf(tensors);
    salts = Map.copyOf(salts);
  }
}
