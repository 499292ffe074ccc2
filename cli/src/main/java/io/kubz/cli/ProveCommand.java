package io.kubz.cli;

import io.kubz.cli.cluster.ClusterExecutor;
import io.kubz.cli.cluster.ClusterProve;
import io.kubz.field.Parallel;
import io.kubz.field.UsageException;
import io.kubz.slicer.api.ModelProver;
import io.kubz.slicer.api.ProveSummary;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.plan.SlicePlan;
import java.io.IOException;
import java.io.PrintWriter;
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

/** {@code kubz prove}: model and input in, a verifiable proof bundle out. */
@Command(name = "prove", mixinStandardHelpOptions = true,
    description = {"Quantizes the model, cuts it into slices, proves every slice and writes one proof bundle that",
      "`kubz verify` checks (every slice proof and every link between slices).", "",
      "Examples:",
      "  kubz prove network.onnx --input input.json --dev-srs --out proof.kubz",
      "  kubz prove network.onnx --input input.json --srs pot20.ptau --max-rows 16 --keys keys/ --out proof.kubz",
      "  kubz prove network.onnx --input input.json --srs pot20.ptau --plan plan.json --settings s.json \\",
      "      --visibility input=private,output=hashed --threads 2 --out proof.kubz",
      "  chain two models (B's input is A's hashed output, linked by equal commitments):",
      "  kubz prove a.onnx --input input.json --srs pot20.ptau --visibility output=hashed --out a.kubz",
      "  kubz prove b.onnx --input-from a.kubz --secrets a.kubz.secrets --srs pot20.ptau --out b.kubz", "",
      "On a cluster (same bundle, same `kubz verify`): this process becomes the",
      "coordinator; it verifies every proof a worker returns, reassigns a slice",
      "when its worker dies, times out or lies, and re-plans slices too large for",
      "every worker. Start workers, then prove:",
      "  terminal 1:  kubz worker --join 127.0.0.1:5701 --threads 1",
      "  terminal 2:  kubz worker --join 127.0.0.1:5701 --threads 1",
      "  terminal 3:  kubz prove network.onnx --input input.json --dev-srs \\",
      "                 --cluster 127.0.0.1:5701 --slice-timeout 10m --out proof.kubz",
      "With --srs FILE.ptau, every worker needs the file at the same path.", "",
      "--proof-system gkr proves the whole model as one sumcheck / logUp-GKR proof (no circuits, no",
      "keys; public inputs and outputs only); with --plan or --max-layers as several GKR slices linked by",
      "commitments (also on a --cluster). --proof-system mixed proves each slice with the back end that",
      "suits it: runs of nodes the GKR lowering accepts (public tensors only) become GKR slices, the rest",
      "plonkish circuits (a private input, an op GKR refuses, a chain's hashed tensors), each tensor",
      "between the two bridged (its Poseidon commitment and its multilinear commitment tied at a random",
      "point); a --plan may also set \"proof_system\" per slice. kubz verify reads the systems from the bundle:",
      "  kubz prove network.onnx --input input.json --dev-srs --proof-system gkr --out proof.kubz",
      "  kubz prove network.onnx --input input.json --dev-srs --proof-system mixed \\",
      "      --visibility input=private --out proof.kubz"})
final class ProveCommand implements Callable<Integer> {
  static final List<String> BACKENDS = List.of("native-java");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The ONNX model.")
  Path model;

  @Option(names = "--input", paramLabel = "FILE", description = "Input values (input.json format).")
  Path input;

  @Mixin ChainOptions chainOptions;

  @Mixin PlanOptions planOptions;

  @Mixin SrsOptions srsOptions;

  @Mixin ClusterOptions clusterOptions;

  @Option(names = "--settings", paramLabel = "FILE",
      description = "Quantization settings (default: calibrated on a public input; for a private or hashed input "
          + "derived from the model and --input-range, never from the input).")
  Path settings;

