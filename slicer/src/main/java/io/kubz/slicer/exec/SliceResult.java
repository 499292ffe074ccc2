package io.kubz.slicer.exec;

/**
 * A proved slice: the proof bytes ({@code io.kubz.plonkish.format.ProofCodec}), the wall time of
 * proving and who proved it ("local" or a worker's address).
 */
public record SliceResult(int sliceId, byte[] proof, long proveNanos, String worker) implements java.io.Serializable {}
