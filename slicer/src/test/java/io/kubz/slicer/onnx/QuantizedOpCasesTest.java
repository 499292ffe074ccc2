package io.kubz.slicer.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.slicer.interp.FloatInterpreter;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.IndexMap;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quantized semantics of every single-operator case of {@link OpCases}: layout operations are
 * exact (they move quantized values), arithmetic stays within a few quantization steps of the float
 * reference, and an operation the quantizer does not handle is refused naming its node.
 */
class QuantizedOpCasesTest {
  static Stream<OpCases.Case> cases() {
    return OpCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void quantizedOperatorMatchesFloat(OpCases.Case c) {
    Graph g = OnnxImporter.convert(c.model(), null, Map.of());
    List<Tensor> in = new ArrayList<>();
    for (var v : g.inputs()) {
      in.add(OpCases.rand(v.shape()));
    }
    Calibrator.Result r;
    try {
      r = Calibrator.calibrate(g, List.of(in), QuantPlan.preset("accuracy"));
    } catch (BadInputException e) {
      assertTrue(e.getMessage().contains("not supported by the quantizer")
          || e.getMessage().contains("table"), c.name() + ": " + e.getMessage());
      assertTrue(e.getMessage().contains("'"), "names the node: " + e.getMessage());
      return;
    }
    QuantizedGraph q = r.graph();
    boolean layout = g.nodes().stream().allMatch(n -> IndexMap.isLayout(n.op()));
    Map<String, Tensor> ref = FloatInterpreter.run(g, in);
    if (layout) {
      List<long[]> qi = new ArrayList<>();
      in.forEach(t -> qi.add(q.quantizeInput(t)));
      Map<String, long[]> got = IntegerInterpreter.run(q, qi);
      for (var e : ref.entrySet()) {
        assertArrayEquals(q.quantizeInput(e.getValue()), got.get(e.getKey()), c.name() + " is exact");
      }
    }
    double tol = 0.02 * Math.max(1, r.accuracy().maxAbsOutput());
    assertTrue(r.accuracy().maxAbsError() <= tol, c.name() + ": " + r.accuracy().describe());
  }
}
