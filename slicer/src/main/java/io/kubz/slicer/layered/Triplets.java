package io.kubz.slicer.layered;

import io.kubz.gkr.model.SparseMatrix;
import java.util.Arrays;

/**
 * Entries (row, column, value) of a sparse matrix in any order, repeated positions summed: what a
 * scatter (transposed convolution) or a contraction written per input element produces.
 */
final class Triplets {
  private final int rows;
  private final int cols;
  private int[] row = new int[16];
  private int[] col = new int[16];
  private long[] val = new long[16];
  private int n;

  Triplets(int rows, int cols) {
    this.rows = rows;
    this.cols = cols;
  }

  void add(int i, int j, long v) {
    if (v == 0) {
      return;
    }
    if (n == row.length) {
      row = Arrays.copyOf(row, 2 * n);
      col = Arrays.copyOf(col, 2 * n);
      val = Arrays.copyOf(val, 2 * n);
    }
    row[n] = i;
    col[n] = j;
    val[n] = v;
    n++;
  }

  SparseMatrix build() {
    // counting sort by row, then the builder sorts and merges each row
    int[] start = new int[rows + 1];
    for (int k = 0; k < n; k++) {
      start[row[k] + 1]++;
    }
    for (int i = 0; i < rows; i++) {
      start[i + 1] += start[i];
    }
    int[] order = new int[n];
    int[] next = Arrays.copyOf(start, rows);
    for (int k = 0; k < n; k++) {
      order[next[row[k]]++] = k;
    }
    SparseMatrix.Builder b = new SparseMatrix.Builder(rows, cols);
    for (int k : order) {
      b.add(row[k], col[k], val[k]);
    }
    return b.build();
  }
}
