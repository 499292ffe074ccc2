package io.kubz.slicer.ir;

import java.util.Arrays;

/** A named tensor's element type and static shape (the array is not to be modified). */
public record ValueInfo(String name, DType dtype, int[] shape) {
  public ValueInfo {
    shape = shape.clone();
  }

  public long size() {
    return Shapes.size(shape);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValueInfo
        && ((ValueInfo) o).name.equals(name)
        && ((ValueInfo) o).dtype == dtype
        && Arrays.equals(((ValueInfo) o).shape, shape);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + ":" + dtype + Arrays.toString(shape);
  }
}
