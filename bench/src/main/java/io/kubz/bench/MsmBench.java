package io.kubz.bench;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.Msm;
import io.kubz.field.msm.G1Curve;
import io.kubz.field.msm.Pippenger;
import java.math.BigInteger;
import java.util.Random;
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
 * Msm.g1 on 2^logN distinct points with full-width random scalars (threads: kubz.threads, default
 * all cores), which takes the GLV path; g1Plain is the engine without GLV at its own window width. Peers on the same input: snarkjs 0.95 s / 11.4 s at 2^16 / 2^20; gnark 85 ms / 0.98 s
 * on 8 vCPU.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class MsmBench {
  @Param({"10", "16", "20"})
  public int logN;

  private long[] bases;
  private long[] scalars;
  private int n;

  @Setup
  public void setup() {
    n = 1 << logN;
    Random rnd = new Random(7);
    // P_i = G + i·S for a random S: distinct points at the cost of one addition each
    long[] jac = new long[G1.JACOBIAN_LONGS * n];
    long[] step = new long[G1.JACOBIAN_LONGS];
    G1.generator().mul(new BigInteger(250, rnd)).writeJacobian(step, 0);
    G1.generator().writeJacobian(jac, 0);
    for (int i = 1; i < n; i++) {
      G1.addJ(jac, G1.JACOBIAN_LONGS * i, jac, G1.JACOBIAN_LONGS * (i - 1), step, 0);
    }
    bases = new long[G1.AFFINE_LONGS * n];
    G1.batchToAffine(jac, 0, bases, 0, n);
    scalars = new long[4 * n];
    for (int i = 0; i < n; i++) {
      Fr.random(rnd).writeTo(scalars, 4 * i);
    }
  }

  @Benchmark
  public G1 g1() {
    return Msm.g1(bases, scalars, n);
  }

  /** The Pippenger engine without the GLV split (a forced width bypasses it), at the width it picks. */
  @Benchmark
  public G1 g1Plain() {
    long[] out = new long[G1.JACOBIAN_LONGS];
    Pippenger.msm(G1Curve.INSTANCE, bases, scalars, n, out, 0, Pippenger.windowBits(n));
    return G1.fromJacobian(out, 0);
  }

  /**
   * g1 and g1Plain interleaved in one JVM, wall and process CPU time per operation (all threads):
   * on a shared machine the CPU time and the alternation keep the comparison fair.
   * {@code java -cp bench/target/benchmarks.jar io.kubz.bench.MsmBench [logN] [reps]}.
   */
  public static void main(String[] args) {
    MsmBench b = new MsmBench();
    b.logN = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    b.setup();
    if (!b.g1().equals(b.g1Plain())) {
      throw new IllegalStateException("GLV and plain sums differ");
    }
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long[] wall = new long[2], cpu = new long[2];
    for (int i = 0; i < reps; i++) {
      for (int op = 0; op < 2; op++) {
        long w0 = System.nanoTime(), c0 = os.getProcessCpuTime();
        G1 unused = op == 0 ? b.g1() : b.g1Plain();
        cpu[op] += os.getProcessCpuTime() - c0;
        wall[op] += System.nanoTime() - w0;
      }
    }
    System.out.printf("logN=%d reps=%d load=%.2f%n", b.logN, reps, os.getSystemLoadAverage());
    System.out.printf("g1 (GLV): wall %.1f ms, cpu %.1f ms%n", wall[0] / 1e6 / reps, cpu[0] / 1e6 / reps);
    System.out.printf("g1Plain:  wall %.1f ms, cpu %.1f ms%n", wall[1] / 1e6 / reps, cpu[1] / 1e6 / reps);
    System.out.printf("GLV/plain: wall %.3f, cpu %.3f%n", (double) wall[0] / wall[1], (double) cpu[0] / cpu[1]);
  }
}
