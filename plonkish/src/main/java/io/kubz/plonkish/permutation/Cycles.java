package io.kubz.plonkish.permutation;

import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.CopyConstraint;
import java.util.List;
import java.util.Map;

/**
 * The permutation σ over cells (column j of the permutation, row r) whose cycles are the classes of
 * cells that copy constraints make equal. Built with union–find, then each class is linked into one
 * cycle; cells not touched by any copy are fixed points.
 */
final class Cycles {
  private Cycles() {}

  /**
   * Returns next[j*n + r] = the cell index (j'*n + r') that σ maps (j, r) to.
   *
   * @param index position of each permutation column in the argument's column list
   */
  static int[] build(int columns, int n, Map<Column, Integer> index, List<CopyConstraint> copies) {
    int size = columns * n;
    int[] parent = new int[size];
    for (int i = 0; i < size; i++) {
      parent[i] = i;
    }
    for (CopyConstraint c : copies) {
      int a = index.get(c.a()) * n + c.rowA();
      int b = index.get(c.b()) * n + c.rowB();
      int ra = find(parent, a);
      int rb = find(parent, b);
      if (ra != rb) {
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }
    // Link the members of each class in increasing order; the last one wraps to the root.
    int[] next = new int[size];
    int[] last = new int[size];
    for (int i = 0; i < size; i++) {
      next[i] = i;
      last[i] = i;
    }
    for (int i = 0; i < size; i++) {
      int r = find(parent, i);
      if (r != i) {
        next[last[r]] = i;
        last[r] = i;
        next[i] = r;
      }
    }
    return next;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
}
