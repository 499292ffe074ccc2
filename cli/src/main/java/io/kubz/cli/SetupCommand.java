package io.kubz.cli;

import io.kubz.field.UsageException;
import io.kubz.slicer.bundle.ModelDigest;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.api.ModelProver;
import io.kubz.slicer.api.GkrSession;
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
      "cached by circuit digest in KEYDIR, together with the settings and plan they belong to, and prints",
      "the model digest, also written with the SRS's G2 points to KEYDIR/manifest.json: publish the digest",
      "so that verifiers can check bundles with `kubz verify --digest HEX` (or `--keys KEYDIR`).",
      "Settings: --settings FILE, else calibrated on --input (a sample of yours), else derived from the",
      "model for inputs in --input-range, as kubz prove does for a private input.", "",
      "With --proof-system gkr there are no keys: it lowers the whole model to a layered model and writes",
      "its digest (which covers the proof system and the layered model) the same way. With",
      "--proof-system mixed it keys the plonkish slices and lowers the GKR ones of the mixed plan",
      "(kubz prove --help) and writes its plan (each slice naming its system) and digest.", "",
      "Examples:",
      "  kubz setup network.onnx --visibility input=private --dev-srs --out keys/",
      "  kubz setup network.onnx --input input.json --proof-system gkr --dev-srs --out keys/",
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

  @Option(names = "--input", paramLabel = "FILE", description = "Calibrate on this sample when no --settings is given.")
  Path input;

  @Option(names = "--input-range", paramLabel = "LO,HI",
      description = "Without --settings or --input: derive the settings for inputs in this range (default: -1,1).")
  String inputRange;

  @Option(names = "--visibility", paramLabel = "SPEC",
      description = "input=public|private|hashed,output=… as kubz prove will use (the digest covers it).")
  String visibility;

  @Option(names = "--out", required = true, paramLabel = "KEYDIR", description = "The key folder to fill.")
  Path out;

  @Option(names = "--proof-system", paramLabel = "NAME", defaultValue = "plonkish",
      description = "plonkish (default), gkr or mixed, as kubz prove will use (the digest covers it).")
  String proofSystem;

  @Override
  public Integer call() throws IOException {
    if (!ModelProver.Options.PROOF_SYSTEMS.contains(proofSystem)) {
      throw new UsageException("unknown --proof-system '" + proofSystem + "'; use one of "
          + String.join(", ", ModelProver.Options.PROOF_SYSTEMS));
    }
    var srs = srsOptions.require();
    if (inputRange != null && (settings != null || input != null)) {
      throw new UsageException("--input-range derives settings from the model: give it without --settings or --input");
    }
    StageTable table = new StageTable();
    ProgressDisplay display = ProgressDisplay.stderr(false);
    Graph g = table.run("load", () -> Models.load(model));
    Calibrator.InputRange range = Models.inputRange(inputRange);
    QuantizedGraph q = table.run("quantize", () -> settings != null
        ? QuantizedGraph.quantize(g, Models.settings(settings))
        : input != null ? Calibrator.calibrate(g, List.of(Models.input(input, g)), QuantPlan.defaults()).graph()
        : io.kubz.slicer.api.TrustedSettings.derived(range).quantize(g, io.kubz.slicer.lower.Visibility.Mode.PRIVATE,
            null)); // from the model alone, exactly as prove derives them for a private or hashed input
    Visibility vis = Visibilities.parse(visibility);
    ModelProver.Options o = ModelProver.Options.of(srs).withCacheDir(out).withVisibility(vis)
        .withProgress(new ProgressBridge(display, table));
    o = o.withStrategy(planOptions.strategy()).withProofSystem(proofSystem);
    var savedPlan = planOptions.savedPlan(g, io.kubz.slicer.plan.SliceCost.DEFAULT);
    if (savedPlan != null) {
      o = o.withPlan(savedPlan);
    }
    if (o.mixed()) {
      return mixed(g, q, vis, o, table);
    }
    if (o.gkr()) {
      return gkr(g, q, vis, o, table);
    }
    var plan = planOptions.savedPlan(g, io.kubz.slicer.plan.SliceCost.DEFAULT);
    ModelProver.Options opts = o;
    ProvingSession session = table.run("compile and keygen", () -> ModelProver.setup(q, plan, opts));
    AtomicFiles.writeString(out.resolve("settings.json"), q.plan().toJson());
    AtomicFiles.writeString(out.resolve("plan.json"), session.plan().toJson());
    ProofBundle statement = session.statement();
    KeysManifest.of(statement).write(out, g.name(), vis.input().name(), vis.output().name());
    var w = spec.commandLine().getOut();
    w.println(SliceCommand.describe(session.plan()));
    w.println("keys for " + session.slices().size() + " slice(s) in " + out + " (largest circuit 2^" + session.maxK()
        + " rows); settings.json, plan.json and " + KeysManifest.FILE + " written beside them");
    w.println("model digest " + ModelDigest.hex(statement.modelDigest()) + " (input " + vis.input().name()
        .toLowerCase(java.util.Locale.ROOT) + ", output " + vis.output().name().toLowerCase(java.util.Locale.ROOT)
        + (statement.srs().insecure() ? ", INSECURE development SRS" : "") + ")");
    w.println("publish it; verifiers check bundles with: kubz verify BUNDLE --digest "
        + ModelDigest.hex(statement.modelDigest()) + (srsOptions.dev ? " --dev-srs" : " --srs FILE.ptau")
        + "   (or --keys " + out + ")");
    w.println("prove with: kubz prove " + model + " --input INPUT --keys " + out + " --settings "
        + out.resolve("settings.json") + " --plan " + out.resolve("plan.json")
        + (visibility != null ? " --visibility " + visibility : "")
        + (srsOptions.dev ? " --dev-srs" : " --srs FILE.ptau")
        + " --out proof.kubz");
    w.println();
    w.print(table.render());
    w.flush();
    return 0;
  }

  /** The mixed setup: key the plonkish slices, lower the GKR ones, write settings, plan and manifest. */
  private int mixed(Graph g, QuantizedGraph q, Visibility vis, ModelProver.Options o, StageTable table)
      throws IOException {
    ModelProver.Statement st = table.run("compile, keygen and lower", () -> ModelProver.setupMixed(q, o));
    ProofBundle statement = st.bundle();
    AtomicFiles.writeString(out.resolve("settings.json"), q.plan().toJson());
    AtomicFiles.writeString(out.resolve("plan.json"), statement.planJson());
    KeysManifest.ofGkr(statement, st.srs()).write(out, g.name(), vis.input().name(), vis.output().name(),
        proofSystem);
    String d = ModelDigest.hex(statement.modelDigest());
    long gkrSlices = statement.slices().stream().filter(s -> !s.plonkish()).count();
    var w = spec.commandLine().getOut();
    w.println("mixed: " + statement.slices().size() + " slice(s), " + gkrSlices + " on gkr, "
        + (statement.slices().size() - gkrSlices) + " plonkish; settings.json, plan.json and " + KeysManifest.FILE
        + " written to " + out);
    w.println("model digest " + d + " (proof system mixed, input " + vis.input().name().toLowerCase(java.util.Locale.ROOT)
        + ", output " + vis.output().name().toLowerCase(java.util.Locale.ROOT)
        + (statement.srs().insecure() ? ", INSECURE development SRS" : "") + ")");
    String srsArg = srsOptions.dev ? " --dev-srs" : " --srs FILE.ptau";
    w.println("publish it; verifiers check bundles with: kubz verify BUNDLE --digest " + d + srsArg
        + "   (or --keys " + out + ")");
    w.println("prove with: kubz prove " + model + " --input INPUT --keys " + out + " --settings "
        + out.resolve("settings.json") + " --plan " + out.resolve("plan.json")
        + (visibility != null ? " --visibility " + visibility : "") + srsArg + " --out proof.kubz");
    w.println();
    w.print(table.render());
    w.flush();
    return 0;
  }

  /** The GKR setup: lower, load the SRS, write settings, plan and manifest (no keys). */
  private int gkr(Graph g, QuantizedGraph q, Visibility vis, ModelProver.Options o, StageTable table)
      throws IOException {
    GkrSession session = table.run("lower and srs", () -> ModelProver.setupGkr(q, o));
    AtomicFiles.writeString(out.resolve("settings.json"), q.plan().toJson());
    AtomicFiles.writeString(out.resolve("plan.json"), session.plan().toJson());
    ProofBundle statement = session.statement();
    KeysManifest.ofGkr(statement, session.srs()).write(out, g.name(), vis.input().name(), vis.output().name(),
        proofSystem);
    String d = ModelDigest.hex(statement.modelDigest());
    var w = spec.commandLine().getOut();
    w.println("gkr: " + (session.plan().slices().size() == 1 ? "the whole model as one layered model"
        : session.plan().slices().size() + " layered models linked by commitments") + " (largest committed witness 2^"
        + session.log2Size() + " entries); settings.json, plan.json and " + KeysManifest.FILE + " written to " + out);
    w.println("model digest " + d + " (proof system gkr, input public, output public"
        + (statement.srs().insecure() ? ", INSECURE development SRS" : "") + ")");
    String srsArg = srsOptions.dev ? " --dev-srs" : " --srs FILE.ptau";
    w.println("publish it; verifiers check bundles with: kubz verify BUNDLE --digest " + d + srsArg
        + "   (or --keys " + out + ")");
    w.println("prove with: kubz prove " + model + " --input INPUT --proof-system gkr --settings "
        + out.resolve("settings.json") + srsArg + " --out proof.kubz");
    w.println();
    w.print(table.render());
    w.flush();
    return 0;
  }
}
