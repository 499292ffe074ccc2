package io.kubz.field;

/**
 * A G2 point with the lines of its Miller loop precomputed ({@link Pairing#prepare}): pairings
 * against a fixed Q (a verifying key's τ·G2 and G2) then skip all twist arithmetic. Immutable;
 * about 17 KB.
 */
public final class G2Prepared {
  final G2 point;
  /** LINES × 24 longs, or null for infinity. */
  final long[] lines;

  G2Prepared(G2 point, long[] lines) {
    this.point = point;
    this.lines = lines;
  }

  /** The point these lines belong to. */
  public G2 point() {
    return point;
  }
}
