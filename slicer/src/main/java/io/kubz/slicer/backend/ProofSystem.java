package io.kubz.slicer.backend;

import io.kubz.poly.srs.Srs;
import io.kubz.slicer.exec.SliceJob;

/**
 * A back end that proves slices: the plonkish circuits of today ({@link PlonkishProofSystem}) or,
 * next, the sumcheck / logUp-GKR prover of {@code io.kubz.gkr} (see the package documentation).
 * The slicer chooses one per slice; everything it needs from a back end goes through this seam, in
 * three typed states: compiled (shape only, no values), keyed (under an SRS), proved.
 */
public interface ProofSystem {
  /** The back end's name as it appears in bundles and on the command line ("plonkish", "gkr"). */
  String name();

  /** Lowers one slice of a quantized model; depends on shapes and fixed weights, never on values. */
  Compiled compile(SliceSource source);

  /**
   * Whether {@code proof} proves the statement {@code key} (made by {@link Keyed#verifierKey()}),
   * with the G2 points of {@code srs}. Returns false, never throws, on any key or proof bytes,
   * including those of another back end. A slice linked to others by commitments it cannot check
   * alone (a GKR slice with committed boundaries, whose key does not say which tensors are
   * committed, and whose bridged boundaries need the other slice's claims) is false here: the bundle
   * verifier checks it (see {@code GkrProofSystem#verify(VerifierKey, SliceProof, Srs)}).
   */
  boolean verify(VerifierKey key, SliceProof proof, Srs srs);

  /** A slice lowered for one back end: what keygen and the memory planner need. */
  interface Compiled {
    /** {@link ProofSystem#name()} of the back end that compiled it. */
    String system();

    /** The statement's digest (a key-cache key and the {@link SliceJob#circuitDigest()}). */
    String digest();

    /** log2 of the largest committed polynomial: circuit rows, or the witness MLE's entries. */
    int log2Size();

    /** Estimated peak heap of proving it, key included (for the executors' memory budget). */
    long peakBytes();

    /** Makes (or finds) the keys under {@code srs}; a too small SRS is a {@code BadInputException}. */
    Keyed setup(Srs srs);
  }

  /** A compiled slice with its keys: it proves jobs. */
  interface Keyed {
    Compiled compiled();

    /** What a verifier needs besides the SRS (it goes into the bundle and the model digest). */
    VerifierKey verifierKey();

    /** Proves a job of this slice (its circuit digest must be {@link Compiled#digest()}). */
    SliceProof prove(SliceJob job);
  }
}
