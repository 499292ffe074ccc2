package io.kubz.slicer.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.kubz.slicer.input.InputData;
import io.kubz.slicer.interp.FloatInterpreter;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs a model folder (network.onnx, input.json, reference_output.json) through the importer and
 * the float interpreter and compares with the reference. Tolerance: |got − want| ≤ 1e-4·|want| +
 * 1e-5 per element — 1e-4 relative as the issue asks, with an absolute floor of 1e-5 because the
 * reference is float32 (a value near zero carries float32 rounding of its larger operands).
 */
final class ReferenceCheck {
  static final double REL = 1e-4;
  static final double ABS = 1e-5;

  private ReferenceCheck() {}

  /** The worst |got − want| / (REL·|want| + ABS) over all outputs (≤ 1 passes). */
  static double check(Path dir) {
    Graph g = OnnxImporter.read(dir.resolve("network.onnx"));
    List<Tensor> inputs = InputData.read(dir.resolve("input.json"), g);
    Map<String, Tensor> got = FloatInterpreter.run(g, inputs);
    Map<String, Object> ref;
    try {
      ref = Json.asObject(Json.parse(Files.readString(dir.resolve("reference_output.json"))), "ref");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Object> outs = Json.asArray(ref.get("outputs"), "outputs");
    assertEquals(g.outputs().size(), outs.size(), "number of outputs");
    double worst = 0;
    for (Object o : outs) {
      Map<String, Object> m = Json.asObject(o, "output");
      String name = Json.asString(m.get("name"), "name");
      Tensor t = got.get(name);
      assertNotNull(t, "output " + name + " computed");
      List<Object> shape = Json.asArray(m.get("shape"), "shape");
      int[] s = new int[shape.size()];
      for (int k = 0; k < s.length; k++) {
        s[k] = Json.asInt(shape.get(k), "dim");
      }
      assertArrayEquals(s, t.shape(), "shape of " + name);
      List<Object> data = Json.asArray(m.get("data"), "data");
      assertEquals(data.size(), t.size(), "size of " + name);
      for (int k = 0; k < data.size(); k++) {
        double want = Json.asDouble(data.get(k), "value");
        double err = Math.abs(t.get(k) - want) / (REL * Math.abs(want) + ABS);
        worst = Math.max(worst, err);
      }
    }
    return worst;
  }
}
