package io.kubz.bench.peers;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.Msm;
import io.kubz.field.Parallel;
import io.kubz.poly.ntt.Domain;
import io.kubz.merkle.Poseidon;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.Protocol;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.keygen.Keygen;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.prover.Prover;
import io.kubz.plonkish.verifier.Verifier;
import io.kubz.poly.kzg.Kzg;
import io.kubz.poly.kzg.PolynomialCommitment;
import io.kubz.poly.srs.Srs;
import io.kubz.poly.ntt.Ntt;
import io.kubz.slicer.json.Json;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
  /** Seeded from the clock: each process measures fresh random data, as the node scripts do. */
  private static final Random RND = new Random();

  /** Hashes per timed run, as poseidon.mjs does by default. */
  private static final int POSEIDON_CALLS = 20_000;

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
    long t0 = System.nanoTime();
    int n = 1 << log2n;
    long[] bases = Workloads.distinctPoints(n, RND);
    long[] scalars = Workloads.randomFr(n, RND);
    G1 check = Msm.g1(bases, scalars, n);
    if (check.isInfinity()) {
      throw new IllegalStateException("the MSM of random points and scalars is the point at infinity");
    }
    long setupMs = (System.nanoTime() - t0) / 1_000_000;
    return measured("msm_g1", log2n, setupMs, Timing.reps(warmup, reps, () -> Msm.g1(bases, scalars, n)));
  }

  /** Forward NTT over Fr of 2^log2n random elements. */
  static Map<String, Object> fftFr(int log2n, int warmup, int reps) {
    long t0 = System.nanoTime();
    Domain d = Domain.of(log2n);
    Ntt ntt = Ntt.radix2();
    long[] a = Workloads.randomFr(1 << log2n, RND);
    long[] b = a.clone();
    ntt.forward(d, b);
    ntt.inverse(d, b);
    if (!java.util.Arrays.equals(a, b)) {
      throw new IllegalStateException("inverse(forward(a)) != a");
    }
    long setupMs = (System.nanoTime() - t0) / 1_000_000;
    // in place: each run transforms the previous output, which costs the same as fresh input
    return measured("fft_fr", log2n, setupMs, Timing.reps(warmup, reps, () -> ntt.forward(d, a)));
  }

  /** Poseidon (circomlib parameters, t = 3) on two inputs, each hash feeding the next. */
  static Map<String, Object> poseidon2(int warmup, int reps) {
    BigInteger kat = new BigInteger("7853200120776062878684798364095072458815029376092732009249414926327459813530");
    if (!Poseidon.hash(BigInteger.ONE, BigInteger.TWO).equals(kat)) {
      throw new IllegalStateException("Poseidon.hash(1, 2) differs from circomlib's");
    }
    long[] ab = new long[8];
    Fr.of(3).writeTo(ab, 0);
    Fr.of(4).writeTo(ab, 4);
    // a <- H(a, b): each hash feeds the next, as in poseidon.mjs
    List<Double> ms = Timing.reps(warmup, reps, () -> {
      for (int i = 0; i < POSEIDON_CALLS; i++) {
        Poseidon.hash(ab, 0, ab, 0, 2);
      }
    });
    List<Double> us = new ArrayList<>();
    for (double m : ms) {
      us.add(m * 1000 / POSEIDON_CALLS);
    }
    Map<String, Object> m = base("poseidon2", 0);
    m.put("calls_per_rep", POSEIDON_CALLS);
    m.put("us_per_hash", us);
    m.put("median_us", Timing.median(us));
    return m;
  }

  /** PLONK proof of the chain x_{i+1} = x_i * b + i over a 2^15-row domain (bench/peers/chain.circom). */
  static Map<String, Object> plonkChain(int warmup, int reps) {
    long t0 = System.nanoTime();
    int steps = ChainCircuit.stepsFor(15);
    Circuit circuit = ChainCircuit.build(steps, Fr.of(3), Fr.of(5));
    int k = circuit.description().k();
    if (k != 15) {
      throw new IllegalStateException("the chain of " + steps + " steps needs 2^" + k + " rows, not 2^15");
    }
    // the SRS size the plonkish prover asks for (PlonkBench does the same); a dev SRS, untimed
    PolynomialCommitment pcs = new Kzg(Srs.dev(k + 1, 1));
    ProvingKey pk = Keygen.keygen(circuit.description(), pcs);
    long setupMs = (System.nanoTime() - t0) / 1_000_000;
    Proof[] last = new Proof[1];
    List<Double> ms = Timing.reps(warmup, reps, () -> last[0] = Prover.prove(pk, pcs, circuit.witness()));
    Fr[][] instance = Protocol.instanceValues(circuit.witness().instance());
    if (!Verifier.verify(pk.vk(), pcs, instance, last[0])) {
      throw new IllegalStateException("kubz rejected its own chain proof");
    }
    Map<String, Object> m = measured("plonk_chain", 15, setupMs, ms);
    m.put("steps", steps);
    return m;
  }

  // ---- the JSON line ----

  private static Map<String, Object> base(String workload, int log2n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("side", "kubz");
    m.put("impl", "kubz (JDK " + System.getProperty("java.version") + ")");
    m.put("workload", workload);
    m.put("log2n", log2n);
    m.put("threads", Parallel.threads());
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
