package io.kubz.slicer.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.slicer.interp.FloatInterpreter;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Node;
import io.kubz.slicer.ir.Op;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.ir.ValueInfo;
import io.kubz.slicer.onnx.proto.Onnx.ModelProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float interpreter against ONNX Runtime (Java) on the seeded example models and on one model
 * per operator variant: |kubz − ort| ≤ 1e-4·|ort| + 1e-5 element-wise (see {@link
 * ReferenceCheck} for why an absolute floor).
 */
class OrtAgreementTest {

  static Stream<Arguments> examples() {
    List<Arguments> r = new ArrayList<>();
    for (long seed = 1; seed <= 3; seed++) {
      r.add(Arguments.of("mlp seed " + seed, ExampleModels.mlp(seed, 4, 16, 8, 3)));
      r.add(Arguments.of("cnn seed " + seed, ExampleModels.cnn(seed)));
      r.add(Arguments.of("residual seed " + seed, ExampleModels.residual(seed, 12)));
    }
    r.add(Arguments.of("lenet seed 7", ExampleModels.lenet(7)));
    return r.stream();
  }

  static Stream<Arguments> ops() {
    return OpCases.all().stream().map(c -> Arguments.of(c.name(), c.model()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleModelsMatch(String name, ModelProto model) {
    agree(name, model, 11);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ops")
  void operatorsMatch(String name, ModelProto model) {
    agree(name, model, 5);
  }

  @Test
  void batchNormIsFoldedIntoTheConv() {
    Graph g = OnnxImporter.convert(ExampleModels.cnn(1), null, Map.of());
    for (Node n : g.nodes()) {
      assertTrue(!(n.op() instanceof Op.BatchNorm), "BatchNormalization left in " + n.label());
    }
    // conv1, bn1, relu, maxpool, conv2, relu, pool, flatten, fc, identity: bn1 is gone.
    assertEquals(9, g.nodes().size());
    assertEquals("Conv", g.producer("bn1_out").onnxOpType());
  }

  @Test
  void examplesAreDeterministic() {
    assertArrayEquals(ExampleModels.lenet(3).toByteArray(), ExampleModels.lenet(3).toByteArray());
    assertTrue(!Arrays.equals(ExampleModels.lenet(3).toByteArray(),
        ExampleModels.lenet(4).toByteArray()));
  }

  /** Control: the comparison does notice a different model (seed 2's weights run by ORT). */
  @Test
  void comparisonDetectsADifferentModel() {
    assertTrue(worst(ExampleModels.mlp(1, 4, 16, 8, 3), ExampleModels.mlp(2, 4, 16, 8, 3), 1) > 1);
  }

  static void agree(String name, ModelProto model, long seed) {
    double worst = worst(model, model, seed);
    assertTrue(worst <= 1, name + ": differs from onnxruntime by " + worst + "× the tolerance");
  }

  /** Worst error over the tolerance between kubz running {@code model} and ORT running {@code ortModel}. */
  static double worst(ModelProto model, ModelProto ortModel, long seed) {
    String name = model.getGraph().getName();
    Graph g = OnnxImporter.convert(model, null, Map.of());
    List<Tensor> inputs = new ArrayList<>();
    for (ValueInfo v : g.inputs()) {
      inputs.add(ExampleModels.input(seed++, v.shape()).cast(v.dtype()));
    }
    Tensor ours = FloatInterpreter.run(g, inputs).values().iterator().next();
    Tensor ort = Ort.run(ortModel, inputs);
    assertArrayEquals(ort.shape(), ours.shape(), name + ": shape");
    double worst = 0;
    for (int i = 0; i < ort.size(); i++) {
      double e = Math.abs(ours.get(i) - ort.get(i))
          / (ReferenceCheck.REL * Math.abs(ort.get(i)) + ReferenceCheck.ABS);
      worst = Math.max(worst, e);
    }
    return worst;
  }
}
