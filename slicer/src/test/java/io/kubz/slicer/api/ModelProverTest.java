package io.kubz.slicer.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.poly.srs.Srs;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.quant.QuantizedGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on the models the project builds: prove, verify, and compare with the interpreter. */
class ModelProverTest {

  static void assertProvesAndVerifies(Graph g, List<Tensor> in, ModelProver.Options o) {
    ModelProver.Result r = ModelProver.prove(g, in, o);
    VerificationResult v = BundleVerifier.selfCheck(r.bundle());
    assertTrue(v.valid(), v.reason());
    Map<String, long[]> expected = Runs.expected(g, in, o);
    assertEquals(expected.size(), v.outputs().size());
    for (ProofBundle.PublicTensor t : v.outputs()) {
      assertArrayEquals(expected.get(t.name()), t.values(), "proven output " + t.name() + " is the interpreter's");
    }
    print(g, r);
  }

  static void print(Graph g, ModelProver.Result r) {
    StringBuilder rows = new StringBuilder();
    for (ProveSummary.SliceRow s : r.summary().slices()) {
      rows.append(String.format(" [slice %d: %d nodes, 2^%d rows, keygen %d ms, prove %d ms]", s.id(), s.nodes(), s.k(),
          s.keygenNanos() / 1_000_000, s.proveNanos() / 1_000_000));
    }
    System.out.println(g.name() + " " + r.summary().strategy() + ": " + r.bundle().length + " bytes, stages (ms) "
        + r.summary().stageNanos().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() / 1_000_000).toList()
        + ";" + rows);
  }

  @Test
  void mlpPerLayer() {
    Graph g = Runs.graph(ExampleModels.mlp(1, 6, 5, 3));
    ModelProver.Options o = ModelProver.Options.of(Runs.srs());
    ModelProver.Result r = ModelProver.prove(g, Runs.input(g, 2), o);
    assertTrue(r.summary().slices().size() >= 2, "one slice per layer");
    assertProvesAndVerifies(g, Runs.input(g, 2), o);
  }

  @Test
  void cnnPerLayer() {
    Graph g = Runs.graph(ExampleModels.cnn(3));
    assertProvesAndVerifies(g, Runs.input(g, 4), ModelProver.Options.of(Runs.srs()));
  }

  @Test
  void mlpUnderABudgetOf2To12Rows() {
    Graph g = Runs.graph(ExampleModels.mlp(14, 16, 16, 8, 4));
    ModelProver.Options budget = ModelProver.Options.of(Runs.srs()).withStrategy(Strategy.budget(12, 0)).withThreads(2);
    ModelProver.Result r = ModelProver.prove(g, Runs.input(g, 4), budget);
    for (ProveSummary.SliceRow s : r.summary().slices()) {
      assertTrue(s.k() <= 12, "slice " + s.id() + " has 2^" + s.k() + " rows under --max-rows 12");
    }
    assertTrue(r.summary().strategy().startsWith("budget"), r.summary().strategy());
    assertProvesAndVerifies(g, Runs.input(g, 4), budget);
  }

  @Test
  void residualWithHashedInputAndOutput(@TempDir Path cache) {
    Graph g = Runs.graph(ExampleModels.residual(5, 4));
    ModelProver.Options o = ModelProver.Options.of(Runs.srs()).withCacheDir(cache)
        .withQuant(ModelProver.quantize(g, Runs.input(g, 6), null).plan())
        .withVisibility(new io.kubz.slicer.lower.Visibility(io.kubz.slicer.lower.Visibility.Mode.HASHED,
            io.kubz.slicer.lower.Visibility.Mode.HASHED));
    ModelProver.Result first = ModelProver.prove(g, Runs.input(g, 6), o);
    VerificationResult v = BundleVerifier.selfCheck(first.bundle());
    assertTrue(v.valid(), v.reason());
    assertTrue(v.outputs().get(0).values() == null && v.outputs().get(0).commitment() != null);
    assertTrue(first.summary().keysGenerated() > 0);
    ModelProver.Result second = ModelProver.prove(g, Runs.input(g, 6), o);
    assertEquals(0, second.summary().keysGenerated(), "keys come from the disk cache the second time");
    assertEquals(first.summary().modelDigest(), second.summary().modelDigest());
    assertTrue(BundleVerifier.selfCheck(second.bundle()).valid());
  }

  @Test
  void progressReportsEveryStageAndSlice() {
    Graph g = Runs.graph(ExampleModels.mlp(8, 4, 3));
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    ProgressListener p = new ProgressListener() {
      @Override
      public void begin(String stage, int total) {
        events.add("begin " + stage);
      }

      @Override
      public void advance(String stage, int sliceId, String detail) {
        events.add(stage + " " + sliceId);
      }

      @Override
      public void end(String stage, long nanos) {
        events.add("end " + stage);
      }
    };
    ModelProver.Result r = ModelProver.prove(g, Runs.input(g, 9), ModelProver.Options.of(Runs.srs()).withProgress(p));
    int n = r.summary().slices().size();
    for (String stage : List.of("quantize", "plan", "compile", "keygen", "witness", "prove", "bundle")) {
      assertTrue(events.contains("begin " + stage) && events.contains("end " + stage), stage + " in " + events);
    }
    for (int i = 0; i < n; i++) {
      assertTrue(events.contains("prove " + i) && events.contains("keygen " + i), "slice " + i + " in " + events);
    }
    assertEquals(7, r.summary().stageNanos().size());
  }

  @Test
  void anSrsWithTooFewPowersSaysHowManyItNeeds() {
    Graph g = Runs.graph(ExampleModels.mlp(10, 6, 5, 3));
    Srs tiny = Srs.dev(6, 1);
    BadInputException e = assertThrows(BadInputException.class,
        () -> ModelProver.prove(g, Runs.input(g, 1), ModelProver.Options.of(tiny)));
    assertTrue(e.getMessage().matches("(?s).*needs 2\\^\\d+ powers.*has 2\\^6.*"), e.getMessage());
  }

  @Test
  void aPlanThatDoesNotCoverTheGraphIsRefused() {
    Graph g = Runs.graph(ExampleModels.mlp(11, 6, 5, 3));
    QuantizedGraph q = ModelProver.quantize(g, Runs.input(g, 1), null);
    SlicePlan plan = Strategy.perLayer().plan(q.graph(), new LoweredCost(q));
    String json = plan.toJson();
    String last = plan.slices().get(plan.slices().size() - 1).nodes().get(0);
    String edited = json.replaceFirst("\"" + java.util.regex.Pattern.quote(last) + "\",?", "");
    BadInputException e = assertThrows(BadInputException.class,
        () -> SlicePlan.fromJson(edited, q.graph(), new LoweredCost(q)));
    assertTrue(e.getMessage().contains("does not cover") || e.getMessage().contains("no slices")
        || e.getMessage().contains("node"), e.getMessage());
  }

  @Test
  void aBudgetTooSmallForOneMacRowIsRefused() {
    Graph g = Runs.graph(ExampleModels.cnn(12));
    BadInputException e = assertThrows(BadInputException.class, () -> ModelProver.prove(g, Runs.input(g, 1),
        ModelProver.Options.of(Runs.srs()).withStrategy(Strategy.budget(4, 0))));
    assertTrue(e.getMessage().contains("too small") || e.getMessage().contains("2^4"), e.getMessage());
  }

  @Test
  void wrongInputShapeIsNamed() {
    Graph g = Runs.graph(ExampleModels.mlp(13, 6, 5, 3));
    BadInputException e = assertThrows(BadInputException.class, () -> ModelProver.prove(g,
        List.of(Tensor.of(new int[] {1, 2}, 1, 2)), ModelProver.Options.of(Runs.srs())));
    assertTrue(e.getMessage().contains(g.inputs().get(0).name()), e.getMessage());
  }
}