  @Option(names = "--input-range", paramLabel = "LO,HI",
      description = "The range of a private or hashed input's values, from which settings are derived (default: -1,1).")
  String inputRange;

  @Option(names = "--keys", paramLabel = "KEYDIR", description = "Key cache folder (from kubz setup); keys made here are kept.")
  Path keys;

  @Option(names = "--backend", paramLabel = "NAME", defaultValue = "native-java",
      description = "The proving back end: native-java (the default and only one).")
  String backend;

  @Option(names = "--proof-system", paramLabel = "NAME", defaultValue = "plonkish",
      description = "plonkish (default: sliced circuits, any visibility), gkr (the whole model as one sumcheck /"
          + " logUp-GKR proof over the same SRS, or with --plan/--max-layers one per slice, linked by commitments;"
          + " public inputs and outputs only; much faster on larger models (ezkl lenet_5: 23x), but not"
          + " zero-knowledge) or mixed (each slice on the back end that suits it: GKR where the"
          + " layered lowering accepts its nodes and its tensors are public, plonkish otherwise; the two linked by"
          + " bridges). A --plan whose slices set \"proof_system\" is proved with those systems.")
  String proofSystem;

  @Option(names = "--threads", paramLabel = "N", description = "Threads to prove with (default: KUBZ_THREADS or all cores).")
  Integer threads;

  @Option(names = "--parallel-slices", paramLabel = "N",
      description = "Slices proved at the same time on this machine (default: 2, or 1 with one thread); each "
          + "also proves with all threads, so two keep the cores busy through each prover's serial steps.")
  Integer parallelSlices;

  @Option(names = "--visibility", paramLabel = "SPEC",
      description = "input=public|private|hashed,output=public|private|hashed (default: both public).")
  String visibility;

  @Option(names = "--out", required = true, paramLabel = "BUNDLE", description = "Where to write the proof bundle.")
  Path out;

