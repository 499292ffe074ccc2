package io.kubz.slicer.plan;

/**
 * A slice that computes only part of a layer: the output elements of {@code node} whose flat
 * (row-major) index lies in [from, to). Used when one layer alone exceeds the row budget; each part
 * of the output tensor crosses the cut as its own boundary tensor, and consumers concatenate them.
 * Flat ranges cut a convolution by channels and, within a channel, by output rows.
 */
public record Split(String node, int from, int to) {
  public Split {
    if (from < 0 || to <= from) {
      throw new IllegalArgumentException("split of " + node + ": empty range [" + from + ", " + to + ")");
    }
  }

  /** The name of the part of {@code tensor} this split produces: {@code tensor#from:to}. */
  public String partName(String tensor) {
    return tensor + "#" + from + ":" + to;
  }

  public int size() {
    return to - from;
  }
}
