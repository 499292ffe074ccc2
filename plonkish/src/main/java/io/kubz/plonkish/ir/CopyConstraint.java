package io.kubz.plonkish.ir;

/** The cell ({@code a}, {@code rowA}) must hold the same value as ({@code b}, {@code rowB}). */
public record CopyConstraint(Column a, int rowA, Column b, int rowB) {
  @Override
  public String toString() {
    return a + "@" + rowA + " == " + b + "@" + rowB;
  }
}
