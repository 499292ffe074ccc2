package io.kubz.bench.peers;

import io.kubz.field.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kubz's half of the peer comparison: the same workloads as {@code bench/peers/*.mjs}, timed the
 * same way (setup untimed, warm-up runs, then the median of timed runs), printed as one JSON line.
 *
 * <p>usage: {@code java -cp bench/target/benchmarks.jar io.kubz.bench.peers.KubzSide
 * msm|fft|poseidon|plonkChain|probe [log2n] [reps] [warmup]}. A workload whose kubz API is not in
 * this build prints a line with {@code "available": false} and the reason, so the harness reports
 * it instead of failing.
 */
public final class KubzSide {
  private KubzSide() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: KubzSide msm|fft|poseidon|plonkChain|probe [log2n] [reps] [warmup]");
      System.exit(2);
    }
    int log2n = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    Map<String, Object> out;
    switch (args[0]) {
      case "probe":
        out = base("probe", 0);
        break;
      case "msm":
        out = msmG1(log2n, warmup, reps);
        break;
      case "fft":
        out = fftFr(log2n, warmup, reps);
        break;
      case "poseidon":
        out = poseidon2(warmup, Math.max(reps, 5));
        break;
      case "plonkChain":
        out = plonkChain(warmup, reps);
        break;
      default:
        System.err.println("unknown workload " + args[0] + "; expected msm, fft, poseidon or plonkChain");
        System.exit(2);
        return;
    }
    System.out.println(Json.write(out));
  }

  /** G1 multi-scalar multiplication of 2^log2n distinct points by full-width random scalars. */
  static Map<String, Object> msmG1(int log2n, int warmup, int reps) {
    return unavailable("msm_g1", log2n, "io.kubz.field.Msm.g1 is not in this build yet");
  }

  /** Forward NTT over Fr of 2^log2n random elements. */
  static Map<String, Object> fftFr(int log2n, int warmup, int reps) {
    return unavailable("fft_fr", log2n, "the NTT of io.kubz.poly is not in this build yet");
  }

  /** Poseidon (circomlib parameters, t = 3) on two inputs, each hash feeding the next. */
  static Map<String, Object> poseidon2(int warmup, int reps) {
    return unavailable("poseidon2", 0, "io.kubz.merkle Poseidon is not in this build yet");
  }

  /** PLONK proof of the chain x_{i+1} = x_i * b + i over a 2^15-row domain (bench/peers/chain.circom). */
  static Map<String, Object> plonkChain(int warmup, int reps) {
    return unavailable("plonk_chain", 15, "the io.kubz.plonkish prover is not in this build yet");
  }

  // ---- the JSON line ----

  private static Map<String, Object> base(String workload, int log2n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("side", "kubz");
    m.put("impl", "kubz (JDK " + System.getProperty("java.version") + ")");
    m.put("workload", workload);
    m.put("log2n", log2n);
    m.put("threads", Runtime.getRuntime().availableProcessors());
    return m;
  }

  static Map<String, Object> measured(String workload, int log2n, long setupMs, List<Double> ms) {
    Map<String, Object> m = base(workload, log2n);
    m.put("setup_ms", setupMs);
    m.put("ms", ms);
    m.put("median_ms", Timing.median(ms));
    m.put("peak_rss_mb", Timing.peakRssMb());
    return m;
  }

  static Map<String, Object> unavailable(String workload, int log2n, String reason) {
    Map<String, Object> m = base(workload, log2n);
    m.put("available", false);
    m.put("reason", reason);
    return m;
  }
}
