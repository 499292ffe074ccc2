package io.kubz.bench.e2e;

import io.kubz.field.Fixtures;
import io.kubz.slicer.ir.Graph;
import io.kubz.slicer.ir.Tensor;
import io.kubz.slicer.json.Json;
import io.kubz.slicer.onnx.ExampleModels;
import io.kubz.slicer.onnx.OnnxImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Proves and verifies models through the CLI in child JVMs and writes one JSON line per (model,
 * plan). usage: {@code EndToEnd <out.jsonl> <work dir> [plans] [model.onnx ...]} where plans is a
 * comma list of {@code default} (per layer) and {@code rows=K} (the budget strategy, max 2^K rows);
 * a model file's input is the {@code input.json} beside it. Without model files: the example models
 * and, when present, the fixture models; {@code -Dkubz.e2e.only=REGEX} keeps the models whose name
 * matches. A run that fails is recorded with its message, not fatal. {@code EndToEnd --examples DIR}
 * only writes the example models, the 264k CIFAR CNN and the 4M MLP included, each as
 * DIR/NAME/network.onnx with its input.json (bench/targets.sh).
 */
public final class EndToEnd {
  /** The seed the demo uses, so the "lenet (demo)" row is the demo's model. */
  private static final long SEED = 7;
  private static final String[] FIXTURES = {"1l_mlp", "2l_relu_fc", "1l_conv", "3l_relu_conv_fc", "lenet_5"};

