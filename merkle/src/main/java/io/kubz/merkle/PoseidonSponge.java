package io.kubz.merkle;

import io.kubz.field.Fr;
import java.math.BigInteger;

/**
 * A Poseidon sponge over Fr for inputs of any length (specified in {@code package-info.java}):
 * width {@value #WIDTH} (circomlib's t = 5 parameters), rate {@value #RATE}, capacity 1 (cell 0).
 *
 * <pre>
 *   state = (IV, 0, 0, 0, 0),  IV = ℓ·2^64 + domain          (ℓ = input length, 1 ≤ domain &lt; 2^63)
 *   input zero-padded to max(1, ⌈ℓ/4⌉) blocks of 4
 *   per block b: state[1+j] += b_j (j = 0..3); state ← Poseidon_5(state)
 *   output: state[0]
 * </pre>
 *
 * Length in the capacity (the Poseidon paper's domain separation for known-length input, §4.2)
 * makes the zero padding injective: [a] and [a, 0] differ in IV. With at most 4 inputs this is
 * circomlib's {@code PoseidonEx(4, 1)} with {@code initialState = IV}. The domain is never 0, so IV ≠ 0
 * and no sponge output is a circomlib hash (whose capacity starts at 0), not even for empty input.
 */
public final class PoseidonSponge {
  public static final int WIDTH = 5;
  public static final int RATE = WIDTH - 1;
  /** Domain of {@link #hash(Fr...)}: general-purpose hashing. */
  public static final long DOMAIN_GENERIC = 1;
  private static final int L = Fr.LIMBS;
  private static final ThreadLocal<long[]> BUFFERS =
      ThreadLocal.withInitial(() -> new long[Poseidon.SCRATCH + L * WIDTH]);

  private PoseidonSponge() {}

  /**
   * Hashes the n elements at {@code in[io ..]} (Montgomery form) under {@code domain} into
   * {@code out[oo .. oo+4)}; the output may alias the input.
   */
  public static void hash(long[] out, int oo, long domain, long[] in, int io, int n) {
    hash(out, oo, domain, null, 0, in, io, n);
  }

  /**
   * The sponge of the sequence (p, x_0, …, x_{n−1}) when {@code prefix} is not null (p at
   * {@code prefix[po ..]}, so ℓ = n + 1), else of (x_0, …, x_{n−1}); saves copying a salt in front
   * of a large tensor.
   */
  static void hash(long[] out, int oo, long domain, long[] prefix, int po, long[] in, int io, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative input length " + n);
    }
    int pre = prefix == null ? 0 : 1;
    long total = (long) n + pre;
    long[] buf = BUFFERS.get();
    int st = Poseidon.SCRATCH;
    initialState(buf, st, domain, total);
    long done = 0;
    do {
      long take = Math.min(RATE, total - done);
      for (int j = 0; j < take; j++) {
        int o = st + (1 + j) * L;
        long k = done + j;
        if (k < pre) {
          Fr.add(buf, o, buf, o, prefix, po);
        } else {
          Fr.add(buf, o, buf, o, in, io + (int) (k - pre) * L);
        }
      }
      Poseidon.permute(buf, st, WIDTH, buf);
      done += take;
    } while (done < total);
    Fr.copy(out, oo, buf, st);
  }

  /** Sets the 5 cells at {@code s[so ..]} to (ℓ·2^64 + domain, 0, 0, 0, 0). */
  static void initialState(long[] s, int so, long domain, long length) {
    if (domain < 1 || length < 0) {
      throw new IllegalArgumentException("the sponge domain must be positive and the length non-negative, got "
          + domain + " and " + length);
    }
    for (int i = 1; i < WIDTH; i++) {
      Fr.setZero(s, so + i * L);
    }
    // IV = ℓ·2^64 + domain has canonical limbs (domain, ℓ, 0, 0); into Montgomery form in place
    s[so] = domain;
    s[so + 1] = length;
    s[so + 2] = 0;
    s[so + 3] = 0;
    Fr.fromCanonicalLimbs(s, so, s, so);
  }

  /** The capacity's initial value ℓ·2^64 + domain. */
  public static BigInteger iv(long domain, long length) {
    return BigInteger.valueOf(length).shiftLeft(64).add(BigInteger.valueOf(domain));
  }

  /** The generic sponge of any number of field elements. */
  public static Fr hash(Fr... inputs) {
    return hash(DOMAIN_GENERIC, inputs);
  }

  /** The sponge of any number of field elements under {@code domain}. */
  public static Fr hash(long domain, Fr... inputs) {
    long[] a = new long[L * Math.max(1, inputs.length)];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i].writeTo(a, i * L);
    }
    hash(a, 0, domain, a, 0, inputs.length);
    return Fr.readFrom(a, 0);
  }
}
