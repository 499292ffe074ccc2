package io.kubz.plonkish.ir;

/** A column opened at x·ω^rotation; queries sort by column, then rotation. */
public record Query(Column column, int rotation) implements Comparable<Query> {
  @Override
  public int compareTo(Query o) {
    int c = column.compareTo(o.column);
    return c != 0 ? c : Integer.compare(rotation, o.rotation);
  }
}
