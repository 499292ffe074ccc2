package io.kubz.cli;

import io.kubz.field.Parallel;
import io.kubz.field.UsageException;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.api.ModelProver;
import io.kubz.slicer.bundle.ModelDigest;
import io.kubz.slicer.chain.ChainInput;
import io.kubz.slicer.chain.Secrets;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.lower.Visibility.Mode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubz chain}: proves a pipeline of models in order from one input, each proof linked to the next. */
@Command(name = "chain", mixinStandardHelpOptions = true,
    description = {"Proves models one after the other, each on the proved output of the one before, and writes",
      "one bundle per model, the secrets of the hidden links and a manifest (chain.json) that",
      "`kubz verify --chain --manifest` checks: every bundle, and that each model's input is the output",
      "the previous proof committed to. Output j of a model feeds input j of the next.", "",
      "Links are hashed by default (only salted commitments are public, the intermediate tensors stay",
      "hidden; their salts are in the .secrets files, mode 0600, never in the bundles); --links public",
      "publishes the intermediate values instead. Each model is proved as `kubz prove` would (its",
      "default plan and settings); the bundles can as well be proved by different parties with",
      "`kubz prove --input-from PREVIOUS.kubz --secrets PREVIOUS.kubz.secrets`.", "",
      "Examples:",
      "  kubz chain rwkv.onnx mamba.onnx xlstm.onnx --input input.json --srs pot20.ptau --out-dir chain/",
      "  kubz verify --chain --manifest chain/chain.json --srs pot20.ptau"})
final class ChainCommand implements Callable<Integer> {
  /** The format tag of a chain manifest. */
  static final String FORMAT = "kubz-chain-v1";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "2..*", paramLabel = "MODEL", description = "The ONNX models, in pipeline order.")
  List<Path> models;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "Input of the first model.")
  Path input;

  @Mixin SrsOptions srsOptions;

  @Option(names = "--links", paramLabel = "MODE", defaultValue = "hashed",
      description = "hashed (default: commitments only) or public (intermediate values published).")
  String links;

  @Option(names = "--input-visibility", paramLabel = "MODE", defaultValue = "public",
      description = "The first model's input: public (default), private or hashed.")
  String inputVisibility;

  @Option(names = "--output-visibility", paramLabel = "MODE", defaultValue = "public",
      description = "The last model's output: public (default), private or hashed.")
  String outputVisibility;

  @Option(names = "--out-dir", required = true, paramLabel = "DIR", description = "Where to write bundles and manifest.")
  Path outDir;

  @Option(names = "--threads", paramLabel = "N", description = "Threads to prove with (default: KUBZ_THREADS or all cores).")
  Integer threads;

  @Option(names = "--json", description = "Print the manifest as JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Mode link = mode(links, "--links");
    if (link == Mode.PRIVATE) {
      throw new UsageException("--links takes hashed or public: a private link cannot be checked");
    }
    Mode first = mode(inputVisibility, "--input-visibility");
    Mode last = mode(outputVisibility, "--output-visibility");
    var srs = srsOptions.require();
    if (threads != null) {
      if (threads < 1) {
        throw new UsageException("--threads must be at least 1");
      }
      Parallel.setThreads(threads);
    }
    List<Graph> graphs = new ArrayList<>();
    for (Path m : models) {
      graphs.add(Models.load(m));
    }
    List<Tensor> in = Models.input(input, graphs.get(0));
    PrintWriter w = spec.commandLine().getOut();
    ProgressDisplay display = ProgressDisplay.stderr(json);
    Files.createDirectories(outDir);
    List<Object> entries = new ArrayList<>();
    ModelProver.Result prev = null;
    for (int i = 0; i < graphs.size(); i++) {
      Graph g = graphs.get(i);
      Mode inMode = i == 0 ? first : link;
      Mode outMode = i == graphs.size() - 1 ? last : link;
      ModelProver.Options o = ModelProver.Options.of(srs).withVisibility(new Visibility(inMode, outMode))
          .withThreads(Math.min(2, Parallel.threads()));
      List<Tensor> x = in;
      if (prev != null) {
        ChainInput ci = ChainInput.from(prev.parsed(), prev.salts().isEmpty() ? null : Secrets.of(prev), g);
        x = ci.inputs();
        o = o.withInputSalts(inMode == Mode.HASHED ? ci.salts() : Map.of());
        ci.checkScale(ModelProver.quantizeFor(g, x, o).plan().activationScale(), g.name());
      }
      display.line(String.format(Locale.ROOT, "kubz: proving model %d of %d (%s)", i + 1, graphs.size(), models.get(i)));
      long t0 = System.nanoTime();
      ModelProver.Result r = ModelProver.prove(g, x, o);
      double seconds = (System.nanoTime() - t0) / 1e9;
      String stem = String.format(Locale.ROOT, "%d-%s", i + 1, stem(models.get(i)));
      Path bundle = outDir.resolve(stem + ".kubz");
      AtomicFiles.write(bundle, r.bundle());
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("bundle", bundle.getFileName().toString());
      e.put("model", models.get(i).toAbsolutePath().toString());
      e.put("model_digest", ModelDigest.hex(r.parsed().modelDigest()));
      if (!r.salts().isEmpty()) {
        Path secrets = outDir.resolve(stem + ".kubz.secrets");
        ChainOptions.writeSecrets(secrets, Secrets.of(r));
        e.put("secrets", secrets.getFileName().toString());
      }
      e.put("seconds", seconds);
      entries.add(e);
      prev = r;
    }
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", FORMAT);
    manifest.put("links", link.name().toLowerCase(Locale.ROOT));
    manifest.put("bundles", entries);
    Path file = outDir.resolve("chain.json");
    AtomicFiles.writeString(file, Json.writePretty(manifest) + "\n");
    if (json) {
      w.println(Json.writePretty(manifest));
    } else {
      w.printf(Locale.ROOT, "proved a chain of %d models (%s links); manifest %s%n", graphs.size(),
          link.name().toLowerCase(Locale.ROOT), file);
      for (Object o : entries) {
        @SuppressWarnings("unchecked")
        Map<String, Object> e = (Map<String, Object>) o;
        w.printf(Locale.ROOT, "  %-28s %6.1f s  digest %s%n", e.get("bundle"), (Double) e.get("seconds"),
            e.get("model_digest"));
      }
      ProveCommand.printOutputs(w, prev.parsed().outputs());
      w.println("verify: kubz verify --chain --manifest " + file + " " + srsHint());
    }
    w.flush();
    return 0;
  }

  private String srsHint() {
    return srsOptions.ptau != null ? "--srs " + srsOptions.ptau : "--dev-srs";
  }

  private static Mode mode(String s, String option) {
    try {
      return Mode.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + " takes public, private or hashed; got '" + s + "'");
    }
  }

  private static String stem(Path model) {
    String n = model.getFileName().toString();
    return n.endsWith(".onnx") ? n.substring(0, n.length() - 5) : n;
  }
}
