package io.kubz.gkr.pcs;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.field.G1;
import java.util.ArrayList;
import java.util.List;

/**
 * A HyperKZG opening proof of an n-variable MLE (see the package documentation).
 *
 * @param folds the commitments [f_1(τ)]_1 … [f_{n−1}(τ)]_1 of the folded polynomials (n − 1 points;
 *     none for n ≤ 1)
 * @param evals 3n values: for each i &lt; n, f_i(r), f_i(−r), f_i(r²) in that order
 * @param witnesses W = [(B − R)/Z_S (τ)]_1 of the opening of B at S = {r, −r, r²} (one point;
 *     none for n = 0)
 */
public record HyperKzgProof(List<G1> folds, List<Fr> evals, List<G1> witnesses) {
  /** Bytes of one G1 point (compressed, gnark-crypto's flags) and of one Fr (big-endian). */
  static final int POINT_BYTES = 32;
  static final int SCALAR_BYTES = 32;
  /** Witnesses per proof of at least one variable ({@code ThreePointOpening}). */
  static final int WITNESSES = 1;

  public HyperKzgProof {
    folds = List.copyOf(folds);
    evals = List.copyOf(evals);
    witnesses = List.copyOf(witnesses);
  }

  /** The empty proof of a 0-variable MLE (a constant, opened by its commitment alone). */
  static HyperKzgProof empty() {
    return new HyperKzgProof(List.of(), List.of(), List.of());
  }

  /** Whether the counts fit an opening of n variables. */
  boolean hasShapeFor(int n) {
    return folds.size() == Math.max(0, n - 1) && evals.size() == 3 * n
        && witnesses.size() == (n == 0 ? 0 : WITNESSES);
  }

  /** Size in bytes of the canonical encoding of a proof for n variables. */
  public static int encodedLength(int n) {
    if (n == 0) {
      return 0;
    }
    return POINT_BYTES * (n - 1 + WITNESSES) + SCALAR_BYTES * 3 * n;
  }

  /** Canonical bytes: folds, then evals, then witnesses, each fixed-size, nothing else. */
  public byte[] toBytes() {
    byte[] out = new byte[POINT_BYTES * (folds.size() + witnesses.size())
        + SCALAR_BYTES * evals.size()];
    int at = 0;
    for (G1 p : folds) {
      System.arraycopy(p.toCompressed(), 0, out, at, POINT_BYTES);
      at += POINT_BYTES;
    }
    for (Fr x : evals) {
      System.arraycopy(x.toBytesBE(), 0, out, at, SCALAR_BYTES);
      at += SCALAR_BYTES;
    }
    for (G1 p : witnesses) {
      System.arraycopy(p.toCompressed(), 0, out, at, POINT_BYTES);
      at += POINT_BYTES;
    }
    return out;
  }

  /**
   * Decodes the canonical bytes of a proof for {@code n} variables: exactly
   * {@link #encodedLength(int)} bytes, every point a canonical compressed point on the curve, every
   * scalar below r. Anything else throws {@link BadInputException}.
   */
  public static HyperKzgProof fromBytes(byte[] bytes, int n) {
    if (n < 0 || n > 30) {
      throw new BadInputException("a HyperKZG proof is for 0..30 variables, not " + n);
    }
    int expected = encodedLength(n);
    if (bytes == null || bytes.length != expected) {
      throw new BadInputException("a HyperKZG proof for " + n + " variables is " + expected
          + " bytes, got " + (bytes == null ? "none" : bytes.length) + ": the proof is truncated or"
          + " was made for another polynomial size");
    }
    try {
      int at = 0;
      List<G1> folds = new ArrayList<>();
      for (int i = 0; i < Math.max(0, n - 1); i++, at += POINT_BYTES) {
        folds.add(G1.fromCompressed(java.util.Arrays.copyOfRange(bytes, at, at + POINT_BYTES)));
      }
      List<Fr> evals = new ArrayList<>();
      for (int i = 0; i < 3 * n; i++, at += SCALAR_BYTES) {
        evals.add(Fr.fromBytesBE(java.util.Arrays.copyOfRange(bytes, at, at + SCALAR_BYTES)));
      }
      List<G1> witnesses = new ArrayList<>();
      for (int i = 0; i < (n == 0 ? 0 : WITNESSES); i++, at += POINT_BYTES) {
        witnesses.add(G1.fromCompressed(java.util.Arrays.copyOfRange(bytes, at, at + POINT_BYTES)));
      }
      return new HyperKzgProof(folds, evals, witnesses);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("malformed HyperKZG proof: " + e.getMessage(), e);
    }
  }
}
