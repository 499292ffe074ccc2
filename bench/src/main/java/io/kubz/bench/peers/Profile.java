package io.kubz.bench.peers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH suite with one of two profiles and writes every result to one JSON file.
 *
 * <ul>
 *   <li>{@code quick}: one fork, one 1 s warm-up iteration, three 1 s measurement iterations, and
 *       only the key sizes: a size parameter (named like {@code log*}, {@code *size*} or {@code n})
 *       keeps its declared values among {@code -Dkubz.quickSizes} (default 15,16,20), or else its
 *       smallest one; other parameters keep all their values. Each benchmark runs on its own so
 *       that this choice is made per benchmark.
 *   <li>{@code full}: the settings and parameters of the annotations.
 * </ul>
 *
 * Both add JMH's GC profiler, so each result carries the bytes allocated per operation. A benchmark
 * that fails is reported by JMH and skipped; the others still run.
 *
 * <p>usage: {@code Profile quick|full <result.json> [benchmark regex]}; {@code Profile plan [regex]}
 * prints what the quick profile would run, without running it.
 */
public final class Profile {
  private static final Pattern SIZE_PARAM = Pattern.compile("(?i)log.*|.*size.*|n");

  private Profile() {}

  public static void main(String[] args) throws RunnerException, java.io.IOException {
    if (args.length >= 1 && args[0].equals("plan")) {
      quickPlan(args.length > 1 ? args[1] : ".*", quickSizes())
          .forEach((b, p) -> System.out.println(b + " " + describe(p)));
      return;
    }
    if (args.length < 2 || !(args[0].equals("quick") || args[0].equals("full"))) {
      System.err.println("usage: Profile quick|full <result.json> [benchmark regex], or Profile plan [regex]");
      System.exit(2);
    }
    String regex = args.length > 2 ? args[2] : ".*";
    List<RunResult> all = new ArrayList<>();
    if (args[0].equals("full")) {
      all.addAll(run(new OptionsBuilder().include(regex)));
    } else {
      Map<String, Map<String, String[]>> plan = quickPlan(regex, quickSizes());
      int i = 0;
      for (Map.Entry<String, Map<String, String[]>> b : plan.entrySet()) {
        System.out.printf("%n==== quick %d/%d: %s %s%n", ++i, plan.size(), b.getKey(), describe(b.getValue()));
        ChainedOptionsBuilder o = new OptionsBuilder()
            .include("^" + Pattern.quote(b.getKey()) + "$")
            .forks(1)
            .warmupIterations(1)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(3)
            .measurementTime(TimeValue.seconds(1));
        for (Map.Entry<String, String[]> p : b.getValue().entrySet()) {
          o.param(p.getKey(), p.getValue());
        }
        all.addAll(run(o));
      }
    }
    java.nio.file.Path out = java.nio.file.Path.of(args[1]);
    if (out.getParent() != null) {
      java.nio.file.Files.createDirectories(out.getParent());
    }
    ResultFormatFactory.getInstance(ResultFormatType.JSON, out.toString()).writeOut(all);
    System.out.println("profile " + args[0] + ": " + all.size() + " results in " + out);
  }

  private static Set<Integer> quickSizes() {
    return Arrays.stream(System.getProperty("kubz.quickSizes", "15,16,20").split(","))
        .map(String::trim).map(Integer::valueOf).collect(Collectors.toSet());
  }

  private static Collection<RunResult> run(ChainedOptionsBuilder o) throws RunnerException {
    return new Runner(o.addProfiler(GCProfiler.class).shouldFailOnError(false).build()).run();
  }

  /** Benchmark method name to the parameter values the quick profile runs it with. */
  static Map<String, Map<String, String[]>> quickPlan(String regex, Set<Integer> keys) {
    Map<String, Map<String, String[]>> plan = new LinkedHashMap<>();
    Set<BenchmarkListEntry> entries = BenchmarkList.defaultList().find(
        OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(regex), List.of());
    for (BenchmarkListEntry e : entries) {
      Map<String, String[]> params = new LinkedHashMap<>();
      if (e.getParams().hasValue()) {
        for (Map.Entry<String, String[]> p : e.getParams().get().entrySet()) {
          params.put(p.getKey(), SIZE_PARAM.matcher(p.getKey()).matches() ? keySizes(p.getValue(), keys) : p.getValue());
        }
      }
      plan.put(e.getUsername(), params);
    }
    return plan;
  }

  /** The declared values that are key sizes, or the smallest declared value if none is. */
  static String[] keySizes(String[] declared, Set<Integer> keys) {
    String[] kept = Arrays.stream(declared).filter(v -> isInt(v) && keys.contains(Integer.valueOf(v.trim())))
        .toArray(String[]::new);
    if (kept.length > 0) {
      return kept;
    }
    TreeSet<String> sorted = new TreeSet<>((a, b) -> isInt(a) && isInt(b)
        ? Integer.compare(Integer.parseInt(a.trim()), Integer.parseInt(b.trim())) : a.compareTo(b));
    sorted.addAll(Arrays.asList(declared));
    return new String[] {sorted.first()};
  }

  private static boolean isInt(String v) {
    return v.trim().matches("-?\\d{1,9}");
  }

  private static String describe(Map<String, String[]> params) {
    return params.entrySet().stream().map(p -> p.getKey() + "=" + String.join(",", p.getValue()))
        .collect(Collectors.joining(" "));
  }
}
