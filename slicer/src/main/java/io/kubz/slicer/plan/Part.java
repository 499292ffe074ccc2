package io.kubz.slicer.plan;

/**
 * A contiguous piece [from, to) of a tensor's flat (row-major) elements that crosses a cut as its
 * own boundary tensor, named {@code tensor#from:to}. A split layer's sub-slices each produce one
 * part; a consumer reads only the parts that hold elements it needs, each linked to its producer by
 * its own commitment.
 */
public record Part(String tensor, int from, int to) {
  public Part {
    if (from < 0 || to <= from) {
      throw new IllegalArgumentException("part of " + tensor + ": empty range [" + from + ", " + to + ")");
    }
  }

  /** The boundary name {@code tensor#from:to}. */
  public String name() {
    return tensor + "#" + from + ":" + to;
  }

  public int size() {
    return to - from;
  }

  /** The part a boundary name denotes, or null for a whole tensor (no {@code #from:to} suffix). */
  public static Part parse(String name) {
    int h = name.lastIndexOf('#');
    if (h < 0) {
      return null;
    }
    int c = name.indexOf(':', h);
    if (c < 0) {
      return null;
    }
    try {
      return new Part(name.substring(0, h), Integer.parseInt(name.substring(h + 1, c)),
          Integer.parseInt(name.substring(c + 1)));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The tensor a boundary name belongs to (the name itself for a whole tensor). */
  public static String base(String name) {
    Part p = parse(name);
    return p == null ? name : p.tensor();
  }

  /** The values of the boundary {@code name} taken from its whole tensor's values. */
  public static long[] slice(String name, long[] whole) {
    Part p = parse(name);
    return p == null ? whole : java.util.Arrays.copyOfRange(whole, p.from(), p.to());
  }
}