  @Option(names = "--json", description = "Print one JSON summary instead of progress and tables.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (!BACKENDS.contains(backend)) {
      throw new UsageException("unknown --backend '" + backend + "'; available back ends: " + String.join(", ", BACKENDS));
    }
    if (!ModelProver.Options.PROOF_SYSTEMS.contains(proofSystem)) {
      throw new UsageException("unknown --proof-system '" + proofSystem + "'; use one of "
          + String.join(", ", ModelProver.Options.PROOF_SYSTEMS));
    }
    var srs = srsOptions.require();
    if (threads != null) {
      if (threads < 1) {
        throw new UsageException("--threads must be at least 1");
      }
      Parallel.setThreads(threads);
    }
    StageTable table = new StageTable();
    ProgressDisplay display = ProgressDisplay.stderr(json);
    Graph g = table.run("load", () -> Models.load(model));
    List<Tensor> in = chainOptions.input(input, g);
    ModelProver.Options o = ModelProver.Options.of(srs)
        .withVisibility(Visibilities.parse(visibility))
        .withInputRange(Models.inputRange(inputRange))
        .withProgress(new ProgressBridge(display, table))
        .withProofSystem(proofSystem);
    if (settings != null) {
      o = o.withQuant(Models.settings(settings));
    }
    if (keys != null) {
      o = o.withCacheDir(keys);
    }
    if (parallelSlices != null && parallelSlices < 1) {
      throw new UsageException("--parallel-slices must be at least 1");
    }
    o = o.withThreads(parallelSlices != null ? parallelSlices : Math.min(2, Parallel.threads()));
    o = withPlan(o, g);
    o = chainOptions.apply(o, visibility, g);
    clusterOptions.checkUnused(spec.commandLine().getParseResult());
    ModelProver.Result r;
    Map<String, Object> extra = new LinkedHashMap<>();
    if (clusterOptions.enabled()) {
      r = onCluster(g, in, o, display, extra);
    } else {
      r = ModelProver.prove(g, in, o);
    }
    table.run("write", () -> {
      try {
        AtomicFiles.write(out, r.bundle());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Path secretsFile = chainOptions.write(r, out, spec.commandLine().getOut(), json);
    if (secretsFile != null) {
      extra.put("secrets", secretsFile.toString());
    }
    io.kubz.slicer.quant.AccuracyReport acc = accuracy(g, in, r.summary().outputs());
    if (acc != null) {
      extra.put("accuracy", acc);
    }
    report(spec.commandLine().getOut(), r.summary(), table, out, json, extra);
    return 0;
  }

  /**
   * The proved public outputs against the float model on the same input (null when no output is
   * public): what quantization cost, in the numbers the user will read.
   */
  static io.kubz.slicer.quant.AccuracyReport accuracy(Graph g, List<Tensor> in, List<ProofBundle.PublicTensor> outs) {
    Map<String, double[]> got = new LinkedHashMap<>();
    for (ProofBundle.PublicTensor t : outs) {
      if (t.values() != null) {
        got.put(t.name(), t.real());
      }
    }
    if (got.isEmpty()) {
      return null;
    }
    Map<String, double[]> ref = new LinkedHashMap<>();
    io.kubz.slicer.interp.FloatInterpreter.run(g, in).forEach((name, t) -> {
      if (got.containsKey(name)) {
        ref.put(name, t.data());
      }
    });
    return io.kubz.slicer.quant.AccuracyReport.compare(List.of(ref), List.of(got));
  }

  /** Proves as the coordinator of a cluster; fills {@code extra} with where each slice was proved and at what cost. */
  private ModelProver.Result onCluster(Graph g, List<Tensor> in, ModelProver.Options o, ProgressDisplay display,
      Map<String, Object> extra) throws IOException {
    byte[] onnx = java.nio.file.Files.readAllBytes(model);
    ClusterProve.SrsChoice srs = new ClusterProve.SrsChoice(SrsOptions.DEV_SEED,
        srsOptions.ptau == null ? null : srsOptions.ptau.toAbsolutePath().toString());
    List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (ClusterExecutor c = clusterOptions.connect()) {
      display.line("kubz: coordinator " + c.address() + " joined the cluster; workers start with `kubz worker --join "
          + c.address() + "`");
      ClusterProve.Result r = ClusterProve.prove(c, onnx, g, in, o, srs, n -> {
        notes.add(n);
        display.line("kubz: " + n);
      });
      ProveSummary sum = r.proved().summary();
      extra.put("cluster", ClusterReport.json(c.address(), r.outcomes(), sum, notes));
      extra.put("cluster_text", ClusterReport.text(r.outcomes(), sum));
      return r.proved();
    }
  }

  /** A saved plan is used as it is; otherwise the strategy goes to the prover, which plans with real costs. */
  private ModelProver.Options withPlan(ModelProver.Options o, Graph g) {
    SlicePlan saved = planOptions.savedPlan(g, io.kubz.slicer.plan.SliceCost.DEFAULT);
    return saved != null ? o.withPlan(saved) : o.withStrategy(planOptions.strategy());
  }

  static void report(PrintWriter w, ProveSummary s, StageTable table, Path out, boolean json) {
    report(w, s, table, out, json, Map.of());
  }

  /** {@code extra}: a "cluster" entry goes into the JSON, a "cluster_text" one is printed before the stage table. */
  static void report(PrintWriter w, ProveSummary s, StageTable table, Path out, boolean json, Map<String, Object> extra) {
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("bundle", out.toString());
      m.put("bundle_bytes", s.bundleBytes());
      m.put("model_digest", s.modelDigest());
      m.put("proof_system", s.proofSystem());
      m.put("strategy", s.strategy());
      List<Object> slices = new ArrayList<>();
      for (ProveSummary.SliceRow row : s.slices()) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", row.id());
        o.put("nodes", row.nodes());
        String system = row.system() != null ? row.system() : s.proofSystem();
        o.put("proof_system", system);
        o.put("k", row.k());
        if (!io.kubz.slicer.bundle.ProofBundle.PLONKISH.equals(system)) {
          o.put("witness_log2", row.k());
        }
        o.put("estimated_rows", row.estimatedRows());
        o.put("keygen_seconds", row.keygenNanos() / 1e9);
        o.put("prove_seconds", row.proveNanos() / 1e9);
        o.put("worker", row.worker());
        slices.add(o);
      }
      m.put("slices", slices);
      m.put("outputs", outputs(s.outputs()));
      m.put("stages", table.toJson());
      if (extra.containsKey("accuracy")) {
        m.put("accuracy", ((io.kubz.slicer.quant.AccuracyReport) extra.get("accuracy")).toJson());
      }
      if (extra.containsKey("secrets")) {
        m.put("secrets", extra.get("secrets"));
      }
      if (extra.containsKey("cluster")) {
        m.put("cluster", extra.get("cluster"));
      }
      w.println(Json.writePretty(m));
    } else {
      boolean gkr = io.kubz.slicer.backend.GkrProofSystem.NAME.equals(s.proofSystem());
      boolean mixed = !gkr && !io.kubz.slicer.bundle.ProofBundle.PLONKISH.equals(s.proofSystem());
      w.printf(Locale.ROOT, "proved %d slice(s) (%s, %s); bundle %s, %d bytes; model digest %s%n", s.slices().size(),
          s.strategy(), s.proofSystem(), out, s.bundleBytes(), s.modelDigest());
      if (mixed) { // size: rows of a plonkish circuit, entries of a GKR slice's committed witness
        w.println("slice  system    size   keygen     prove      worker");
      } else {
        w.println(gkr ? "slice  witness  srs        prove      worker" : "slice  rows   keygen     prove      worker");
      }
      for (ProveSummary.SliceRow row : s.slices()) {
        if (mixed) {
          w.printf(Locale.ROOT, "%5d  %-8s  2^%-3d  %-9s  %-9s  %s%n", row.id(), row.system(), row.k(),
              StageTable.seconds(row.keygenNanos() / 1e9), StageTable.seconds(row.proveNanos() / 1e9),
              row.worker() == null ? "local" : row.worker());
          continue;
        }
        w.printf(Locale.ROOT, gkr ? "%5d  2^%-5d  %-9s  %-9s  %s%n" : "%5d  2^%-3d  %-9s  %-9s  %s%n", row.id(), row.k(),
            StageTable.seconds(row.keygenNanos() / 1e9),
            StageTable.seconds(row.proveNanos() / 1e9), row.worker() == null ? "local" : row.worker());
      }
      printOutputs(w, s.outputs());
      if (extra.containsKey("accuracy")) {
        w.println("accuracy: proved outputs against the float model, "
            + ((io.kubz.slicer.quant.AccuracyReport) extra.get("accuracy")).describe());
      }
      if (extra.containsKey("cluster_text")) {
        w.print(extra.get("cluster_text"));
      }
      w.println();
      w.print(table.render());
    }
    w.flush();
  }

  static List<Object> outputs(List<ProofBundle.PublicTensor> ts) {
    List<Object> l = new ArrayList<>();
    for (ProofBundle.PublicTensor t : ts) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", t.name());
      o.put("shape", t.shape());
      o.put("visibility", t.mode());
      if (t.values() != null) {
        o.put("values", t.real());
      }
      if (t.commitment() != null) {
        o.put("commitment", t.commitment().toString());
      }
      l.add(o);
    }
    return l;
  }

  static void printOutputs(PrintWriter w, List<ProofBundle.PublicTensor> ts) {
    for (ProofBundle.PublicTensor t : ts) {
      String what = t.values() != null ? RunCommand.preview(io.kubz.slicer.ir.Tensor.of(t.shape(), t.real()))
          : t.commitment() != null ? "commitment " + t.commitment() : "(private)";
      w.println("output " + t.name() + " " + java.util.Arrays.toString(t.shape()) + " " + t.mode().toLowerCase(Locale.ROOT)
          + ": " + what);
    }
  }
}
