package io.kubz.plonkish;

import io.kubz.field.Fr;
import io.kubz.poly.transcript.Keccak256Transcript;
import io.kubz.poly.transcript.Transcript;
import java.util.Arrays;

/** Steps the prover and the verifier share: transcript set-up and the instance columns. */
public final class Protocol {
  private Protocol() {}

  /** A transcript bound to the verifying-key digest and the public instance values. */
  public static Transcript transcript(byte[] vkDigest, Fr[][] instance) {
    Transcript t = new Keccak256Transcript("kubz-plonkish-v1");
    t.absorbBytes("vk", vkDigest);
    for (Fr[] col : instance) {
      Fr[] trimmed = trim(col);
      t.absorbScalar("instance length", Fr.of(trimmed.length));
      for (Fr v : trimmed) {
        t.absorbScalar("instance", v);
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
      Fr[] col = new Fr[instance[c].length / 4];
      for (int r = 0; r < col.length; r++) {
        col[r] = Fr.readFrom(instance[c], 4 * r);
      }
      out[c] = trim(col);
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
    Fr wi = Fr.ONE;
    for (Fr v : values) {
      if (!v.isZero()) {
        // L_i(z) = ω^i·(z^n − 1) / (n·(z − ω^i))
        sum = sum.add(v.mul(wi).mul(z.sub(wi).inverse()));
      }
      wi = wi.mul(omega);
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
