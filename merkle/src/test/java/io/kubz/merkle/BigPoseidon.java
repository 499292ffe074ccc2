package io.kubz.merkle;

import io.kubz.field.Fr;
import java.math.BigInteger;

/** BigInteger Poseidon evaluators: the plain round function, and the sparse form, as oracles. */
final class BigPoseidon {
  private static final BigInteger R = Fr.MODULUS;
  private static final BigInteger FIVE = BigInteger.valueOf(5);

  private BigPoseidon() {}

  /** The permutation exactly as the paper and circomlib state it. */
  static BigInteger[] plain(PoseidonParams p, BigInteger[] in) {
    int t = p.width();
    BigInteger[] s = in.clone();
    for (int round = 0; round < p.rounds(); round++) {
      for (int i = 0; i < t; i++) {
        s[i] = s[i].add(p.roundConstant(round, i)).mod(R);
      }
      for (int i = 0; i < (p.isPartial(round) ? 1 : t); i++) {
        s[i] = s[i].modPow(FIVE, R);
      }
      BigInteger[] n = new BigInteger[t];
      for (int i = 0; i < t; i++) {
        BigInteger acc = BigInteger.ZERO;
        for (int j = 0; j < t; j++) {
          acc = acc.add(p.mds(i, j).multiply(s[j]));
        }
        n[i] = acc.mod(R);
      }
      s = n;
    }
    return s;
  }

  /** The permutation through the sparse partial rounds of {@link SparseRounds}. */
  static BigInteger[] sparse(SparseRounds o, BigInteger[] in) {
    int t = o.width;
    int half = PoseidonParams.FULL_ROUNDS / 2;
    BigInteger[] s = in.clone();
    for (int k = 0; k < PoseidonParams.FULL_ROUNDS; k++) {
      if (k == half) {
        for (int p = 0; p < o.partialRounds; p++) {
          int b = p * (2 * t - 1);
          BigInteger x0 = s[0].add(o.partialConstants[p]).modPow(FIVE, R);
          BigInteger y0 = o.sparse[b].multiply(x0);
          for (int j = 1; j < t; j++) {
            y0 = y0.add(o.sparse[b + j].multiply(s[j]));
            s[j] = s[j].add(o.sparse[b + t - 1 + j].multiply(x0)).mod(R);
          }
          s[0] = y0.mod(R);
        }
      }
      for (int i = 0; i < t; i++) {
        s[i] = s[i].add(o.fullConstants[k * t + i]).modPow(FIVE, R);
      }
      BigInteger[] m = k == half - 1 ? o.preSparse : o.mds;
      BigInteger[] n = new BigInteger[t];
      for (int i = 0; i < t; i++) {
        BigInteger acc = BigInteger.ZERO;
        for (int j = 0; j < t; j++) {
          acc = acc.add(m[i * t + j].multiply(s[j]));
        }
        n[i] = acc.mod(R);
      }
      s = n;
    }
    return s;
  }

  /** circomlib's hash: state (0, inputs...), output cell 0. Inputs are reduced mod r. */
  static BigInteger hash(BigInteger... inputs) {
    PoseidonParams p = PoseidonParams.of(inputs.length + 1);
    BigInteger[] s = new BigInteger[inputs.length + 1];
    s[0] = BigInteger.ZERO;
    for (int i = 0; i < inputs.length; i++) {
      s[i + 1] = inputs[i].mod(R);
    }
    return plain(p, s)[0];
  }

  /** The sponge of package-info.java, written from the spec: t = 5, IV = ℓ·2^64 + domain. */
  static BigInteger sponge(long domain, BigInteger... in) {
    PoseidonParams p = PoseidonParams.of(5);
    BigInteger[] s = new BigInteger[5];
    java.util.Arrays.fill(s, BigInteger.ZERO);
    s[0] = BigInteger.valueOf(in.length).shiftLeft(64).add(BigInteger.valueOf(domain));
    int blocks = Math.max(1, (in.length + 3) / 4);
    for (int b = 0; b < blocks; b++) {
      for (int j = 0; j < 4; j++) {
        int k = 4 * b + j;
        if (k < in.length) {
          s[1 + j] = s[1 + j].add(in[k]).mod(R);
        }
      }
      s = plain(p, s);
    }
    return s[0];
  }
}
