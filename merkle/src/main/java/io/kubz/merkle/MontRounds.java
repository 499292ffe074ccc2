package io.kubz.merkle;

import io.kubz.field.Fr;
import java.math.BigInteger;

/**
 * The constants of {@link SparseRounds} for one width in Montgomery form, as flat {@code long[]}
 * (4 limbs per element, same layouts), cached per width. Fields are final, so an instance read
 * through the unsynchronised cache is always seen fully built.
 */
final class MontRounds {
  private static final MontRounds[] CACHE = new MontRounds[PoseidonParams.MAX_WIDTH + 1];

  final int width;
  final int partialRounds;
  final long[] fullConstants;
  final long[] mds;
  final long[] preSparse;
  final long[] partialConstants;
  final long[] sparse;

  private MontRounds(SparseRounds s) {
    width = s.width;
    partialRounds = s.partialRounds;
    fullConstants = mont(s.fullConstants);
    mds = mont(s.mds);
    preSparse = mont(s.preSparse);
    partialConstants = mont(s.partialConstants);
    sparse = mont(s.sparse);
  }

  static MontRounds of(int t) {
    MontRounds m = t >= 0 && t < CACHE.length ? CACHE[t] : null;
    if (m != null) {
      return m;
    }
    PoseidonParams params = PoseidonParams.of(t);
    synchronized (CACHE) {
      if (CACHE[t] == null) {
        CACHE[t] = new MontRounds(new SparseRounds(params));
      }
      return CACHE[t];
    }
  }

  private static long[] mont(BigInteger[] v) {
    long[] out = new long[Fr.LIMBS * v.length];
    for (int i = 0; i < v.length; i++) {
      Fr.fromBigInteger(out, Fr.LIMBS * i, v[i]);
    }
    return out;
  }
}