  private EndToEnd() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length == 2 && args[0].equals("--examples")) {
      // bench/targets.sh: only write the example models (the large ones too), one folder each
      examples(Path.of(args[1]), new LinkedHashMap<>(), true);
      return;
    }
    if (args.length < 2) {
      System.err.println("usage: EndToEnd <out.jsonl> <work dir> [default,rows=12] [model.onnx ...]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Path work = Path.of(args[1]);
    List<String> plans = List.of((args.length > 2 ? args[2] : "default").split(","));
    Map<String, Path[]> models = new LinkedHashMap<>();
    if (args.length > 3) {
      for (String m : Arrays.copyOfRange(args, 3, args.length)) {
        Path p = Path.of(m);
        models.put(p.getParent() == null ? p.toString() : p.getParent().getFileName() + "/" + p.getFileName(),
            new Path[] {p, p.resolveSibling("input.json")});
      }
    } else {
      examples(work, models, Boolean.getBoolean("kubz.e2e.large"));
      for (String f : FIXTURES) {
        Fixtures.resolve("onnx/ezkl-examples/" + f + "/network.onnx").ifPresent(p ->
            models.put(f + " (ezkl fixture)", new Path[] {p, p.resolveSibling("input.json")}));
      }
    }
    Files.createDirectories(work);
    List<String> lines = new ArrayList<>();
    String only = System.getProperty("kubz.e2e.only", ".*");
    for (Map.Entry<String, Path[]> m : models.entrySet()) {
      if (!m.getKey().matches("(?s).*(" + only + ").*")) {
        continue;
      }
      for (String plan : plans) {
        Map<String, Object> r = run(m.getKey(), m.getValue()[0], m.getValue()[1], plan, work);
        String line = Json.write(r);
        lines.add(line);
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.err.println("e2e: " + m.getKey() + " [" + plan + "]: " + (r.containsKey("error") ? "FAILED " + r.get("error")
            : String.format(java.util.Locale.ROOT, "prove %.1f s, verify %.2f s", r.get("prove_wall_seconds"), r.get("verify_wall_seconds"))));
      }
    }
  }

  /** Writes the example models and their inputs (the demo's seed) into {@code work}. */
  private static void examples(Path work, Map<String, Path[]> models, boolean large) throws IOException {
    Map<String, byte[]> ex = new LinkedHashMap<>();
    ex.put("mlp (example)", ExampleModels.mlp(SEED, 16, 32, 10).toByteArray());
    ex.put("cnn (example)", ExampleModels.cnn(SEED).toByteArray());
    ex.put("residual (example)", ExampleModels.residual(SEED, 16).toByteArray());
    ex.put("lenet (demo)", ExampleModels.lenet(SEED).toByteArray());
    if (large) {
      // the shapes of #19's targets: deep-prove's 264k-parameter CIFAR CNN and a 4M-parameter MLP
      ex.put("cifar cnn 264k (example)", ExampleModels.cifarCnn(SEED).toByteArray());
      ex.put("mlp 4M (example)", ExampleModels.mlp(SEED, 1024, 2048, 1024, 10).toByteArray());
    }
    for (Map.Entry<String, byte[]> e : ex.entrySet()) {
      Path dir = work.resolve(e.getKey().replaceAll("[^a-z0-9]+", "_"));
      Files.createDirectories(dir);
      Path model = dir.resolve("network.onnx");
      Files.write(model, e.getValue());
      Graph g = OnnxImporter.read(model);
      Tensor x = ExampleModels.input(SEED, g.inputs().get(0).shape());
      Files.writeString(dir.resolve("input.json"), Json.write(Map.of("input_data",
          List.of(Arrays.stream(x.data()).boxed().toList()))), StandardCharsets.UTF_8);
      models.put(e.getKey(), new Path[] {model, dir.resolve("input.json")});
    }
  }

  private static Map<String, Object> run(String name, Path model, Path input, String plan, Path work)
      throws IOException, InterruptedException {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("model", name);
    r.put("plan", plan);
    Path bundle = work.resolve(name.replaceAll("[^A-Za-z0-9]+", "_") + "-" + plan.replace("=", "") + ".kubz");
    List<String> prove = new ArrayList<>(List.of("prove", model.toString(), "--input", input.toString(), "--dev-srs",
        "--out", bundle.toString(), "--json"));
    if (plan.startsWith("rows=")) {
      prove.addAll(List.of("--max-rows", plan.substring(5)));
    } else if (plan.equals("gkr")) {
      prove.addAll(List.of("--proof-system", "gkr"));
    } else if (!plan.equals("default")) {
      throw new IllegalArgumentException("unknown plan " + plan + "; expected default, rows=K or gkr");
    }
    Child p = kubz(prove, work);
    r.put("prove_wall_seconds", p.seconds);
    if (p.exit != 0) {
      r.put("error", "prove exit " + p.exit + ": " + lastLine(p.stderr));
      return r;
    }
    r.put("prove", Json.parse(p.stdout));
    // the verifier's trust anchor is the model itself (a bundle alone is never enough, README)
    Child v = kubz(List.of("verify", bundle.toString(), "--model", model.toString(), "--dev-srs", "--json"), work);
    r.put("verify_wall_seconds", v.seconds);
    if (v.exit != 0) {
      r.put("error", "verify exit " + v.exit + ": " + lastLine(v.stderr + v.stdout));
      return r;
    }
    r.put("verify", Json.parse(v.stdout));
    r.put("bundle_bytes", Files.size(bundle));
    return r;
  }

  private record Child(int exit, double seconds, String stdout, String stderr) {}

  /** Runs {@code io.kubz.cli.Kubz} with these arguments in a fresh JVM on this JVM's class path. */
  private static Child kubz(List<String> args, Path work) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "io.kubz.cli.Kubz"));
    cmd.addAll(args);
    Path o = Files.createTempFile(work, "out", ".txt");
    Path e = Files.createTempFile(work, "err", ".txt");
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectOutput(o.toFile()).redirectError(e.toFile()).start();
    long limit = Long.getLong("kubz.e2e.timeoutMinutes", 30);
    if (!p.waitFor(limit, TimeUnit.MINUTES)) {
      p.destroyForcibly().waitFor();
      return new Child(-1, (System.nanoTime() - t0) / 1e9, "", "timed out after " + limit + " min");
    }
    Child c = new Child(p.exitValue(), (System.nanoTime() - t0) / 1e9, Files.readString(o), Files.readString(e));
    Files.delete(o);
    Files.delete(e);
    return c;
  }

  private static String lastLine(String s) {
    String[] l = s.strip().split("\n");
    return l.length == 0 ? "" : l[l.length - 1];
  }
}
