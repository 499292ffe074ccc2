package io.kubz.merkle;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;
import java.util.List;

/**
 * The commitment to a tensor that links slices (DESIGN.md, "Linking slices"), specified in
 * {@code package-info.java}. With S the sponge of {@link PoseidonSponge} and L = {@value #CHUNK}:
 *
 * <pre>
 *   n ≤ L:  C = S_{DOMAIN_TENSOR}(salt, v_0, …, v_{n−1})
 *   n &gt; L:  d_i = S_{DOMAIN_CHUNK + i}(v_{iL}, …, v_{min(n, (i+1)L) − 1})   for i = 0 … ⌈n/L⌉ − 1
 *           C = S_{DOMAIN_COMBINE}(salt, d_0, …, d_{⌈n/L⌉−1})
 * </pre>
 *
 * The chunk digests are independent, so large tensors hash on several threads; the result does not
 * depend on the thread count.
 */
public final class TensorCommitment {
  /** Chunk length for the two-level form, 2^12 elements. */
  public static final int CHUNK = 1 << 12;
  public static final long DOMAIN_TENSOR = 2;
  public static final long DOMAIN_COMBINE = 3;
  /** Chunk i is hashed under DOMAIN_CHUNK + i. */
  public static final long DOMAIN_CHUNK = 1L << 32;
  private static final int L = Fr.LIMBS;

  private TensorCommitment() {}

  /**
   * Writes the commitment to the n values at {@code values[vo ..]} with the salt at
   * {@code salt[so ..]} (all Montgomery form) into {@code out[oo .. oo+4)}.
   *
   * @throws io.kubz.field.BadInputException if the salt or a value is not a reduced element
   */
  public static void commit(long[] out, int oo, long[] salt, int so, long[] values, int vo, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative tensor length " + n);
    }
    Inputs.checkReduced(salt, so, 1, "commitment salt");
    Inputs.checkReduced(values, vo, n, "tensor");
    if (n <= CHUNK) {
      PoseidonSponge.hash(out, oo, DOMAIN_TENSOR, salt, so, values, vo, n);
      return;
    }
    int chunks = (n + CHUNK - 1) / CHUNK;
    long[] digests = new long[L * chunks];
    Parallel.forRange(0, chunks, (from, to) -> {
      for (int i = from; i < to; i++) {
        int start = i * CHUNK;
        int len = Math.min(CHUNK, n - start);
        PoseidonSponge.hash(digests, i * L, DOMAIN_CHUNK + i, values, vo + start * L, len);
      }
    });
    PoseidonSponge.hash(out, oo, DOMAIN_COMBINE, salt, so, digests, 0, chunks);
  }

  /** The commitment to the n Montgomery-form values at {@code values[0 ..]}. */
  public static Fr commit(Fr salt, long[] values, int n) {
    long[] s = new long[L];
    salt.writeTo(s, 0);
    long[] out = new long[L];
    commit(out, 0, s, 0, values, 0, n);
    return Fr.readFrom(out, 0);
  }

  /** The commitment to a list of values. */
  public static Fr commit(Fr salt, List<Fr> values) {
    long[] v = new long[L * values.size()];
    for (int i = 0; i < values.size(); i++) {
      values.get(i).writeTo(v, i * L);
    }
    return commit(salt, v, values.size());
  }
}
