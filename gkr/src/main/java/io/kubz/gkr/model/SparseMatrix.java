package io.kubz.gkr.model;

import java.util.Arrays;

/**
 * A constant integer matrix in compressed-row form: row i's entries are {@code col[k], val[k]} for
 * {@code rowStart[i] ≤ k < rowStart[i+1]}. Columns within a row are strictly increasing. Values are
 * signed and small (quantized weights, 0/1 re-indexing, window sums); the verifier evaluates the
 * matrix's MLE itself in O(nnz).
 */
public record SparseMatrix(int rows, int cols, int[] rowStart, int[] col, long[] val) {
  public SparseMatrix {
    if (rows < 1 || cols < 1 || rowStart.length != rows + 1 || rowStart[0] != 0
        || rowStart[rows] != col.length || col.length != val.length) {
      throw new IllegalArgumentException("malformed sparse matrix " + rows + "×" + cols);
    }
    for (int i = 0; i < rows; i++) {
      if (rowStart[i + 1] < rowStart[i]) {
        throw new IllegalArgumentException("row starts decrease at row " + i);
      }
      for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
        if (col[k] < 0 || col[k] >= cols || (k > rowStart[i] && col[k] <= col[k - 1])) {
          throw new IllegalArgumentException("row " + i + ": column " + col[k] + " out of order or range");
        }
      }
    }
  }

  public int nnz() {
    return col.length;
  }

  /** y[i] = Σ_k val[k]·x[col[k]] over row i (exact: overflow is an ArithmeticException). */
  public long[] apply(long[] x) {
    long[] y = new long[rows];
    for (int i = 0; i < rows; i++) {
      long s = 0;
      for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
        s = Math.addExact(s, Math.multiplyExact(val[k], x[col[k]]));
      }
      y[i] = s;
    }
    return y;
  }

  /** A dense row-major rows×cols matrix (zeros dropped). */
  public static SparseMatrix dense(int rows, int cols, long[] w) {
    if (w.length != (long) rows * cols) {
      throw new IllegalArgumentException(w.length + " weights for a " + rows + "×" + cols + " matrix");
    }
    Builder b = new Builder(rows, cols);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        b.add(i, j, w[i * cols + j]);
      }
    }
    return b.build();
  }

  /** out[i] = x[source[i]] (source[i] &lt; 0: out[i] = 0), the matrix of a re-indexing. */
  public static SparseMatrix gather(int cols, int[] source) {
    Builder b = new Builder(source.length, cols);
    for (int i = 0; i < source.length; i++) {
      if (source[i] >= 0) {
        b.add(i, source[i], 1);
      }
    }
    return b.build();
  }

  /**
   * Entries added row by row (rows in increasing order; within a row any column order, repeated
   * columns summed, zero sums dropped).
   */
  public static final class Builder {
    private final int rows;
    private final int cols;
    private final int[] rowStart;
    private int[] col = new int[16];
    private long[] val = new long[16];
    private int n;
    private int row;

    public Builder(int rows, int cols) {
      this.rows = rows;
      this.cols = cols;
      this.rowStart = new int[rows + 1];
    }

    public Builder add(int i, int j, long v) {
      if (i < row || i >= rows) {
        throw new IllegalArgumentException("row " + i + " after row " + row + " (rows go up, < " + rows + ")");
      }
      if (j < 0 || j >= cols) {
        throw new IllegalArgumentException("column " + j + " of " + cols);
      }
      while (row < i) {
        closeRow();
        rowStart[++row] = n;
      }
      if (n == col.length) {
        col = Arrays.copyOf(col, 2 * n);
        val = Arrays.copyOf(val, 2 * n);
      }
      col[n] = j;
      val[n] = v;
      n++;
      return this;
    }

    /** Sorts the open row's entries, merges repeats and drops zeros. */
    private void closeRow() {
      int s = rowStart[row];
      if (n - s > 1) {
        long[] packed = new long[n - s];
        for (int k = s; k < n; k++) {
          packed[k - s] = ((long) col[k] << 32) | (k - s);
        }
        Arrays.sort(packed);
        int[] c = Arrays.copyOfRange(col, s, n);
        long[] v = Arrays.copyOfRange(val, s, n);
        n = s;
        for (long p : packed) {
          int idx = (int) p;
          if (n > s && col[n - 1] == c[idx]) {
            val[n - 1] = Math.addExact(val[n - 1], v[idx]);
          } else {
            col[n] = c[idx];
            val[n] = v[idx];
            n++;
          }
        }
      }
      int w = s;
      for (int k = s; k < n; k++) {
        if (val[k] != 0) {
          col[w] = col[k];
          val[w] = val[k];
          w++;
        }
      }
      n = w;
    }

    public SparseMatrix build() {
      closeRow();
      while (row < rows) {
        rowStart[++row] = n;
      }
      return new SparseMatrix(rows, cols, rowStart, Arrays.copyOf(col, n), Arrays.copyOf(val, n));
    }
  }
}
