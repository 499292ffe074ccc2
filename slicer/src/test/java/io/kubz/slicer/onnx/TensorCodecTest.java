package io.kubz.slicer.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.kubz.slicer.interp.FloatInterpreter;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import io.kubz.slicer.onnx.proto.Onnx.StringStringEntryProto;
import io.kubz.slicer.onnx.proto.Onnx.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Initializer encodings: typed fields, raw data, external files, float16. */
class TensorCodecTest {

  @Test
  void typedFieldsAndRawDataAgree() {
    TensorProto typed = TensorProto.newBuilder().setName("t").setDataType(1).addDims(2).addDims(2)
        .addFloatData(1.5f).addFloatData(-2f).addFloatData(0f).addFloatData(3.25f).build();
    Tensor a = TensorCodec.decode(typed, null, "t");
    Tensor b = TensorCodec.decode(TensorCodec.encode("t", a), null, "t");
    assertEquals(a, b);
    assertArrayEquals(new double[] {1.5, -2, 0, 3.25}, a.data());
    TensorProto ints = TensorProto.newBuilder().setDataType(7).addDims(3).addInt64Data(-1)
        .addInt64Data(1L << 40).addInt64Data(0).build();
    assertArrayEquals(new long[] {-1, 1L << 40, 0}, TensorCodec.decode(ints, null, "i").toLongs());
    TensorProto i8 = TensorProto.newBuilder().setDataType(3).addDims(2).addInt32Data(-128)
        .addInt32Data(127).build();
    assertArrayEquals(new double[] {-128, 127}, TensorCodec.decode(i8, null, "b").data());
    TensorProto dbl = TensorProto.newBuilder().setDataType(11).addDoubleData(Math.PI).build();
    assertEquals(Math.PI, TensorCodec.decode(dbl, null, "d").get(0));
    assertEquals(0, TensorCodec.decode(dbl, null, "d").rank());
  }

  @Test
  void rawLittleEndian() {
    ByteBuffer buf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(-7).putInt(1 << 20);
    TensorProto t = TensorProto.newBuilder().setDataType(6).addDims(2)
        .setRawData(ByteString.copyFrom(buf.array())).build();
    assertArrayEquals(new double[] {-7, 1 << 20}, TensorCodec.decode(t, null, "r").data());
  }

  @Test
  void countMismatchIsReported() {
    TensorProto t = TensorProto.newBuilder().setName("w").setDataType(1).addDims(3)
        .addFloatData(1).build();
    MalformedModelException e = assertThrows(MalformedModelException.class,
        () -> TensorCodec.decode(t, null, "initializer 'w'"));
    assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("3 values"));
    TensorProto s = TensorProto.newBuilder().setDataType(8).addDims(1).build();
    assertThrows(MalformedModelException.class, () -> TensorCodec.decode(s, null, "strings"));
  }

  @Property(tries = 200)
  void float16RoundTripsThroughFloat(@ForAll @FloatRange(min = -60000, max = 60000) float f) {
    short h = Half.fromFloat(f);
    float back = Half.toFloat(h);
    // binary16 has 11 significant bits: relative error ≤ 2^-11 (normal range), 2^-25 absolute.
    assertTrue(Math.abs(back - f) <= Math.abs(f) * 0x1p-11f + 0x1p-25f, f + " -> " + back);
    assertEquals(h, Half.fromFloat(back), "a half value converts back to itself");
  }

  @Test
  void float16KnownValues() {
    assertEquals(1.0f, Half.toFloat((short) 0x3C00));
    assertEquals(-2.0f, Half.toFloat((short) 0xC000));
    assertEquals(65504f, Half.toFloat((short) 0x7BFF));
    assertEquals(0x1p-24f, Half.toFloat((short) 0x0001));
    assertEquals(Float.POSITIVE_INFINITY, Half.toFloat((short) 0x7C00));
    assertEquals((short) 0x3555, Half.fromFloat(1f / 3));
  }

  @Test
  void externalDataNextToTheModel(@TempDir Path dir) throws Exception {
    ModelProto m = ExampleModels.mlp(9, 3, 5, 2);
    ModelProto.Builder b = m.toBuilder();
    // Move fc1.weight (index 0) to weights.bin at offset 16.
    TensorProto w = b.getGraph().getInitializer(0);
    byte[] raw = w.getRawData().toByteArray();
    byte[] file = new byte[16 + raw.length];
    System.arraycopy(raw, 0, file, 16, raw.length);
    Files.write(dir.resolve("weights.bin"), file);
    b.getGraphBuilder().setInitializer(0, w.toBuilder().clearRawData()
        .setDataLocation(TensorProto.DataLocation.EXTERNAL)
        .addExternalData(kv("location", "weights.bin")).addExternalData(kv("offset", "16"))
        .addExternalData(kv("length", String.valueOf(raw.length))));
    Path model = dir.resolve("model.onnx");
    Files.write(model, b.build().toByteArray());
    Graph ext = OnnxImporter.read(model);
    Graph inl = OnnxImporter.convert(m, null, Map.of());
    Tensor x = ExampleModels.input(3, 1, 3);
    assertEquals(FloatInterpreter.run(inl, List.of(x)), FloatInterpreter.run(ext, List.of(x)));

    Files.delete(dir.resolve("weights.bin"));
    MalformedModelException e = assertThrows(MalformedModelException.class,
        () -> OnnxImporter.read(model));
    assertTrue(e.getMessage().contains("weights.bin") && e.getMessage().contains("missing"));

    b.getGraphBuilder().setInitializer(0, b.getGraph().getInitializer(0).toBuilder()
        .setExternalData(0, kv("location", "../../etc/passwd")));
    Files.write(model, b.build().toByteArray());
    e = assertThrows(MalformedModelException.class, () -> OnnxImporter.read(model));
    assertTrue(e.getMessage().contains("outside"));
  }

  @Test
  void initializersListedAsInputsAreNotInputs() {
    ModelProto m = ExampleModels.mlp(4, 3, 5, 2);
    ModelProto.Builder b = m.toBuilder();
    // IR < 4 exporters list every initializer among the graph inputs too.
    for (TensorProto t : m.getGraph().getInitializerList()) {
      b.getGraphBuilder().addInput(b.getGraph().getInput(0).toBuilder().setName(t.getName()));
    }
    Graph g = OnnxImporter.convert(b.build(), null, Map.of());
    assertEquals(1, g.inputs().size());
    assertEquals(DType.FLOAT, g.inputs().get(0).dtype());
  }

  private static StringStringEntryProto kv(String k, String v) {
    return StringStringEntryProto.newBuilder().setKey(k).setValue(v).build();
  }
}
