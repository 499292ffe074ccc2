package io.kubz.slicer.exec;

/** Proves one slice job where it runs (in process, or on a cluster worker). */
@FunctionalInterface
public interface SliceProver {
  /** @return the proof bytes ({@code io.kubz.plonkish.format.ProofCodec}) */
  byte[] prove(SliceJob job);
}
