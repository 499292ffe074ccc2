package io.kubz.bench;

import io.kubz.field.Fr;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.Protocol;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.builder.Selector;
import io.kubz.plonkish.format.ProofCodec;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.keygen.Keygen;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.prover.Prover;
import io.kubz.plonkish.verifier.Verifier;
import io.kubz.poly.kzg.Kzg;
import io.kubz.poly.kzg.PolynomialCommitment;
import io.kubz.poly.srs.Srs;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Plonkish prove / verify of the chain x_{i+1} = x_i·b + i (b = 3), x_0 and the last x public: the
 * circuit the issue compares with snarkjs plonk (2^15 constraints in 15.5 s there). JMH times
 * {@link #prove} and {@link #verify}; {@code main} prints keygen, prove and verify times, proof
 * size and peak heap for the row counts given (default 2^16 2^18 2^20):
 * {@code java -cp bench/target/benchmarks.jar io.kubz.bench.PlonkBench 15 16 18 20}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class PlonkBench {
  /** log2 of the number of chain steps. */
  @Param({"15"})
  public int logSteps;

  private Circuit circuit;
  private ProvingKey pk;
  private PolynomialCommitment pcs;
  private Proof proof;

  /**
   * x_{i+1} = 3·x_i + i for i &lt; steps, with x_0 = 1 and x_steps public. The public values are bound
   * by a gate p·(x − instance) = 0 on rows 0 and steps rather than by copy constraints, so the
   * circuit needs no permutation argument: one advice column, degree 2, one quotient piece.
   */
  public static Circuit chain(int steps) {
    CircuitBuilder b = new CircuitBuilder();
    Column.Advice x = b.advice();
    Column.Fixed c = b.fixed();
    Column.Instance pub = b.instance();
    Selector s = b.selector();
    Selector p = b.selector();
    b.gate("chain", s.expr().mul(CircuitBuilder.query(x, 1).sub(CircuitBuilder.query(x).mul(3))
        .sub(CircuitBuilder.query(c))));
    b.gate("public", p.expr().mul(CircuitBuilder.query(x).sub(CircuitBuilder.query(pub))));
    Fr out = b.region("chain", r -> {
      Fr v = Fr.ONE;
      r.assignAdvice(x, 0, v);
      r.enable(p, 0);
      Fr three = Fr.of(3);
      for (int i = 0; i < steps; i++) {
        r.enable(s, i);
        r.assignFixed(c, i, Fr.of(i));
        v = v.mul(three).add(Fr.of(i));
        r.assignAdvice(x, i + 1, v);
      }
      r.enable(p, steps);
      return v;
    });
    b.setInstance(pub, 0, Fr.ONE);
    b.setInstance(pub, steps, out);
    return b.build();
  }

  @Setup
  public void setup() {
    circuit = chain(1 << logSteps);
    pcs = new Kzg(Srs.dev(circuit.description().k() + 1, 1));
    pk = Keygen.keygen(circuit.description(), pcs);
    proof = Prover.prove(pk, pcs, circuit.witness());
  }

  @Benchmark
  public Proof prove() {
    return Prover.prove(pk, pcs, circuit.witness());
  }

  @Benchmark
  public boolean verify() {
    return Verifier.verify(pk.vk(), pcs, Protocol.instanceValues(circuit.witness().instance()), proof);
  }

  /** One-shot end-to-end figures; arguments are log2 step counts (rows are the next power of two). */
  public static void main(String[] args) {
    int[] logs = args.length == 0 ? new int[] {15, 16, 18, 20} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    for (int log : logs) {
      // 2^log − 16 steps so that 2^log rows suffice next to the reserved rows.
      int steps = (1 << log) - 16;
      Circuit c = chain(steps);
      int k = c.description().k();
      PolynomialCommitment pcs = new Kzg(Srs.dev(k + 1, 1));
      resetPeaks();
      long t0 = System.nanoTime();
      long c0 = cpuNanos();
      ProvingKey pk = Keygen.keygen(c.description(), pcs);
      long t1 = System.nanoTime();
      long c1 = cpuNanos();
      StringBuilder stages = new StringBuilder();
      Proof p = Prover.prove(pk, pcs, c.witness(), new java.security.SecureRandom(),
          (name, nanos) -> stages.append(String.format(" %s %.2f s", name, nanos / 1e9)));
      long t2 = System.nanoTime();
      long c2 = cpuNanos();
      boolean ok = Verifier.verify(pk.vk(), pcs, Protocol.instanceValues(c.witness().instance()), p);
      long t3 = System.nanoTime();
      System.out.printf("rows 2^%d (%d steps): keygen %.2f s (cpu %.2f s), prove %.2f s (cpu %.2f s;%s),"
          + " verify %.1f ms, proof %d bytes, peak heap %d MB, verified %s, threads %d%n", k, steps,
          (t1 - t0) / 1e9, (c1 - c0) / 1e9, (t2 - t1) / 1e9, (c2 - c1) / 1e9, stages, (t3 - t2) / 1e6,
          ProofCodec.encode(p).length, peakHeapMb(), ok, io.kubz.field.Parallel.threads());
    }
  }

  /** CPU time of the whole process: on a shared machine it says more than wall time. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) {
      m.resetPeakUsage();
    }
  }

  private static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) {
      if (m.getType() == MemoryType.HEAP) {
        sum += m.getPeakUsage().getUsed();
      }
    }
    return sum >> 20;
  }
}
