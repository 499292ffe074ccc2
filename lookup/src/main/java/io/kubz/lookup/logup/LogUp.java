package io.kubz.lookup.logup;

import io.kubz.field.Fr;
import java.util.function.IntConsumer;

/**
 * Kernels of the logUp argument (see package-info) over flat Montgomery vectors (4 limbs per
 * element). All work on rows {@code 0..rows-1}; outputs never alias inputs unless stated.
 */
public final class LogUp {
  private LogUp() {}

  /**
   * out_i = Σ_j θ^j·cols[j]_i (Horner from the last column). {@code out} may alias {@code cols[0]}
   * only when there is a single column.
   */
  public static void compress(long[][] cols, long[] theta, int rows, long[] out) {
    int w = cols.length;
    if (w == 1) {
      if (out != cols[0]) {
        System.arraycopy(cols[0], 0, out, 0, 4 * rows);
      }
      return;
    }
    for (int i = 0; i < rows; i++) {
      int o = 4 * i;
      Fr.copy(out, o, cols[w - 1], o);
      for (int j = w - 2; j >= 0; j--) {
        // out ← out·θ + cols[j]
        Fr.mul(out, o, out, o, theta, 0);
        Fr.add(out, o, out, o, cols[j], o);
      }
    }
  }

  /**
   * Adds the multiplicities of one query into {@code m}: for each row i with s_i ≠ 0 ({@code
   * selector} null: s_i = 1) whose tuple {@code inputs[*]_i} is in the table, m[row of it] += s_i.
   * Rows whose tuple is absent go to {@code missing} (may be null) and count nowhere.
   *
   * @return the number of absent tuples
   */
  public static int count(TupleIndex index, long[][] inputs, long[] selector, int rows, long[] m,
      IntConsumer missing) {
    long[] one = new long[4];
    Fr.setOne(one, 0);
    int absent = 0;
    for (int i = 0; i < rows; i++) {
      if (selector != null && Fr.isZero(selector, 4 * i)) {
        continue;
      }
      int j = index.find(inputs, i);
      if (j < 0) {
        absent++;
        if (missing != null) {
          missing.accept(i);
        }
        continue;
      }
      if (selector == null) {
        Fr.add(m, 4 * j, m, 4 * j, one, 0);
      } else {
        Fr.add(m, 4 * j, m, 4 * j, selector, 4 * i);
      }
    }
    return absent;
  }

  /**
   * h_i = Σ_k s_{k,i} / (α − f_{k,i}) for compressed queries {@code f[k]} with selectors {@code
   * s[k]} (an entry null: s = 1); one batch inversion over all queries. A zero denominator (α equal
   * to a queried value, probability about rows/|F|) contributes 0.
   */
  public static void inverseSum(long[] alpha, long[][] f, long[][] s, int rows, long[] h) {
    long[] d = new long[4 * rows];
    for (int i = 0; i < rows; i++) {
      Fr.setZero(h, 4 * i);
    }
    for (int k = 0; k < f.length; k++) {
      for (int i = 0; i < rows; i++) {
        Fr.sub(d, 4 * i, alpha, 0, f[k], 4 * i);
      }
      Fr.batchInverse(d, 0, rows);
      for (int i = 0; i < rows; i++) {
        if (s[k] != null) {
          Fr.mul(d, 4 * i, d, 4 * i, s[k], 4 * i);
        }
        Fr.add(h, 4 * i, h, 4 * i, d, 4 * i);
      }
    }
  }

  /**
   * The running sum φ_0 = 0, φ_{i+1} = φ_i + h_i − m_i/(α − t_i) on rows 0..rows (so {@code phi}
   * holds rows + 1 elements); {@code h} is the sum of the helper columns. Returns nothing: φ_rows
   * is zero exactly when the logUp identity holds.
   */
  public static void runningSum(long[] alpha, long[] h, long[] m, long[] t, int rows, long[] phi) {
    long[] d = new long[4 * rows];
    for (int i = 0; i < rows; i++) {
      Fr.sub(d, 4 * i, alpha, 0, t, 4 * i);
    }
    Fr.batchInverse(d, 0, rows);
    Fr.setZero(phi, 0);
    long[] term = new long[4];
    for (int i = 0; i < rows; i++) {
      Fr.mul(term, 0, m, 4 * i, d, 4 * i);
      Fr.sub(term, 0, h, 4 * i, term, 0);
      Fr.add(phi, 4 * (i + 1), phi, 4 * i, term, 0);
    }
  }

  /** Σ_i s_i/(α − f_i) − Σ_j m_j/(α − t_j), the defect of the logUp identity (zero when it holds). */
  public static Fr defect(long[] alpha, long[][] f, long[][] s, int queryRows, long[] m, long[] t, int tableRows) {
    long[] h = new long[4 * queryRows];
    inverseSum(alpha, f, s, queryRows, h);
    long[] acc = new long[4];
    for (int i = 0; i < queryRows; i++) {
      Fr.add(acc, 0, acc, 0, h, 4 * i);
    }
    long[] zero = new long[4 * tableRows];
    long[] phi = new long[4 * (tableRows + 1)];
    runningSum(alpha, zero, m, t, tableRows, phi);
    Fr.add(acc, 0, acc, 0, phi, 4 * tableRows);
    return Fr.readFrom(acc, 0);
  }
}
