package io.kubz.gkr;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.poly.transcript.Transcript;
import java.util.List;

/**
 * A commitment scheme for multilinear polynomials given by their evaluation tables (the
 * {@link io.kubz.gkr.mle} convention: 2^v elements, variable 0 = least significant index bit). The
 * seam between the GKR protocol and its commitment (HyperKZG on the ceremony SRS; Hyrax would be
 * another). Points are flat {@code long[]} of v elements (4 Montgomery limbs each, variable 0
 * first), as the sumcheck verifier returns them.
 *
 * <p>Transcript contract: the caller absorbs the commitment itself (statement order, GKR.md) and
 * all claims before it calls {@link #open} or {@link #verify}; both absorb every opening message
 * before drawing their own challenges, on the transcript they are given, in the same order.
 */
public interface MultilinearPcs {
  /** A commitment: one G1 point (affine). */
  record Commitment(G1 point) {}

  /**
   * An opening proof: the scheme's group elements and field elements in its own documented order
   * (HyperKZG: n + 2 G1 and 3n Fr for 2^n entries).
   */
  record OpeningProof(List<G1> points, List<Fr> scalars) {
    public OpeningProof {
      points = List.copyOf(points);
      scalars = List.copyOf(scalars);
    }
  }

  /** The largest number of variables this instance (its SRS) supports. */
  int maxVars();

  /** Commits to a table of 2^v elements, v ≤ maxVars(). */
  Commitment commit(long[] evals);

  /** Proves that the committed table's MLE at {@code point} is {@code evals}'s MLE there. */
  OpeningProof open(long[] evals, long[] point, Transcript t);

  /**
   * Whether {@code proof} shows that the polynomial committed in {@code c} takes {@code value} at
   * {@code point}. Returns false, never throws, on any malformed or wrong proof.
   */
  boolean verify(Commitment c, long[] point, Fr value, OpeningProof proof, Transcript t);
}
