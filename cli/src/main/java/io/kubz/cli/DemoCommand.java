package io.kubz.cli;

import io.kubz.field.VerificationException;
import io.kubz.slicer.api.BundleVerifier;
import io.kubz.slicer.api.ModelProver;
import io.kubz.slicer.api.VerificationResult;
import io.kubz.slicer.input.InputData;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import io.kubz.poly.srs.Srs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kubz demo}: the whole pipeline on the example model that ships with kubz. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs the whole pipeline on a LeNet-like CNN that ships with kubz (seeded weights, written by",
      "kubz's own ONNX writer) and its input: quantize, slice, compile, prove every slice with the",
      "INSECURE development SRS, bundle, and verify. The model, input and bundle are left in --dir so that",
      "you can try the other commands on them.", "",
      "Examples:", "  ./kubz demo", "  ./kubz demo --dir /tmp/demo --max-layers 2"})
final class DemoCommand implements Callable<Integer> {
  static final long SEED = 2024;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "kubz-demo",
      description = "Where to write network.onnx, input.json and proof.kubz (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--max-layers", paramLabel = "N", defaultValue = "1", description = "Layers per slice (default: 1).")
  int maxLayers;

  @Override
  public Integer call() throws IOException {
    var w = spec.commandLine().getOut();
    Files.createDirectories(dir);
    Path model = dir.resolve("network.onnx");
    Path input = dir.resolve("input.json");
    Path bundle = dir.resolve("proof.kubz");
    AtomicFiles.write(model, ExampleModels.lenet(SEED).toByteArray());
    Graph g = OnnxImporter.read(model);
    Tensor x = ExampleModels.input(SEED, g.inputs().get(0).shape());
    AtomicFiles.writeString(input, Json.write(Map.of("input_data", List.of(java.util.Arrays.stream(x.data()).boxed().toList()))));
    w.println("kubz demo: " + g.summary().toText().lines().findFirst().orElse("") + ", " + g.parameterCount()
        + " parameters; model and input written to " + dir);
    w.flush();
    StageTable table = new StageTable();
    ModelProver.Options o = ModelProver.Options.of(log2 -> io.kubz.poly.srs.SrsCache.defaultCache().dev(log2, SrsOptions.DEV_SEED))
        .withStrategy(io.kubz.slicer.api.Strategy.maxLayers(maxLayers))
        .withProgress(new ProgressBridge(ProgressDisplay.stderr(false), table));
    List<Tensor> in = InputData.read(input, g);
    ModelProver.Result r = ModelProver.prove(g, in, o);
    AtomicFiles.write(bundle, r.bundle());
    long t0 = System.nanoTime();
    // the demo is the model owner: it trusts the digest its own compilation of the model gave
    byte[] digest = java.util.HexFormat.of().parseHex(r.summary().modelDigest());
    VerificationResult v = BundleVerifier.verify(Files.readAllBytes(bundle), digest, Srs.dev(0, SrsOptions.DEV_SEED),
        true);
    table.record("verify", (System.nanoTime() - t0) / 1e9, StageTable.peakBytes());
    if (!v.valid()) {
      throw new VerificationException("the demo bundle did not verify: " + v.reason());
    }
    ProveCommand.report(w, r.summary(), table, bundle, false);
    w.println();
    w.println("verified (INSECURE: development SRS, anyone can forge with it): " + v.slices()
        + " slice proof(s) and every link between them, against model digest " + v.modelDigest() + ". Next:");
    w.println("  ./kubz verify " + bundle + " --model " + model + " --dev-srs");
    w.println("  ./kubz verify " + bundle + " --digest " + v.modelDigest() + " --dev-srs");
    w.println("  ./kubz inspect " + model);
    w.flush();
    return 0;
  }
}
