package io.kubz.slicer.lower;

/**
 * A tensor that enters or leaves a slice: the model's own inputs and outputs, and every tensor that
 * crosses a cut between slices.
 *
 * @param tensor the tensor's name in the graph
 * @param shape its shape
 * @param mode how it appears in the instance: the tensor's one mode across the slicing ({@link Linking})
 */
public record Boundary(String tensor, int[] shape, Visibility.Mode mode) {
  public int size() {
    int s = 1;
    for (int d : shape) {
      s *= d;
    }
    return s;
  }
}
