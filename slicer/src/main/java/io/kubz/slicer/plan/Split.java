package io.kubz.slicer.plan;

/**
 * A slice that computes only part of a layer: the output elements of {@code node} (the slice's last
 * node, its <em>sink</em>) whose flat (row-major) index lies in [from, to). The slice's other nodes
 * compute only the elements the sink's range depends on ({@link Fields}). Used when a layer alone
 * exceeds the row budget; each part of the sink's output crosses the cut as its own boundary tensor
 * ({@link Part}), and consumers read the parts they need.
 *
 * <p>A <em>contraction split</em> ({@link #partial()}, kTo &gt; 0) holds the product node alone and
 * computes, for its outputs [from, to), only the partial sums over the contraction range
 * [kFrom, kTo) ({@link Partial}): no bias, no rescale. It produces the part
 * {@code y@kA:B#from:to}; the slice that later holds the node adds the partial sums of every range
 * and the bias, and rescales.
 *
 * @param kFrom first contraction index of a contraction split (0 otherwise)
 * @param kTo end of the contraction range of a contraction split, 0 for an output split
 */
public record Split(String node, int from, int to, int kFrom, int kTo) {
  public Split {
    if (from < 0 || to <= from) {
      throw new IllegalArgumentException("split of " + node + ": empty range [" + from + ", " + to + ")");
    }
    if (kTo != 0 && (kFrom < 0 || kTo <= kFrom)) {
      throw new IllegalArgumentException("split of " + node + ": empty contraction range [" + kFrom + ", " + kTo
          + ")");
    }
    if (kTo == 0 && kFrom != 0) {
      throw new IllegalArgumentException("split of " + node + ": contraction start " + kFrom + " without an end");
    }
  }

  /** An output split: the sink computes its outputs [from, to). */
  public Split(String node, int from, int to) {
    this(node, from, to, 0, 0);
  }

  /** Whether this is a contraction split (partial sums over [kFrom, kTo)). */
  public boolean partial() {
    return kTo != 0;
  }

  /** The partial-sum tensor of a contraction split's node output {@code tensor}. */
  public Partial partialOf(String tensor) {
    return new Partial(tensor, kFrom, kTo);
  }

  /**
   * The name of the part this split produces: {@code tensor#from:to}, or {@code tensor@kA:B#from:to}
   * for a contraction split.
   */
  public String partName(String tensor) {
    return new Part(partial() ? partialOf(tensor).name() : tensor, from, to).name();
  }

  public int size() {
    return to - from;
  }
}
