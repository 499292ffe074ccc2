package io.kubz.gkr.logup;

import io.kubz.field.Fr;

/**
 * A lookup table the verifier can evaluate itself: {@link #width()} columns of 2^{@link #logSize()}
 * rows (padded by repeating a genuine row, so every row is a real entry) and a tag that enters
 * every denominator of its tower.
 */
public sealed interface Table permits RangeTable, FunctionTable {
  Fr tag();

  int width();

  int logSize();

  /** Column c as an MLE table of 2^logSize elements (the prover's copy). */
  long[] column(int c);

  /** Every column's MLE at a point of logSize coordinates (point[po..]). */
  Fr[] evaluate(long[] point, int po);

  /** The row holding (cols[0][row], …, cols[w−1][row]), or −1 when the table has no such row. */
  int indexOf(long[][] cols, int row);

  /** Bytes that identify the table in the transcript. */
  byte[] descriptor();
}
