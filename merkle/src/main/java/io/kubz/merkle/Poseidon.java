package io.kubz.merkle;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import java.math.BigInteger;

/**
 * The Poseidon permutation and circomlib's Poseidon hash over Fr (parameters: {@link
 * PoseidonParams}). The hash of n = 1..16 inputs is cell 0 of the width-(n+1) permutation applied
 * to (0, x_1, …, x_n), bit for bit circomlib's {@code Poseidon(n)} and circomlibjs's
 * {@code poseidon}.
 *
 * <p>Kernels work on Montgomery-form {@code long[]} (4 limbs per element) and allocate nothing;
 * the partial rounds run in the sparse form of {@link SparseRounds}.
 */
public final class Poseidon {
  private static final int L = Fr.LIMBS;
  private static final int HALF = PoseidonParams.FULL_ROUNDS / 2;
  /** Scratch longs a permutation needs: t mixed cells plus one product, at the widest t. */
  static final int SCRATCH = L * (PoseidonParams.MAX_WIDTH + 1);
  private static final ThreadLocal<long[]> BUFFERS =
      ThreadLocal.withInitial(() -> new long[SCRATCH + L * PoseidonParams.MAX_WIDTH]);

  private Poseidon() {}

  /**
   * Permutes the t elements at {@code state[off .. off + 4t)} in place (Montgomery form).
   * Thread-safe; uses a per-thread scratch buffer.
   */
  public static void permute(long[] state, int off, int t) {
    permute(state, off, t, BUFFERS.get());
  }

  /** As {@link #permute(long[], int, int)} with caller-provided scratch of {@code 4(t+1)} longs. */
  public static void permute(long[] s, int off, int t, long[] scratch) {
    MontRounds k = MontRounds.of(t);
    long[] fc = k.fullConstants;
    for (int r = 0; r < HALF; r++) {
      fullRound(s, off, t, fc, r * t * L, r == HALF - 1 ? k.preSparse : k.mds, scratch);
    }
    long[] pc = k.partialConstants;
    long[] sp = k.sparse;
    int stride = (2 * t - 1) * L;
    int tmp = t * L;
    for (int p = 0, b = 0; p < k.partialRounds; p++, b += stride) {
      // x0 ← (x0 + k_p)^5
      Fr.add(s, off, s, off, pc, p * L);
      sbox(s, off, scratch, tmp);
      // y0 = n00·x0 + Σ_j w_j·x_j ; x_j ← x_j + v_j·x0
      Fr.mul(scratch, 0, sp, b, s, off);
      for (int j = 1; j < t; j++) {
        Fr.mul(scratch, tmp, sp, b + j * L, s, off + j * L);
        Fr.add(scratch, 0, scratch, 0, scratch, tmp);
      }
      for (int j = 1; j < t; j++) {
        Fr.mul(scratch, tmp, sp, b + (t - 1 + j) * L, s, off);
        Fr.add(s, off + j * L, s, off + j * L, scratch, tmp);
      }
      Fr.copy(s, off, scratch, 0);
    }
    for (int r = HALF; r < 2 * HALF; r++) {
      fullRound(s, off, t, fc, r * t * L, k.mds, scratch);
    }
  }

  /** x ← x^5 = (x²)²·x, using scratch[tmp .. tmp+4). */
  private static void sbox(long[] s, int o, long[] scratch, int tmp) {
    Fr.square(scratch, tmp, s, o);
    Fr.square(scratch, tmp, scratch, tmp);
    Fr.mul(s, o, s, o, scratch, tmp);
  }

  /** state ← m·(state + c)^5, the products gathered in scratch[0 .. 4t) before the copy back. */
  private static void fullRound(long[] s, int off, int t, long[] c, int co, long[] m, long[] scratch) {
    int tmp = t * L;
    for (int i = 0; i < t; i++) {
      int o = off + i * L;
      Fr.add(s, o, s, o, c, co + i * L);
      sbox(s, o, scratch, tmp);
    }
    for (int i = 0, row = 0; i < t; i++, row += t * L) {
      int z = i * L;
      Fr.mul(scratch, z, m, row, s, off);
      for (int j = 1; j < t; j++) {
        Fr.mul(scratch, tmp, m, row + j * L, s, off + j * L);
        Fr.add(scratch, z, scratch, z, scratch, tmp);
      }
    }
    System.arraycopy(scratch, 0, s, off, t * L);
  }

  /**
   * circomlib's hash of the n = 1..16 elements at {@code in[io ..]} into {@code out[oo .. oo+4)};
   * the output may alias the input.
   */
  public static void hash(long[] out, int oo, long[] in, int io, int n) {
    checkArity(n);
    long[] buf = BUFFERS.get();
    int st = SCRATCH;
    Fr.setZero(buf, st);
    System.arraycopy(in, io, buf, st + L, n * L);
    permute(buf, st, n + 1, buf);
    Fr.copy(out, oo, buf, st);
  }

  /** circomlib's Poseidon of 1..16 field elements. */
  public static Fr hash(Fr... inputs) {
    checkArity(inputs.length);
    long[] a = new long[L * inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i].writeTo(a, i * L);
    }
    hash(a, 0, a, 0, inputs.length);
    return Fr.readFrom(a, 0);
  }

  /**
   * circomlib's Poseidon of 1..16 integers, each of which must lie in [0, r): unlike circomlibjs,
   * nothing is reduced silently.
   *
   * @throws BadInputException if an input is negative or not below r
   */
  public static BigInteger hash(BigInteger... inputs) {
    Fr[] f = new Fr[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      f[i] = Inputs.field(inputs[i], "Poseidon input " + i);
    }
    return hash(f).toBigInteger();
  }

  private static void checkArity(int n) {
    if (n < 1 || n > PoseidonParams.MAX_WIDTH - 1) {
      throw new IllegalArgumentException("circomlib's Poseidon hashes 1 to 16 inputs, got " + n
          + "; use PoseidonSponge for other lengths");
    }
  }
}
