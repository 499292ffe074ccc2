package io.kubz.slicer.quant;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubz.field.BadInputException;
import io.kubz.field.Fixtures;
import io.kubz.slicer.ir.DType;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.ValueInfo;
import io.kubz.slicer.onnx.OnnxImporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A model whose output the importer folds to a constant (ezkl's arange: Range of constants) used to
 * end in a NullPointerException while the accuracy was measured; it is refused with a message that
 * gives the value (issue #17: a proof could only pin cells to constants the model itself fixes).
 */
class ConstantOutputTest {
  @Test
  void aConstantOutputIsRefusedByName() {
    Tensor c = Tensor.of(new int[] {3}, new double[] {0, 2, 4});
    Graph g = new Graph("constant", Map.of("", 17L), List.of(), List.of(new ValueInfo("out", DType.FLOAT, new int[] {3})),
        Map.of("out", c), List.of(), Map.of("out", new ValueInfo("out", DType.FLOAT, new int[] {3})));
    BadInputException e = assertThrows(BadInputException.class, () -> QuantizedGraph.quantize(g, QuantPlan.defaults()));
    assertTrue(e.getMessage().contains("'out'") && e.getMessage().contains("nothing to prove"), e.getMessage());
    assertTrue(e.getMessage().contains("constant [0, 2, 4]"), "the message gives the value to publish: " + e.getMessage());
  }

  @Test
  void ezklArangeIsRefusedNotCrashed() throws Exception {
    Optional<Path> dir = Fixtures.resolve("onnx/ezkl-examples/arange");
    assumeTrue(dir.isPresent(), "fixtures absent: ../shared/fixtures/onnx/ezkl-examples/arange (set KUBZ_FIXTURES)");
    Graph g = OnnxImporter.read(dir.get().resolve("network.onnx"));
    BadInputException e = assertThrows(BadInputException.class,
        () -> Calibrator.calibrate(g, List.of(List.of()), QuantPlan.defaults()));
    assertTrue(e.getMessage().contains("'output' is a constant [0, 2, 4, 6, 8]"), e.getMessage());
  }
}
