package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded small models, quantized and traced, for the lowering tests. */
final class Models {
  private Models() {}

  record Traced(QuantizedGraph q, Map<String, long[]> trace) {
    /** A fresh seeded salt for every tensor. */
    Map<String, Fr> salts(long seed) {
      Random rnd = new Random(seed);
      Map<String, Fr> s = new HashMap<>();
      for (String t : trace.keySet()) {
        s.put(t, Fr.random(rnd));
      }
      return s;
    }
  }

  static Traced traced(io.kubz.slicer.onnx.proto.Onnx.ModelProto model, long seed) {
    Graph g = OnnxImporter.convert(model, null, Map.of());
    Tensor x = ExampleModels.input(seed, g.inputs().get(0).shape());
    Calibrator.Result r = Calibrator.calibrate(g, List.of(List.of(x)), QuantPlan.defaults());
    QuantizedGraph q = r.graph();
    return new Traced(q, IntegerInterpreter.trace(q, List.of(q.quantizeInput(x))));
  }

  static Traced mlp(long seed) {
    return traced(ExampleModels.mlp(seed, 6, 5, 3), seed);
  }

  static Traced cnn(long seed) {
    return traced(ExampleModels.cnn(seed), seed);
  }

  static Traced residual(long seed) {
    return traced(ExampleModels.residual(seed, 4), seed);
  }
}
