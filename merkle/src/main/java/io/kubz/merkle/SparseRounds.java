package io.kubz.merkle;

import io.kubz.field.Fr;
import java.math.BigInteger;

/**
 * The optimised partial rounds of the Poseidon paper (eprint 2019/458, Appendix B), derived in
 * BigInteger from {@link PoseidonParams}. Partial rounds touch only cell 0 non-linearly, so:
 *
 * <p><b>Constants.</b> For {@code c' = c} with cell 0 zeroed, {@code M·S(x + c) = M·S(x + c_0·e_0)
 * + M·c'}: the part of each partial-round constant that bypasses the S-box is carried forward
 * ({@code acc ← M·(acc + c)'}) and only the scalar {@code k = (acc + c)_0} is added to cell 0; the
 * carry left after the last partial round is added to the next full round's constants.
 *
 * <p><b>Matrices.</b> A matrix N = [[n00, n_row], [n_col, N̂]] factors as N = S·D with
 * D = diag(1, N̂) and the sparse S = [[n00, n_row·N̂⁻¹], [n_col, I]]. D fixes cell 0, so it
 * commutes with the partial S-box and with adding k to cell 0: {@code N·S(x + k·e0) =
 * S·S(D·x + k·e0)}, and D moves into the previous round's matrix. Going from the last partial
 * round back, N_last = M, N_{p−1} = D_p·M, and the last first-half full round mixes with D_0·M.
 * A partial round then costs 2t − 1 multiplications in its linear layer instead of t².
 *
 * <p>Layout of {@link #sparse}: per partial round p, 2t − 1 entries: n00, then w_1..w_{t−1} (the
 * row: new cell 0 = n00·x_0 + Σ w_j·x_j), then v_1..v_{t−1} (new cell i = v_i·x_0 + x_i).
 */
final class SparseRounds {
  final int width;
  final int partialRounds;
  /** Constants of the full rounds, FULL_ROUNDS·t: first half, then second half (carry included). */
  final BigInteger[] fullConstants;
  /** The MDS matrix M, row-major. */
  final BigInteger[] mds;
  /** D_0·M, the mix of the last first-half full round, row-major. */
  final BigInteger[] preSparse;
  /** The scalar added to cell 0 in each partial round. */
  final BigInteger[] partialConstants;
  /** (2t − 1) entries per partial round, see the class comment. */
  final BigInteger[] sparse;

  SparseRounds(PoseidonParams params) {
    BigInteger r = Fr.MODULUS;
    int t = params.width();
    int rp = params.partialRounds();
    int half = params.fullRounds() / 2;
    width = t;
    partialRounds = rp;
    BigInteger[][] m = new BigInteger[t][t];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < t; j++) {
        m[i][j] = params.mds(i, j);
      }
    }
    mds = flatten(m);

    // constants: carried forward through the partial rounds
    partialConstants = new BigInteger[rp];
    BigInteger[] acc = zeros(t);
    for (int p = 0; p < rp; p++) {
      BigInteger[] eff = new BigInteger[t];
      for (int i = 0; i < t; i++) {
        eff[i] = acc[i].add(params.roundConstant(half + p, i)).mod(r);
      }
      partialConstants[p] = eff[0];
      eff[0] = BigInteger.ZERO;
      acc = apply(m, eff);
    }
    fullConstants = new BigInteger[params.fullRounds() * t];
    for (int k = 0; k < params.fullRounds(); k++) {
      int round = k < half ? k : k + rp;
      for (int i = 0; i < t; i++) {
        BigInteger c = params.roundConstant(round, i);
        fullConstants[k * t + i] = k == half ? c.add(acc[i]).mod(r) : c;
      }
    }

    // matrices: factored from the last partial round back
    sparse = new BigInteger[rp * (2 * t - 1)];
    BigInteger[][] n = m;
    for (int p = rp - 1; p >= 0; p--) {
      BigInteger[][] hat = new BigInteger[t - 1][t - 1];
      for (int i = 1; i < t; i++) {
        for (int j = 1; j < t; j++) {
          hat[i - 1][j - 1] = n[i][j];
        }
      }
      BigInteger[][] inv = inverse(hat);
      int base = p * (2 * t - 1);
      sparse[base] = n[0][0];
      for (int j = 0; j < t - 1; j++) {
        BigInteger w = BigInteger.ZERO;
        for (int k = 0; k < t - 1; k++) {
          w = w.add(n[0][k + 1].multiply(inv[k][j]));
        }
        sparse[base + 1 + j] = w.mod(r);
        sparse[base + t + j] = n[j + 1][0];
      }
      // N_{p-1} = D_p·M with D_p = diag(1, hat)
      BigInteger[][] next = new BigInteger[t][t];
      for (int j = 0; j < t; j++) {
        next[0][j] = m[0][j];
        for (int i = 1; i < t; i++) {
          BigInteger s = BigInteger.ZERO;
          for (int k = 1; k < t; k++) {
            s = s.add(hat[i - 1][k - 1].multiply(m[k][j]));
          }
          next[i][j] = s.mod(r);
        }
      }
      n = next;
    }
    preSparse = flatten(n);
  }

  private static BigInteger[] zeros(int t) {
    BigInteger[] z = new BigInteger[t];
    java.util.Arrays.fill(z, BigInteger.ZERO);
    return z;
  }

  private static BigInteger[] flatten(BigInteger[][] a) {
    int t = a.length;
    BigInteger[] f = new BigInteger[t * t];
    for (int i = 0; i < t; i++) {
      System.arraycopy(a[i], 0, f, i * t, t);
    }
    return f;
  }

  static BigInteger[] apply(BigInteger[][] m, BigInteger[] x) {
    BigInteger[] y = new BigInteger[x.length];
    for (int i = 0; i < x.length; i++) {
      BigInteger s = BigInteger.ZERO;
      for (int j = 0; j < x.length; j++) {
        s = s.add(m[i][j].multiply(x[j]));
      }
      y[i] = s.mod(Fr.MODULUS);
    }
    return y;
  }

  /** Gauss–Jordan inverse mod r; every square submatrix of a Cauchy matrix is invertible. */
  static BigInteger[][] inverse(BigInteger[][] a) {
    BigInteger r = Fr.MODULUS;
    int n = a.length;
    BigInteger[][] w = new BigInteger[n][2 * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        w[i][j] = a[i][j];
        w[i][n + j] = i == j ? BigInteger.ONE : BigInteger.ZERO;
      }
    }
    for (int col = 0; col < n; col++) {
      int piv = col;
      while (piv < n && w[piv][col].signum() == 0) {
        piv++;
      }
      if (piv == n) {
        throw new ArithmeticException("singular matrix in the sparse Poseidon factorisation");
      }
      BigInteger[] tmp = w[piv];
      w[piv] = w[col];
      w[col] = tmp;
      BigInteger inv = w[col][col].modInverse(r);
      for (int j = 0; j < 2 * n; j++) {
        w[col][j] = w[col][j].multiply(inv).mod(r);
      }
      for (int i = 0; i < n; i++) {
        if (i != col && w[i][col].signum() != 0) {
          BigInteger f = w[i][col];
          for (int j = 0; j < 2 * n; j++) {
            w[i][j] = w[i][j].subtract(f.multiply(w[col][j])).mod(r);
          }
        }
      }
    }
    BigInteger[][] out = new BigInteger[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(w[i], n, out[i], 0, n);
    }
    return out;
  }
}
