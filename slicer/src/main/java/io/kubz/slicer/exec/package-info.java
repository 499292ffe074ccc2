/**
 * Where slices are proved: the {@link io.kubz.slicer.exec.SliceExecutor} seam (a slice job is a
 * circuit digest, the slice's tensors and salts, and a peak-memory estimate; the prover holding the
 * model rebuilds the witness and finds the keys by digest), the
 * {@link io.kubz.slicer.exec.LocalExecutor} (a thread pool that admits a slice only when its memory
 * estimate fits what is left of the budget), and the {@link io.kubz.slicer.exec.KeyCache} (keys by
 * {@link io.kubz.slicer.exec.CircuitDigest} and SRS, in memory and on disk).
 */
package io.kubz.slicer.exec;
