package io.kubz.slicer.onnx;

import com.google.protobuf.ByteString;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Shapes;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.proto.Onnx.StringStringEntryProto;
import io.kubz.slicer.onnx.proto.Onnx.TensorProto;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads and writes ONNX {@code TensorProto}s: the typed fields (float_data, int32_data, int64_data,
 * double_data, uint64_data), little-endian {@code raw_data}, and external data (a file next to the
 * model named by the "location" entry, with optional "offset" and "length").
 */
public final class TensorCodec {
  private TensorCodec() {}

  /**
   * Decodes a tensor; {@code baseDir} is the model's folder (for external data, may be null when
   * the model came from memory); {@code what} names it in errors.
   */
  public static Tensor decode(TensorProto t, Path baseDir, String what) {
    DType dtype = DType.fromOnnx(t.getDataType());
    if (dtype == null) {
      throw new MalformedModelException(what + " has ONNX element type " + t.getDataType()
          + ", which kubz does not read (supported: " + Arrays.toString(DType.values()) + ")");
    }
    int[] shape = new int[t.getDimsCount()];
    for (int k = 0; k < shape.length; k++) {
      long d = t.getDims(k);
      if (d < 0 || d > Integer.MAX_VALUE) {
        throw new MalformedModelException(what + " has an invalid dimension " + d);
      }
      shape[k] = (int) d;
    }
    long n = Shapes.size(shape);
    if (t.hasSegment()) {
      throw new MalformedModelException(what + " is stored in segments, which kubz does not read");
    }
    double[] data;
    if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
      data = fromRaw(dtype, readExternal(t, baseDir, n * bytes(dtype), what), n, what);
    } else if (t.hasRawData()) {
      data = fromRaw(dtype, t.getRawData(), n, what);
    } else {
      data = fromTyped(dtype, t, what);
    }
    if (data.length != n) {
      throw new MalformedModelException(what + " declares shape " + Shapes.str(shape) + " ("
          + n + " values) but holds " + data.length + " values");
    }
    return Tensor.of(dtype, shape, data);
  }

  /** Encodes a tensor as raw little-endian data (float32 for FLOAT, int64 for INT64, …). */
  public static TensorProto encode(String name, Tensor t) {
    TensorProto.Builder b = TensorProto.newBuilder().setName(name).setDataType(t.dtype().onnxCode());
    for (int d : t.shape()) {
      b.addDims(d);
    }
    int w = bytes(t.dtype());
    ByteBuffer buf = ByteBuffer.allocate(t.size() * w).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : t.data()) {
      switch (t.dtype()) {
        case FLOAT:
          buf.putFloat((float) v);
          break;
        case DOUBLE:
          buf.putDouble(v);
          break;
        case INT64:
        case UINT64:
          buf.putLong((long) v);
          break;
        case INT32:
        case UINT32:
          buf.putInt((int) (long) v);
          break;
        case INT16:
        case UINT16:
          buf.putShort((short) (long) v);
          break;
        case FLOAT16:
          buf.putShort(Half.fromFloat((float) v));
          break;
        default:
          buf.put((byte) (long) v);
      }
    }
    return b.setRawData(ByteString.copyFrom(buf.array())).build();
  }

  static int bytes(DType t) {
    switch (t) {
      case DOUBLE:
      case INT64:
      case UINT64:
        return 8;
      case FLOAT:
      case INT32:
      case UINT32:
        return 4;
      case FLOAT16:
      case INT16:
      case UINT16:
        return 2;
      default:
        return 1;
    }
  }

  private static double[] fromRaw(DType dtype, ByteString raw, long n, String what) {
    int w = bytes(dtype);
    if (raw.size() != n * w) {
      throw new MalformedModelException(what + " has " + raw.size() + " bytes of data, its shape "
          + "needs " + n * w + " (" + n + " values of " + w + " bytes): the file is corrupt");
    }
    ByteBuffer b = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    double[] d = new double[(int) n];
    for (int k = 0; k < d.length; k++) {
      switch (dtype) {
        case FLOAT:
          d[k] = b.getFloat();
          break;
        case DOUBLE:
          d[k] = b.getDouble();
          break;
        case INT64:
          d[k] = b.getLong();
          break;
        case UINT64:
          d[k] = unsigned(b.getLong());
          break;
        case INT32:
          d[k] = b.getInt();
          break;
        case UINT32:
          d[k] = Integer.toUnsignedLong(b.getInt());
          break;
        case INT16:
          d[k] = b.getShort();
          break;
        case UINT16:
          d[k] = Short.toUnsignedInt(b.getShort());
          break;
        case FLOAT16:
          d[k] = Half.toFloat(b.getShort());
          break;
        case INT8:
          d[k] = b.get();
          break;
        case UINT8:
          d[k] = Byte.toUnsignedInt(b.get());
          break;
        case BOOL:
          d[k] = b.get() != 0 ? 1 : 0;
          break;
        default:
          throw new AssertionError(dtype);
      }
    }
    return d;
  }

  /** A uint64 bit pattern as the (rounded) double it denotes. */
  private static double unsigned(long v) {
    return v >= 0 ? v : (double) (v >>> 1) * 2 + (v & 1);
  }

  private static double[] fromTyped(DType dtype, TensorProto t, String what) {
    double[] d;
    switch (dtype) {
      case FLOAT:
        d = new double[t.getFloatDataCount()];
        for (int k = 0; k < d.length; k++) {
          d[k] = t.getFloatData(k);
        }
        return d;
      case DOUBLE:
        d = new double[t.getDoubleDataCount()];
        for (int k = 0; k < d.length; k++) {
          d[k] = t.getDoubleData(k);
        }
        return d;
      case INT64:
        d = new double[t.getInt64DataCount()];
        for (int k = 0; k < d.length; k++) {
          d[k] = t.getInt64Data(k);
        }
        return d;
      case UINT32:
      case UINT64:
        d = new double[t.getUint64DataCount()];
        for (int k = 0; k < d.length; k++) {
          d[k] = unsigned(t.getUint64Data(k));
        }
        return d;
      default:
        // INT32, INT16, INT8, UINT16, UINT8, BOOL and FLOAT16 (bit pattern) live in int32_data.
        d = new double[t.getInt32DataCount()];
        for (int k = 0; k < d.length; k++) {
          int v = t.getInt32Data(k);
          d[k] = dtype == DType.FLOAT16 ? Half.toFloat((short) v) : dtype.convert(v);
        }
        return d;
    }
  }

  private static ByteString readExternal(TensorProto t, Path baseDir, long expected, String what) {
    String location = null;
    long offset = 0;
    long length = -1;
    for (StringStringEntryProto e : t.getExternalDataList()) {
      try {
        switch (e.getKey()) {
          case "location":
            location = e.getValue();
            break;
          case "offset":
            offset = Long.parseLong(e.getValue());
            break;
          case "length":
            length = Long.parseLong(e.getValue());
            break;
          default:
            break;
        }
      } catch (NumberFormatException ex) {
        throw new MalformedModelException(what + ": external data " + e.getKey() + " '"
            + e.getValue() + "' is not a number");
      }
    }
    if (location == null) {
      throw new MalformedModelException(what + " is stored externally but names no location");
    }
    if (baseDir == null) {
      throw new MalformedModelException(what + " is stored in the external file '" + location
          + "': load the model from its file so the data next to it can be found");
    }
    Path base = baseDir.toAbsolutePath().normalize();
    Path file = base.resolve(location).normalize();
    if (!file.startsWith(base)) {
      throw new MalformedModelException(what + ": external data location '" + location
          + "' points outside the model's folder");
    }
    if (!Files.isRegularFile(file)) {
      throw new MalformedModelException(what + ": external data file " + file
          + " is missing; keep it next to the model");
    }
    long len = length >= 0 ? length : expected;
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      if (offset < 0 || offset + len > f.length()) {
        throw new MalformedModelException(what + ": external data file " + file + " has "
            + f.length() + " bytes, the tensor needs bytes " + offset + ".." + (offset + len));
      }
      byte[] buf = new byte[Math.toIntExact(len)];
      f.seek(offset);
      f.readFully(buf);
      return ByteString.copyFrom(buf);
    } catch (IOException e) {
      throw new MalformedModelException(what + ": cannot read external data " + file + ": "
          + e.getMessage(), e);
    }
  }
}
