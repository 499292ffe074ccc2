package io.kubz.merkle;

import io.kubz.field.Fr;
import java.math.BigInteger;

/**
 * circomlib's Poseidon parameters over the BN254 scalar field r for one width t in 2..17: S-box
 * x^5, {@value #FULL_ROUNDS} full rounds, circomlib's partial-round count, round constants and a
 * Cauchy MDS matrix, all derived here from the Grain LFSR exactly as the Poseidon reference script
 * {@code generate_parameters_grain.sage 1 0 254 t 8 R_P} does (see {@link GrainLfsr}):
 *
 * <ol>
 *   <li>(R_F + R_P)·t round constants, each 254 LFSR bits rejected until below r;
 *   <li>then 2t values x_0..x_{t-1}, y_0..y_{t-1}, each 254 bits reduced mod r (the whole draw
 *       repeated while two coincide), and M[i][j] = 1/(x_i + y_j).
 * </ol>
 *
 * The round function is {@code state ← M·S(state + c_round)}, with {@code (M·s)_i = Σ_j M[i][j]·s_j}
 * and S the S-box on every cell (full rounds) or on cell 0 only (partial rounds). Instances are
 * immutable and cached; the derivation of the widest one takes a few milliseconds.
 */
public final class PoseidonParams {
  public static final int MIN_WIDTH = 2;
  public static final int MAX_WIDTH = 17;
  public static final int FULL_ROUNDS = 8;
  /** circomlib's N_ROUNDS_P for t = 2..17. */
  private static final int[] PARTIAL_ROUNDS = {56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68};
  private static final int FIELD_BITS = 254;
  private static final PoseidonParams[] CACHE = new PoseidonParams[MAX_WIDTH + 1];

  private final int width;
  private final int partialRounds;
  private final BigInteger[] constants;
  private final BigInteger[][] mds;

  private PoseidonParams(int width, int partialRounds, BigInteger[] constants, BigInteger[][] mds) {
    this.width = width;
    this.partialRounds = partialRounds;
    this.constants = constants;
    this.mds = mds;
  }

  /** The parameters for width t (t − 1 inputs in circomlib's hash). */
  public static PoseidonParams of(int t) {
    checkWidth(t);
    synchronized (CACHE) {
      PoseidonParams p = CACHE[t];
      if (p == null) {
        p = derive(t);
        CACHE[t] = p;
      }
      return p;
    }
  }

  static void checkWidth(int t) {
    if (t < MIN_WIDTH || t > MAX_WIDTH) {
      throw new IllegalArgumentException(
          "Poseidon width t = " + t + " is unsupported: circomlib's parameters exist for t = 2..17 (1..16 inputs)");
    }
  }

  /** The circomlib partial-round count for width t. */
  public static int partialRoundsFor(int t) {
    checkWidth(t);
    return PARTIAL_ROUNDS[t - MIN_WIDTH];
  }

  private static PoseidonParams derive(int t) {
    int rp = partialRoundsFor(t);
    BigInteger r = Fr.MODULUS;
    GrainLfsr grain = new GrainLfsr(1, 0, FIELD_BITS, t, FULL_ROUNDS, rp);
    BigInteger[] c = new BigInteger[(FULL_ROUNDS + rp) * t];
    for (int i = 0; i < c.length; i++) {
      c[i] = grain.nextBelow(FIELD_BITS, r);
    }
    BigInteger[] xy;
    do {
      xy = new BigInteger[2 * t];
      for (int i = 0; i < xy.length; i++) {
        xy[i] = grain.nextBits(FIELD_BITS).mod(r);
      }
    } while (!distinct(xy));
    BigInteger[][] m = new BigInteger[t][t];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < t; j++) {
        // x_i + y_j = 0 would make the script draw again; it cannot happen for the shipped widths,
        // and modInverse would throw rather than return a wrong matrix.
        m[i][j] = xy[i].add(xy[t + j]).mod(r).modInverse(r);
      }
    }
    return new PoseidonParams(t, rp, c, m);
  }

  private static boolean distinct(BigInteger[] v) {
    for (int i = 0; i < v.length; i++) {
      for (int j = i + 1; j < v.length; j++) {
        if (v[i].equals(v[j])) {
          return false;
        }
      }
    }
    return true;
  }

  public int width() {
    return width;
  }

  public int fullRounds() {
    return FULL_ROUNDS;
  }

  public int partialRounds() {
    return partialRounds;
  }

  public int rounds() {
    return FULL_ROUNDS + partialRounds;
  }

  /** Whether round {@code round} (0-based) is a partial round. */
  public boolean isPartial(int round) {
    return round >= FULL_ROUNDS / 2 && round < FULL_ROUNDS / 2 + partialRounds;
  }

  /** The constant added to cell {@code i} at the start of round {@code round}. */
  public BigInteger roundConstant(int round, int i) {
    return constants[round * width + i];
  }

  /** M[i][j]: new cell i takes M[i][j] times old cell j. */
  public BigInteger mds(int i, int j) {
    return mds[i][j];
  }
}
