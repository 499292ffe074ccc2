package io.kubz.slicer.lower;

import java.util.List;

/**
 * Where a slice's public values sit: all in instance column 0, entry after entry in the order of
 * {@link #entries()} (inputs first, then outputs).
 */
public record InstanceLayout(List<Entry> entries) {
  public InstanceLayout {
    entries = List.copyOf(entries);
  }

  /** Total instance rows. */
  public int rows() {
    int r = 0;
    for (Entry e : entries) {
      r = Math.max(r, e.row() + e.length());
    }
    return r;
  }

  /** The entry for a tensor in a role, or null. */
  public Entry find(String tensor, boolean output) {
    for (Entry e : entries) {
      if (e.tensor().equals(tensor) && e.output() == output) {
        return e;
      }
    }
    return null;
  }

  /**
   * One public item.
   *
   * @param tensor the boundary tensor
   * @param output true for a tensor the slice produces, false for one it reads
   * @param commitment true: one cell holding C = TensorCommitment(salt, values); false: the values
   * @param row first instance row
   * @param length 1 for a commitment, else the tensor's size
   */
  public record Entry(String tensor, boolean output, boolean commitment, int row, int length) {}
}
