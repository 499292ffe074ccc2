package io.kubz.slicer.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubz.field.Fixtures;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.input.InputData;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.OnnxImporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ezkl example models of issue 8, proved end to end with the default plan and with
 * --max-rows 2^12 (skipped when ../shared/fixtures is absent): the bundles verify and the proven
 * outputs are the integer interpreter's. Only 1l_mlp runs by default (the module's test time
 * budget); {@code -Dkubz.slow=true} runs all of them.
 */
class FixtureProveTest {

  @ParameterizedTest
  @CsvSource({"1l_mlp, 0", "1l_mlp, 12", "2l_relu_fc, 0", "2l_relu_fc, 12", "1l_conv, 0", "1l_conv, 12",
      "3l_relu_conv_fc, 0", "3l_relu_conv_fc, 12", "lenet_5, 0", "lenet_5, 12"})
  void provesAndVerifies(String model, int maxRows) {
    Optional<Path> dir = Fixtures.resolve("onnx/ezkl-examples/" + model);
    assumeTrue(dir.isPresent(), "fixtures absent: ../shared/fixtures/onnx/ezkl-examples/" + model);
    assumeTrue(Boolean.getBoolean("kubz.slow") || model.equals("1l_mlp"),
        model + " takes minutes to prove on a shared 2-core machine: run with -Dkubz.slow=true");
    Graph g = OnnxImporter.read(dir.get().resolve("network.onnx"));
    List<Tensor> in = InputData.read(dir.get().resolve("input.json"), g);
    ModelProver.Options o = ModelProver.Options.ofDevSrs(20261122).withThreads(2)
        .withStrategy(maxRows == 0 ? Strategy.perLayer() : Strategy.budget(maxRows, 0));
    ModelProver.Result r = ModelProver.prove(g, in, o);
    VerificationResult v = BundleVerifier.selfCheck(r.bundle());
    assertTrue(v.valid(), model + ": " + v.reason());
    Map<String, long[]> expected = Runs.expected(g, in, o);
    for (ProofBundle.PublicTensor t : v.outputs()) {
      assertArrayEquals(expected.get(t.name()), t.values(), model + " output " + t.name());
    }
    if (maxRows > 0) {
      r.summary().slices().forEach(s -> assertTrue(s.k() <= maxRows, model + " slice " + s.id() + " has 2^" + s.k()));
    }
    ModelProverTest.print(g, r);
  }
}
