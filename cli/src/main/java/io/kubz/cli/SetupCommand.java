package io.kubz.cli;

import io.kubz.field.UsageException;
import io.kubz.slicer.api.ModelProver;
import io.kubz.slicer.api.ProvingSession;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.quant.QuantPlan;
import io.kubz.slicer.quant.QuantizedGraph;
import io.kubz.slicer.quant.Calibrator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubz setup}: compile every slice and make its keys once, ahead of proving. */
@Command(name = "setup", mixinStandardHelpOptions = true,
    description = {"Compiles every slice of the model into its circuit and makes its proving and verifying keys,",
      "cached by circuit digest in KEYDIR, together with the settings and plan they belong to.", "",
      "Examples:",
      "  kubz setup network.onnx --input input.json --dev-srs --out keys/",
      "  kubz setup network.onnx --settings s.json --plan plan.json --srs pot20.ptau --out keys/",
      "  kubz prove network.onnx --input input.json --srs pot20.ptau --keys keys/ \\",
      "      --settings keys/settings.json --plan keys/plan.json --out proof.kubz"})
final class SetupCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The ONNX model.")
  Path model;

  @Mixin PlanOptions planOptions;

  @Mixin SrsOptions srsOptions;

  @Option(names = "--settings", paramLabel = "FILE", description = "Quantization settings (from kubz calibrate).")
  Path settings;

  @Option(names = "--input", paramLabel = "FILE", description = "Calibrate on this input when no --settings is given.")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "KEYDIR", description = "The key folder to fill.")
  Path out;

  @Override
  public Integer call() throws IOException {
    var srs = srsOptions.require();
    if (settings == null && input == null) {
      throw new UsageException("setup needs --settings (from kubz calibrate) or --input to calibrate on");
    }
    StageTable table = new StageTable();
    ProgressDisplay display = ProgressDisplay.stderr(false);
    Graph g = table.run("load", () -> Models.load(model));
    QuantizedGraph q = table.run("quantize", () -> settings != null
        ? QuantizedGraph.quantize(g, Models.settings(settings))
        : Calibrator.calibrate(g, List.of(Models.input(input, g)), QuantPlan.defaults()).graph());
    ModelProver.Options o = ModelProver.Options.of(srs).withCacheDir(out)
        .withProgress(new ProgressBridge(display, table));
    o = o.withStrategy(planOptions.strategy());
    var plan = planOptions.savedPlan(g, io.kubz.slicer.plan.SliceCost.DEFAULT);
    ModelProver.Options opts = o;
    ProvingSession session = table.run("compile and keygen", () -> ModelProver.setup(q, plan, opts));
    AtomicFiles.writeString(out.resolve("settings.json"), q.plan().toJson());
    AtomicFiles.writeString(out.resolve("plan.json"), session.plan().toJson());
    var w = spec.commandLine().getOut();
    w.println(SliceCommand.describe(session.plan()));
    w.println("keys for " + session.slices().size() + " slice(s) in " + out + " (largest circuit 2^" + session.maxK()
        + " rows); settings.json and plan.json written beside them");
    w.println();
    w.print(table.render());
    w.flush();
    return 0;
  }
}
