package io.kubz.plonkish;

import io.kubz.field.Fr;
import io.kubz.poly.transcript.Keccak256Transcript;
import io.kubz.poly.transcript.Transcript;
import java.util.Arrays;

/** Steps the prover and the verifier share: transcript set-up and the instance columns. */
public final class Protocol {
  private Protocol() {}

  /**
   * A transcript bound to the verifying-key digest and the public instance values. Each instance
   * column is absorbed sparsely: its number of non-zero cells, then (row, value) for each of them in
   * row order, so that a column with a few public values far down costs little to absorb.
   */
  public static Transcript transcript(byte[] vkDigest, Fr[][] instance) {
    Transcript t = new Keccak256Transcript("kubz-plonkish-v2");
    t.absorbBytes("vk", vkDigest);
    for (Fr[] col : instance) {
      int nonZero = 0;
      for (Fr v : col) {
        nonZero += v.isZero() ? 0 : 1;
      }
      t.absorbScalar("instance cells", Fr.of(nonZero));
      for (int r = 0; r < col.length; r++) {
        if (!col[r].isZero()) {
          t.absorbScalar("instance row", Fr.of(r));
          t.absorbScalar("instance value", col[r]);
        }
      }
    }
    return t;
  }

  /** The column without its trailing zeros (rows past the end are zero anyway). */
  public static Fr[] trim(Fr[] col) {
    int len = col.length;
    while (len > 0 && col[len - 1].isZero()) {
      len--;
    }
    return Arrays.copyOf(col, len);
  }

  /** Instance columns of a witness as values, trailing zeros dropped. */
  public static Fr[][] instanceValues(long[][] instance) {
    Fr[][] out = new Fr[instance.length][];
    for (int c = 0; c < instance.length; c++) {
      int len = instance[c].length / 4;
      while (len > 0 && Fr.isZero(instance[c], 4 * (len - 1))) {
        len--;
      }
      Fr[] col = new Fr[len];
      for (int r = 0; r < len; r++) {
        col[r] = Fr.isZero(instance[c], 4 * r) ? Fr.ZERO : Fr.readFrom(instance[c], 4 * r);
      }
      out[c] = col;
    }
    return out;
  }

  /** Σ_i v_i·L_i(z) on the domain of size 2^k: the instance column's polynomial at z ∉ H. */
  public static Fr instanceAt(Fr[] values, Fr z, int k) {
    int n = 1 << k;
    long[] w = new long[4];
    Fr.rootOfUnity(w, 0, k);
    Fr omega = Fr.readFrom(w, 0);
    Fr common = z.pow(n).sub(Fr.ONE).mul(Fr.of(n).inverse());
    Fr sum = Fr.ZERO;
    for (int i = 0; i < values.length; i++) {
      if (!values[i].isZero()) {
        // L_i(z) = ω^i·(z^n − 1) / (n·(z − ω^i))
        Fr wi = omega.pow(i);
        sum = sum.add(values[i].mul(wi).mul(z.sub(wi).inverse()));
      }
    }
    return sum.mul(common);
  }

  /** Draws the challenges of {@code phase} in one round; returns whether data is pending. */
  public static boolean drawChallenges(Transcript t, int[] challengePhases, int phase, Fr[] out, boolean pending) {
    int count = 0;
    for (int ph : challengePhases) {
      if (ph == phase) {
        count++;
      }
    }
    if (count == 0) {
      return pending;
    }
    if (!pending) {
      t.absorbBytes("phase", new byte[] {(byte) phase});
    }
    Fr[] drawn = t.challenges("phase challenges", count);
    int j = 0;
    for (int i = 0; i < challengePhases.length; i++) {
      if (challengePhases[i] == phase) {
        out[i] = drawn[j++];
      }
    }
    return false;
  }
}
