package io.kubz.slicer.quant;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubz.field.Fixtures;
import io.kubz.slicer.input.InputData;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.onnx.OnnxImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ezkl example models the slicing issue proves: calibrated on their input, the quantized output
 * stays within the accuracy calibration reports, measured against onnxruntime's float output (an
 * independent implementation), and no table is queried out of range.
 */
class FixtureQuantTest {
  @ParameterizedTest
  @ValueSource(strings = {"1l_mlp", "2l_relu_fc", "1l_conv", "3l_relu_conv_fc", "lenet_5", "1l_relu",
      "1l_sigmoid", "1l_average", "1l_max_pool", "2l_relu_sigmoid_small", "1l_softmax", "1l_tanh"})
  void quantizedOutputIsWithinTheReportedAccuracy(String model) throws IOException {
    Optional<Path> dir = Fixtures.resolve("onnx/ezkl-examples/" + model);
    assumeTrue(dir.isPresent(), "fixtures absent: ../shared/fixtures/onnx/ezkl-examples/" + model);
    Path ref = dir.get().resolve("reference_output.json");
    assumeTrue(Files.exists(ref), model + " has no reference output");
    Graph g = OnnxImporter.read(dir.get().resolve("network.onnx"));
    List<Tensor> in = InputData.read(dir.get().resolve("input.json"), g);
    Calibrator.Result r = Calibrator.calibrate(g, List.of(in), QuantPlan.defaults());
    Map<String, Tensor> got = IntegerInterpreter.runReal(r.graph(), in); // throws if a table is exceeded
    Map<String, Object> refJson = Json.asObject(Json.parse(Files.readString(ref)), "reference");
    double worst = 0;
    for (Object o : Json.asArray(refJson.get("outputs"), "outputs")) {
      Map<String, Object> m = Json.asObject(o, "output");
      double[] q = got.get(Json.asString(m.get("name"), "name")).data();
      List<Object> data = Json.asArray(m.get("data"), "data");
      for (int i = 0; i < q.length; i++) {
        worst = Math.max(worst, Math.abs(q[i] - Json.asDouble(data.get(i), "value")));
      }
    }
    // what kubz prove reports: against the float model on the input as given (the search's own
    // figure, r.accuracy(), is against the input rounded to the chosen scale)
    AccuracyReport reported = Calibrator.accuracy(r.graph(), List.of(in));
    System.out.printf("%s: %s; against onnxruntime: max |error| %.3g%n", model, reported.describe(), worst);
    // the reference is float32, our float interpreter double: allow 1e-4 relative between the two
    assertTrue(worst <= reported.maxAbsError() + 1e-4 * Math.max(1, reported.maxAbsOutput()),
        model + ": " + worst + " vs reported " + reported.describe());
    assertTrue(reported.maxAbsError() <= 0.1 * Math.max(1, reported.maxAbsOutput()),
        model + " is usefully accurate: " + reported.describe());
    assertTrue(r.accuracy().relativeError() <= Calibrator.TARGET_ERROR
        || r.plan().activationScale() == Calibrator.MAX_SEARCH_SCALE, model + ": the search met its target: "
        + r.accuracy().describe());
  }
}
