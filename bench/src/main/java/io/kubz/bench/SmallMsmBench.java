package io.kubz.bench;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.Msm;
import io.kubz.field.msm.G1Curve;
import io.kubz.field.msm.Pippenger;
import io.kubz.poly.srs.Srs;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Msm.g1SmallInts (field/msm SmallMsm) on the 2^logN powers of a dev SRS (HyperKZG's bases): values
 * uniform in [0, 2^16) (issue #18's "commit of 2^20 small integers" target, ≤ 0.5 s), a GKR-like
 * witness (three quarters zero, the rest below 2^8 of either sign), and for comparison the general
 * Pippenger engine on the same 16-bit values as Fr scalars, at the window width its cost model
 * chose for them before small scalars were handed to SmallMsm (11 at 2^16, 13 at 2^20: the path
 * HyperKzg.commitIntegers took before).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class SmallMsmBench {
  @Param({"16", "20"})
  public int logN;

  private long[] bases;
  private long[] small;
  private long[] sparse;
  private long[] smallAsFr;
  private int n;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    n = 1 << logN;
    Srs srs = HyperKzgBench.devSrs(logN);
    bases = srs.g1Powers();
    Random rnd = new Random(11);
    small = new long[n];
    sparse = new long[n];
    smallAsFr = new long[4 * n];
    for (int i = 0; i < n; i++) {
      small[i] = rnd.nextInt(1 << 16);
      sparse[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(511) - 255 : 0;
      Fr.set(smallAsFr, 4 * i, small[i]);
    }
  }

  /** 2^logN values uniform in [0, 2^16). */
  @Benchmark
  public Object smallInts() {
    return Msm.g1SmallInts(bases, small, n);
  }

  /** A witness-like table: 3/4 zeros, the rest in [−255, 255]. */
  @Benchmark
  public Object sparseInts() {
    return Msm.g1SmallInts(bases, sparse, n);
  }

  /** The general engine on the same 16-bit values as Fr scalars (forced width: no hand-off). */
  @Benchmark
  public Object generalOnSmall() {
    long[] out = new long[G1.JACOBIAN_LONGS];
    Pippenger.msm(G1Curve.INSTANCE, bases, smallAsFr, n, out, 0, logN >= 20 ? 13 : 11);
    return G1.fromJacobian(out, 0);
  }

  /**
   * Wall and process CPU time per operation outside JMH (a loaded machine's steadier figure):
   * {@code java -cp bench/target/benchmarks.jar io.kubz.bench.SmallMsmBench [logN] [reps]}.
   */
  public static void main(String[] args) throws IOException {
    SmallMsmBench b = new SmallMsmBench();
    b.logN = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    b.setup();
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    String[] names = {"smallInts", "sparseInts", "generalOnSmall"};
    for (int op = 0; op < names.length; op++) {
      run(b, op); // warm-up
      long wall = 0, cpu = 0;
      for (int i = 0; i < reps; i++) {
        long w0 = System.nanoTime(), c0 = os.getProcessCpuTime();
        run(b, op);
        cpu += os.getProcessCpuTime() - c0;
        wall += System.nanoTime() - w0;
      }
      System.out.printf("logN=%d %-15s wall %8.1f ms, cpu %8.1f ms%n", b.logN, names[op],
          wall / 1e6 / reps, cpu / 1e6 / reps);
    }
  }

  private static Object run(SmallMsmBench b, int op) {
    return op == 0 ? b.smallInts() : op == 1 ? b.sparseInts() : b.generalOnSmall();
  }
}
