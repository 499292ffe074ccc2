package io.kubz.bench;

import io.kubz.field.Fr;
import io.kubz.gkr.model.LayeredProof;
import io.kubz.gkr.model.LayeredProver;
import io.kubz.gkr.model.LayeredVerifier;
import io.kubz.gkr.pcs.HyperKzg;
import io.kubz.poly.srs.Srs;
import io.kubz.poly.transcript.Keccak256Transcript;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The GKR back end on a LeNet-5-sized layered model ({@link LeNetLayered}): prove (witness,
 * commitment of a 2^14-entry Wit, two logUp-GKR towers, the layer walk, batched HyperKZG opening)
 * and verify. Targets on 2 cores: prove ≤ 1.5–3 s, verify ≤ 0.1 s, proof ≤ 100 KB. {@link #main}
 * prints the prover's stage times instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class LayeredBench {
  private LeNetLayered.Case c;
  private HyperKzg pcs;
  private LayeredProver.Output out;

  @Setup
  public void setup() {
    c = LeNetLayered.build(1);
    pcs = new HyperKzg(Srs.devWithTau(LayeredProver.commitmentVars(c.model()), Fr.of(12345).pow(7),
        "bench"));
    out = prove();
  }

  @Benchmark
  public LayeredProver.Output prove() {
    return LayeredProver.prove(c.model(), c.inputs(), pcs, new Keccak256Transcript("bench"));
  }

  @Benchmark
  public boolean verify() {
    return LayeredVerifier.verify(c.model(), c.inputs(), out.outputs(), out.proof(), pcs,
        new Keccak256Transcript("bench"));
  }

  /** Stage times of a few proofs, verify time, proof size (wall and process CPU). */
  public static void main(String[] args) {
    LayeredBench b = new LayeredBench();
    b.setup();
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    for (int i = 0; i < runs; i++) {
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      LayeredProver.Output o = b.prove();
      long t1 = System.nanoTime();
      long c1 = os.getProcessCpuTime();
      b.out = o;
      boolean ok = b.verify();
      long t2 = System.nanoTime();
      long c2 = os.getProcessCpuTime();
      LayeredProof p = o.proof();
      System.out.printf("prove %.0f ms wall, %.0f ms cpu (witness %.0f, commit %.0f, towers %.0f, layers"
          + " %.0f, opening %.0f); verify %.1f ms wall, %.1f ms cpu, %s; proof %d bytes%n",
          (t1 - t0) / 1e6, (c1 - c0) / 1e6, o.witnessNanos() / 1e6, o.commitNanos() / 1e6,
          o.towerNanos() / 1e6, o.layerNanos() / 1e6, o.openingNanos() / 1e6, (t2 - t1) / 1e6,
          (c2 - c1) / 1e6, ok, p.size());
    }
  }
}
