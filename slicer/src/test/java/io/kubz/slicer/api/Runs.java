package io.kubz.slicer.api;

import io.kubz.poly.srs.Srs;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.onnx.proto.Onnx;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared set-up of the end-to-end tests: one dev SRS, seeded example models. */
final class Runs {
  private static Srs srs;

  private Runs() {}

  /** A dev SRS of 2^13 powers: slices up to 2^12 rows. */
  static synchronized Srs srs() {
    if (srs == null) {
      srs = Srs.dev(13, 20261122);
    }
    return srs;
  }

  static Graph graph(Onnx.ModelProto m) {
    return OnnxImporter.convert(m, null, Map.of());
  }

  static List<Tensor> input(Graph g, long seed) {
    return List.of(ExampleModels.input(seed, g.inputs().get(0).shape()));
  }

  /** The integer interpreter's outputs for the same quantization the prover picks. */
  static Map<String, long[]> expected(Graph g, List<Tensor> in, ModelProver.Options o) {
    QuantizedGraph q = ModelProver.quantizeFor(g, in, o);
    List<long[]> qin = new ArrayList<>();
    in.forEach(t -> qin.add(q.quantizeInput(t)));
    return IntegerInterpreter.run(q, qin);
  }
}
