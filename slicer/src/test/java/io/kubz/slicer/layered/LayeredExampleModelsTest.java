package io.kubz.slicer.layered;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.gkr.model.Evaluator;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import io.kubz.slicer.quant.Calibrator;
import io.kubz.slicer.quant.IntegerInterpreter;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import io.kubz.slicer.quant.TableRangeException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** kubz's own example models: the lowered model computes the interpreter's outputs bit for bit. */
class LayeredExampleModelsTest {
  private static void agrees(ModelProto m, long seed) {
    Graph g = Differential.graph(m);
    Tensor x = ExampleModels.input(seed, g.inputs().get(0).shape());
    Tensor y = ExampleModels.input(seed + 100, g.inputs().get(0).shape());
    // calibrated on two inputs, so that the tables hold both: each is checked
    QuantizedGraph q = Calibrator.calibrate(g, List.of(List.of(x), List.of(y)), QuantPlan.defaults()).graph();
    LayeredLowering.Lowered l = Differential.check(q, List.of(x));
    Differential.check(q, List.of(y));
    System.out.println(g.name() + ": " + Differential.size(l.model()));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void mlp(long seed) {
    agrees(ExampleModels.mlp(seed, 6, 5, 3), seed);
    agrees(ExampleModels.mlp(seed, 1, 7, 1), seed);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void cnn(long seed) {
    agrees(ExampleModels.cnn(seed), seed);
    agrees(ExampleModels.wideCnn(seed), seed);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void lenet(long seed) {
    agrees(ExampleModels.lenet(seed), seed);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void residual(long seed) {
    agrees(ExampleModels.residual(seed, 4), seed);
  }

  /**
   * Inputs beyond the calibrated range: the interpreter refuses exactly when a table is queried
   * outside its domain, and the lowered model refuses exactly then too (the rescale feeding the
   * table is checked to the table's width), never giving other values.
   */
  @Test
  void refusesExactlyWhereTheInterpreterDoes() {
    Graph g = Differential.graph(ExampleModels.mlp(5, 6, 5, 3));
    QuantizedGraph q = Differential.quantize(g, List.of(ExampleModels.input(5, 1, 6)));
    LayeredLowering.Lowered l = LayeredLowering.lower(q);
    int refused = 0;
    for (int i = 0; i < 40; i++) {
      Tensor x = ExampleModels.input(100 + i, 1, 6);
      double f = 0.5 + i * 0.25;
      for (int j = 0; j < x.data().length; j++) {
        x.data()[j] *= f;
      }
      long[] qx = q.quantizeInput(x);
      boolean interpreterRefuses;
      long[] want = null;
      try {
        want = IntegerInterpreter.run(q, List.of(qx)).values().iterator().next();
        interpreterRefuses = false;
      } catch (TableRangeException e) {
        interpreterRefuses = true;
      }
      long[][] got = null;
      try {
        got = Evaluator.run(l.model(), new long[][] {qx});
      } catch (BadInputException e) {
        assertTrue(interpreterRefuses, "the lowered model refuses an input the interpreter accepts: " + e.getMessage());
        refused++;
        continue;
      }
      assertFalse(interpreterRefuses, "the lowered model accepts an input the interpreter refuses (scale " + f + ")");
      assertArrayEquals(want, got[l.model().outputs()[0]]);
    }
    assertTrue(refused > 0 && refused < 40, refused + " of 40 refused: the sweep crosses the table's edge");
  }

  /** The smooth example ends in a Softmax: refused, naming the op and node and the other back end. */
  @Test
  void softmaxIsRefusedWithAMessage() {
    Graph g = Differential.graph(ExampleModels.smooth(1, 4));
    Tensor x = ExampleModels.input(1, g.inputs().get(0).shape());
    QuantizedGraph q = Differential.quantize(g, List.of(x));
    Executable lower = () -> LayeredLowering.lower(q);
    BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class, lower);
    assertTrue(e.getMessage().contains("Softmax") && e.getMessage().contains("softmax")
        && e.getMessage().contains("--proof-system plonkish"), e.getMessage());
  }
}
