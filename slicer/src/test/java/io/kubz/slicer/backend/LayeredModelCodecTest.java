package io.kubz.slicer.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.gkr.model.LayeredModel;
import io.kubz.gkr.model.ModelDigests;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.layered.LayeredLowering;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.onnx.proto.Onnx;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.QuantPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The layered model a GKR slice carries: it round-trips to the same digest, and no bytes make decoding throw. */
class LayeredModelCodecTest {
  private static LayeredModel lowered(Onnx.ModelProto m) {
    Graph g = OnnxImporter.convert(m, null, Map.of());
    var x = ExampleModels.input(3, g.inputs().get(0).shape());
    return LayeredLowering.lower(Calibrator.calibrate(g, List.of(List.of(x)), QuantPlan.defaults()).graph()).model();
  }

  @Test
  void exampleModelsRoundTripToTheSameDigest() {
    for (Onnx.ModelProto p : List.of(ExampleModels.mlp(1, 6, 5, 3), ExampleModels.cnn(3), ExampleModels.lenet(2),
        ExampleModels.residual(5, 4))) {
      LayeredModel m = lowered(p);
      byte[] bytes = LayeredModelCodec.encode(m);
      Optional<LayeredModel> back = LayeredModelCodec.decode(bytes);
      assertTrue(back.isPresent(), p.getGraph().getName());
      assertArrayEquals(ModelDigests.digest(m), ModelDigests.digest(back.get()));
      assertArrayEquals(bytes, LayeredModelCodec.encode(back.get()));
    }
  }

  @Test
  void truncatedOrExtendedBytesAreNoModel() {
    byte[] bytes = LayeredModelCodec.encode(lowered(ExampleModels.mlp(1, 6, 5, 3)));
    for (int n = 0; n < bytes.length; n += 7) {
      assertTrue(LayeredModelCodec.decode(java.util.Arrays.copyOf(bytes, n)).isEmpty(), "cut at " + n);
    }
    assertTrue(LayeredModelCodec.decode(java.util.Arrays.copyOf(bytes, bytes.length + 1)).isEmpty());
  }

  @Test
  void aValidDeflateStreamOfOtherBytesIsNoModel() {
    java.util.zip.Deflater d = new java.util.zip.Deflater(9, true);
    d.setInput(new byte[1 << 20]);
    d.finish();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    while (!d.finished()) {
      out.write(buf, 0, d.deflate(buf));
    }
    d.end();
    // 1 MiB of zeros: inflates, then fails the tag
    assertTrue(LayeredModelCodec.decode(out.toByteArray()).isEmpty());
  }

  @Property(tries = 300)
  void anyBytesDecodeOrAreEmpty(@ForAll byte[] bytes) {
    LayeredModelCodec.decode(bytes); // never throws
  }

  /** A convolution layer's bytes (ExampleModels.cnn) flipped anywhere: decoding never throws. */
  @Property(tries = 300)
  void aFlippedByteOfAConvModelNeverThrows(@ForAll int at, @ForAll byte x) {
    byte[] bytes = CNN.clone();
    bytes[Math.floorMod(at, bytes.length)] ^= (byte) (x == 0 ? 1 : x);
    LayeredModelCodec.decode(bytes).ifPresent(m -> assertTrue(m.layers().size() > 0));
  }

  /** Every truncation of a conv model's raw bytes is refused (the deflate stream ends early or the model does). */
  @Test
  void aTruncatedConvModelIsNoModel() {
    LayeredModel m = LayeredModelCodec.decode(CNN).orElseThrow();
    assertTrue(m.layers().stream().anyMatch(l -> l instanceof io.kubz.gkr.model.Layer.Conv));
    for (int n = 0; n < CNN.length; n += 5) {
      assertTrue(LayeredModelCodec.decode(java.util.Arrays.copyOf(CNN, n)).isEmpty(), "cut at " + n);
    }
  }

  private static final byte[] CNN = LayeredModelCodec.encode(lowered(ExampleModels.cnn(3)));

  @Property(tries = 300)
  void aFlippedByteNeverThrows(@ForAll int at, @ForAll byte x) {
    byte[] bytes = LayeredModelCodec.encode(lowered(ExampleModels.mlp(1, 6, 5, 3)));
    bytes[Math.floorMod(at, bytes.length)] ^= (byte) (x == 0 ? 1 : x);
    LayeredModelCodec.decode(bytes);
  }
}
