package io.kubz.slicer.plan;

/**
 * A slice that computes only part of a layer: the output elements of {@code node} (the slice's last
 * node, its <em>sink</em>) whose flat (row-major) index lies in [from, to). The slice's other nodes
 * compute only the elements the sink's range depends on ({@link Fields}). Used when a layer alone
 * exceeds the row budget; each part of the sink's output crosses the cut as its own boundary tensor
 * ({@link Part}), and consumers read the parts they need.
 */
public record Split(String node, int from, int to) {
  public Split {
    if (from < 0 || to <= from) {
      throw new IllegalArgumentException("split of " + node + ": empty range [" + from + ", " + to + ")");
    }
  }

  /** The name of the part of {@code tensor} this split produces: {@code tensor#from:to}. */
  public String partName(String tensor) {
    return new Part(tensor, from, to).name();
  }

  public int size() {
    return to - from;
  }
}
