package io.kubz.slicer.ir;

import java.util.Arrays;

/**
 * A dense tensor: an element type, a shape and its elements in row-major order as {@code double}.
 *
 * <p>The float reference interpreter computes in double (ONNX models are float32: double keeps the
 * reference at least as exact as the model it checks). The backing array is shared, not copied:
 * callers must treat {@link #data()} as read-only once the tensor has been built.
 */
public final class Tensor {
  private final DType dtype;
  private final int[] shape;
  private final double[] data;

  private Tensor(DType dtype, int[] shape, double[] data) {
    this.dtype = dtype;
    this.shape = shape;
    this.data = data;
  }

  /** A tensor over {@code data} (not copied); its length must be the product of {@code shape}. */
  public static Tensor of(DType dtype, int[] shape, double[] data) {
    long n = Shapes.size(shape);
    if (n != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
    }
    return new Tensor(dtype, shape.clone(), data);
  }

  /** A float tensor. */
  public static Tensor of(int[] shape, double... data) {
    return of(DType.FLOAT, shape, data);
  }

  /** A float tensor from float values. */
  public static Tensor ofFloats(int[] shape, float... data) {
    double[] d = new double[data.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = data[i];
    }
    return of(DType.FLOAT, shape, d);
  }

  /** A tensor of zeros. */
  public static Tensor zeros(DType dtype, int... shape) {
    return new Tensor(dtype, shape.clone(), new double[Math.toIntExact(Shapes.size(shape))]);
  }

  /** A rank-0 tensor. */
  public static Tensor scalar(DType dtype, double v) {
    return new Tensor(dtype, new int[0], new double[] {v});
  }

  /** A rank-1 INT64 tensor, as ONNX uses for shapes, axes and indices. */
  public static Tensor longs(long... v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return new Tensor(DType.INT64, new int[] {v.length}, d);
  }

  public DType dtype() {
    return dtype;
  }

  /** A copy of the shape. */
  public int[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  /** Extent of one axis (negative axes count from the end). */
  public int dim(int axis) {
    return shape[axis < 0 ? axis + shape.length : axis];
  }

  public int size() {
    return data.length;
  }

  /** The elements in row-major order (shared, read-only by convention). */
  public double[] data() {
    return data;
  }

  public double get(int flatIndex) {
    return data[flatIndex];
  }

  /** The elements as longs (truncation toward zero), for shapes, axes and indices. */
  public long[] toLongs() {
    long[] r = new long[data.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = (long) data[i];
    }
    return r;
  }

  /** The elements as floats. */
  public float[] toFloats() {
    float[] r = new float[data.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = (float) data[i];
    }
    return r;
  }

  /** The same elements seen with another shape of the same size. */
  public Tensor reshape(int... newShape) {
    return of(dtype, newShape, data);
  }

  /** The same elements with another element type, converted by {@link DType#convert}. */
  public Tensor cast(DType to) {
    double[] r = new double[data.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = to.convert(data[i]);
    }
    return new Tensor(to, shape, r);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor
        && ((Tensor) o).dtype == dtype
        && Arrays.equals(((Tensor) o).shape, shape)
        && Arrays.equals(((Tensor) o).data, data);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    String values =
        data.length <= 8
            ? Arrays.toString(data)
            : Arrays.toString(Arrays.copyOf(data, 8)).replace("]", ", ...]");
    return dtype + Arrays.toString(shape) + values;
  }
}
