package io.kubz.slicer.plan;

/**
 * The partial sums of a product node over a range [kFrom, kTo) of its contraction index: the
 * tensor s with the shape of the node's output y and s[o] = Σ_{t∈[kFrom,kTo)} a[o,t]·b[o,t]
 * (no bias, no rescale), named {@code y@k<kFrom>:<kTo>}. It exists only between the slices of a
 * contraction split ({@link Split#partial()}): the slices computing it commit it (in parts
 * {@code y@kA:B#from:to}, like any split output), and the slice that holds the node reads the
 * partial sums of every range instead of the node's activation input.
 */
public record Partial(String tensor, int kFrom, int kTo) {
  private static final String MARK = "@k";

  public Partial {
    if (kFrom < 0 || kTo <= kFrom) {
      throw new IllegalArgumentException("partial sums of " + tensor + ": empty range [" + kFrom + ", " + kTo + ")");
    }
  }

  /** The tensor name {@code tensor@kFrom:kTo}. */
  public String name() {
    return tensor + MARK + kFrom + ":" + kTo;
  }

  /** The contraction range's length. */
  public int length() {
    return kTo - kFrom;
  }

  /**
   * The partial-sum tensor a (whole, not part) name denotes, or null when the name has no
   * {@code @kA:B} suffix; callers that know the graph's tensors check that the name is not one.
   */
  public static Partial parse(String name) {
    int h = name.lastIndexOf(MARK);
    if (h <= 0) {
      return null;
    }
    int c = name.indexOf(':', h);
    if (c < 0) {
      return null;
    }
    try {
      return new Partial(name.substring(0, h), Integer.parseInt(name.substring(h + MARK.length(), c)),
          Integer.parseInt(name.substring(c + 1)));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
