package io.kubz.slicer.ir;

/**
 * Element types a tensor may carry, with ONNX's {@code TensorProto.DataType} codes. Values are held
 * as {@code double} whatever the type (every integer kubz meets fits in 53 bits); the type decides
 * the semantics of {@code Cast} and of integer division, and how the value is written back.
 */
public enum DType {
  FLOAT(1, true),
  UINT8(2, false),
  INT8(3, false),
  UINT16(4, false),
  INT16(5, false),
  INT32(6, false),
  INT64(7, false),
  BOOL(9, false),
  FLOAT16(10, true),
  DOUBLE(11, true),
  UINT32(12, false),
  UINT64(13, false);

  private final int onnxCode;
  private final boolean floating;

  DType(int onnxCode, boolean floating) {
    this.onnxCode = onnxCode;
    this.floating = floating;
  }

  /** The {@code TensorProto.DataType} number. */
  public int onnxCode() {
    return onnxCode;
  }

  /** True for floating-point types. */
  public boolean isFloating() {
    return floating;
  }

  /** The type with this ONNX code, or null when kubz does not handle it. */
  public static DType fromOnnx(int code) {
    for (DType t : values()) {
      if (t.onnxCode == code) {
        return t;
      }
    }
    return null;
  }

  /** Converts a value to what this type can hold (truncation toward zero, wrap-around, rounding). */
  public double convert(double v) {
    switch (this) {
      case FLOAT:
      case FLOAT16:
        return (float) v;
      case DOUBLE:
        return v;
      case BOOL:
        return v != 0 ? 1 : 0;
      case INT8:
        return (byte) (long) v;
      case UINT8:
        return ((long) v) & 0xFF;
      case INT16:
        return (short) (long) v;
      case UINT16:
        return ((long) v) & 0xFFFF;
      case INT32:
        return (int) (long) v;
      case UINT32:
        return ((long) v) & 0xFFFFFFFFL;
      default:
        return (long) v;
    }
  }
}
