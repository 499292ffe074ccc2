package io.kubz.slicer.onnx;

import io.kubz.field.BadInputException;
import io.kubz.slicer.interp.FloatInterpreter;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.ValueInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Damaged model files (bytes flipped, cut or inserted) either import — a flip may land in a weight
 * — or fail with a {@link BadInputException}; never another exception.
 */
class CorruptModelFuzzTest {
  private static final byte[] CNN = ExampleModels.cnn(3).toByteArray();

  @Property(tries = 300)
  void damagedBytesGiveBadInputOrAGraph(@ForAll @IntRange(min = 0, max = 1 << 30) int where,
      @ForAll @IntRange(min = 1, max = 255) int xor, @ForAll @IntRange(min = 0, max = 3) int how) {
    byte[] b = CNN.clone();
    int at = where % b.length;
    switch (how) {
      case 0:
        b[at] ^= (byte) xor;
        break;
      case 1:
        b = java.util.Arrays.copyOf(b, at);
        break;
      case 2:
        b[at] = (byte) 0xFF;
        if (at + 1 < b.length) {
          b[at + 1] = (byte) 0xFF;
        }
        break;
      default:
        byte[] c = new byte[b.length + 1];
        System.arraycopy(b, 0, c, 0, at);
        c[at] = (byte) xor;
        System.arraycopy(b, at, c, at + 1, b.length - at);
        b = c;
    }
    try {
      Graph g = OnnxImporter.read(b, null, Map.of(), "fuzz.onnx");
      List<Tensor> in = new ArrayList<>();
      for (ValueInfo v : g.inputs()) {
        if (v.size() > 1 << 20) {
          return;
        }
        in.add(ExampleModels.input(1, v.shape()).cast(v.dtype()));
      }
      FloatInterpreter.run(g, in);
    } catch (BadInputException expected) {
      // the clear error we want
    }
  }
}
