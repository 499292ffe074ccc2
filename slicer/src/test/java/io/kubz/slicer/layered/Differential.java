package io.kubz.slicer.layered;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubz.gkr.model.Evaluator;
import io.kubz.gkr.model.Layer;
import io.kubz.gkr.model.LayeredModel;
import io.kubz.slicer.api.ModelProver;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The differential check: the lowered model's evaluation equals the integer interpreter's outputs. */
final class Differential {
  private Differential() {}

  /** Quantizes {@code g} as {@code kubz prove} does for a public input (calibrated on {@code in}). */
  static QuantizedGraph quantize(Graph g, List<Tensor> in) {
    return ModelProver.quantize(g, in, null);
  }

  static Graph graph(ModelProto m) {
    return OnnxImporter.convert(m, null, Map.of());
  }

  /** Lowers q, runs both on {@code in}, asserts every output equal; returns the lowered model. */
  static LayeredLowering.Lowered check(QuantizedGraph q, List<Tensor> in) {
    List<long[]> qi = new ArrayList<>();
    Map<String, long[]> byName = new LinkedHashMap<>();
    for (int i = 0; i < in.size(); i++) {
      long[] v = q.quantizeInput(in.get(i));
      qi.add(v);
      byName.put(q.graph().inputs().get(i).name(), v);
    }
    Map<String, long[]> expected = IntegerInterpreter.run(q, qi);
    LayeredLowering.Lowered lowered = LayeredLowering.lower(q);
    long[][] all = Evaluator.run(lowered.model(), lowered.inputValues(byName));
    assertEquals(List.copyOf(expected.keySet()), lowered.outputs());
    for (int i = 0; i < lowered.outputs().size(); i++) {
      String name = lowered.outputs().get(i);
      assertArrayEquals(expected.get(name), all[lowered.model().outputs()[i]], "output " + name);
      assertArrayEquals(q.graph().shape(name), lowered.shapes().get(name));
    }
    return lowered;
  }

  /** Layers, total nnz of the linear layers, and entries the GKR prover commits (GKR.md's table). */
  static String size(LayeredModel m) {
    long nnz = 0;
    long committed = 0;
    int[] kinds = new int[8];
    for (Layer l : m.layers()) {
      if (l instanceof Layer.Linear lin) {
        kinds[0]++;
        for (Layer.Term t : lin.terms()) {
          nnz += t.matrix().nnz();
        }
      } else if (l instanceof Layer.Rescale r) {
        kinds[1]++;
        committed += (long) r.size() * (1 + (r.shift() + 7) / 8); // y and 8-bit remainder limbs
      } else if (l instanceof Layer.Lookup k) {
        kinds[2]++;
        committed += k.size();
      } else if (l instanceof Layer.Max mx) {
        kinds[3]++;
        committed += (long) mx.size() * (1 + mx.inputs().length);
      } else if (l instanceof Layer.Product) {
        kinds[4]++;
      } else if (l instanceof Layer.MatMul) {
        kinds[5]++;
      } else if (l instanceof Layer.Conv c) {
        kinds[7]++;
        nnz += c.weights().length;
      } else {
        kinds[6]++;
      }
    }
    return String.format("%d layers (%d linear, %d conv, %d rescale, %d lookup, %d max, %d product, %d matmul, %d input),"
        + " %d nnz (conv: weights), %d committed entries, %d tables", m.layers().size(), kinds[0], kinds[7], kinds[1],
        kinds[2], kinds[3], kinds[4], kinds[5], kinds[6], nnz, committed, m.tables().size());
  }
}
